"""Scanning a text for quoted passages: one pass over the quote marks of each paragraph.

Pure functions over the string; no parse is needed. Double marks are scanned first, then single
marks outside them; a passage that reopens at the start of the next paragraph (news convention)
continues there, and one whose closing mark never comes is cut at its paragraph's end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from app.pipeline.text import is_blank, paragraph_ranges

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

# Punctuation before an opening mark that still leaves it in opening position (`said: "`, `("`).
OPENING_CONTEXT: frozenset[str] = frozenset("([{<\u2014\u2013\u2012\u2010-/:;\u2026")
# Punctuation after a closing mark that still leaves it in closing position (`",`, `".`, `")`).
CLOSING_CONTEXT: frozenset[str] = frozenset(".,;:!?)]}>\u2014\u2013\u2012\u2010-/\u2026*")
# Words an apostrophe elides at their start: 'n' (rock 'n' roll), 'em, 'til, 'cause, 'tis.
ELIDED_WORDS: frozenset[str] = frozenset(
    {"n", "em", "til", "cause", "cuz", "tis", "twas", "bout", "round", "nother", "kay", "sup"}
)

# How many marks the scan reads past a typewriter opening mark met inside an open passage, to
# tell a nested quote, a new passage after a lost closing mark, and a misplaced closing mark apart.
LOOKAHEAD_MARKS = 8

# Three apostrophes after a word close a nested single quote, then the double one (`in line,'''
# Ms. Lopez said`): the first is the inner closing mark, so it is matched alone, inside the
# passage. (At an opening, `'''Hello`, the run follows a blank and splits as two, then one.)
# Every alternative opens with a mark, the look-behind after it: the engine then skips to the
# next mark character instead of trying the look-behind at every position.
_MARK_RE = re.compile(
    r"'(?<=[^\s']')(?=''(?!'))|''|``|[" + re.escape("".join(sorted(ALL_MARKS))) + "]"
)
# An HTML/XML tag left in the text: its attribute values are not quotations (embedded posts carry
# long ones). Linear: a failed match stops at the next angle bracket.
_MARKUP_RE = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")

_OPENER = 1  # the mark sits where an opening mark sits (`␣"Word`)
_CLOSER = 2  # the mark sits where a closing mark sits (`word"␣`)
_NEUTRAL = 0  # both or neither: direction decided by the state of the scan


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
class RawQuote:
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
        attribution: re.Pattern[str] | None = None,
    ) -> None:
        self.text = text
        self.attribution = attribution
        self.markup_starts = [m[0] for m in markup]
        self.markup_ends = [m[1] for m in markup]
        self.paragraphs = paragraphs
        self.single = single
        self.marks = SINGLE_MARKS if single else DOUBLE_MARKS
        self.openers = SINGLE_OPENERS if single else DOUBLE_OPENERS
        self.closers = SINGLE_CLOSERS if single else DOUBLE_CLOSERS

    def skip_tag(self, i: int) -> bool:
        """Marks inside markup (`<tweet id="1">`) are not quote marks."""
        k = bisect_right(self.markup_starts, i) - 1
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
        prev_open = prev is None or is_blank(prev) or prev in OPENING_CONTEXT
        next_close = nxt is None or is_blank(nxt) or nxt in CLOSING_CONTEXT
        if prev_open and not next_close:
            return _OPENER
        if next_close and not prev_open:
            return _CLOSER
        return _NEUTRAL

    def is_detached(self, i: int, j: int, lo: int, hi: int) -> bool:
        """The mark stands alone between blanks (or alone in its paragraph)."""
        before_blank = i == lo or is_blank(self.text[i - 1])
        after_blank = j >= hi or is_blank(self.text[j])
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
    def scan(self, skip: Callable[[int], bool]) -> list[RawQuote]:
        found: list[RawQuote] = []
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
                    if not self.single and self._nests(j, hi):
                        state.inner = mark  # “a “b” c”: a quote inside, in the same marks
                        continue
                    if not self.single:  # the previous passage lost its closing mark
                        found.append(self._cut(state, i))
                    state = _Open(mark, i, j)
                elif (
                    not self.single
                    and side == _OPENER
                    and _straight(mark)
                    and _word_at(self.text, j)
                ):
                    after = self._directions_after(j, lo, hi)
                    if after[:2] == [_CLOSER, _CLOSER]:
                        state.inner = mark  # `"He said "no" to me," she said`: nested
                    elif after[:1] == [_CLOSER]:
                        # `"It is over, she said. Then "we go on."`: the open passage lost its
                        # closing mark, and this one opens the next passage
                        found.append(self._cut(state, i))
                        state = _Open(mark, i, j)
                    else:  # `"We won "she said`: a closing mark set apart the wrong way
                        found.append(self._close(state, mark, i, j))
                        state = None
                elif self.single and side != _CLOSER:
                    continue  # an apostrophe-like mark inside a single-quoted passage
                elif self.single and self._plural_possessive(i, j, lo, hi):
                    continue  # `'Our farmers' concerns are real,' he said`
                else:
                    found.append(self._close(state, mark, i, j))
                    state = None
            if state is None or (state.detached and not state.segments):
                continue
            nxt = self._continuation(p_index)
            if nxt is not None and self._attributed(state.content_start, hi):
                nxt = None  # `"Q, said Lee, whose ...`: the closing mark is lost, not reopened
            if nxt is not None and not state.segments and self._fragment(state):
                # `called the board "a tribunal in name only. ¶ "If you're a tenant ..."`: a
                # fragment's closing mark is lost; only a whole quotation runs on a paragraph
                nxt = None
            if nxt is not None:
                state.segments.append((state.content_start, hi))
                state.content_start = nxt
                pending = state
            elif not self.single:
                found.append(self._cut(state, hi))
        return found

    def _attributed(self, start: int, end: int) -> bool:
        """The open stretch holds its own attribution (`, said Lee`, `, Lee said`, `, she said`)."""
        return (
            self.attribution is not None
            and self.attribution.search(self.text, start, end) is not None
        )

    def _fragment(self, state: _Open) -> bool:
        """The passage opens inside a sentence, after a lower-case word, in lower case (`called
        the board "a tribunal`): a fragment, not a whole quotation (`said "We will`)."""
        k = state.mark_pos
        while k > 0 and is_blank(self.text[k - 1]):
            k -= 1
        first = self.text[state.content_start : state.content_start + 1]
        return k > 0 and self.text[k - 1].islower() and first.islower()

    def _plural_possessive(self, i: int, j: int, lo: int, hi: int) -> bool:
        """A closing-side single mark at [i, j) after a plural's s and before a lower-case word
        (`farmers' concerns`) is a possessive's apostrophe when the next mark of the paragraph
        that has a side closes the passage (`... ignore them,' he said`)."""
        text = self.text
        if i == lo or text[i - 1] not in "sS" or j + 1 >= hi:
            return False
        if not is_blank(text[j]) or not text[j + 1].islower():
            return False
        for match in _MARK_RE.finditer(text, j, hi):
            k, end = match.span()
            if match.group() not in self.marks or self.is_apostrophe(k, lo, hi):
                continue
            side = self.flank(k, lo, hi, end - k)
            if side != _NEUTRAL:
                return side == _CLOSER
        return False

    def _nests(self, j: int, hi: int) -> bool:
        """An opening mark that ends at `j`, inside an open passage, starts a quote nested in it
        when the next two marks of its family that have a direction (typographic ones) are both
        closing marks: the inner quote's and the outer one's (`“a “b” c.”`). Otherwise the open
        passage lost its closing mark. Reads on to the second mark at most."""
        closers = 0
        for match in _MARK_RE.finditer(self.text, j, hi):
            mark = match.group()
            if mark not in self.marks or self.skip_tag(match.start()):
                continue
            if mark in self.openers:
                return False
            if mark in self.closers:
                closers += 1
                if closers == 2:
                    return True
        return False

    def _directions_after(self, j: int, lo: int, hi: int) -> list[int]:
        """The sides of this family's next two marks after `j` in the paragraph that have one
        (a typographic mark has its own; a typewriter mark, its neighbours')."""
        sides: list[int] = []
        for seen, match in enumerate(_MARK_RE.finditer(self.text, j, hi)):
            if seen == LOOKAHEAD_MARKS:
                break  # a run of marks without a side decides nothing (and stays linear)
            k, end = match.span()
            mark = match.group()
            if mark not in self.marks or self.skip_tag(k):
                continue
            if mark in self.openers or mark in self.closers:
                side = _OPENER if mark in self.openers else _CLOSER
            else:
                side = self.flank(k, lo, hi, end - k)
            if side != _NEUTRAL:
                sides.append(side)
                if len(sides) == 2:
                    break
        return sides

    def _close(self, state: _Open, mark: str, i: int, j: int) -> RawQuote:
        """The passage closes with `mark` at [i, j)."""
        state.segments.append((state.content_start, i))
        return RawQuote(tuple(state.segments), state.mark, state.mark_pos, mark, i, j)

    def _cut(self, state: _Open, end: int) -> RawQuote:
        """A passage whose closing mark is missing ends at `end` (its paragraph's end)."""
        state.segments.append((state.content_start, end))
        return RawQuote(tuple(state.segments), state.mark, state.mark_pos, None, end, end)

    def _continuation(self, p_index: int) -> int | None:
        """Where the next paragraph's content starts, if it opens with a mark (news convention)."""
        if p_index + 1 >= len(self.paragraphs):
            return None
        lo, hi = self.paragraphs[p_index + 1]
        j = lo
        while j < hi and is_blank(self.text[j]):
            j += 1
        match = _MARK_RE.match(self.text, j, hi)
        if match is None:
            return j if self._broken_line(p_index, j, hi) else None
        mark = match.group()
        if mark not in self.marks or mark in self.closers or self.skip_tag(j):
            return None
        if self.flank(j, lo, hi, len(mark)) != _OPENER:
            return None
        if self.single and self.is_apostrophe(j, lo, hi):
            return None
        return match.end()

    def _broken_line(self, p_index: int, j: int, hi: int) -> bool:
        """A double-quoted passage's line ends in mid-sentence (a word or a comma) and the next
        one goes on in lower case: a line break inside the quotation, not a new paragraph."""
        if self.single or j >= hi or not self.text[j].islower():
            return False
        lo, end = self.paragraphs[p_index]
        while end > lo and is_blank(self.text[end - 1]):
            end -= 1
        return end > lo and (self.text[end - 1].isalpha() or self.text[end - 1] == ",")


def _word_at(text: str, j: int) -> bool:
    """A word starts right at `j` (`"they`), not another mark or a blank."""
    return j < len(text) and text[j].isalnum()


def _straight(mark: str) -> bool:
    """Typewriter marks (", ', '') as opposed to typographic ones (“, ‘, «)."""
    return mark in DOUBLE_EITHER or mark in SINGLE_EITHER


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and is_blank(text[start]):
        start += 1
    while end > start and is_blank(text[end - 1]):
        end -= 1
    return start, end


@lru_cache(maxsize=8)
def attribution_pattern(speech_words: frozenset[str]) -> re.Pattern[str] | None:
    """A clause of attribution set off by a comma, from finite speech word forms: `, said Lee`,
    `, said the mayor`, `, Mayor Jane Lee said`, `, she said`."""
    verbs = sorted((w for w in speech_words if w.isalpha() and not w.endswith("ing")), key=len)
    if not verbs:
        return None
    verb = "(?:" + "|".join(re.escape(v) for v in reversed(verbs)) + ")"
    name = r"[A-Z][\w'\u2019.-]*"
    # (a verb after its subject must end the clause, perhaps with a day: `, Lee said Monday.`,
    # not `, Kerry said that ...`, which a quotation may well report)
    ends = r"(?:\s+[A-Z][a-z]+)?\s*[,.]"
    return re.compile(
        rf",\s+(?:{verb}\s+(?:[A-Z]|the\s|a\s|an\s)|(?:{name}\s+){{1,3}}{verb}{ends}"
        rf"|(?:he|she|they)\s+{verb}{ends})"
    )


def scan_quotes(text: str, speech_words: frozenset[str] = frozenset()) -> list[RawQuote]:
    """Every quoted passage of `text` (double quotes, then single quotes outside them).
    `speech_words` (word forms that report speech) tell a passage that lost its closing mark
    from one that goes on in the next paragraph."""
    if not text or _MARK_RE.search(text) is None:
        return []
    paragraphs = paragraph_ranges(text)
    markup = [m.span() for m in _MARKUP_RE.finditer(text)] if "<" in text else []
    attribution = attribution_pattern(speech_words)
    doubles = _Scanner(text, paragraphs, False, markup, attribution).scan(lambda _i: False)
    doubles = [raw for raw in doubles if content_segments(text, raw)]
    starts = [raw.open_pos for raw in doubles]
    ends = [raw.close_end - 1 for raw in doubles]

    def inside_double(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and starts[k] <= i <= ends[k]

    singles = _Scanner(text, paragraphs, True, markup, attribution).scan(inside_double)
    singles = [raw for raw in singles if content_segments(text, raw)]
    if not singles:
        return doubles
    # A single-quoted passage that encloses double quotes is the outer quote (British style).
    merged: list[RawQuote] = []
    for raw in sorted(singles + doubles, key=lambda r: (r.open_pos, -r.close_pos)):
        if merged and raw.open_pos < merged[-1].close_pos:
            continue
        merged.append(raw)
    return merged


def content_segments(text: str, raw: RawQuote) -> list[tuple[int, int]]:
    """The trimmed, non-empty segments of a passage."""
    out = []
    for start, end in raw.segments:
        s, e = _trim(text, start, end)
        if s < e:
            out.append((s, e))
    return out
