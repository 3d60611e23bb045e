"""Evidence from the tags about a passage, read from the doc's arrays."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.syntax import verb_lemma_mask as cue_mask


def test_cue_mask_marks_the_verbs_whose_lower_cased_lemma_is_a_cue() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Lee", "Said", "the", "said", "plan", "Warned", "ran"],
        pos=["PROPN", "VERB", "DET", "ADJ", "NOUN", "AUX", "VERB"],
        lemmas=["Lee", "Say", "the", "say", "plan", "Warn", "run"],
    )
    cues = frozenset({"say", "warn"})
    # "said" as an adjective is no cue though its lemma is; "ran" is a verb but no cue
    assert cue_mask(doc, cues).tolist() == [False, True, False, False, False, True, False]
    assert cue_mask(Doc(doc.vocab, words=["plan"], pos=["NOUN"]), cues).tolist() == [False]
