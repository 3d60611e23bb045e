"""The `quote_finder` component: every quoted passage of a text, its offsets, segments and type.

It scans the text for quote marks (`scan`), types each passage (`classify`, with the tagger's view
of the word after the closing mark when the doc is tagged) and puts one Span per passage on
`doc.spans[spans_key]`, with `span._.quote` set to its `Quote`.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import ensure_path

from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.lexicon import LexiconSource, entries
from app.pipeline.quotes.classify import Lexicons, classify
from app.pipeline.quotes.scan import content_segments, scan_quotes
from app.pipeline.text import paragraph_ranges
from app.pipeline.types import CharSpan, Quote

# The component's saved data (to_disk/from_disk).
LEXICONS_FILE = "lexicons.json"


def find_quotes(
    text: str,
    lexicons: Lexicons | None = None,
    noun_at: Callable[[int], bool | None] | None = None,
) -> list[Quote]:
    """Every quoted passage of `text`, in text order, non-overlapping, with exact offsets.

    `noun_at(i)` tells whether the word starting right after char i is a noun (None: unknown);
    the component passes the tagger's answer when the doc has tags.
    """
    lex = lexicons if lexicons is not None else Lexicons()
    paragraphs = paragraph_ranges(text) if text else []
    para_starts = [p[0] for p in paragraphs]
    quotes: list[Quote] = []
    for raw in scan_quotes(text):
        segments = content_segments(text, raw)
        start, end = segments[0][0], segments[-1][1]
        k = bisect_right(para_starts, raw.close_pos) - 1
        para = paragraphs[max(k, 0)]
        k_open = bisect_right(para_starts, raw.open_pos) - 1
        open_para = paragraphs[max(k_open, 0)]
        qtype = classify(
            text,
            start,
            end,
            raw.open_pos,
            raw.close_end,
            lex,
            (open_para[0], para[1]),
            noun_at(raw.close_end) if noun_at is not None and raw.close_mark else None,
            first_paragraph=k_open <= 0,
        )
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                type=qtype,
                open_mark=raw.open_mark,
                close_mark=raw.close_mark,
                segments=tuple(CharSpan(s, e, text[s:e]) for s, e in segments)
                if len(segments) > 1
                else (CharSpan(start, end, text[start:end]),),
            )
        )
    return quotes


@Language.factory(
    "quote_finder",
    assigns=["doc.spans", "span._.quote"],
    requires=[],
    default_config={"spans_key": QUOTES_KEY, "classify": True},
)
def make_quote_finder(nlp: Language, name: str, *, spans_key: str, classify: bool) -> QuoteFinder:
    """Build the component that puts every quoted passage on `doc.spans[spans_key]`."""
    return QuoteFinder(nlp.vocab, name, spans_key=spans_key, classify=classify)


class QuoteFinder(Pipe):
    """Finds quoted passages; a Span per passage with `span._.quote` set to its `Quote`."""

    def __init__(
        self,
        vocab: Any,
        name: str = "quote_finder",
        *,
        spans_key: str = QUOTES_KEY,
        classify: bool = True,
    ) -> None:
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.classify = classify
        self.lexicons = Lexicons()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        scare_cues: LexiconSource = (),
        title_cues: LexiconSource = (),
        speech_cues: LexiconSource = (),
        title_heads: LexiconSource = (),
    ) -> None:
        """Load the classification lexicons: paths (one entry a line) or the entries."""
        self.lexicons = Lexicons(
            scare_cues=frozenset(entries(scare_cues)),
            title_cues=frozenset(entries(title_cues)),
            speech_cues=frozenset(entries(speech_cues)),
            title_heads=frozenset(entries(title_heads)),
        )

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.find(doc))
        except Exception as e:  # noqa: BLE001 - routed to spaCy's configurable error handler
            error_handler(self.name, self, [doc], e)
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        noun_at = _tagged_noun_lookup(doc) if doc.has_annotation("TAG") else None
        quotes = find_quotes(doc.text, self.lexicons, noun_at)
        if not self.classify:
            quotes = [replace(q, type="direct") for q in quotes]
        return quotes

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        spans: list[Span] = []
        used: set[tuple[int, int]] = set()  # span._ values are keyed by the span's char offsets
        prev_end = 0
        for quote in quotes:
            span = _distinct(doc, _token_span(doc, quote.start, quote.end, prev_end), used)
            if span is None:
                continue  # two quotes inside one token of a one-token doc: keep the first
            used.add((span.start_char, span.end_char))
            span._.quote = quote
            spans.append(span)
            prev_end = span.end
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)

    # -- serialization ------------------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.lexicons.to_dict()).encode("utf8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> QuoteFinder:
        self.lexicons = Lexicons.from_dict(json.loads(bytes_data.decode("utf8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / LEXICONS_FILE).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteFinder:
        return self.from_bytes((ensure_path(path) / LEXICONS_FILE).read_bytes())


def _token_span(doc: Doc, start: int, end: int, min_token: int) -> Span:
    """The token-aligned span covering chars [start, end), never None, never before min_token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        first = last = None
        for token in doc:  # rare fallback (odd whitespace tokens): nearest covering tokens
            if token.idx + len(token) > start and first is None:
                first = token.i
            if token.idx < end:
                last = token.i
        if first is None:
            first = max(len(doc) - 1, 0)
        if last is None or last < first:
            last = first
        span = doc[first : min(last + 1, len(doc))]
    if span.start < min_token < span.end:
        span = doc[min_token : span.end]
    return span


def _distinct(doc: Doc, span: Span, used: set[tuple[int, int]]) -> Span | None:
    """`span`, or a token wider, so that no two quotes share one span (and its `_` values)."""
    candidates = (
        span,
        doc[span.start : span.end + 1],
        doc[max(span.start - 1, 0) : span.end],
        doc[max(span.start - 1, 0) : span.end + 1],
    )
    for candidate in candidates:
        if len(candidate) and (candidate.start_char, candidate.end_char) not in used:
            return candidate
    return None


# Penn Treebank tags of common nouns: a quoted term right before one modifies it (the “X” debate).
NOUN_TAGS: frozenset[str] = frozenset({"NN", "NNS"})


def _tagged_noun_lookup(doc: Doc) -> Callable[[int], bool | None]:
    """`noun_at(i)`: is the token starting at char i (or after one space) a common noun?"""
    starts = doc.to_array(IDX)

    def noun_at(i: int) -> bool | None:
        k = int(numpy.searchsorted(starts, i + 1, side="right")) - 1
        if k < 0 or int(starts[k]) < i:
            return False
        return doc[k].tag_ in NOUN_TAGS

    return noun_at
