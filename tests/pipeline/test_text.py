"""Paragraphs and sentence ends: one definition for the scanner and the layouts."""

from __future__ import annotations

import spacy

from app.pipeline.text import TokenParagraphs, char_span, paragraph_ranges, token_paragraphs
from app.pipeline.types import CharSpan


def test_paragraphs_are_non_blank_lines_of_every_convention() -> None:
    text = "One.\r\nTwo.\rThree.\u2029\n  \nFour."
    assert [text[s:e] for s, e in paragraph_ranges(text)] == ["One.", "Two.", "Three.", "Four."]
    assert paragraph_ranges("") == []
    assert paragraph_ranges(" \u200b\n\t") == []


def test_token_paragraphs_agree_with_the_text() -> None:
    doc = spacy.blank("en")("A b.\n\nC d.\nE")
    assert [t.text for t in doc] == ["A", "b.", "\n\n", "C", "d.", "\n", "E"]
    paragraphs = token_paragraphs(doc)
    assert paragraphs.of == [0, 0, 0, 1, 1, 1, 2]  # a break token ends its paragraph
    assert paragraphs.starts == [0, 3, 6]
    assert paragraphs.ends == [3, 6, 7]
    assert token_paragraphs(spacy.blank("en")("")).starts == []


def test_char_span_of_a_token_range() -> None:
    doc = spacy.blank("en")("Ann Lee said it.")
    assert char_span(doc, (0, 2)) == CharSpan(0, 7, "Ann Lee")
    assert char_span(doc, None) is None


def test_token_paragraphs_of_every_break_convention() -> None:
    doc = spacy.blank("en")("A\r\nB\u2029C \x0cD\n")
    assert [t.text for t in doc] == ["A", "\r\n", "B", "\u2029", "C", "\x0c", "D", "\n"]
    paragraphs = token_paragraphs(doc)
    assert paragraphs.of == [0, 0, 1, 1, 2, 2, 3, 3]  # a final break opens no paragraph
    assert paragraphs.starts == [0, 2, 4, 6]
    assert paragraphs.ends == [2, 4, 6, 8]
    one = spacy.blank("en")("word")
    assert token_paragraphs(one) == TokenParagraphs([0], [0], [1])
