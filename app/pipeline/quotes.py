"""The `quote_finder` component: every quoted passage of a text, its offsets, segments and type.

Finding is a pure function over the string (`find_quotes`), one pass over the quote marks of each
paragraph; no parse is needed. Classifying a passage as speech (direct/partial) or not
(scare/title) looks at the words around it, with lexicons loaded in `initialize()`.
When unsure the passage is speech: a missed quotation can never be attributed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.types import CharSpan, Quote, QuoteType

# ---------------------------------------------------------------------------------------------
# Marks and characters
# ---------------------------------------------------------------------------------------------

# Double-family marks that can only open a passage (typographic and continental openers).
DOUBLE_OPENERS: frozenset[str] = frozenset({"\u201c", "\u201e", "\u201f", "\u00ab", "``"})
# Double-family marks that can only close a passage.
DOUBLE_CLOSERS: frozenset[str] = frozenset({"\u201d", "\u00bb"})
# Double-family marks whose direction comes from their neighbours (typewriter quotes; two
# apostrophes standing for a double quote, as some newspaper systems print them).
DOUBLE_EITHER: frozenset[str] = frozenset({'"', "\uff02", "''"})
# Single-family marks that can only open a passage.
SINGLE_OPENERS: frozenset[str] = frozenset({"\u2018", "\u201a", "\u2039"})
# Single-family marks that close a passage, or are apostrophes (Clinton’s, students’).
SINGLE_CLOSERS: frozenset[str] = frozenset({"\u2019", "\u203a"})
# Single-family marks whose direction comes from their neighbours (and often apostrophes).
SINGLE_EITHER: frozenset[str] = frozenset({"'", "\uff07"})

DOUBLE_MARKS: frozenset[str] = DOUBLE_OPENERS | DOUBLE_CLOSERS | DOUBLE_EITHER
SINGLE_MARKS: frozenset[str] = SINGLE_OPENERS | SINGLE_CLOSERS | SINGLE_EITHER
ALL_MARKS: frozenset[str] = frozenset("".join(DOUBLE_MARKS | SINGLE_MARKS))

# Characters that end a paragraph (line breaks of every convention; \r\n counts once).
PARAGRAPH_BREAKS: frozenset[str] = frozenset(
    {"\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"}
)
# Invisible characters that are trimmed like whitespace at the edges of a quote's content.
INVISIBLES: frozenset[str] = frozenset(
    {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\x00"}
)
# Punctuation before an opening mark that still leaves it in opening position (`said: "`, `("`).
OPENING_CONTEXT: frozenset[str] = frozenset("([{<\u2014\u2013\u2012\u2010-/:;\u2026")
# Punctuation after a closing mark that still leaves it in closing position (`",`, `".`, `")`).
CLOSING_CONTEXT: frozenset[str] = frozenset(".,;:!?)]}>\u2014\u2013\u2012\u2010-/\u2026*")
# Words an apostrophe elides at their start: 'n' (rock 'n' roll), 'em, 'til, 'cause, 'tis.
ELIDED_WORDS: frozenset[str] = frozenset(
    {"n", "em", "til", "cause", "cuz", "tis", "twas", "bout", "round", "nother", "kay", "sup"}
)

_MARK_RE = re.compile("''|``|[" + re.escape("".join(sorted(ALL_MARKS))) + "]")
# An HTML/XML tag left in the text: its attribute values are not quotations (embedded posts carry
# long ones). Linear: a failed match stops at the next angle bracket.
_MARKUP_RE = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_PARAGRAPH_RE = re.compile("[^" + re.escape("".join(sorted(PARAGRAPH_BREAKS))) + "]+")

_OPENER = 1  # the mark sits where an opening mark sits (`␣"Word`)
_CLOSER = 2  # the mark sits where a closing mark sits (`word"␣`)
_NEUTRAL = 0  # both or neither: direction decided by the state of the scan


def _is_blank(char: str) -> bool:
    return char.isspace() or char in INVISIBLES or unicodedata.category(char) == "Cc"


@dataclass(slots=True)
class _Open:
    """A passage being scanned: where it opened and the paragraphs it covered so far."""

    mark: str
    mark_pos: int
    content_start: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    detached: bool = False  # opened by a mark between blanks: dropped if it never closes
    inner: str | None = None  # the opening mark of a quote nested in this one ("a “b” c")


@dataclass(frozen=True, slots=True)
class _Raw:
    """A found passage before classification."""

    segments: tuple[tuple[int, int], ...]
    open_mark: str
    open_pos: int
    close_mark: str | None
    close_pos: int  # index of the closing mark, or the end of the last paragraph
    close_end: int  # index after the closing mark


class _Scanner:
    """Scans one family of marks (double or single) over the paragraphs of a text."""

    def __init__(
        self,
        text: str,
        paragraphs: list[tuple[int, int]],
        single: bool,
        markup: list[tuple[int, int]],
    ) -> None:
        self.text = text
        self.markup_starts = [m[0] for m in markup]
        self.markup_ends = [m[1] for m in markup]
        self.paragraphs = paragraphs
        self.single = single
        self.marks = SINGLE_MARKS if single else DOUBLE_MARKS
        self.openers = SINGLE_OPENERS if single else DOUBLE_OPENERS
        self.closers = SINGLE_CLOSERS if single else DOUBLE_CLOSERS

    def skip_tag(self, i: int) -> bool:
        """Marks inside markup (`<tweet id="1">`) are not quote marks."""
        k = _bisect_right(self.markup_starts, i) - 1
        return k >= 0 and i < self.markup_ends[k]

    # -- context of one mark ------------------------------------------------------------------
    def _prev(self, i: int, lo: int) -> str | None:
        """The character before position i, looking through other quote marks."""
        j = i - 1
        while j >= lo and self.text[j] in ALL_MARKS and i - j < 4:
            j -= 1
        return self.text[j] if j >= lo else None

    def _next(self, i: int, hi: int) -> str | None:
        j = i + 1
        while j < hi and self.text[j] in ALL_MARKS and j - i < 4:
            j += 1
        return self.text[j] if j < hi else None

    def flank(self, i: int, lo: int, hi: int, width: int = 1) -> int:
        prev, nxt = self._prev(i, lo), self._next(i + width - 1, hi)
        prev_open = prev is None or _is_blank(prev) or prev in OPENING_CONTEXT
        next_close = nxt is None or _is_blank(nxt) or nxt in CLOSING_CONTEXT
        if prev_open and not next_close:
            return _OPENER
        if next_close and not prev_open:
            return _CLOSER
        return _NEUTRAL

    def is_detached(self, i: int, j: int, lo: int, hi: int) -> bool:
        """The mark stands alone between blanks (or alone in its paragraph)."""
        before_blank = i == lo or _is_blank(self.text[i - 1])
        after_blank = j >= hi or _is_blank(self.text[j])
        return before_blank and after_blank

    def is_apostrophe(self, i: int, lo: int, hi: int) -> bool:
        """A single mark inside a word (Trump's), before a year ('90s) or an elision ('n')."""
        text = self.text
        prev = text[i - 1] if i > lo else ""
        nxt = text[i + 1] if i + 1 < hi else ""
        if prev.isalnum() and nxt.isalnum():
            return True
        if nxt.isdigit() and (i + 2 >= hi or text[i + 2].isdigit()):
            return True
        if nxt.isalpha():
            j = i + 1
            while j < hi and j - i < 8 and text[j].isalpha():
                j += 1
            if text[i + 1 : j].lower() in ELIDED_WORDS and (j >= hi or not text[j].isalpha()):
                return True
        return False

    # -- the scan -----------------------------------------------------------------------------
    def scan(self, skip: Callable[[int], bool]) -> list[_Raw]:
        found: list[_Raw] = []
        pending: _Open | None = None
        for p_index, (lo, hi) in enumerate(self.paragraphs):
            state = pending
            pending = None
            scan_from = lo if state is None else state.content_start
            for match in _MARK_RE.finditer(self.text, scan_from, hi):
                i, j = match.span()
                mark = match.group()
                if mark not in self.marks or skip(i) or self.skip_tag(i):
                    continue
                if self.single and self.is_apostrophe(i, lo, hi):
                    continue
                side = self.flank(i, lo, hi, j - i)
                if state is None:
                    if side == _CLOSER or (mark in self.closers and side != _OPENER):
                        continue  # a stray closing mark (or an apostrophe: students')
                    state = _Open(mark, i, j)
                    # A lone mark between blanks (a table, a ditto mark) opens nothing by itself.
                    state.detached = side == _NEUTRAL and self.is_detached(i, j, lo, hi)
                elif state.inner is not None:
                    if _straight(mark) == _straight(state.inner) and side != _OPENER:
                        state.inner = None  # the nested quote closes
                    elif _straight(mark) == _straight(state.mark) and side == _CLOSER:
                        state.inner = None  # it was no nested quote: the outer one closes
                        found.append(self._close(state, mark, i, j))
                        state = None
                elif (
                    not self.single
                    and side == _OPENER
                    and _straight(mark) != _straight(state.mark)
                    and mark not in self.closers
                ):
                    state.inner = mark  # a quote inside a quote, in the other style of marks
                elif mark in self.openers and side == _OPENER:
                    if not self.single:  # the previous passage lost its closing mark
                        found.append(self._cut(state, i))
                    state = _Open(mark, i, j)
                elif self.single and side != _CLOSER:
                    continue  # an apostrophe-like mark inside a single-quoted passage
                else:
                    found.append(self._close(state, mark, i, j))
                    state = None
            if state is None or (state.detached and not state.segments):
                continue
            nxt = self._continuation(p_index)
            if nxt is not None:
                state.segments.append((state.content_start, hi))
                state.content_start = nxt
                pending = state
            elif not self.single:
                found.append(self._cut(state, hi))
        return found

    def _close(self, state: _Open, mark: str, i: int, j: int) -> _Raw:
        """The passage closes with `mark` at [i, j)."""
        state.segments.append((state.content_start, i))
        return _Raw(tuple(state.segments), state.mark, state.mark_pos, mark, i, j)

    def _cut(self, state: _Open, end: int) -> _Raw:
        """A passage whose closing mark is missing ends at `end` (its paragraph's end)."""
        state.segments.append((state.content_start, end))
        return _Raw(tuple(state.segments), state.mark, state.mark_pos, None, end, end)

    def _continuation(self, p_index: int) -> int | None:
        """Where the next paragraph's content starts, if it opens with a mark (news convention)."""
        if p_index + 1 >= len(self.paragraphs):
            return None
        lo, hi = self.paragraphs[p_index + 1]
        j = lo
        while j < hi and _is_blank(self.text[j]):
            j += 1
        match = _MARK_RE.match(self.text, j, hi)
        if match is None:
            return None
        mark = match.group()
        if mark not in self.marks or mark in self.closers or self.skip_tag(j):
            return None
        if self.flank(j, lo, hi, len(mark)) != _OPENER:
            return None
        if self.single and self.is_apostrophe(j, lo, hi):
            return None
        return match.end()


def _straight(mark: str) -> bool:
    """Typewriter marks (", ', '') as opposed to typographic ones (“, ‘, «)."""
    return mark in DOUBLE_EITHER or mark in SINGLE_EITHER


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that holds something other than blanks."""
    return [
        (m.start(), m.end())
        for m in _PARAGRAPH_RE.finditer(text)
        if not all(_is_blank(c) for c in m.group())
    ]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _is_blank(text[start]):
        start += 1
    while end > start and _is_blank(text[end - 1]):
        end -= 1
    return start, end


def scan_quotes(text: str) -> list[_Raw]:
    """Every quoted passage of `text` (double quotes, then single quotes outside them)."""
    if not text or _MARK_RE.search(text) is None:
        return []
    paragraphs = _paragraphs(text)
    markup = [m.span() for m in _MARKUP_RE.finditer(text)] if "<" in text else []
    doubles = _Scanner(text, paragraphs, False, markup).scan(lambda _i: False)
    doubles = [raw for raw in doubles if _content(text, raw)]
    starts = [raw.open_pos for raw in doubles]
    ends = [raw.close_end - 1 for raw in doubles]

    def inside_double(i: int) -> bool:
        k = _bisect_right(starts, i) - 1
        return k >= 0 and starts[k] <= i <= ends[k]

    singles = _Scanner(text, paragraphs, True, markup).scan(inside_double)
    singles = [raw for raw in singles if _content(text, raw)]
    if not singles:
        return doubles
    # A single-quoted passage that encloses double quotes is the outer quote (British style).
    merged: list[_Raw] = []
    for raw in sorted(singles + doubles, key=lambda r: (r.open_pos, -r.close_pos)):
        if merged and raw.open_pos < merged[-1].close_pos:
            continue
        merged.append(raw)
    return merged


def _bisect_right(values: list[int], x: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _content(text: str, raw: _Raw) -> list[tuple[int, int]]:
    """The trimmed, non-empty segments of a passage."""
    out = []
    for start, end in raw.segments:
        s, e = _trim(text, start, end)
        if s < e:
            out.append((s, e))
    return out


# ---------------------------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------------------------

# Sentence-final punctuation: a quote that ends with it is a whole utterance.
SENTENCE_END: frozenset[str] = frozenset(".?!\u2026")
# What a quotation that starts a sentence follows: a sentence end, a colon or dash introduction
# (`He put it bluntly: "…"`, `— "…"`), or another quotation mark.
SENTENCE_START_AFTER: frozenset[str] = SENTENCE_END | frozenset(":\u2014\u2013") | ALL_MARKS
# Longest quoted term that a scare/title cue ("so-called", "the book") can introduce, in words.
MAX_TERM_WORDS = 8
# Longest quoted term classified as scare/title without a cue (only with other evidence).
MAX_BARE_TERM_WORDS = 4
# Words that follow a quoted fragment without making it a modifier of a noun ("the “X” and").
NOT_NOUNS: frozenset[str] = frozenset(
    """a an the and or nor but of in on at to for with by from as into onto over under about
    after before against between through during without within among per via than then so
    that which who whom whose when where while because if though although unless until
    is are was were be been being am has have had do does did will would can could shall should
    may might must it its this these those he she they we you i his her their our my your me
    him them us there here not no also only just even still more most very too again now
    anymore instead either neither yet both each all any some such own""".split()
)

# How far around a quote (in characters, within its paragraph) classification looks.
CONTEXT_CHARS = 300

# A capitalised possessive right before a quote: a programme or work of that owner (CNN's "…").
_POSSESSIVE_NAME_RE = re.compile(r"(?:^|\s)[A-Z][\w.&-]*['\u2019]s$")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*\.?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Word lists that steer classification; each is loaded from a file under models/."""

    scare_cues: frozenset[str] = frozenset()  # phrases right before a term in scare quotes
    title_cues: frozenset[str] = frozenset()  # nouns/verbs right before a work's title
    speech_cues: frozenset[str] = frozenset()  # word forms that report speech (said, calling)
    title_heads: frozenset[str] = frozenset()  # nouns right after a title they name (the "X" show)

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "scare_cues": sorted(self.scare_cues),
            "title_cues": sorted(self.title_cues),
            "speech_cues": sorted(self.speech_cues),
            "title_heads": sorted(self.title_heads),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lexicons:
        return cls(
            scare_cues=frozenset(data.get("scare_cues", ())),
            title_cues=frozenset(data.get("title_cues", ())),
            speech_cues=frozenset(data.get("speech_cues", ())),
            title_heads=frozenset(data.get("title_heads", ())),
        )


def read_lexicon(path: str | Path) -> frozenset[str]:
    """One entry a line, lower-cased; blank lines and `#` comments are ignored."""
    entries = set()
    for line in Path(path).read_text(encoding="utf8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(" ".join(entry.split()))
    return frozenset(entries)


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(s)]


def _ends_with_phrase(words: list[str], phrases: frozenset[str], max_len: int = 4) -> bool:
    for n in range(1, min(max_len, len(words)) + 1):
        if " ".join(words[-n:]) in phrases:
            return True
    return False


def _is_title_case(words: list[str]) -> bool:
    caps = [w for w in words if w[:1].isalpha()]
    return (
        bool(caps)
        and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in caps)
        and caps[0][:1].isupper()
    )


