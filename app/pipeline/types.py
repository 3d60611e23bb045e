"""Typed results that the pipeline components put on `Doc`/`Span` extensions.

Every offset is a Python `str` index into `doc.text` (Unicode code points), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# direct: a whole quotation; partial: a quoted fragment inside reported speech;
# indirect: reported speech, not in quotation marks (`X said the plan was dead`);
# scare: scare quotes or words used as words (so-called "sanctuary cities", the word "woke");
# title: a work's title, a named law or programme, a nickname, or a line of page furniture (another
# story's headline, a caption, a subheading, the headline's echo of a quotation its body gives);
# unclosed: an opening mark that never closes (the passage runs to its paragraph's end).
# Direct, partial and indirect are speech (attributed).
QuoteType = Literal["direct", "partial", "indirect", "scare", "title", "unclosed"]
ALL_QUOTE_TYPES: tuple[str, ...] = ("direct", "partial", "indirect", "scare", "title", "unclosed")
# The type of a passage whose opening mark never closes (attributed only as a quotation's
# continuation: `"Q1," she said. "Q2 ...`).
UNCLOSED_TYPE = "unclosed"
# Passages in quotation marks that are someone's words.
QUOTATION_TYPES: frozenset[str] = frozenset({"direct", "partial"})
# Passages that are attributed to a speaker.
SPEECH_QUOTE_TYPES: frozenset[str] = QUOTATION_TYPES | {"indirect"}
# Passages whose words name something (a term, a work) rather than say it.
NON_SPEECH_TYPES: frozenset[str] = frozenset({"scare", "title"})

# How a speaker mention was tied to its entity, from most to least direct evidence.
Resolution = Literal["explicit", "alias", "nominal", "pronoun", "context"]

EntityKind = Literal["person", "organization", "group", "document", "unknown"]


@dataclass(frozen=True, slots=True)
class CharSpan:
    """A stretch of the document text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted passage. `start`/`end` cover the content without the quote marks.

    A multi-paragraph quote (news convention: an opening mark on every continued paragraph, one
    closing mark at the end) is one Quote whose `segments` are the per-paragraph pieces.
    A quote interrupted by its attribution (`"A," she said, "B."`) is two Quotes; the attribution
    component links them by giving both the same speaker.
    """

    start: int
    end: int
    text: str
    type: QuoteType
    open_mark: str
    close_mark: str | None  # None when the closing mark was missing (quote cut at paragraph end)
    segments: tuple[CharSpan, ...] = ()
    # reported speech that did not happen: a negated or refused cue (`did not respond to ...`)
    declined: bool = False

    @property
    def is_speech(self) -> bool:
        return self.type in SPEECH_QUOTE_TYPES

    @property
    def is_quotation(self) -> bool:
        """Someone's words in quotation marks (not reported speech)."""
        return self.type in QUOTATION_TYPES


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said a quote: the mention in the text, the cue, and the entity it resolves to."""

    mention: CharSpan | None  # words that name the speaker at this place ("she", "Sessions")
    cue: CharSpan | None  # speech verb or phrase ("said", "according to", ":")
    entity_id: str | None  # id of a SpeakerEntity in doc._.speakers, None when unresolved
    name: str | None  # canonical name of that entity (None when unresolved)
    resolution: Resolution
    confidence: float  # in [0, 1]: the calibrated probability that the speaker is right
    reason: str | None = None  # why a mention stayed unresolved ("no woman named before 'she'")
    # the evidence the confidence was computed from (feature name, value), for calibration tools
    features: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakerEntity:
    """A person, organisation or group that the article quotes."""

    id: str
    name: str  # canonical: the fullest form in the article
    kind: EntityKind = "unknown"
    aliases: tuple[str, ...] = ()
    role: str | None = None
    gender: Literal["female", "male"] | None = None
    mentions: tuple[CharSpan, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """What the speaker_attributor found for one quote (token indices, end exclusive), read by
    the speaker_resolver: the mention, its cue, and the layout (from the layout table) that tied
    them to the quote."""

    mention: tuple[int, int] | None  # the words naming the speaker at this place
    head: int | None  # the syntactic head of the mention
    cue: tuple[int, int] | None  # the speech cue
    layout: str = ""  # name of the layout in the layout table
    prior: float = 0.0  # that layout's confidence prior
    local: bool = True  # the mention is written at this quote (not borrowed from another one)
    source: int | None = None  # index in the quotes span group of the quote this one continues


@dataclass(frozen=True, slots=True)
class ReportedCue:
    """How a reported-speech passage (type indirect) is tied to its source (token indices)."""

    cue: tuple[int, int]  # the cue ("said", "according to", ":")
    verb: int | None  # the cue verb whose subject is the source; None when the cue names it
    source: int | None  # the source's head when the cue itself names it (according to X, X:)
    layout: str  # the reported-speech pattern that found it


def attributed(quote: Quote | None, candidate: SpeakerCandidate | None) -> bool:
    """The passage gets an attribution: speech, or an unclosed passage the attributor tied to
    the quotation before it (`"Q1," she said. "Q2 ...`)."""
    if quote is None:
        return False
    return quote.is_speech or (quote.type == UNCLOSED_TYPE and candidate is not None)
