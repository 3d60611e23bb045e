"""Paragraphs and sentence ends: the one place the pipeline decides where they are.

A paragraph is a line of the text that holds something other than blanks (news copy puts one
paragraph on a line; a blank line between paragraphs changes nothing). Token-level paragraph ids
follow the same rule, so the quote finder and the attribution layouts agree on what "the same
paragraph" means.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc

from app.pipeline.shapes import distinct_string_mask
from app.pipeline.types import CharSpan

# Characters that end a paragraph (line breaks of every convention; \r\n counts once).
PARAGRAPH_BREAKS: frozenset[str] = frozenset(
    {"\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"}
)
# Invisible characters that count as blanks (trimmed like whitespace at the edges of a quote).
INVISIBLES: frozenset[str] = frozenset(
    {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\x00"}
)
# Sentence-final punctuation, as characters and as whole tokens.
SENTENCE_END: frozenset[str] = frozenset({".", "!", "?", "\u2026"})
# The last token of a quote that its sentence goes on after ("Q," X said / "Q?" X asked).
UNFINISHED_QUOTE_ENDS: frozenset[str] = frozenset({",", "?", "!"})

_BREAK_RE = re.compile("[" + re.escape("".join(sorted(PARAGRAPH_BREAKS))) + "]")
# Where token_paragraphs keeps its result on a doc.
_PARAGRAPHS_KEY = "quotes.token_paragraphs"
# Where doc_text keeps the doc's text.
_TEXT_KEY = "quotes.text"
_LINE_RE = re.compile("[^" + re.escape("".join(sorted(PARAGRAPH_BREAKS))) + "]+")


def is_blank(char: str) -> bool:
    """Whitespace, an invisible format character or a control character."""
    return char.isspace() or char in INVISIBLES or unicodedata.category(char) == "Cc"


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph of `text`: lines holding something other than blanks."""
    return list(iter_paragraph_ranges(text))


def iter_paragraph_ranges(text: str) -> Iterator[tuple[int, int]]:
    """`paragraph_ranges`, one at a time (the first paragraph is found without the rest)."""
    for m in _LINE_RE.finditer(text):
        if not all(is_blank(c) for c in m.group()):
            yield m.start(), m.end()


def headline_range(text: str) -> tuple[int, int] | None:
    """The first paragraph's (start, end) when more paragraphs follow it (a headline over a
    body), else None."""
    lines = iter_paragraph_ranges(text)
    first = next(lines, None)
    return first if first is not None and next(lines, None) is not None else None


# How many lines a pasted page's head may take (section, headline, deck, byline, date, photo
# credit), and the fewest words of the first body paragraph after it.
MAX_HEAD_LINES = 20
MIN_BODY_WORDS = 12


def head_lines_end(text: str) -> int:
    """Where the lines over a story's body end: the start of the first paragraph of at least
    `MIN_BODY_WORDS` words that ends a sentence, within the first `MAX_HEAD_LINES` paragraphs (a
    pasted page opens with a section's name, the headline, a deck and a byline); 0 if none."""
    for ranges in islice(iter_paragraph_ranges(text), MAX_HEAD_LINES):
        start, end = ranges
        line = text[start:end].rstrip()
        if len(line.split()) >= MIN_BODY_WORDS and line.rstrip("\"'\u201d\u2019")[-1:] in ".?!":
            return start
    return 0


def has_break(text: str) -> bool:
    return any(c in PARAGRAPH_BREAKS for c in text)


@dataclass(frozen=True, slots=True)
class TokenParagraphs:
    """Paragraph id of every token, and each paragraph's first token and end (exclusive)."""

    of: list[int]
    starts: list[int]
    ends: list[int]


def keep_text(doc: Doc, text: str) -> None:
    """Keep `text` as the doc's text for `doc_text` (the tokenizer has it: no join needed)."""
    doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc (spaCy joins every token's text again on each access) and
    kept in `doc.user_data`; a kept text of another length (the doc was changed) is not used."""
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, str) and len(cached) == _text_length(doc):
        return cached
    text: str = doc.text
    doc.user_data[_TEXT_KEY] = text
    return text


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, cut from `doc_text` instead of joined from the tokens."""
    if end <= start:
        return ""
    lo, hi = _char_bounds(doc, start, end)
    return doc_text(doc)[lo:hi]


def _char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The characters of the non-empty token range [start, end): its first token's start to its
    last token's end (trailing whitespace left out, as `Span.text` does)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def _text_length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def token_paragraphs(doc: Doc) -> TokenParagraphs:
    """A new paragraph starts after every token whose text or trailing space holds a break.

    Computed once per doc (kept in `doc.user_data`): every component asks for it.
    """
    cached = doc.user_data.get(_PARAGRAPHS_KEY)  # plain lists: user_data may be serialized
    if isinstance(cached, tuple) and len(cached) == 3 and len(cached[0]) == len(doc):
        return TokenParagraphs(*cached)
    n = len(doc)
    # A token's trailing whitespace is one space at most, so breaks are in the token texts; and
    # every break is a whitespace character, which the tokenizer never glues to other text: only
    # whitespace tokens are read, each distinct one once (a string lookup costs more than the test).
    columns = doc.to_array([ORTH, IS_SPACE])
    spaces = numpy.flatnonzero(columns[:, 1])
    breaking = distinct_string_mask(
        doc, columns[:, 0], spaces, lambda word: _BREAK_RE.search(word) is not None
    )
    after_break = breaking.astype(numpy.int64)
    of: list[int] = numpy.concatenate(([0], numpy.cumsum(after_break[:-1]))).tolist()[:n]
    starts: list[int] = ([0] + (numpy.flatnonzero(after_break[:-1]) + 1).tolist()) if n else []
    ends: list[int] = starts[1:] + [n] if n else []
    doc.user_data[_PARAGRAPHS_KEY] = (of, starts, ends)
    return TokenParagraphs(of, starts, ends)


def char_span(doc: Doc, tokens: tuple[int, int] | None) -> CharSpan | None:
    """The characters of a token range (end exclusive), or None."""
    if tokens is None:
        return None
    start, end = tokens
    if 0 <= start < end <= len(doc):  # (cut from the doc's text: no Span, no join)
        lo, hi = _char_bounds(doc, start, end)
        return CharSpan(lo, hi, doc_text(doc)[lo:hi])
    span = doc[start:end]
    return CharSpan(span.start_char, span.end_char, span.text)
