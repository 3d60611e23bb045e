"""Which lines of a pasted page are its furniture, not the story: a line that opens with a label
(`READ MORE: ...`, `WATCH | ...`, `RELATED: ...`), and the list of other stories' headlines that a
label alone on its line heads (`RELATED STORIES` over a few short lines). The labels are data
(`models/quote_furniture_labels.txt`); the quote finder, the reported-speech finder and the
speaker resolver all read the page through `furniture_lines`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from app.pipeline.text import doc_text, iter_paragraph_ranges

# A label that opens a line, followed by a colon, a bar or a dash (`READ MORE: `, `WATCH | `).
_LABEL_RE = re.compile(r"\W*([^\W\d_][\w' \u2019]{0,30}?)\s*[:|\u2014\u2013-]")
# Punctuation that may follow a label standing alone on its line (`Related stories:`).
_BARE_LABEL_END = " \t:|-\u2014\u2013"
# Quote marks that may close a headline after its last word.
_CLOSING_MARKS = "\"'\u201d\u2019"
# A video player's running time on a line of its own (`Duration 2:14`, `2:01`, `1:02:45`).
_DURATION_RE = re.compile(r"\s*(?:duration\s*:?\s*)?\d{1,2}(?::\d{2}){1,2}\s*$", re.IGNORECASE)
# A video's age on a line of its own, between its title and its running time (`2 days ago`).
_AGE_RE = re.compile(
    r"\s*\d{1,3}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\s*$", re.IGNORECASE
)
# Labels that stand between a story's own paragraphs (an advertisement's slot) and head no list:
# the short line after one is the story's (`"Where is the money?"`).
INTERLEAVED_LABELS: frozenset[str] = frozenset(
    {
        "advertisement",
        "sponsored",
        "story continues below advertisement",
        "story continues below",
        "article continues below advertisement",
        "article continues below",
        "continue reading below",
        "continue reading the main story",
        "scroll to continue with content",
        "continue reading",
        "article content",
        "open this photo in gallery",
    }
)
# A label entry's last word that stands for any words after its first (`read *`: `Read the full
# analysis:`), and most words such a label may have.
OPEN_LABEL_MARK = "*"
MAX_OPEN_LABEL_WORDS = 8
# Where a doc keeps its furniture lines (`doc_furniture_lines`).
_CACHE_KEY = "quotes.furniture"
# Most lines a bare label's list holds, and most words in one of its headlines.
MAX_LIST_LINES = 10
MAX_LIST_LINE_WORDS = 20


def is_furniture_line(line: str, labels: frozenset[str]) -> bool:
    """The line opens with a furniture label (`READ MORE:`, `RELATED:`, `WATCH:`, and with a
    label entry `read *`, `Read the full analysis:`)."""
    match = _LABEL_RE.match(line)
    return match is not None and _known(" ".join(match.group(1).lower().split()), labels)


def is_bare_label(line: str, labels: frozenset[str]) -> bool:
    """The line is a furniture label alone (`RELATED STORIES`, `Trending now:`, `Watch the ad
    below:`)."""
    return _known(_label(line), labels)


def _known(label: str, labels: frozenset[str]) -> bool:
    """The label is an entry, or starts with the words of an entry that ends with ` *`."""
    if label in labels:
        return True
    words = label.split(" ")
    return (
        len(words) > 1
        and f"{words[0]} {OPEN_LABEL_MARK}" in labels
        and len(words) <= MAX_OPEN_LABEL_WORDS
    )


def _label(line: str) -> str:
    return " ".join(line.strip().rstrip(_BARE_LABEL_END).lower().split())


def is_listed_headline(line: str) -> bool:
    """A short line that ends with no full stop: a headline, as a list of links gives it (a
    story's paragraph ends with one)."""
    stripped = line.strip().rstrip(_CLOSING_MARKS)
    return len(line.split()) <= MAX_LIST_LINE_WORDS and not stripped.endswith(".")


def furniture_lines(text: str, labels: frozenset[str]) -> list[tuple[int, int]]:
    """Character ranges of the furniture lines of `text`, in order: labelled lines; under a bare
    label the headline-like lines that follow it (at most `MAX_LIST_LINES`); an embedded video's
    running time (`Duration 2:14`, `2:01`) with the lines on either side of it, its title (above
    its age, `2 days ago`, when one is given) and its description (or the player's label); a
    line that repeats a furniture line's words right under it (a player's caption under `Click
    to play video: 'X'`)."""
    ranges = list(iter_paragraph_ranges(text))
    furniture = [False] * len(ranges)
    listing = 0  # how many more lines the current bare label's list may hold
    for k, (lo, hi) in enumerate(ranges):
        line = text[lo:hi]
        if _DURATION_RE.match(line):
            # the title above (past the video's age, if given) and the description below
            first = k - 2 if k >= 2 and _AGE_RE.match(text[slice(*ranges[k - 1])]) else k - 1
            first = max(first, 0)
            furniture[first : k + 2] = [True] * len(furniture[first : k + 2])
            listing = 0
        elif is_bare_label(line, labels):
            furniture[k] = True
            label = _label(line)
            # (an open label, `Watch the ad below:`, points at one thing: it heads no list)
            listing = 0 if label in INTERLEAVED_LABELS or label not in labels else MAX_LIST_LINES
        elif is_furniture_line(line, labels):
            furniture[k] = True
            listing = 0
        elif listing and is_listed_headline(line):
            furniture[k] = True
            listing -= 1
        elif k and furniture[k - 1] and _repeats(line, text[ranges[k - 1][0] : ranges[k - 1][1]]):
            furniture[k] = True  # `Click to play video: 'X'` over X: the player's caption
        else:
            listing = 0
    return [r for r, flag in zip(ranges, furniture, strict=True) if flag]


def _repeats(line: str, previous: str) -> bool:
    """The line's words stand whole inside the previous line (a player's label over its title)."""
    words = line.strip()
    return len(words.split()) >= 2 and words in previous


def doc_furniture_lines(doc: Doc, labels: frozenset[str]) -> list[tuple[int, int]]:
    """`furniture_lines` of the doc's text, found once per doc and set of labels (the quote
    finder, the reported-speech finder and the resolver each ask) and kept in `doc.user_data`
    as plain lists, as `app.pipeline.text` keeps its own (user_data may be serialized)."""
    key = f"{_CACHE_KEY}.{hash(labels)}"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = [list(r) for r in furniture_lines(doc_text(doc), labels)]
    return [(lo, hi) for lo, hi in cached]


def within(ranges: list[tuple[int, int]], char: int) -> bool:
    """Whether `char` falls in one of the sorted, disjoint `ranges`."""
    k = bisect_right(ranges, char, key=lambda r: r[0]) - 1  # the last one starting by `char`
    return k >= 0 and char < ranges[k][1]
