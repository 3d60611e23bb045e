"""Paragraphs and sentence ends: one definition for the scanner and the layouts."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from app.pipeline.text import (
    PARAGRAPH_BREAKS,
    TokenParagraphs,
    char_span,
    doc_text,
    head_lines_end,
    headline_range,
    paragraph_ranges,
    span_text,
    token_paragraphs,
)
from app.pipeline.tokenizer import bound_tokenizer, split_glued_quotes
from app.pipeline.types import CharSpan

# Our tokenizer as the pipeline installs it (chunk guard, glued quote marks split), small chunks.
GUARDED = spacy.blank("en")
bound_tokenizer(GUARDED, 16)
split_glued_quotes(GUARDED)


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


def test_doc_text_is_joined_once_and_only_for_its_doc() -> None:
    doc = spacy.blank("en")("Ann said: \u201cYes.\u201d\n")
    assert doc_text(doc) == doc.text == "Ann said: \u201cYes.\u201d\n"
    doc.user_data["quotes.text"] = "X" * len(doc.text)  # kept: not joined again
    assert doc_text(doc) == "X" * len(doc.text)
    doc.user_data["quotes.text"] = "stale"  # another length: the doc changed, joined again
    assert doc_text(doc) == "Ann said: \u201cYes.\u201d\n"
    assert doc_text(spacy.blank("en")("")) == ""


def test_span_text_and_char_span_agree_with_spacy_spans() -> None:
    doc = GUARDED("Ann  Lee said:\n\n\u201cYes,\u201dshe added \t today.\n")
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert span_text(doc, start, end) == span.text
            assert char_span(doc, (start, end)) == CharSpan(
                span.start_char, span.end_char, span.text
            )


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


def _paragraphs_by_text(doc: Doc) -> list[int]:
    """The definition, token by token: a paragraph ends after a token whose text has a break."""
    found, k = [], 0
    for token in doc:
        found.append(k)
        k += any(c in PARAGRAPH_BREAKS for c in token.text_with_ws)
    return found


# Pieces of text: words (one longer than the guard's chunk), marks, blanks and every break.
PIECES = ["a", "B", "x" * 20, ".", ",", '"', "\u201c", "\u201d", "'", " ", "\t", "\u00a0", "\u200b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + sorted(PARAGRAPH_BREAKS)), max_size=40).map("".join))
def test_token_paragraphs_follow_the_breaks_in_the_token_texts(text: str) -> None:
    doc = GUARDED(text)
    assert token_paragraphs(doc).of == _paragraphs_by_text(doc)


def test_a_headline_is_the_first_paragraph_over_more() -> None:
    assert headline_range("Mayor vows action\n\nThe mayor spoke.") == (0, 17)
    assert headline_range("\n  Mayor vows action \n\nThe mayor spoke.") == (1, 21)
    assert headline_range("Mayor vows action") is None  # no body under it
    assert headline_range("Mayor vows action\n\n \u200b\n") is None  # blanks are no paragraph
    assert headline_range("") is None


def test_the_head_of_a_pasted_page_ends_at_its_first_body_paragraph() -> None:
    body = "The council voted 12-4 on Tuesday to cut two overnight bus routes in the city."
    head = "News \u203a Local\n\nRoutes cut\n\nBus riders say they were not told\n\nBy A. Lee"
    text = f"{head}\n\n{body}"
    assert text[head_lines_end(text) :] == body
    # no paragraph long enough that ends a sentence: no head found
    assert head_lines_end("Routes cut\n\nBy A. Lee") == 0


def test_a_long_head_of_a_subscription_page_still_ends_at_the_body() -> None:
    """A national paper's page: masthead, section, headline, deck, byline lines, listen and
    photo-gallery buttons and a credit, 15 short lines before the body."""
    head = "\n".join(
        [
            "The Daily Ledger",
            "Business \u203a Economy",
            "Central bank cuts rate, signals end of easing",
            "Governor says a weak job market justifies one more cut",
            "Ann Lee",
            "Economics Reporter",
            "Ottawa",
            "Published March 11",
            "Updated 2 hours ago",
            "For Subscribers",
            "Listen to this article",
            "Open this photo in gallery:",
            "The governor arrives for a news conference.",
            "Jo Park/The Press",
            "Share",
        ]
    )
    body = "The central bank lowered its benchmark rate by a quarter of a point on Wednesday."
    text = f"{head}\n{body}"
    assert text[head_lines_end(text) :] == body
