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
# A dateline opening a story's first paragraph (`OTTAWA —`, `ST. JOHN'S, N.L. --`, `REGINA (CP) —`).
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'\u2019 -]+(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?(?: \([A-Za-z .]{1,30}\))?"
    r" +(?:--|\u2014|\u2013|\u2015) "
)
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
        "story continues",
        "article continues below advertisement",
        "article continues below",
        "article continues",
        "continue reading below",
        "continue reading the main story",
        "scroll to continue with content",
        "continue reading",
        "article content",
        "open this photo in gallery",
    }
)
# A byline: `By` and a few capitalised words (`By Jane Smith Global News`, `By JANE SMITH and
# John Doe, The Canadian Press`); the connectors such a line may hold in lower case.
_BYLINE_RE = re.compile(r"\s*(?:By|BY)\s+[A-Z]")
BYLINE_CONNECTORS: frozenset[str] = frozenset({"and", "&", "of", "the", "for", "in", "at"})
MAX_BYLINE_WORDS = 12
# A page's time stamp (`Posted March 3, 2021 4:00 pm`, `Published Wednesday, March 3, 2021`,
# CBC's `Jane Smith · CBC News · Posted: Mar 03, 2021`): a stamp word, then a day, a month or a
# number (not `Updated rules take effect`).
_STAMP_RE = re.compile(
    r"(?:^|.*[\u00b7|]\s*)\s*(?:posted|published|updated|last updated)\b:?\s*(?:on\s+)?"
    r"(?:\d|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?"
    r"|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b)",
    re.IGNORECASE,
)
# What makes it a time stamp and not a sentence (`Posted 12 times on Facebook, the video ...`): a
# year, a clock time or "ago".
_STAMP_TIME_RE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d|\bago\b", re.IGNORECASE)
MAX_STAMP_WORDS = 25
# How many short title-case lines right above a time stamp are its byline (`Jane Smith` over
# `Reporter, CTV News Edmonton` over `Published ...`), and the most words of one.
MAX_BYLINE_LINES = 2
MAX_BYLINE_LINE_WORDS = 6
# A label entry's last word that stands for any words after its first (`read *`: `Read the full
# analysis:`), and most words such a label may have.
OPEN_LABEL_MARK = "*"
MAX_OPEN_LABEL_WORDS = 8
# How a list label names the site or place it lists (`Trending on TSN`), in how many words.
SITE_PREPOSITIONS: frozenset[str] = frozenset({"on", "in", "at"})
MAX_SITE_WORDS = 2
# Where a doc keeps its furniture lines (`doc_furniture_lines`).
_CACHE_KEY = "quotes.furniture"
# A list item a name opens, then a colon (`Maple Leafs: Visit Ottawa on Thursday.`).
_NAMED_ITEM_RE = re.compile(r"[A-Z][\w.'\u2019&-]*(?: [A-Z][\w.'\u2019&-]*){0,3}: \S")
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
    """The line as a label: lower case, its spacing and end marks dropped, and the site a
    list label names after it (`Trending on TSN`, `Most popular in Canada`) left off."""
    label = " ".join(line.strip().rstrip(_BARE_LABEL_END).lower().split())
    words = label.split(" ")
    for k in range(1, len(words) - 1):
        if words[k] in SITE_PREPOSITIONS and len(words) - k - 1 <= MAX_SITE_WORDS:
            return " ".join(words[:k])
    return label


def is_listed_headline(line: str) -> bool:
    """A short line that ends with no full stop: a headline, as a list of links gives it (a
    story's paragraph ends with one); or a short item a name and a colon open (`UP NEXT` over
    `Canadiens: Host the Boston Bruins on Tuesday.`)."""
    stripped = line.strip().rstrip(_CLOSING_MARKS)
    if len(line.split()) > MAX_LIST_LINE_WORDS:
        return False
    return not stripped.endswith(".") or _NAMED_ITEM_RE.match(stripped) is not None


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
            # the title above (past the video's age, if given) and the description below, unless
            # that is the story's first paragraph (`Listen to this article ¶ 00:04:12 ¶ OTTAWA —
            # Canada's inflation rate rose ...`: an audio player over the dateline)
            first = k - 2 if k >= 2 and _AGE_RE.match(text[slice(*ranges[k - 1])]) else k - 1
            first = max(first, 0)
            below = k + 1 < len(ranges) and _DATELINE_RE.match(text[slice(*ranges[k + 1])])
            last = k + 1 if below else k + 2
            furniture[first:last] = [True] * len(furniture[first:last])
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
    _mark_bylines(text, ranges, furniture)
    return [r for r, flag in zip(ranges, furniture, strict=True) if flag]


def _mark_bylines(text: str, ranges: list[tuple[int, int]], furniture: list[bool]) -> None:
    """Mark the byline and time-stamp lines of a pasted page: a `By ...` line, a time stamp,
    and the short title-case lines right above a stamp (the author and their role), never the
    headline. Their names are the reporter's, no one the story quotes."""
    for k, (lo, hi) in enumerate(ranges):
        line = text[lo:hi]
        if k and is_byline(line):
            furniture[k] = True
        elif is_time_stamp(line):
            furniture[k] = True
            for j in range(k - 1, max(k - 1 - MAX_BYLINE_LINES, 0), -1):
                above = text[ranges[j][0] : ranges[j][1]]
                if not _name_line(above):
                    break
                furniture[j] = True


def is_byline(line: str) -> bool:
    """`By Jane Smith`, `By JANE SMITH, The Canadian Press`: a byline, not `By then, ...`."""
    if _BYLINE_RE.match(line) is None:
        return False  # (most lines: no need to split them into words)
    words = _words(line, ",.;:|\u00b7")
    return len(words) <= MAX_BYLINE_WORDS and _capitalised(words[1:])


def is_time_stamp(line: str) -> bool:
    """A page's time stamp line (`Posted March 3, 2021 4:00 pm`)."""
    return (
        len(line.split()) <= MAX_STAMP_WORDS
        and _STAMP_RE.match(line) is not None
        and _STAMP_TIME_RE.search(line) is not None
    )


def _name_line(line: str) -> bool:
    """A short title-case line with no full stop: a name or a role over a time stamp."""
    words = _words(line, ",.;:")
    return (
        0 < len(words) <= MAX_BYLINE_LINE_WORDS
        and not line.rstrip().endswith(".")
        and _capitalised(words)
    )


def _words(line: str, punct: str) -> list[str]:
    """The line's words without the `punct` around them (a word of punctuation alone is none)."""
    return [w for w in (word.strip(punct) for word in line.split()) if w]


def _capitalised(words: list[str]) -> bool:
    """Every word capitalised, but a byline's connectors (`and`, `of`, `the`)."""
    return all(w[:1].isupper() or w.lower() in BYLINE_CONNECTORS for w in words)


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


# The tag of an element whose text is another document's, embedded in the page: a post (`<tweet
# author="@x">“…” — @x</tweet>`) or a link to another story (`<a href="…">Rally “X”</a>`). A
# self-closing or closing tag ends it.
EMBED_TAG_RE = re.compile(r"<(/?)(?:tweet|a)\b[^<>]{0,2000}?(/?)>", re.IGNORECASE)


def in_embed(before: str) -> bool:
    """The text `before` a passage (from its line's start) leaves an embedded post or link open:
    the passage is inside it."""
    inside = False
    if "<" in before:
        for match in EMBED_TAG_RE.finditer(before):
            inside = not match.group(1) and not match.group(2)
    return inside
