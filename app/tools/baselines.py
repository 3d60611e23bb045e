"""Reference systems for `quotes evaluate --baseline`: textacy 0.13's `direct_quotations`.

The baseline runs on the same base English model as our pipeline (plain `spacy.load`, none of our
components), one paragraph at a time (paragraphs are separated by blank lines), because
`direct_quotations` gives up on a whole text as soon as it holds an odd number of quote marks.
textacy is the optional `eval` extra; it is imported only when a baseline runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# A paragraph break: a line break, optional blanks, and at least one more line break.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

TEXTACY_MISSING = (
    "the textacy baseline needs textacy 0.13 (the `eval` extra): "
    "pip install 'quote-attribution[eval]'"
)


class BaselineQuote(NamedTuple):
    """A quote found by a baseline: content offsets (marks excluded) into the full text."""

    start: int
    end: int
    text: str
    speaker: str | None


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for every non-blank paragraph of `text`."""
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            yield start, text[start : brk.start()]
        start = brk.end()
    if text[start:].strip():
        yield start, text[start:]


def content_offsets(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Character span between the mark tokens `doc[first]` and `doc[last]`, blanks trimmed."""
    start = doc[first].idx + len(doc[first].text)
    end = doc[last].idx
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _direct_quotations() -> Any:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        raise ImportError(TEXTACY_MISSING) from exc
    return direct_quotations


def quotes_in_doc(doc: Doc, offset: int = 0) -> list[BaselineQuote]:
    """textacy's triples of one parsed paragraph, as content offsets shifted by `offset`."""
    direct_quotations = _direct_quotations()
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quote marks: textacy declines the paragraph
        return []
    found: list[BaselineQuote] = []
    for speaker, _cue, content in triples:
        start, end = content_offsets(doc, content.start, content.end - 1)
        if end <= start:
            continue
        name = " ".join(tok.text for tok in speaker) or None
        found.append(BaselineQuote(start + offset, end + offset, doc.text[start:end], name))
    return found


def textacy_quotes(nlp: Language, text: str) -> list[BaselineQuote]:
    """Run textacy's `direct_quotations` paragraph by paragraph over `text`."""
    _direct_quotations()  # fail early, with the install hint, when textacy is missing
    parts = list(paragraphs(text))
    found: list[BaselineQuote] = []
    for (offset, _), doc in zip(parts, nlp.pipe(p for _, p in parts), strict=True):
        found.extend(quotes_in_doc(doc, offset))
    return sorted(found)


def load_base_model(model_name: str) -> Language:
    """The base English model alone, as the baseline sees it."""
    return spacy.load(model_name)
