"""The reading view's HTML: the article annotated from a response's offsets, and the whole page.

`render_article(text, response)` is a pure function: it walks `text` with the quote, speaker
mention and cue offsets of an `AttributionResponse` (the very object the JSON API returns) and
wraps them in markup. Every piece of article text is escaped; marks that cross each other are
never both drawn (the inner one is skipped), so the markup is always well formed.

`quotes show ARTICLE.txt -o page.html` writes the same page as the service, as one file.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from app.api.schemas import AttributionResponse, QuoteOut, SpeakerOut

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
STYLESHEET = "reading-view.css"

# Speaker colours are CSS classes `spk-0` … `spk-{PALETTE_SIZE - 1}` (see static/reading-view.css),
# assigned by the speaker's position in `response.speakers`; unattributed quotes get `spk-unknown`.
PALETTE_SIZE = 8
UNKNOWN_CLASS = "spk-unknown"
UNKNOWN_LABEL = "unknown"
TEXT_HEAD_CHARS = 60

# A blank line (possibly holding spaces) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")

MarkKind = Literal["quote", "mention", "cue"]
# When two marks start and end at the same place, the outer one is the one drawn first.
_KIND_ORDER: dict[MarkKind, int] = {"quote": 0, "mention": 1, "cue": 2}
# Kinds that may not be drawn inside a mark of the same kind (an <a> inside an <a> is invalid).
_NO_SELF_NESTING: frozenset[MarkKind] = frozenset({"mention"})


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
    marks.sort(key=lambda m: (m.start, -m.end, _KIND_ORDER[m.kind]))
    return marks


# ---------------------------------------------------------------------------------------------
# The annotated article


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: text between blank lines, empty ones left out."""
    ranges: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((position, match.start()))
        position = match.end()
    ranges.append((position, len(text)))
    return [(start, end) for start, end in ranges if text[start:end].strip()]


def _text_html(piece: str) -> str:
    """Escaped article text; a single newline inside a paragraph becomes a line break."""
    return escape(piece, quote=True).replace("\n", "<br>\n")


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _open_tag(mark: Mark, *, first_piece: bool) -> str:
    quote_ids = " ".join(mark.quote_ids)
    data = f' data-quote="{_attr(quote_ids)}"'
    if mark.style.key is not None:
        data += f' data-speaker="{_attr(mark.style.key)}"'
    title = f' title="{_attr(mark.title)}"'
    if mark.kind == "quote":
        classes = f"quote {mark.style.css_class}"
        if not first_piece:
            return f'<mark class="{classes} quote-cont"{data}{title}>'
        label = f'<span class="speaker-label">{_text_html(mark.style.label)}</span>'
        anchor = _attr(mark.quote_ids[0])
        return f'<mark class="{classes}" id="{anchor}"{data}{title}>{label}'
    if mark.kind == "mention":
        classes = f"mention {mark.style.css_class}"
        if mark.unresolved:
            classes += " unresolved"
        return f'<a class="{classes}" href="#{_attr(mark.quote_ids[0])}"{data}{title}>'
    return f'<span class="cue {mark.style.css_class}"{data}{title}>'


_CLOSE_TAG: dict[MarkKind, str] = {"quote": "</mark>", "mention": "</a>", "cue": "</span>"}


def _nested_marks(marks: Iterable[Mark]) -> list[Mark]:
    """The marks that can be drawn as a tree: a mark crossing an earlier one is skipped."""
    kept: list[Mark] = []
    stack: list[Mark] = []
    for mark in marks:
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if stack and mark.end > stack[-1].end:
            continue  # crosses the open mark: skip the inner (later-starting) one
        if mark.kind in _NO_SELF_NESTING and any(open_.kind == mark.kind for open_ in stack):
            continue
        kept.append(mark)
        stack.append(mark)
    return kept


