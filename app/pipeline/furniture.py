"""Which lines of a pasted page are its furniture, not the story: a line that opens with a label
(`READ MORE: ...`, `WATCH | ...`, `RELATED: ...`), and the list of other stories' headlines that a
label alone on its line heads (`RELATED STORIES` over a few short lines). The labels are data
(`models/quote_furniture_labels.txt`); the quote finder, the reported-speech finder and the
speaker resolver all read the page through `furniture_lines`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from app.pipeline.text import iter_paragraph_ranges

# A label that opens a line, followed by a colon, a bar or a dash (`READ MORE: `, `WATCH | `).
_LABEL_RE = re.compile(r"\W*([^\W\d_][\w' \u2019]{0,30}?)\s*[:|\u2014\u2013-]")
# Punctuation that may follow a label standing alone on its line (`Related stories:`).
_BARE_LABEL_END = " \t:|-\u2014\u2013"
# Quote marks that may close a headline after its last word.
_CLOSING_MARKS = "\"'\u201d\u2019"
# Most lines a bare label's list holds, and most words in one of its headlines.
MAX_LIST_LINES = 10
MAX_LIST_LINE_WORDS = 20


def is_furniture_line(line: str, labels: frozenset[str]) -> bool:
    """The line opens with a furniture label (`READ MORE:`, `RELATED:`, `WATCH:`)."""
    match = _LABEL_RE.match(line)
    return match is not None and " ".join(match.group(1).lower().split()) in labels


def is_bare_label(line: str, labels: frozenset[str]) -> bool:
    """The line is a furniture label alone (`RELATED STORIES`, `Trending now:`)."""
    return " ".join(line.strip().rstrip(_BARE_LABEL_END).lower().split()) in labels


def is_listed_headline(line: str) -> bool:
    """A short line that ends with no full stop: a headline, as a list of links gives it (a
    story's paragraph ends with one)."""
    stripped = line.strip().rstrip(_CLOSING_MARKS)
    return len(line.split()) <= MAX_LIST_LINE_WORDS and not stripped.endswith(".")


def furniture_lines(text: str, labels: frozenset[str]) -> list[tuple[int, int]]:
    """Character ranges of the furniture lines of `text`, in order: labelled lines, and under a
    bare label the headline-like lines that follow it (at most `MAX_LIST_LINES`)."""
    found: list[tuple[int, int]] = []
    listing = 0  # how many more lines the current bare label's list may hold
    for lo, hi in iter_paragraph_ranges(text):
        line = text[lo:hi]
        if is_bare_label(line, labels):
            found.append((lo, hi))
            listing = MAX_LIST_LINES
        elif is_furniture_line(line, labels):
            found.append((lo, hi))
            listing = 0
        elif listing and is_listed_headline(line):
            found.append((lo, hi))
            listing -= 1
        else:
            listing = 0
    return found


def within(ranges: list[tuple[int, int]], char: int) -> bool:
    """Whether `char` falls in one of the sorted, disjoint `ranges`."""
    k = bisect_right(ranges, char, key=lambda r: r[0]) - 1  # the last one starting by `char`
    return k >= 0 and char < ranges[k][1]
