"""Typing a quoted passage: speech (direct, partial) or not (scare quote, title).

Not speech needs evidence from the words around the marks (a "so-called" cue, a title cue, title
case with no one speaking, a quoted term modifying a noun, a nickname between a first name and a
surname); when unsure the passage is speech, since a missed quotation can never be attributed.
The word lists are data (`models/*quote*.txt`), loaded by the component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.pipeline.quotes.scan import ALL_MARKS
from app.pipeline.text import SENTENCE_END
from app.pipeline.types import QuoteType

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
