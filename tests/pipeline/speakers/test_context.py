"""The attributor's per-doc lookups on hand-parsed docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.speakers.context import AttributorSettings, DocIndex
from app.pipeline.speakers.cues import CueLexicon
from app.pipeline.speakers.patterns import CueMatches


def _index(doc: Doc) -> DocIndex:
    settings = AttributorSettings(
        lexicon=CueLexicon(frozenset({"say"})),
        speech_nouns=frozenset(),
        source_nouns=frozenset(),
        issued_nouns=frozenset(),
        causing_verbs=frozenset(),
        after_window=30,
        before_window=40,
        max_ascent=8,
    )
    return DocIndex(doc, [], settings, CueMatches())


def _inverted_doc(*, person: bool) -> Doc:
    """It is late , says Ann Lee , an adviser . Help comes .  (hand-set heads: "Lee" hung on
    "comes", as a parse that runs past the sentence end may hang it; "Ann Lee" a person's name
    or no entity)"""
    words = ["It", "is", "late", ",", "says", "Ann", "Lee", ",", "an", "adviser", "."]
    words += ["Help", "comes", "."]
    heads = [1, 4, 1, 4, 4, 6, 12, 6, 9, 6, 4, 12, 4, 12]
    deps = ["nsubj", "ccomp", "acomp", "punct", "ROOT", "compound", "nsubj", "punct", "det"]
    deps += ["appos", "punct", "nsubj", "ccomp", "punct"]
    pos = ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "DET", "NOUN"]
    pos += ["PUNCT", "NOUN", "VERB", "PUNCT"]
    tags = ["PRP", "VBZ", "JJ", ",", "VBZ", "NNP", "NNP", ",", "DT", "NN", ".", "NN", "VBZ", "."]
    lemmas = ["it", "be", "late", ",", "say", "Ann", "Lee", ",", "an", "adviser", "."]
    lemmas += ["help", "come", "."]
    ents = ["O"] * 5 + (["B-PERSON", "I-PERSON"] if person else ["O", "O"]) + ["O"] * 7
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )


def test_a_cue_after_a_comma_takes_the_name_after_it_as_its_subject() -> None:
    # the parse hung "Lee" on "comes" in the next sentence: "says" has no subject of its own
    doc = _inverted_doc(person=True)
    subject = _index(doc).subject_of(doc[4])
    assert subject is not None and subject.text == "Lee"


def test_only_a_person_s_name_after_the_cue_is_taken_for_its_subject() -> None:
    doc = _inverted_doc(person=False)
    assert _index(doc).subject_of(doc[4]) is None
