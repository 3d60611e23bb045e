"""HTML input: the plain text the pipeline reads, and a map from its offsets back to the HTML.

`HtmlText.parse(markup)` walks the markup with the stdlib `html.parser` and builds the article's
plain text: tags dropped, entities and character references decoded, runs of HTML whitespace
collapsed to one space, a blank line for each block element (`<p>`, `<div>`, `<li>`, headings ...)
and a line break for `<br>`; `<script>`, `<style>`, `<head>` and the like contribute nothing.

Every plain-text character remembers the stretch of markup it came from, so a span `[start, end)`
of the plain text maps back to `markup[source_start:source_end]`, the raw slice that holds it.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that start a new paragraph of article text (a blank line in the plain text).
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl",
        "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
        "tr", "ul",
    }
)  # fmt: skip
# Elements that end a line without ending the paragraph.
LINE_BREAK_TAGS: frozenset[str] = frozenset({"br"})
# Elements whose content is not article text.
SKIPPED_TAGS: frozenset[str] = frozenset(
    {"head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object"}
)
# HTML's inter-element whitespace (not NBSP, which is text).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")


@dataclass(frozen=True, slots=True)
class HtmlText:
    """Plain text of an HTML document with, per character, the markup stretch it came from."""

    text: str
    source_starts: array[int]
    source_ends: array[int]
    source_length: int

    @classmethod
    def parse(cls, markup: str) -> HtmlText:
        parser = _TextExtractor(markup)
        parser.feed(markup)
        parser.close()
        return parser.result()

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The markup slice `[s, e)` that holds plain-text span `[start, end)`."""
        if start >= end:  # an empty span: a point in the markup
            if start < len(self.text):
                point = self.source_starts[start]
            else:
                point = self.source_ends[-1] if self.text else 0
            return point, point
        source_start = self.source_starts[start]
        return source_start, max(source_start, self.source_ends[end - 1])


class _TextExtractor(HTMLParser):
    """Collects text with its source stretches; every event's extent runs to the next event."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self._markup = markup
        # absolute offset of each line's start, as html.parser counts lines (on "\n" only)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", markup)]
        self._chars: list[str] = []
        self._starts: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._skip_depth = 0
        self._pending_ref: int | None = None  # start of an entity/char reference not yet decoded

    # -- positions --------------------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _flush_ref(self, end: int) -> None:
        """Decode the reference that started at `_pending_ref` and ends where this event starts."""
        if self._pending_ref is None:
            return
        start, self._pending_ref = self._pending_ref, None
        raw = self._markup[start:end]
        decoded = html.unescape(raw)
        if decoded == raw:  # not a known reference: the characters are text as written
            self._emit_text(raw, start)
            return
        for char in decoded:
            if char.isspace() and char != "\xa0":
                self._emit_space(start, end)
            else:
                self._append(char, start, end)

    # -- output -----------------------------------------------------------------------------
    def _append(self, chars: str, start: int, end: int) -> None:
        self._chars.append(chars)
        self._starts.append(start)
        self._ends.append(end)

    def _last_char(self) -> str:
        return self._chars[-1] if self._chars else "\n"

    def _emit_space(self, start: int, end: int) -> None:
        if self._last_char() not in " \n":
            self._append(" ", start, end)

    def _emit_text(self, data: str, offset: int) -> None:
        for match in _HTML_SPACE.finditer(data):
            piece, at = match.group(), offset + match.start()
            if piece[0] in " \t\n\r\f":
                self._emit_space(at, at + len(piece))
                continue
            self._chars.extend(piece)
            self._starts.extend(range(at, at + len(piece)))
            self._ends.extend(range(at + 1, at + len(piece) + 1))

    def _emit_break(self, newlines: int, at: int) -> None:
        if not self._chars:
            return
        if self._chars[-1] == " ":  # no trailing space before a line break
            self._chars.pop()
            self._starts.pop()
            self._ends.pop()
        trailing = 0
        for char in reversed(self._chars[-newlines:]):
            if char != "\n":
                break
            trailing += 1
        for _ in range(newlines - trailing):
            self._append("\n", at, at)

    # -- parser events ----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._offset()
        self._flush_ref(at)
        if tag in SKIPPED_TAGS:
            self._skip_depth += 1
        elif self._skip_depth == 0:
            self._break_for(tag, at)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._offset()
        self._flush_ref(at)
        if self._skip_depth == 0 and tag not in SKIPPED_TAGS:
            self._break_for(tag, at)

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        self._flush_ref(at)
        if tag in SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif self._skip_depth == 0 and tag in BLOCK_TAGS:
            self._emit_break(2, at)

    def _break_for(self, tag: str, at: int) -> None:
        if tag in BLOCK_TAGS:
            self._emit_break(2, at)
        elif tag in LINE_BREAK_TAGS:
            self._emit_break(1, at)

    def handle_data(self, data: str) -> None:
        at = self._offset()
        self._flush_ref(at)
        if self._skip_depth == 0:
            self._emit_text(data, at)

    def handle_entityref(self, name: str) -> None:
        self._start_ref()

    def handle_charref(self, name: str) -> None:
        self._start_ref()

    def _start_ref(self) -> None:
        at = self._offset()
        self._flush_ref(at)
        if self._skip_depth == 0:
            self._pending_ref = at

    def _other(self) -> None:
        self._flush_ref(self._offset())

    def handle_comment(self, data: str) -> None:
        self._other()

    def handle_decl(self, decl: str) -> None:
        self._other()

    def handle_pi(self, data: str) -> None:
        self._other()

    def unknown_decl(self, data: str) -> None:
        self._other()

    def result(self) -> HtmlText:
        self._flush_ref(len(self._markup))
        while self._chars and self._chars[-1] in " \n":
            self._chars.pop()
            self._starts.pop()
            self._ends.pop()
        return HtmlText("".join(self._chars), self._starts, self._ends, len(self._markup))
