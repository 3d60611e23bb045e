"""What the attribution layouts look at: per-doc lookups (paragraphs, quoted tokens, pattern
matches, memoized subjects and cue extents) and the per-quote context handed to each finder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import numpy
from spacy.attrs import IS_PUNCT, IS_QUOTE, IS_SPACE, ORTH
from spacy.tokens import Doc, Span, Token

from app.pipeline.shapes import hashes_of, in_sorted
from app.pipeline.speakers.cues import CueLexicon, cue_extent, subject_of
from app.pipeline.speakers.patterns import CueMatches
from app.pipeline.syntax import (
    MENTION_POS,
    PERSON_LABELS,
    adds_a_count,
    mention_head,
    verb_lemma_mask,
)
from app.pipeline.text import token_paragraphs
from app.pipeline.types import Quote, SpeakerCandidate

# Quote marks, in case the tokenizer does not flag one as `is_quote`.
QUOTE_MARKS: frozenset[str] = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''", "«", "»"})
# Punctuation that may sit between a closing quote mark and its attribution ("Q," X said).
ATTACHING_PUNCT: frozenset[str] = frozenset({",", "-", "—", "–", "―", "--", "...", "…", ":", ";"})
# Single dash characters (a closing mark and a dash may come as one token: `"―`).
DASH_CHARS: frozenset[str] = frozenset({"―", "—", "–", "-"})

# Tags of a finite cue that may stand before its subject (`, says Lee`, `, said Lee`).
INVERTED_TAGS: frozenset[str] = frozenset({"VBZ", "VBD"})

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AttributorSettings:
    """The speaker_attributor's configuration and lexicons, as the finders read them."""

    lexicon: CueLexicon
    speech_nouns: frozenset[str]
    source_nouns: frozenset[str]  # common nouns that can name a speaker (empty: any can)
    issued_nouns: frozenset[str]  # nouns of what someone issues (a statement, a press release)
    causing_verbs: frozenset[str]  # verbs that move their object to speak (prompt, urge)
    after_window: int  # tokens after a quote the search for its cue may look
    before_window: int  # tokens before a quote the search for its cue may look
    max_ascent: int  # dependency heads climbed above a quote looking for its governing verb
    poll_nouns: frozenset[str] = frozenset()  # nouns of a poll, credited for a share's words
    answer_openers: frozenset[str] = frozenset()  # words a reply opens with (`No.`, `Yes,`)


def is_mark(token: Token) -> bool:
    return token.is_quote or token.text in QUOTE_MARKS


def mark_or_blank(doc: Doc) -> numpy.ndarray:
    """Per token: punctuation, a space or a quote mark (`is_mark`), from the doc's arrays."""
    if len(doc) == 0:
        return numpy.zeros(0, dtype=bool)
    columns = doc.to_array([IS_PUNCT, IS_SPACE, IS_QUOTE, ORTH])
    marks = hashes_of(QUOTE_MARKS)
    flags: numpy.ndarray = (columns[:, :3] != 0).any(axis=1) | in_sorted(columns[:, 3], marks)
    return flags


def is_mark_dash(token: Token) -> bool:
    """A closing mark glued to a signature dash (`"Q"― Jane Doe` tokenized as `"―`)."""
    text = token.text
    return (
        len(text) > 1
        and text[0] in QUOTE_MARKS
        and text[-1] in DASH_CHARS
        and all(c in QUOTE_MARKS or c in DASH_CHARS for c in text)
    )


def inverted_name(verb: Token) -> Token | None:
    """`..., says Evan Tracey, a media consultant`: a finite verb set off by a comma and followed
    by a person's name is inverted, the name its subject, even where the parse hung the name on
    a later verb."""
    doc = verb.doc
    if verb.tag_ not in INVERTED_TAGS or verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    if doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i + 1]
    if name.pos_ != "PROPN" or name.ent_type_ not in PERSON_LABELS or name.ent_iob_ != "B":
        return None
    return mention_head(name)