def _is_numeral_name(words: list[str]) -> bool:
    """Every word starts with a digit: a name made of numerals ("1917", "13th", "24")."""
    return bool(words) and all(w[:1].isdigit() for w in words)


# Short function words that stay lower-case inside a title ("Gone with the Wind").
_TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "vs",
        "vs.",
        "nor",
        "is",
    }
)


def classify(
    text: str,
    start: int,
    end: int,
    open_pos: int,
    close_end: int,
    lexicons: Lexicons,
    para: tuple[int, int],
    next_is_noun: bool | None = None,
    *,
    first_paragraph: bool = False,
) -> QuoteType:
    """direct, partial, scare or title, from the content and the words around the marks.

    `next_is_noun` is the tagger's view of the word after the closing mark (None: untagged doc,
    guess from the text); `first_paragraph` says the quote opens in the text's first paragraph
    (often its headline). Not speech needs evidence; when unsure the passage is speech.
    """
    content = text[start:end]
    before = text[max(para[0], open_pos - CONTEXT_CHARS) : open_pos]
    after = text[close_end : min(para[1], close_end + CONTEXT_CHARS)] if close_end < para[1] else ""
    content_words = content.split()
    n_words = len(content_words)
    left_words = _words(before[-80:])
    stripped_left = before.rstrip()
    at_sentence_start = not stripped_left or stripped_left[-1] in SENTENCE_START_AFTER
    last = content.rstrip("".join(ALL_MARKS))[-1:]

    if n_words <= MAX_TERM_WORDS:
        if last not in SENTENCE_END and _ends_with_phrase(left_words, lexicons.scare_cues):
            return "scare"  # so-called "sanctuary cities", known as "catch and release"
        if last not in "?!" and _is_numeral_name(content_words):
            if _ends_with_phrase(left_words, lexicons.title_cues):
                return "title"  # the film "1917"
        if last not in "?!" and _is_title_case(content_words):
            if _ends_with_phrase(left_words, lexicons.title_cues):
                return "title"  # the book "Hard Choices"
            if _POSSESSIVE_NAME_RE.search(stripped_left):
                return "title"  # NBC's "Meet the Press."
            if _next_word(after) in lexicons.title_heads:
                return "title"  # the "Morning Report" radio show, a "Vote Local" hat
            if (
                not first_paragraph
                and _is_subheading(content_words)
                and not stripped_left
                and not after.strip(" \t.")
            ):
                return "title"  # a title-case line of its own inside the text: a subheading
    if _is_nickname(content_words, before, after):
        return "title"  # Rep. Robert C. "Bobby" Scott
    if n_words <= MAX_BARE_TERM_WORDS and not at_sentence_start and last not in SENTENCE_END:
        left_sentence = re.split(r"[.?!]\s", before)[-1]
        right_sentence = re.split(r"[.?!](?:\s|$)", after, maxsplit=1)[0]
        context = _words(left_sentence) + _words(right_sentence)
        if not any(w in lexicons.speech_cues for w in context):
            if _is_title_case(content_words):
                return "title"  # a name in quotes with no one speaking: “Saturday Night Live”
            if next_is_noun is None:
                next_is_noun = _next_word_is_noun(after, lexicons)
            if next_is_noun:
                return "scare"  # a term used as a modifier: the “undercard” debate
    if at_sentence_start or (content[:1].isupper() and last in SENTENCE_END | {","}):
        return "direct"
    return "partial"


