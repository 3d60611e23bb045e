"""A reported passage's edges (`trim`): edge punctuation, conjunctions and a story's dateline
come off; two passages of one cue side by side are one (`joined`); on hand-made docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.reported.extent import Found, joined, trim
from app.pipeline.types import ReportedCue


def _doc(words: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces)


def test_a_dateline_and_edge_punctuation_come_off() -> None:
    doc = _doc(["WASHINGTON", "(", "AP", ")", "—", "The", "bridge", "opens", "."])
    assert trim(doc, 0, len(doc)) == (5, 8)
    doc = _doc(["The", "bridge", "opens", ",", "and"])
    assert trim(doc, 0, len(doc)) == (0, 3)


def test_a_trailing_so_comes_off_as_a_conjunction_not_as_the_adverb_of_do_so() -> None:
    words = ["She", "plans", "to", "do", "so"]
    doc = Doc(spacy.blank("en").vocab, words=words, deps=["", "", "", "", "advmod"])
    assert trim(doc, 0, len(doc)) == (0, 5)
    doc = Doc(spacy.blank("en").vocab, words=words, deps=["", "", "", "", "cc"])
    assert trim(doc, 0, len(doc)) == (0, 4)


def test_a_dash_after_capitals_is_no_dateline_without_a_place_or_a_sentence_after_it() -> None:
    doc = _doc(["I", "—", "The", "mayor", "—", "decide"])
    assert trim(doc, 0, len(doc)) == (0, 6)  # "I" is no place's name
    doc = _doc(["NATO", "-", "not", "the", "county", "-", "pays"])
    assert trim(doc, 0, len(doc)) == (0, 7)  # no sentence starts after the dash


def test_an_empty_range_trims_to_itself_even_at_the_docs_end() -> None:
    doc = _doc(["The", "bridge"])
    assert trim(doc, 2, 2) == (2, 2)
    assert trim(doc, 1, 1) == (1, 1)


SAID = ReportedCue((1, 2), 1, None, "clause")


def test_two_passages_one_cue_reports_side_by_side_are_one() -> None:
    doc = _doc(["Ann", "said", "mail", "stops", ",", "and", "parcels", "wait", "."])
    first, second = Found(2, 4, SAID), Found(6, 8, SAID)
    assert joined(doc, [second, first]) == [Found(2, 8, SAID)]
    # another cue's passage, or the two pieces around an attribution, stay apart
    other = ReportedCue((5, 6), 5, None, "clause")
    assert joined(doc, [first, Found(6, 8, other)]) == [first, Found(6, 8, other)]
    pieces = [Found(2, 4, SAID, piece=True), Found(6, 8, SAID, piece=True)]
    assert joined(doc, pieces) == pieces


def test_two_passages_of_one_cue_that_overlap_where_the_parse_cut_a_quotation_are_one() -> None:
    # `Ann said the "spend now, pay later" plan fails`: cut at the quotation's comma
    words = ["Ann", "said", "the", '"', "spend", "now", ",", "pay", "later", '"', "plan", "fails"]
    doc = _doc(words)
    first, second = Found(2, 10, SAID), Found(7, 12, SAID)
    assert joined(doc, [first, second]) == [Found(2, 12, SAID)]
    # one inside the other is not an overlap to join
    assert joined(doc, [Found(2, 12, SAID), Found(7, 10, SAID)]) == [
        Found(2, 12, SAID),
        Found(7, 10, SAID),
    ]


def test_words_or_a_paragraph_break_between_passages_keep_them_apart() -> None:
    doc = _doc(["Ann", "said", "mail", "stops", "because", "parcels", "wait", "."])
    first, second = Found(2, 4, SAID), Found(5, 7, SAID)
    assert joined(doc, [first, second]) == [first, second]
    doc = _doc(["Ann", "said", "mail", "stops", "\n\n", "parcels", "wait", "."])
    assert joined(doc, [first, second]) == [first, second]
