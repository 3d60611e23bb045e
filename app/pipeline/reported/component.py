"""The `reported_speech` component: what people are credited with saying outside quotation
marks (`X said the plan was dead`, `the plan is dead, according to X`), as passages of type
`indirect` on the quotes span group, each with its cue (`span._.reported`).

The fixed shapes are spaCy dependency patterns kept as data (`models/patterns/
reported_speech.jsonl`, "@cue_verbs" standing for the cue lexicon; matched by `shapes.py`); this
module turns a match
into a passage: the content's extent, and the checks that keep beliefs, questions, conditionals
and quoted words out. The speaker_attributor then finds each passage's source at its cue and
the speaker_resolver resolves it like any quotation's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from app.pipeline.entities.transcript import transcript_label
from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.furniture import doc_furniture_lines, in_embed, within
from app.pipeline.lexicon import LexiconSource, entries
from app.pipeline.pipes import DataPipe
from app.pipeline.quotes.features import is_caption
from app.pipeline.reported.declined import declined_cue
from app.pipeline.reported.extent import Found, joined
from app.pipeline.reported.labels import labelled, named_words
from app.pipeline.reported.model import ReportModel, passage_features
from app.pipeline.reported.nesting import before_relative_reports, outermost, unnested
from app.pipeline.reported.passage import passages_of
from app.pipeline.reported.source import source_of
from app.pipeline.shapes import Shape, compile_shapes, match
from app.pipeline.syntax import GERUND_TAG, VERB_POS
from app.pipeline.text import doc_text, head_lines_end, span_text, token_paragraphs
from app.pipeline.types import CharSpan, Quote

# The placeholder in the patterns that stands for the cue lexicon.
CUE_PLACEHOLDER = "@cue_verbs"
# Marks of a conditional clause: "if X said that ..." reports nothing.
CONDITIONAL_MARKS: frozenset[str] = frozenset({"if", "unless", "whether"})
# Shapes whose cue may name no source (`questions about X`): such a passage must not hold a
# quotation, whose speaker would become no one.
SOURCELESS_LAYOUTS: frozenset[str] = frozenset({"noun_topic"})
# Parts of speech of the words of a speaker's name or description (`retired surgeon Ben
# Castle`, `the woman`).
NOUN_PHRASE_POS: frozenset[str] = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"})
# Most words a report may hold beside a title or name that makes the rest of it (`him "X"`).
MAX_WORDS_BESIDE_TITLE = 2
# Most words outside the marks of a passage that is a cue introducing its own quotation
# (`before adding, "Q"`).
MAX_QUOTING_WORDS = 3
# What links such a cue to the sentence (`before`, `after`, `while`); `threatening "a major
# lawsuit"` alone reports the threat.
LINKING_POS: frozenset[str] = frozenset({"ADP", "SCONJ"})


@Language.factory(
    "reported_speech",
    assigns=["doc.spans", "span._.quote", "span._.reported"],
    requires=["token.dep", "token.pos", "token.tag", "token.lemma", "doc.spans"],
    default_config={
        "spans_key": QUOTES_KEY,
        "min_words": 2,
        "max_label_tokens": 6,
        "use_model": False,
    },
)
def make_reported_speech(
    nlp: Language,
    name: str,
    *,
    spans_key: str,
    min_words: int,
    max_label_tokens: int,
    use_model: bool,
) -> ReportedSpeech:
    return ReportedSpeech(
        nlp.vocab,
        name,
        spans_key=spans_key,
        min_words=min_words,
        max_label_tokens=max_label_tokens,
        use_model=use_model,
    )


class ReportedSpeech(DataPipe):
    """Reported speech -> `indirect` passages with their cues, by dependency patterns."""

    data_file = "reported_speech.json"

    def __init__(
        self,
        vocab: Any,
        name: str,
        *,
        spans_key: str,
        min_words: int,
        max_label_tokens: int,
        use_model: bool = False,
    ) -> None:
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.min_words = min_words
        self.max_label_tokens = max_label_tokens
        self.cue_verbs: list[str] = []
        self.cues: frozenset[str] = frozenset()  # the same, for look-ups
        self.colon_labels: frozenset[str] = frozenset()
        self.furniture_labels: frozenset[str] = frozenset()
        self.caption_marks: frozenset[str] = frozenset()
        self.issued_nouns: frozenset[str] = frozenset()
        self.use_model = use_model
        self.model: ReportModel | None = None
        self.patterns: list[dict[str, Any]] = []
        self._shapes: list[Shape] = []

    # ---- set-up and serialization ----------------------------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        cue_verbs: LexiconSource = (),
        patterns: Sequence[dict[str, Any]] = (),
        colon_labels: LexiconSource = (),
        furniture_labels: LexiconSource = (),
        caption_marks: LexiconSource = (),
        issued_nouns: LexiconSource = (),
        classifier: dict[str, Any] | str | Path | None = None,
    ) -> None:
        """Load the cue lexicon, the dependency patterns (the lexicon fills "@cue_verbs"), the
        labels of page furniture that a line's colon may follow, the photo credits that make a
        line a caption, and the nouns of what someone issues (`issued a statement saying`: the
        issuer is the source)."""
        self.colon_labels = frozenset(entries(colon_labels))
        self.furniture_labels = frozenset(entries(furniture_labels))
        self.caption_marks = frozenset(entries(caption_marks))
        self.issued_nouns = frozenset(entries(issued_nouns))
        self.model = _load_model(classifier)
        self._build([e for e in entries(cue_verbs) if " " not in e], list(patterns))

    def _build(self, cue_verbs: list[str], patterns: list[dict[str, Any]]) -> None:
        self.cue_verbs = cue_verbs
        self.cues = frozenset(cue_verbs)
        self.patterns = patterns
        # the patterns as matched: "@cue_verbs" replaced by the lexicon
        self.filled_patterns = [
            {**entry, "pattern": [_fill(node, cue_verbs) for node in entry["pattern"]]}
            for entry in patterns
        ]
        self._shapes = compile_shapes(self.vocab, self.filled_patterns)

    def to_json(self) -> dict[str, Any]:
        return {
            "cue_verbs": self.cue_verbs,
            "patterns": self.patterns,
            "colon_labels": sorted(self.colon_labels),
            "furniture_labels": sorted(self.furniture_labels),
            "caption_marks": sorted(self.caption_marks),
            "issued_nouns": sorted(self.issued_nouns),
            "classifier": self.model.to_dict() if self.model is not None else None,
        }

    def load_json(self, data: dict[str, Any]) -> None:
        self.colon_labels = frozenset(data["colon_labels"])
        self.furniture_labels = frozenset(data["furniture_labels"])
        self.caption_marks = frozenset(data.get("caption_marks", ()))
        self.issued_nouns = frozenset(data.get("issued_nouns", ()))
        self.model = _load_model(data.get("classifier"))
        self._build(data["cue_verbs"], data["patterns"])

    # ---- the component (called by `DataPipe.__call__`) ---------------------------------------

    def find(self, doc: Doc) -> list[Found]:
        """Every reported passage, in text order, at most one per content extent."""
        if not self.patterns or len(doc) == 0:
            return []
        if not doc.has_annotation("DEP") or not doc.has_annotation("TAG"):
            raise ValueError(
                "[reported_speech] needs a dependency parse and tags: add a tagger and a parser "
                f"before '{self.name}'"
            )
        quoted = quotation_mask(doc, self.spans_key)
        marked = quotation_mask(doc, self.spans_key, any_type=True)
        # per token: punctuation or a space (no word), from the doc's arrays once
        blank = (doc.to_array([IS_PUNCT, IS_SPACE]) != 0).any(axis=1).tolist()
        paragraphs = token_paragraphs(doc)
        paragraph = paragraphs.of
        found: dict[tuple[int, int], Found] = {}
        cues = self.cues
        passages: list[Found | None] = [
            found
            for label, nodes in match(doc, self._shapes)
            for found in passages_of(doc, label, nodes, cues)
        ]
        names_in_doc = named_words(doc)
        passages += [
            labelled(doc, start, end, self.colon_labels, self.max_label_tokens, names_in_doc, cues)
            for start, end in zip(paragraphs.starts, paragraphs.ends, strict=True)
        ]
        # paragraph -> page furniture or a photo caption, for those with passages
        furniture: dict[int, bool] = {}
        head_end = head_lines_end(doc_text(doc))
        furniture_ranges = (
            doc_furniture_lines(doc, self.furniture_labels)
            if any(passage is not None for passage in passages)
            else []
        )
        for passage in passages:
            if passage is None:
                continue
            line = paragraph[passage.start]
            if line not in furniture:
                start, end = paragraphs.starts[line], paragraphs.ends[line]
                furniture[line] = within(furniture_ranges, doc[start].idx) or is_caption(
                    span_text(doc, start, end), self.caption_marks
                )
            if furniture[line]:
                continue  # `READ MORE: X says Y` is another story's headline; a caption a photo's
            line_start = doc[paragraphs.starts[line]].idx
            if in_embed(doc_text(doc)[line_start : doc[passage.start].idx]):
                continue  # inside an embedded post or link: another document's words
            passage = _whole_quotations(doc, passage, quoted, marked, self.spans_key)
            if not self._acceptable(doc, passage, (quoted, marked), paragraph, blank, head_end):
                continue
            found.setdefault((passage.start, passage.end), self._sourced(doc, passage))
        passages_found = before_relative_reports(doc, list(found.values()))
        kept = joined(doc, outermost(unnested(passages_found), quoted))
        model = self.model if self.use_model else None
        if model is not None:
            kept = [
                f
                for f in kept
                if _headline_label(f, paragraph)
                or _transcript_line(doc, f)
                or model.keeps(passage_features(doc, f, quoted))
            ]
        return sorted(kept, key=lambda f: (f.start, f.end))

    def training_examples(self, doc: Doc) -> list[tuple[list[str], int, int]]:
        """What the report filter learns from in `doc`: for every passage the rules find (the
        filter off), its named features and its character offsets."""
        use_model, self.use_model = self.use_model, False
        try:
            found = self.find(doc)
        finally:
            self.use_model = use_model
        quoted = quotation_mask(doc, self.spans_key)
        out = []
        for passage in found:
            span = doc[passage.start : passage.end]
            out.append((passage_features(doc, passage, quoted), span.start_char, span.end_char))
        return out

    def _sourced(self, doc: Doc, passage: Found) -> Found:
        """A passage whose subject-less cue verb has its source named by the structure around
        it (`by saying`, `issued a statement saying`) carries that source."""
        if passage.cue.verb is None:
            return passage
        source = source_of(doc[passage.cue.verb], self.issued_nouns)
        if source is None:
            return passage
        return replace(passage, cue=replace(passage.cue, verb=None, source=source.i))

    def _acceptable(
        self,
        doc: Doc,
        passage: Found,
        masks: tuple[Sequence[bool], Sequence[bool]],
        paragraph: Sequence[int],
        blank: Sequence[bool],
        head_end: int,
    ) -> bool:
        """`masks`: the tokens inside quotations (speech), and inside any quoted passage;
        `head_end`: where the lines over the body end (`head_lines_end`)."""
        quoted, marked = masks
        start, end = passage.start, passage.end
        words = [i for i in range(start, end) if not blank[i]]
        if len(words) < (1 if passage.piece else self.min_words):
            return False
        titled = sum(1 for i in words if marked[i] and not quoted[i])
        led = marked[words[0]] or len(words) - titled <= MAX_WORDS_BESIDE_TITLE
        if paragraph[start] > 0 and doc[start].idx >= head_end and led and 2 * titled > len(words):
            # `a piece entitled "X's plans are not too costly"`, `called him "The Wall"`: a title's
            # or a name's words (a headline's quotation is typed a title when the story repeats
            # it, and is still reported)
            return False
        cue_start, cue_end = passage.cue.cue
        if any(quoted[k] for k in range(cue_start, cue_end)):
            return False  # a cue inside a quotation is the speaker's words, not the article's
        if len(words) > 1 and transcript_label(doc[words[0]]):
            words = words[1:]  # `A: "We restrained $2.4 million," Marchetti said`: the answer
            if quoted[words[0]]:
                return False  # an answer in quotation marks speaks for itself
        if _transcript_line(doc, passage) and quoted[words[0]]:
            return False  # (the same answer, its label read as the colon's speaker)
        outside = sum(1 for i in words if not quoted[i])
        if outside == 0 or (quoted[words[0]] and outside < self.min_words):
            return False  # the content is a quotation: that is a direct quote, not reported
        if outside < len(words) and outside <= MAX_QUOTING_WORDS:
            lead = [doc[i] for i in words if not quoted[i]]
            verbs = [t for t in lead if t.pos_ in VERB_POS]
            if (
                verbs
                and any(t.pos_ in LINKING_POS for t in lead)
                and all(v.tag_ == GERUND_TAG and v.lemma_.lower() in self.cues for v in verbs)
            ):
                return False  # `before adding, "Q"`: a cue that introduces its own quotation
        if passage.cue.verb is None and passage.cue.source is None and outside < len(words):
            if passage.cue.layout in SOURCELESS_LAYOUTS:
                return False  # quoted words are better left to the quotation's own speaker
        if paragraph[start] != paragraph[end - 1] or paragraph[start] != paragraph[cue_start]:
            return False
        verb = doc[passage.cue.verb] if passage.cue.verb is not None else None
        if verb is not None and _conditional_or_question(verb, quoted):
            return False
        if (
            start >= cue_end
            and cue_start > 0
            and doc[cue_start - 1].is_quote
            and _speaker_phrase(doc, start, end)
        ):
            return False  # `"Q," said Jim Bopp, a member of ...`: the quotation's speaker
        return True

    def set_annotations(self, doc: Doc, found: Sequence[Found]) -> None:
        if not found:
            return
        existing = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        taken = {(s.start_char, s.end_char) for s in existing}
        spans: list[Span] = list(existing)
        for passage in found:
            span = doc[passage.start : passage.end]
            if (span.start_char, span.end_char) in taken:
                continue  # an existing quote owns that span's `_` values
            taken.add((span.start_char, span.end_char))
            span._.quote = Quote(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                type="indirect",
                open_mark="",
                close_mark="",
                segments=(CharSpan(span.start_char, span.end_char, span.text),),
                declined=passage.cue.verb is not None and declined_cue(doc[passage.cue.verb]),
            )
            span._.reported = passage.cue
            spans.append(span)
        spans.sort(key=lambda s: (s.start_char, -s.end_char))
        doc.spans[self.spans_key] = spans


def _speaker_phrase(doc: Doc, start: int, end: int) -> bool:
    """The passage opens with a noun phrase that a comma or the passage's end closes, no verb of
    its own after it: the name an inverted cue after a quotation puts there (`said Robert Vance,
    who served ...`), not reported content (`said the candidate could win`)."""
    for k in range(start, end):
        token = doc[k]
        if token.text == ",":
            return k > start
        if token.pos_ not in NOUN_PHRASE_POS:
            return False
    return True


def _fill(node: dict[str, Any], cue_verbs: list[str]) -> dict[str, Any]:
    """A pattern node with "@cue_verbs" replaced by the lexicon."""
    attrs = dict(node.get("RIGHT_ATTRS", {}))
    for key, value in attrs.items():
        if isinstance(value, dict) and value.get("IN") == CUE_PLACEHOLDER:
            attrs[key] = {**value, "IN": cue_verbs}
    return {**node, "RIGHT_ATTRS": attrs}


def _headline_label(found: Found, paragraph: Sequence[int]) -> bool:
    """`Hale: Lopez should have called me` as the headline: the headline credits its speaker.
    The learned filter is not asked, since it weighs every colon label alike: on train it dropped
    45 of the 79 headline labels the corpus counts (kept, 19 more are found for 9 more wrong)."""
    return found.cue.layout == "colon" and paragraph[found.start] == 0


def _transcript_line(doc: Doc, found: Found) -> bool:
    """`Q: ...` or `A: ...` in an interview transcript: a question or its answer, every one
    kept alike. The learned filter is not asked: it weighs the label by its part of speech (the
    tagger takes this "A" for the article), and dropped a short question (`Q: Who qualifies?`)
    between two it kept."""
    source = found.cue.source
    return (
        found.cue.layout == "colon"
        and source is not None
        and transcript_label(doc[source]) is not None
    )


def _load_model(classifier: dict[str, Any] | str | Path | None) -> ReportModel | None:
    """The learned report filter from its JSON (a dict or a path), or None."""
    if classifier is None or classifier == {}:
        return None
    if isinstance(classifier, dict):
        return ReportModel.from_dict(classifier)
    return ReportModel.from_path(classifier)


def _whole_quotations(
    doc: Doc, passage: Found, quoted: Sequence[bool], marked: Sequence[bool], key: str
) -> Found:
    """A passage that ends inside a quoted passage it contains (`marked`: a quotation, a title)
    reaches its closing mark (`X said the plan was "dead on arrival."`, `the runner-up was
    "Mickey 18,"`); one that opens a quotation ends at its closing mark when a coordinated verb
    follows it (`X wrote, "Q," and shared a link`: the parser hangs "shared" on the quotation's
    verb, but it is what X did), and otherwise takes in its opening mark."""
    start, end = passage.start, passage.end
    if start < end <= len(marked) - 1 and marked[end - 1] and marked[end]:
        end = _closing_end(doc, key, end - 1)
    elif quoted[start]:
        close = start
        while close < end and quoted[close]:
            close += 1
        rest = [t for t in doc[close:end] if not t.is_punct]
        if len(rest) > 1 and rest[0].dep_ == "cc" and rest[1].dep_ == "conj":
            end = close
        elif start > 0 and doc[start - 1].is_quote and quoted[start - 1]:
            start -= 1  # (a report that opens with a quotation opens with its mark)
    if (start, end) == (passage.start, passage.end):
        return passage
    return replace(passage, start=start, end=end)


def _closing_end(doc: Doc, key: str, token: int) -> int:
    """The token after the closing mark of the quoted passage (one that closes) holding `token`,
    the outermost: not past it into a quotation that follows (`said it "will not wait." "We are
    ready," she said`)."""
    end = token + 1
    for span in doc.spans.get(key, []):
        quote: Quote | None = span._.quote
        if quote is not None and quote.type != "unclosed" and span.start - 1 <= token < span.end:
            closing = span.end < len(doc) and doc[span.end].is_quote
            end = max(end, span.end + 1 if closing else span.end)
    return end


def _conditional_or_question(verb: Any, quoted: Sequence[bool]) -> bool:
    """`If X said that ...`, `Did X say that ...?`: nothing was reported (a question mark
    inside a quotation is the quoted person's question, not the sentence's)."""
    current = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children):
            return True
        if current.dep_ not in {"conj", "xcomp", "ccomp"} or current.head.i == current.i:
            break
        current = current.head
    sentence = verb.sent
    last = sentence[-1] if len(sentence) else None
    while last is not None and last.i > sentence.start and (last.is_space or last.is_quote):
        last = last.doc[last.i - 1]
    return last is not None and last.text == "?" and not quoted[last.i]


def quotation_mask(doc: Doc, key: str, *, any_type: bool = False) -> list[bool]:
    """Tokens inside a quotation (direct or partial quote, marks included); with `any_type`,
    inside any quoted passage that closes (a title's or a scare quote's too, not a mark that
    never closes: its passage runs to the paragraph's end, over what reports it)."""
    mask = [False] * len(doc)
    for span in doc.spans.get(key, []):
        quote: Quote | None = span._.quote
        if quote is None or not (quote.is_quotation or (any_type and quote.type != "unclosed")):
            continue
        lo, hi = span.start, span.end
        if lo > 0 and doc[lo - 1].is_quote:
            lo -= 1
        if hi < len(doc) and doc[hi].is_quote:
            hi += 1
        for k in range(lo, hi):
            mask[k] = True
    return mask
