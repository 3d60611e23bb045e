"""The source of a subject-less reported-speech cue, on hand-parsed docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.reported.source import source_of


def test_issuer_of_a_statement_is_the_nearest_of_two_subjects_a_misparse_gave() -> None:
    # `"... never Lopez ." ¶ The council issued a statement saying it won`: the parse hung the
    # name ending the quote before on "issued" as a second subject
    words = ["never", "Lopez", ".", "The", "council", "issued", "a", "statement", "saying", "it"]
    words += ["won"]
    heads = [1, 5, 1, 4, 5, 5, 7, 5, 7, 10, 8]
    deps = ["neg", "nsubj", "punct", "det", "nsubj", "ROOT", "det", "dobj", "acl", "nsubj"]
    deps += ["ccomp"]
    pos = ["ADV", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "PRON", "VERB"]
    lemmas = [w.lower() for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    source = source_of(doc[8], {"statement"})
    assert source is not None and source.text == "council"