# The word right after a closing mark (one blank between): `"X" show` -> "show".
_NEXT_WORD_RE = re.compile(r"[ \u00a0]([^\W\d_][\w-]*)")
# A name word or initials right before an opening mark, after a blank: `Robert "`, `C.L. "`
# (a capitalised word with a full stop may end a sentence: `Obama. "Thanks" Biden said`).
_NAME_BEFORE_RE = re.compile(r"(?:^|\s)(?:[A-Z][\w'\u2019-]*|(?:[A-Z]\.)+)\s$")
# A capitalised name word right after a closing mark: `" Scott`.
_NAME_AFTER_RE = re.compile(r"\s[A-Z][a-z\u00e0-\u00ff'\u2019-]")
# Longest nickname written in quotes between a first name and a surname, in words.
MAX_NICKNAME_WORDS = 2
# Share of capitalised words around a quote above which the line is set in title case
# (a headline), where capitalisation is no evidence of a name.
TITLE_CASE_LINE_SHARE = 0.8


def _next_word(after: str) -> str:
    match = _NEXT_WORD_RE.match(after)
    return match.group(1).lower() if match is not None else ""


def _is_subheading(content_words: list[str]) -> bool:
    """Title case with at least two capitalised words ("All Bets Are Off.", not "Never.")."""
    capitalised = [w for w in content_words if w[:1].isupper()]
    return len(capitalised) >= 2 and _is_title_case(content_words)


