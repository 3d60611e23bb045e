"""The reading view's view model: what to mark in the article and what the side panels list.

Pure functions of an `AttributionResponse` (the very object the JSON API returns): the colour and
label of each quote's speaker, every quote, speaker mention and cue as a `Mark` over the article's
offsets, the rows of the speakers panel and of the confidence table. `app.web.render` turns them
into HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from app.schemas import AttributionResponse, QuoteOut, SpeakerOut

# Speaker colours are CSS classes `spk-0` … `spk-{PALETTE_SIZE - 1}` (see static/reading-view.css),
# assigned by the speaker's position in `response.speakers`; unattributed quotes get `spk-unknown`.
PALETTE_SIZE = 8
UNKNOWN_CLASS = "spk-unknown"
UNKNOWN_LABEL = "unknown"
TEXT_HEAD_CHARS = 60

MarkKind = Literal["quote", "mention", "cue"]
# When two marks start and end at the same place, the outer one is the one drawn first.
KIND_ORDER: dict[MarkKind, int] = {"quote": 0, "mention": 1, "cue": 2}


@dataclass(frozen=True)
class SpeakerStyle:
    """How one speaker (or the lack of one) looks: label text and colour class."""

    label: str
    css_class: str
    key: str | None  # speaker entity id (or name when the entity is missing); None: unknown


@dataclass(frozen=True)
class Mark:
    """One stretch of text to wrap: a quote, a speaker mention or a cue."""

    start: int
    end: int
    kind: MarkKind
    quote_ids: tuple[str, ...]
    style: SpeakerStyle
    unresolved: bool = False
    title: str = ""
    reported: bool = False  # a quote mark of reported speech (type indirect)


@dataclass
class SpeakerRow:
    """A line of the speakers panel."""

    id: str | None
    name: str
    css_class: str
    kind: str | None
    role: str | None
    aliases: list[str]
    quote_ids: list[str]
    resolutions: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class QuoteRow:
    """A line of the confidence table."""

    id: str
    head: str
    label: str
    css_class: str
    resolution: str
    confidence: float
    type: str


# ---------------------------------------------------------------------------------------------
# Speaker styles


def speaker_styles(response: AttributionResponse) -> dict[str, SpeakerStyle]:
    """Quote id -> the label and colour class of its speaker."""
    index: dict[str, int] = {speaker.id: i for i, speaker in enumerate(response.speakers)}
    styles: dict[str, SpeakerStyle] = {}
    for quote in response.quotes:
        styles[quote.id] = _quote_style(quote, index)
    return styles


def _quote_style(quote: QuoteOut, index: dict[str, int]) -> SpeakerStyle:
    speaker = quote.speaker
    if speaker is None or speaker.name is None:
        return SpeakerStyle(UNKNOWN_LABEL, UNKNOWN_CLASS, None)
    key = speaker.entity if speaker.entity is not None else f"name:{speaker.name}"
    if key not in index:
        index[key] = len(index)
    return SpeakerStyle(speaker.name, f"spk-{index[key] % PALETTE_SIZE}", key)


def _quote_title(quote: QuoteOut, style: SpeakerStyle) -> str:
    resolution = quote.speaker.resolution if quote.speaker is not None else "none"
    return (
        f"{quote.id} · {style.label} · {quote.type} quote · resolution: {resolution} · "
        f"confidence {quote.confidence:.2f}"
    )


# ---------------------------------------------------------------------------------------------
# Marks from the response


def collect_marks(text: str, response: AttributionResponse) -> list[Mark]:
    """Every quote, mention and cue as a mark, in drawing order; invalid offsets dropped.

    A mention or cue shared by several quotes (`"A," she said, "B."`) is one mark that names all
    of them; it links to the first.
    """
    styles = speaker_styles(response)
    marks: list[Mark] = []
    shared: dict[tuple[MarkKind, int, int], int] = {}

    def add(mark: Mark) -> None:
        if not 0 <= mark.start < mark.end <= len(text):
            return
        where = (mark.kind, mark.start, mark.end)
        if where in shared:
            old = marks[shared[where]]
            marks[shared[where]] = Mark(
                old.start,
                old.end,
                old.kind,
                old.quote_ids + mark.quote_ids,
                old.style,
                old.unresolved and mark.unresolved,
                old.title,
                old.reported,
            )
            return
        shared[where] = len(marks)
        marks.append(mark)

    for quote in response.quotes:
        style = styles[quote.id]
        add(
            Mark(
                quote.start,
                quote.end,
                "quote",
                (quote.id,),
                style,
                title=_quote_title(quote, style),
                reported=quote.type == "indirect",
            )
        )
        speaker = quote.speaker
        if speaker is not None and speaker.mention is not None:
            unresolved = speaker.name is None
            if unresolved:
                title = (
                    f"Unresolved speaker mention of {quote.id}: "
                    f"the service could not tell who “{speaker.mention.text}” is"
                )
            else:
                title = f"Speaker of {quote.id}: {speaker.name} ({speaker.resolution})"
            add(
                Mark(
                    speaker.mention.start,
                    speaker.mention.end,
                    "mention",
                    (quote.id,),
                    style,
                    unresolved=unresolved,
                    title=title,
                )
            )
        if quote.cue is not None:
            add(
                Mark(
                    quote.cue.start,
                    quote.cue.end,
                    "cue",
                    (quote.id,),
                    style,
                    title=f"Speech cue of {quote.id}",
                )
            )
    marks.sort(key=lambda m: (m.start, -m.end, KIND_ORDER[m.kind]))
    return marks


# ---------------------------------------------------------------------------------------------
# Side panels


def speaker_rows(response: AttributionResponse) -> list[SpeakerRow]:
    """The speakers panel: every speaker with role, aliases, quotes and resolution kinds."""
    styles = speaker_styles(response)
    by_id = {quote.id: quote for quote in response.quotes}
    rows: list[SpeakerRow] = []
    for i, speaker in enumerate(response.speakers):
        rows.append(_speaker_row(speaker, f"spk-{i % PALETTE_SIZE}", by_id))
    unknown = [q.id for q in response.quotes if styles[q.id].key is None]
    # Quotes with a name but no entity entry (not expected from the pipeline, shown all the same).
    listed = {speaker.id for speaker in response.speakers}
    extra: dict[str, list[str]] = {}
    for quote in response.quotes:
        key = styles[quote.id].key
        if key is not None and key not in listed:
            extra.setdefault(key, []).append(quote.id)
    for quote_ids in extra.values():
        style = styles[quote_ids[0]]
        rows.append(
            SpeakerRow(
                id=None,
                name=style.label,
                css_class=style.css_class,
                kind=None,
                role=None,
                aliases=[],
                quote_ids=quote_ids,
                resolutions=_resolutions(by_id[q] for q in quote_ids),
            )
        )
    if unknown:
        rows.append(
            SpeakerRow(
                id=None,
                name=UNKNOWN_LABEL,
                css_class=UNKNOWN_CLASS,
                kind=None,
                role=None,
                aliases=[],
                quote_ids=unknown,
                resolutions=_resolutions(by_id[q] for q in unknown),
            )
        )
    return rows


def _speaker_row(speaker: SpeakerOut, css_class: str, by_id: dict[str, QuoteOut]) -> SpeakerRow:
    quotes = [by_id[q] for q in speaker.quotes if q in by_id]
    return SpeakerRow(
        id=speaker.id,
        name=speaker.name,
        css_class=css_class,
        kind=speaker.kind,
        role=speaker.role,
        aliases=[alias for alias in speaker.aliases if alias != speaker.name],
        quote_ids=list(speaker.quotes),
        resolutions=_resolutions(quotes),
    )


def _resolutions(quotes: Iterable[QuoteOut]) -> list[tuple[str, int]]:
    counts = Counter(q.speaker.resolution if q.speaker is not None else "none" for q in quotes)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def quote_rows(response: AttributionResponse) -> list[QuoteRow]:
    """The confidence table: one row per quote."""
    styles = speaker_styles(response)
    rows: list[QuoteRow] = []
    for quote in response.quotes:
        head = " ".join(quote.text.split())
        if len(head) > TEXT_HEAD_CHARS:
            head = head[: TEXT_HEAD_CHARS - 1].rstrip() + "…"
        style = styles[quote.id]
        rows.append(
            QuoteRow(
                id=quote.id,
                head=head,
                label=style.label,
                css_class=style.css_class,
                resolution=quote.speaker.resolution if quote.speaker is not None else "none",
                confidence=quote.confidence,
                type=quote.type,
            )
        )
    return rows
