"""The reading view's HTML: the article annotated from a response's offsets, and the whole page.

`render_article(text, response)` is a pure function: it walks `text` with the marks of
`app.web.view.collect_marks` (quote, speaker mention and cue offsets of an `AttributionResponse`)
and wraps them in markup. Every piece of article text is escaped; marks that cross each other are
never both drawn (the inner one is skipped), so the markup is always well formed.

`render_result_page(..., standalone=True)` is the same page as the service's, as one file
(`quotes show`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from app.schemas import AttributionResponse
from app.web.view import KIND_ORDER, Mark, MarkKind, collect_marks, quote_rows, speaker_rows

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
STYLESHEET = "reading-view.css"

# A blank line (possibly holding spaces) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")

# Kinds that may not be drawn inside a mark of the same kind (an <a> inside an <a> is invalid).
_NO_SELF_NESTING: frozenset[MarkKind] = frozenset({"mention"})


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
        classes = f"quote {mark.style.css_class}" + (" reported" if mark.reported else "")
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
    clipped.sort(key=lambda item: (item[1], -item[2], KIND_ORDER[item[0].kind]))

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
    *,
    text: str = "",
    error: str | None = None,
    max_chars: int | None = None,
    reported: bool = False,
) -> str:
    """The start page: a text area to paste an article into, and an error message if any."""
    return (
        environment()
        .get_template("form.html")
        .render(
            text=text,
            error=error,
            max_chars=max_chars,
            reported=reported,
            inline_css=None,
            meta_csp=None,
        )
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
            has_reported=any(q.type == "indirect" for q in response.quotes),
        )
    )