def _is_nickname(content_words: list[str], before: str, after: str) -> bool:
    """One or two capitalised words in quotes between a name and a surname, in running text."""
    if not 0 < len(content_words) <= MAX_NICKNAME_WORDS:
        return False
    if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in content_words):
        return False
    if _NAME_BEFORE_RE.search(before) is None or _NAME_AFTER_RE.match(after) is None:
        return False
    return not _is_title_case_line(before[-80:] + " " + after[:80])


def _is_title_case_line(context: str) -> bool:
    """Nearly every word around is capitalised, as in a headline."""
    words: list[str] = [w for w in _WORD_RE.findall(context) if w[:1].isalpha()]
    lexical = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    if len(lexical) < 4:
        return False
    capitalised = sum(1 for w in lexical if w[:1].isupper())
    return capitalised >= TITLE_CASE_LINE_SHARE * len(lexical)


def _next_word_is_noun(after: str, lexicons: Lexicons) -> bool:
    """Untagged guess: the quote is directly followed by a lower-case content word."""
    match = re.match(r"[ \u00a0]?([a-z][a-z-]*)\b", after)
    if match is None:
        return False
    word = match.group(1)
    return word not in NOT_NOUNS and word not in lexicons.speech_cues and not word.endswith("ly")


def find_quotes(
    text: str,
    lexicons: Lexicons | None = None,
    noun_at: Callable[[int], bool | None] | None = None,
) -> list[Quote]:
    """Every quoted passage of `text`, in text order, non-overlapping, with exact offsets.

    `noun_at(i)` tells whether the word starting right after char i is a noun (None: unknown);
    the component passes the tagger's answer when the doc has tags.
    """
    lex = lexicons if lexicons is not None else Lexicons()
    paragraphs = _paragraphs(text) if text else []
    para_starts = [p[0] for p in paragraphs]
    quotes: list[Quote] = []
    for raw in scan_quotes(text):
        segments = _content(text, raw)
        start, end = segments[0][0], segments[-1][1]
        k = _bisect_right(para_starts, raw.close_pos) - 1
        para = paragraphs[max(k, 0)]
        k_open = _bisect_right(para_starts, raw.open_pos) - 1
        open_para = paragraphs[max(k_open, 0)]
        qtype = classify(
            text,
            start,
            end,
            raw.open_pos,
            raw.close_end,
            lex,
            (open_para[0], para[1]),
            noun_at(raw.close_end) if noun_at is not None and raw.close_mark else None,
            first_paragraph=k_open <= 0,
        )
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                type=qtype,
                open_mark=raw.open_mark,
                close_mark=raw.close_mark,
                segments=tuple(CharSpan(s, e, text[s:e]) for s, e in segments)
                if len(segments) > 1
                else (CharSpan(start, end, text[start:end]),),
            )
        )
    return quotes


