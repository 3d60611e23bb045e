"""The `quote_finder` component: every quoted passage of a text, its offsets, segments and type.

It scans the text for quote marks (`scan`), gathers the evidence about each passage (`features`,
and `parse` when the doc is tagged and parsed), types it by the rules (`classify`) or, when a
learned speech model is loaded and the doc is parsed, by the model (`model`), and puts one Span per
passage on `doc.spans[spans_key]`, with `span._.quote` set to its `Quote`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.furniture import doc_furniture_lines, furniture_lines
from app.pipeline.lexicon import LexiconSource, entries
from app.pipeline.pipes import DataPipe
from app.pipeline.quotes.classify import DEFINING_RULES, type_passages
from app.pipeline.quotes.features import (
    Features,
    LineFacts,
    Passage,
    build_passages,
    text_features,
)
from app.pipeline.quotes.lexicons import Lexicons
from app.pipeline.quotes.model import UNLEARNED_FEATURES, SpeechModel, with_rule
from app.pipeline.quotes.parse import ParseView, parse_features
from app.pipeline.quotes.scan import scan_quotes
from app.pipeline.text import doc_text
from app.pipeline.types import CharSpan, Quote


def find_quotes(
    text: str,
    lexicons: Lexicons | None = None,
    view: ParseView | None = None,
    model: SpeechModel | None = None,
) -> list[Quote]:
    """Every quoted passage of `text`, in text order, non-overlapping, with exact offsets.

    `view` is the parse of `text` (the tagger's and parser's evidence, when the doc has them);
    `model` the learned speech classifier, used on parsed docs only.
    """
    lex = lexicons if lexicons is not None else Lexicons()
    quotes: list[Quote] = []
    passages, features = _evidence(text, lex, view)
    verdicts = type_passages(text, passages, features, model)
    for passage, (qtype, _rule) in zip(passages, verdicts, strict=True):
        start, end = passage.start, passage.end
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                type=qtype,
                open_mark=passage.open_mark,
                close_mark=passage.close_mark,
                segments=tuple(CharSpan(s, e, text[s:e]) for s, e in passage.segments),
            )
        )
    return quotes


def _evidence(
    text: str, lex: Lexicons, view: ParseView | None
) -> tuple[list[Passage], list[Features]]:
    """Every scanned passage of `text` and its features (with the parse's, given `view`)."""
    lines: dict[tuple[int, int], LineFacts] = {}
    passages = build_passages(text, scan_quotes(text, lex.speech_cues))
    furniture = (
        []
        if not passages
        else doc_furniture_lines(view.doc, lex.furniture_labels)
        if view is not None
        else furniture_lines(text, lex.furniture_labels)
    )
    features = [text_features(text, passage, lex, lines, furniture) for passage in passages]
    if view is not None:
        features = [parse_features(view, p, f) for p, f in zip(passages, features, strict=True)]
    return passages, features


@Language.factory(
    "quote_finder",
    assigns=["doc.spans", "span._.quote"],
    requires=[],
    default_config={"spans_key": QUOTES_KEY, "classify": True, "use_model": True},
)
def make_quote_finder(
    nlp: Language, name: str, *, spans_key: str, classify: bool, use_model: bool
) -> QuoteFinder:
    """Build the component that puts every quoted passage on `doc.spans[spans_key]`."""
    return QuoteFinder(nlp.vocab, name, spans_key=spans_key, classify=classify, use_model=use_model)


class QuoteFinder(DataPipe):
    """Finds quoted passages; a Span per passage with `span._.quote` set to its `Quote`."""

    data_file = "lexicons.json"

    def __init__(
        self,
        vocab: Any,
        name: str = "quote_finder",
        *,
        spans_key: str = QUOTES_KEY,
        classify: bool = True,
        use_model: bool = True,
    ) -> None:
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.classify = classify
        self.use_model = use_model
        self.lexicons = Lexicons()
        self.model: SpeechModel | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        scare_cues: LexiconSource = (),
        title_cues: LexiconSource = (),
        title_verbs: LexiconSource = (),
        speech_cues: LexiconSource = (),
        title_heads: LexiconSource = (),
        term_cues: LexiconSource = (),
        term_use_verbs: LexiconSource = (),
        thinking_verbs: LexiconSource = (),
        furniture_labels: LexiconSource = (),
        caption_marks: LexiconSource = (),
        cue_verbs: LexiconSource = (),
        classifier: dict[str, Any] | Path | str | None = None,
    ) -> None:
        """Load the classification lexicons (paths, one entry a line, or the entries) and the
        learned speech model (its JSON as a dict or a path; None: rules only)."""
        self.lexicons = Lexicons(
            scare_cues=frozenset(entries(scare_cues)),
            title_cues=frozenset(entries(title_cues)),
            title_verbs=frozenset(entries(title_verbs)),
            speech_cues=frozenset(entries(speech_cues)),
            title_heads=frozenset(entries(title_heads)),
            term_cues=frozenset(entries(term_cues)),
            term_use_verbs=frozenset(entries(term_use_verbs)),
            thinking_verbs=frozenset(entries(thinking_verbs)),
            furniture_labels=frozenset(entries(furniture_labels)),
            caption_marks=frozenset(entries(caption_marks)),
            cue_verbs=frozenset(entries(cue_verbs)),
        )
        if classifier is None:
            self.model = None
        elif isinstance(classifier, dict):
            self.model = SpeechModel.from_dict(classifier)
        else:
            self.model = SpeechModel.from_path(classifier)

    def find(self, doc: Doc) -> list[Quote]:
        view = ParseView(doc, self.lexicons) if doc.has_annotation("TAG") else None
        model = self.model if self.use_model else None
        quotes = find_quotes(doc_text(doc), self.lexicons, view, model)
        if not self.classify:  # every closed passage is speech (an unclosed one stays unclosed)
            quotes = [q if q.type == "unclosed" else replace(q, type="direct") for q in quotes]
        return quotes

    def training_examples(
        self, doc: Doc, gold: Sequence[tuple[int, int]]
    ) -> list[tuple[dict[str, float], bool]]:
        """What the speech model learns from in `doc`: for every passage it may decide, its
        features and whether it overlaps a gold quote (`gold`: content offsets) by at least half
        of the shorter span. Left out: passages of the first paragraph (a corpus that does not
        annotate headlines leaves them unlabelled, not negative) and passages typed by a rule that
        defines a type (the model never overrules those)."""
        text = doc_text(doc)
        view = ParseView(doc, self.lexicons) if doc.has_annotation("TAG") else None
        passages, features = _evidence(text, self.lexicons, view)
        found: list[tuple[dict[str, float], bool]] = []
        verdicts = type_passages(text, passages, features)
        for passage, f, (_qtype, rule) in zip(passages, features, verdicts, strict=True):
            if passage.para_index == 0 or rule in DEFINING_RULES:
                continue
            values = with_rule(f, rule).values
            learned = {k: v for k, v in values.items() if k not in UNLEARNED_FEATURES}
            found.append((learned, any(_overlaps((passage.start, passage.end), g) for g in gold)))
        return found

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

    # -- serialization (one JSON file, `DataPipe`) ----------------------------------------------
    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"lexicons": self.lexicons.to_dict()}
        if self.model is not None:
            data["model"] = self.model.to_dict()
        return data

    def load_json(self, data: dict[str, Any]) -> None:
        self.lexicons = Lexicons.from_dict(data.get("lexicons", {}))
        model = data.get("model")
        self.model = SpeechModel.from_dict(model) if model is not None else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The evaluator's match: the common characters cover half of the shorter span."""
    common = min(a[1], b[1]) - max(a[0], b[0])
    return common > 0 and common >= 0.5 * min(a[1] - a[0], b[1] - b[0])


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