def _render_paragraph(
    text: str, start: int, end: int, marks: Sequence[Mark], labelled: set[Mark]
) -> str:
    clipped: list[tuple[Mark, int, int]] = []
    for mark in marks:
        lo, hi = max(mark.start, start), min(mark.end, end)
        if lo < hi:
            clipped.append((mark, lo, hi))
    clipped.sort(key=lambda item: (item[1], -item[2], _KIND_ORDER[item[0].kind]))

    out: list[str] = []
    position = start
    stack: list[tuple[Mark, int]] = []  # open marks and where they end in this paragraph
    for mark, lo, hi in clipped:
        while stack and stack[-1][1] <= lo:
            open_mark, open_end = stack.pop()
            out.append(_text_html(text[position:open_end]))
            out.append(_CLOSE_TAG[open_mark.kind])
            position = open_end
        if stack and hi > stack[-1][1]:
            continue  # cannot happen after _nested_marks, but never draw a crossing mark
        out.append(_text_html(text[position:lo]))
        first_piece = mark not in labelled
        labelled.add(mark)
        out.append(_open_tag(mark, first_piece=first_piece))
        position = lo
        stack.append((mark, hi))
    while stack:
        open_mark, open_end = stack.pop()
        out.append(_text_html(text[position:open_end]))
        out.append(_CLOSE_TAG[open_mark.kind])
        position = open_end
    out.append(_text_html(text[position:end]))
    return "".join(out)


def render_article(text: str, response: AttributionResponse) -> str:
    """The article as HTML paragraphs with every quote, speaker mention and cue marked up.

    Offsets are Python `str` indices (code points) into `text`, as the API returns them.
    """
    marks = _nested_marks(collect_marks(text, response))
    labelled: set[Mark] = set()
    paragraphs: list[str] = []
    for start, end in paragraph_ranges(text):
        inside = [m for m in marks if m.start < end and m.end > start]
        body = _render_paragraph(text, start, end, inside, labelled)
        paragraphs.append(f"<p>{body}</p>")
    return "\n".join(paragraphs)


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


# ---------------------------------------------------------------------------------------------
# Pages


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of the reading view (autoescape on for every template)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (STATIC_DIR / STYLESHEET).read_text(encoding="utf-8")


def file_csp(css: str) -> str:
    """The policy of a stand-alone page: no scripts, no fetches, only its own inline stylesheet."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    token = base64.b64encode(digest).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{token}'; img-src data:; base-uri 'none'"


def render_form_page(
    *, text: str = "", error: str | None = None, max_chars: int | None = None
) -> str:
    """The start page: a text area to paste an article into, and an error message if any."""
    return (
        environment()
        .get_template("form.html")
        .render(text=text, error=error, max_chars=max_chars, inline_css=None, meta_csp=None)
    )


def render_result_page(
    text: str, response: AttributionResponse, *, standalone: bool = False
) -> str:
    """The reading view of one article. `standalone`: one file, stylesheet inline (CLI)."""
    css = stylesheet() if standalone else None
    return (
        environment()
        .get_template("result.html")
        .render(
            text=text,
            response=response,
            article=Markup(render_article(text, response)),  # built from escaped pieces
            speakers=speaker_rows(response),
            quotes=quote_rows(response),
            inline_css=Markup(css) if css is not None else None,
            meta_csp=file_csp(css) if css is not None else None,
            paragraph_count=len(paragraph_ranges(text)),
        )
    )


# ---------------------------------------------------------------------------------------------
# `quotes show`


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", type=Path, help="plain-text article (UTF-8)")
    parser.add_argument(
        "-o", "--output", type=Path, default=None, help="HTML file to write (default: stdout)"
    )
    parser.add_argument("--id", default=None, help="document id shown on the page")


def run(args: argparse.Namespace) -> int:
    # Imported here: `quotes --help` must not load spaCy.
    from app.api.schemas import AttributionRequest
    from app.pipeline import build_pipeline
    from app.service import attribute_requests
    from app.settings import Settings

    article: Path = args.article
    try:
        text = article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"quotes show: cannot read {article}: {exc}", file=sys.stderr)
        return 2
    if not text.strip():
        print(f"quotes show: {article} is empty", file=sys.stderr)
        return 2
    settings = Settings()
    if len(text) > settings.max_text_chars:
        print(
            f"quotes show: {article} has {len(text)} characters; the limit is "
            f"{settings.max_text_chars} (QUOTES_MAX_TEXT_CHARS)",
            file=sys.stderr,
        )
        return 2
    nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    request = AttributionRequest(text=text, id=args.id or article.stem)
    (response,) = attribute_requests(nlp, [request], batch_size=settings.batch_size)
    page = render_result_page(text, response, standalone=True)
    output: Path | None = args.output
    if output is None:
        sys.stdout.write(page)
    else:
        output.write_text(page, encoding="utf-8")
        print(f"wrote {output} ({len(response.quotes)} quotes)", file=sys.stderr)
    return 0