# ---------------------------------------------------------------------------------------------
# The component
# ---------------------------------------------------------------------------------------------

# Lexicon files shipped with the project, used when initialize() is given no paths.
DEFAULT_LEXICON_DIR = Path(__file__).resolve().parents[2] / "models"
DEFAULT_LEXICON_FILES: dict[str, str] = {
    "scare_cues": "scare_quote_cues.txt",
    "title_cues": "title_quote_cues.txt",
    "speech_cues": "quote_speech_cues.txt",
    "title_heads": "title_quote_heads.txt",
}
_LEXICON_FILE = "lexicons.json"


@Language.factory(
    "quote_finder",
    assigns=["doc.spans", "span._.quote"],
    requires=[],
    default_config={"spans_key": QUOTES_KEY, "classify": True},
)
def make_quote_finder(nlp: Language, name: str, *, spans_key: str, classify: bool) -> QuoteFinder:
    """Build the component that puts every quoted passage on `doc.spans[spans_key]`."""
    return QuoteFinder(nlp, name, spans_key=spans_key, classify=classify)


class QuoteFinder:
    """Finds quoted passages; a Span per passage with `span._.quote` set to its `Quote`."""

    def __init__(
        self,
        nlp: Language,
        name: str = "quote_finder",
        *,
        spans_key: str = QUOTES_KEY,
        classify: bool = True,
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.classify = classify
        self.lexicons = Lexicons()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        scare_cues: str | Path | None = None,
        title_cues: str | Path | None = None,
        speech_cues: str | Path | None = None,
        title_heads: str | Path | None = None,
    ) -> None:
        """Load the lexicons (defaults: the files in models/)."""
        given = {
            "scare_cues": scare_cues,
            "title_cues": title_cues,
            "speech_cues": speech_cues,
            "title_heads": title_heads,
        }
        loaded = {
            key: read_lexicon(
                path if path is not None else DEFAULT_LEXICON_DIR / DEFAULT_LEXICON_FILES[key]
            )
            for key, path in given.items()
        }
        self.lexicons = Lexicons(**loaded)

    def find(self, doc: Doc) -> list[Quote]:
        noun_at = _tagged_noun_lookup(doc) if doc.has_annotation("TAG") else None
        quotes = find_quotes(doc.text, self.lexicons, noun_at)
        if not self.classify:
            quotes = [replace(q, type="direct") for q in quotes]
        return quotes

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            quotes = self.find(doc)
            self.set_annotations(doc, quotes)
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error-handler protocol
            error_handler(self.name, self, [doc], e)
            return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def get_error_handler(self) -> Callable[..., Any]:
        handler: Callable[..., Any] = getattr(self, "_error_handler", _raise_error)
        return handler

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        self._error_handler = error_handler

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        spans: list[Span] = []
        used: set[tuple[int, int]] = set()  # span._ values are keyed by the span's char offsets
        prev_end = 0
        for quote in quotes:
            span = _distinct(doc, _token_span(doc, quote.start, quote.end, prev_end), used)
            if span is None:
                continue  # two quotes inside one token of a one-token doc: keep the first
            used.add((span.start_char, span.end_char))
            span._.quote = quote
            spans.append(span)
            prev_end = span.end
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)

    # -- serialization ------------------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.lexicons.to_dict()).encode("utf8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> QuoteFinder:
        self.lexicons = Lexicons.from_dict(json.loads(bytes_data.decode("utf8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / _LEXICON_FILE).write_text(self.to_bytes().decode("utf8"), encoding="utf8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteFinder:
        return self.from_bytes((Path(path) / _LEXICON_FILE).read_bytes())


def _raise_error(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> None:
    raise e


def _token_span(doc: Doc, start: int, end: int, min_token: int) -> Span:
    """The token-aligned span covering chars [start, end), never None, never before min_token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        first = last = None
        for token in doc:  # rare fallback (odd whitespace tokens): nearest covering tokens
            if token.idx + len(token) > start and first is None:
                first = token.i
            if token.idx < end:
                last = token.i
        if first is None:
            first = max(len(doc) - 1, 0)
        if last is None or last < first:
            last = first
        span = doc[first : min(last + 1, len(doc))]
    if span.start < min_token < span.end:
        span = doc[min_token : span.end]
    return span


def _distinct(doc: Doc, span: Span, used: set[tuple[int, int]]) -> Span | None:
    """`span`, or a token wider, so that no two quotes share one span (and its `_` values)."""
    candidates = (
        span,
        doc[span.start : span.end + 1],
        doc[max(span.start - 1, 0) : span.end],
        doc[max(span.start - 1, 0) : span.end + 1],
    )
    for candidate in candidates:
        if len(candidate) and (candidate.start_char, candidate.end_char) not in used:
            return candidate
    return None


# Penn Treebank tags of common nouns: a quoted term right before one modifies it (the “X” debate).
NOUN_TAGS: frozenset[str] = frozenset({"NN", "NNS"})


def _tagged_noun_lookup(doc: Doc) -> Callable[[int], bool | None]:
    """`noun_at(i)`: is the token starting at char i (or after one space) a common noun?"""
    starts = doc.to_array(IDX)

    def noun_at(i: int) -> bool | None:
        k = int(numpy.searchsorted(starts, i + 1, side="right")) - 1
        if k < 0 or int(starts[k]) < i:
            return False
        return doc[k].tag_ in NOUN_TAGS

    return noun_at
