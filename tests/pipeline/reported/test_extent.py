"""A reported passage's edges (`trim`): edge punctuation, conjunctions and a story's dateline
come off; on hand-made docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.reported.extent import trim


def _doc(words: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces)


def test_a_dateline_and_edge_punctuation_come_off() -> None:
    doc = _doc(["WASHINGTON", "(", "AP", ")", "—", "The", "bridge", "opens", "."])
    assert trim(doc, 0, len(doc)) == (5, 8)
    doc = _doc(["The", "bridge", "opens", ",", "and"])
    assert trim(doc, 0, len(doc)) == (0, 3)


def test_a_dash_after_capitals_is_no_dateline_without_a_place_or_a_sentence_after_it() -> None:
    doc = _doc(["I", "—", "The", "mayor", "—", "decide"])
    assert trim(doc, 0, len(doc)) == (0, 6)  # "I" is no place's name
    doc = _doc(["NATO", "-", "not", "the", "county", "-", "pays"])
    assert trim(doc, 0, len(doc)) == (0, 7)  # no sentence starts after the dash


def test_an_empty_range_trims_to_itself_even_at_the_docs_end() -> None:
    doc = _doc(["The", "bridge"])
    assert trim(doc, 2, 2) == (2, 2)
    assert trim(doc, 1, 1) == (1, 1)