class DocIndex:
    """Per-doc lookups shared by all quotes: paragraph ids, which tokens are quoted, matches."""

    def __init__(
        self,
        doc: Doc,
        quotes: Sequence[Span],
        settings: AttributorSettings,
        matches: CueMatches,
    ) -> None:
        self.doc = doc
        self.settings = settings
        self.matches = matches
        paragraphs = token_paragraphs(doc)
        self.para = paragraphs.of
        self.para_start = paragraphs.starts
        self.para_end = paragraphs.ends
        n = len(doc)
        self.inside = [False] * n  # inside a speech quote, or one of its marks
        self._subjects: dict[int, Token | None] = {}
        self._cues: dict[int, tuple[int, int]] = {}
        self._cue_mask: list[bool] | None = None
        self._surnames: frozenset[str] | None = None
        for span in quotes:
            quote: Quote | None = span._.quote
            if quote is None or not quote.is_quotation:
                continue
            lo, hi = span.start, span.end
            if lo > 0 and is_mark(doc[lo - 1]):
                lo -= 1
            if hi < n and is_mark(doc[hi]):
                hi += 1
            for i in range(lo, hi):
                self.inside[i] = True
        # paragraphs holding nothing but quoted text and punctuation (one pass over the doc)
        self.quote_only = [True] * len(self.para_start)
        words = ~(numpy.array(self.inside, dtype=bool) | mark_or_blank(doc))
        for word in numpy.flatnonzero(words).tolist():
            self.quote_only[self.para[word]] = False

    def subject_of(self, verb: Token) -> Token | None:
        """`cues.subject_of`, memoized: a token with thousands of children (a degenerate parse
        of a run of quote marks) is then scanned once per doc, not once per quote."""
        if verb.i not in self._subjects:
            subject = subject_of(
                verb,
                self.matches.passive_agents,
                lexicon=self.settings.lexicon,
                issued_nouns=self.settings.issued_nouns,
                causing_verbs=self.settings.causing_verbs,
            )
            if subject is None and verb.i > 0:
                # `Will described Hale as "Q"`: the surname read as the verb's auxiliary
                before = self.doc[verb.i - 1]
                if before.head == verb and before.dep_ == "aux" and self.is_surname(before):
                    subject = before
            if subject is None:
                subject = inverted_name(verb)
            self._subjects[verb.i] = subject
        return self._subjects[verb.i]

    def cue_extent(self, verb: Token) -> tuple[int, int]:
        """`cues.cue_extent`, memoized for the same reason."""
        if verb.i not in self._cues:
            self._cues[verb.i] = cue_extent(verb)
        return self._cues[verb.i]

    def is_cue(self, token: Token) -> bool:
        """`cues.is_cue_verb`, read from a per-doc mask made on the first question; a verb of
        naming with a by-phrase that names who speaks (`known by Republicans as "Q"`) too; not
        a verb adding up a count (`added 62 physicians`)."""
        if self._cue_mask is None:
            self._cue_mask = verb_lemma_mask(self.doc, self.settings.lexicon.verbs).tolist()
            for verb in self.matches.passive_agents:
                self._cue_mask[verb] = True
        return self._cue_mask[token.i] and not adds_a_count(token)

    @property
    def surnames(self) -> frozenset[str]:
        """Last words of the doc's multi-word person names (`Al From`, `George Will`): written
        alone later, such a word is the person even where the tagger reads a common word."""
        if self._surnames is None:
            self._surnames = frozenset(
                ent[-1].text
                for ent in self.doc.ents
                if ent.label_ in PERSON_LABELS and len(ent) > 1
            )
        return self._surnames

    def is_surname(self, token: Token) -> bool:
        """A capitalised word the tagger took for a common word (`"Q," From said`, `Will wrote`)
        that is the surname of a person the doc names in full (Al From, George Will)."""
        return token.is_title and token.pos_ not in MENTION_POS and token.text in self.surnames

    def usable(self, token: Token, para: int) -> bool:
        return not self.inside[token.i] and self.para[token.i] == para


@dataclass
class QuoteContext:
    """One quote as the finders see it, with the candidates of the quotes before it."""

    index: DocIndex
    quotes: Sequence[Span]
    results: Sequence[SpeakerCandidate | None]  # candidates of quotes[:qi]
    qi: int
    _memo: dict[Callable[..., Any], Any] = field(default_factory=dict)

    # (cached: the layouts ask for these many times per quote, and `span._` is built anew on
    # every access)
    @cached_property
    def span(self) -> Span:
        return self.quotes[self.qi]

    @cached_property
    def quote(self) -> Quote:
        quote: Quote = self.span._.quote
        return quote

    @property
    def doc(self) -> Doc:
        return self.index.doc

    @cached_property
    def para(self) -> int:
        return self.index.para[self.span.start]

    @cached_property
    def end_para(self) -> int:
        """The paragraph where the quote closes: a multi-paragraph quote's attribution follows
        its last segment (`"A. ¶ "B," Lopez said`), not its first."""
        return self.index.para[max(self.span.end - 1, self.span.start)]

    @property
    def settings(self) -> AttributorSettings:
        return self.index.settings

    def once(self, scan: Callable[[QuoteContext], T]) -> T:
        """`scan(self)`, computed once per quote (several layouts share one scan)."""
        if scan not in self._memo:
            self._memo[scan] = scan(self)
        result: T = self._memo[scan]
        return result


def first_below(q: QuoteContext) -> int | None:
    """The first token of the paragraph right below the quote, when the quote's paragraph holds
    nothing but quotations (where a signature or a pointing sentence may name its speaker)."""
    index, doc = q.index, q.doc
    para = q.end_para
    if not index.quote_only[para] or para + 1 >= len(index.para_start):
        return None
    start = index.para_start[para + 1]
    while start < len(doc) and doc[start].is_space:
        start += 1
    return start if start < len(doc) else None
