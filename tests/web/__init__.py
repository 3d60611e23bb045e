"""Tests of the reading view, and a tiny HTML tree built with the standard library's parser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that never have an end tag.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """The text content (entities decoded), like the DOM's `textContent`."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, predicate: Callable[[Element], bool]) -> list[Element]:
        return [e for e in self.iter() if predicate(e)]

    def select(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        """Elements by tag, class and exact attribute values (`data_quote="q1"` for data-quote)."""
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return self.find_all(
            lambda e: (
                (tag is None or e.tag == tag)
                and (cls is None or cls in e.classes)
                and all(e.attrs.get(k) == v for k, v in wanted.items())
            )
        )

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(
            Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        )

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if len(self.stack) > 1 and self.stack[-1].tag == tag:
            self.stack.pop()
            return
        self.errors.append(f"unexpected </{tag}> while <{self.stack[-1].tag}> is open")
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(markup: str) -> Element:
    """Parse `markup`; raise AssertionError when its tags are not properly nested or closed."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    unclosed = [e.tag for e in builder.stack[1:]]
    if builder.errors or unclosed:
        raise AssertionError(f"malformed HTML: {builder.errors} unclosed={unclosed}")
    return builder.root


# -- the reading view's marks -----------------------------------------------------------------


def quote_body(mark: Element) -> str:
    """A quote highlight's text without its speaker label."""
    return plain_text(mark)


def plain_text(element: Element) -> str:
    """The text a reader sees of the article itself: everything but the speaker labels."""
    return "".join(
        c if isinstance(c, str) else plain_text(c)
        for c in element.children
        if isinstance(c, str) or "speaker-label" not in c.classes
    )


def label_of(mark: Element) -> str:
    labels = mark.select("span", "speaker-label")
    assert len(labels) == 1, f"expected one label in {mark.attrs}"
    return labels[0].text()


def highlight_starting(body: Element, head: str) -> Element:
    found = [m for m in body.select("mark", "quote") if quote_body(m).startswith(head)]
    assert len(found) == 1, f"no single highlight starts with {head!r}"
    return found[0]
