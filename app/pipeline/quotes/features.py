"""Evidence about one quoted passage: what the rules (`classify`) and the model (`model`) read.

Every piece of evidence is a named feature in [0, 1]: the passage's length and capitalisation, its
place on the page (the headline, a line of its own, a caption, a "READ MORE:" line), the words
around its marks (a so-called cue, a title cue, a speech word in the sentence), and, when the doc
is tagged and parsed, the word after it, the verb that governs it and whether a speech cue is
near. The features are the columns of the learned classifier, so their names are stable.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from app.pipeline.furniture import in_embed, is_furniture_line, within
from app.pipeline.quotes.echo import is_echo
from app.pipeline.quotes.lexicons import Lexicons
from app.pipeline.quotes.naming import (
    apposed_nouns,
    article_name,
    called_a_term,
    head_after,
    is_nickname,
    known_as,
    names_a_gap,
    names_a_pronoun,
)
from app.pipeline.quotes.scan import ALL_MARKS, DOUBLE_MARKS, RawQuote, content_segments
from app.pipeline.text import SENTENCE_END, head_lines_end, paragraph_ranges

# What a quotation that starts a sentence follows: a sentence end, a colon or dash introduction
# (`He put it bluntly: "…"`, `— "…"`), or another quotation mark.
SENTENCE_START_AFTER: frozenset[str] = SENTENCE_END | frozenset(":\u2014\u2013") | ALL_MARKS
# Words of the first person: a passage holding one is somebody's own words (`"We will win"`).
FIRST_PERSON: frozenset[str] = frozenset(
    "i me my mine myself we us our ours ourselves i'm i've i'd i'll we're we've we'd we'll".split()
)
# Words of the second person: the speaker addresses someone (`"You know what I want?"`).
SECOND_PERSON: frozenset[str] = frozenset("you your yours yourself you're you've you'll".split())
# Personal pronouns: one of them alone in quotes is a word used as a word (`because "it" is a
# "she"`, `the "us" he brought together`), never a quotation: nobody is quoted saying just "he".
PERSONAL_PRONOUNS: frozenset[str] = frozenset("i me we us you he him she her it they them".split())
# Determiners and possessives right before a mark: the passage sits inside a noun phrase
# (`the "undercard" debate`, `their "rigged" system`).
NOUN_PHRASE_OPENERS: frozenset[str] = frozenset(
    "a an the this that these those his her its their our my your whose another every".split()
)
# Short function words that stay lower-case inside a title ("Gone with the Wind").
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    "a an the and or but of in on at to for with by from as vs vs. nor is".split()
)
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
# A word as the subject of a copula before the passage (`that word is "collaboration"`; not
# `his words had been "misconstrued"`, someone's words).
TERM_SUBJECTS: frozenset[str] = frozenset(
    f"{det} {noun}" for det in ("the", "that", "this") for noun in ("word", "term", "phrase")
)
# Copulas between a title noun and the title (`his favourite book is "Dune"`).
COPULAS: frozenset[str] = frozenset({"is", "was", "are", "were", "remains", "became", "be", "been"})
# Auxiliaries between a title noun and its copula (`the book may be "X"`, `has been "X"`).
COPULA_AUXILIARIES: frozenset[str] = frozenset(
    "may might could would will must should can has have had".split()
)
_COPULA_CHAIN: frozenset[str] = COPULA_AUXILIARIES | COPULAS
# Head nouns that end the name of a law, a programme or an organised effort written in quotes
# (`the "Affordable Care Act"`, `the "Raise the Floor" Campaign` is caught by title_heads instead).
NAMED_LAW_HEADS: frozenset[str] = frozenset(
    """act acts bill amendment resolution initiative program programme plan project doctrine
    fund strategy framework accord compact pledge""".split()
)

# How far around a passage (characters, within its paragraph) the words are read.
CONTEXT_CHARS = 300
# Share of capitalised words above which a line is set in title case (a headline), where
# capitalisation is no evidence of a name.
TITLE_CASE_SHARE = 0.8
# Longest line (in words) counted as a short line (a subheading, a label, a credit).
SHORT_LINE_WORDS = 12
# Longest line of its own (in words) read as a subheading when it is set in title case.
MAX_SUBHEADING_WORDS = 8
# Longest first line (in words) read as a headline that may echo the body's quotations; a longer
# one is running text (an article pasted without its headline).
MAX_HEADLINE_WORDS = 30
# How far from a line's start or end a photo credit sits in a caption.
CREDIT_CHARS = 60

_WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*\.?", re.UNICODE)
# An author after a title or a headline: `"X," by Times' Ben Sisario`, `"X" by George Anders`,
# `"X," written by Moose Jaw playwright Colleen Fehr`.
_BY_AUTHOR_RE = re.compile(
    r"\s*,?\s*(?:(?:(?:co-)?written|composed|penned)\s+by\s+(?:[\w-]+\s+){0,3}|by\s+(?:the\s+)?)[A-Z]"
)
# A capitalised possessive right before a quote: a programme or work of that owner (CNN's "…").
_POSSESSIVE_NAME_RE = re.compile(r"(?:^|\s)[A-Z][\w.&-]*['\u2019]s$")
# A photographer's credit closing a caption: a name, a slash, the agency or paper, in parentheses
# (`(Sean Kilpatrick/The Canadian Press)`, `(Evan Mitsui/CBC)`).
_CREDIT_RE = re.compile(
    r"\((?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z][\w.'\u2019-]*"  # the photographer
    r"\s*/\s*[A-Z][\w .&'\u2019-]{1,40}\)\.?\s*$"  # the agency or paper, closing the line
)
# The same credit glued to the caption's last word, without parentheses, as some papers' pages
# paste it (`... said the bill is "a step."Justin Tang/The Canadian Press`); a two-word name at
# least, so that a poll's `Reuters/Ipsos` is no credit.
_GLUED_CREDIT_RE = re.compile(
    r"(?:^|(?<=[\s.!?\"'\u201d\u2019)]))(?:[A-Z][\w.'\u2019-]*\s+){1,3}[A-Z][\w'\u2019-]*"
    r"\s*/\s*[A-Z][\w .&'\u2019-]{0,39}[\w&'\u2019]\s*$"
)
# A copula and an article right after a closing mark: `"Soft launch" is a marketing term`.
_DEFINITION_AFTER_RE = re.compile(r"\s+(?:is|was|are|were)\s+(?:a|an|the)\s", re.IGNORECASE)
# Another sentence starting inside the passage ("We won. They lost.").
_INNER_SENTENCE_RE = re.compile(r"[.?!][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]")


@dataclass(frozen=True, slots=True)
class Passage:
    """Where one quoted passage sits: its content, its marks, its paragraph(s)."""

    start: int  # content, trimmed, without the marks
    end: int
    open_pos: int  # index of the opening mark
    close_end: int  # index after the closing mark (the paragraph's end when it never closed)
    open_mark: str
    close_mark: str | None
    para: tuple[int, int]  # from the opening mark's paragraph start to the closing one's end
    para_index: int  # index of the opening mark's paragraph (0: the first line, the headline)
    n_paragraphs: int = 1
    segments: tuple[tuple[int, int], ...] = ()
    double_style: bool = True  # the article's body quotes with double marks


@dataclass(frozen=True, slots=True)
class Features:
    """The named evidence about one passage (absent names are 0) and its length in words."""

    values: dict[str, float]
    n_words: int

    def has(self, name: str) -> bool:
        return self.values.get(name, 0.0) > 0.0

    def __getitem__(self, name: str) -> float:
        return self.values.get(name, 0.0)


def closing_char(content: str) -> str:
    """The last character of a passage's words, past any quote marks ("" for none)."""
    return content.rstrip("".join(ALL_MARKS))[-1:]


def words(s: str) -> list[str]:
    """The words of `s`, lower-cased (letters and digits, inner - ' . kept)."""
    found: list[str] = _WORD_RE.findall(s.lower())
    return found


def ends_with_phrase(ws: list[str], phrases: frozenset[str], max_len: int = 4) -> bool:
    """The word list ends with one of `phrases` (each up to `max_len` words)."""
    return any(" ".join(ws[-n:]) in phrases for n in range(1, min(max_len, len(ws)) + 1))


def grams(ws: list[str]) -> set[str]:
    """The words of `ws` and its pairs of consecutive words ("to say")."""
    return set(ws) | {f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False)}


def ending_phrase_length(ws: list[str], phrases: frozenset[str], max_len: int = 4) -> int:
    """How many words of the longest of `phrases` the word list ends with (0: none)."""
    for n in range(min(max_len, len(ws)), 0, -1):
        if " ".join(ws[-n:]) in phrases:
            return n
    return 0


def is_title_case(ws: list[str]) -> bool:
    """Every word capitalised but small function words, the first one too ("Gone with the Wind")."""
    caps = [w for w in ws if w[:1].isalpha()]
    return (
        bool(caps)
        and all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in caps)
        and caps[0][:1].isupper()
    )


def is_title_case_line(context: str) -> bool:
    """Nearly every lexical word of `context` is capitalised, as in a headline."""
    found: list[str] = [w for w in _WORD_RE.findall(context) if w[:1].isalpha()]
    lexical = [w for w in found if w.lower() not in TITLE_SMALL_WORDS]
    if len(lexical) < 4:
        return False
    return sum(1 for w in lexical if w[:1].isupper()) >= TITLE_CASE_SHARE * len(lexical)


def is_caption(line: str, marks: frozenset[str]) -> bool:
    """The line opens or ends with a photo credit ("... (AP Photo/Evan Vucci)", "Photo: ...",
    "... (Sean Kilpatrick/The Canadian Press)"): it is a caption. A credit word in the middle of
    running text proves nothing."""
    low = line.strip().lower()
    head, tail = low[:CREDIT_CHARS], low[-CREDIT_CHARS:]
    closing_marks, tail_marks, head_marks = _caption_marks(marks)
    return (
        low.rstrip(". ").endswith(closing_marks)
        or any(m in tail for m in tail_marks)
        or any(m in head for m in head_marks)
        # (both credits hold a slash: most lines have none, and the searches cost more)
        or ("/" in line and _CREDIT_RE.search(line) is not None)
        or ("/" in line and _GLUED_CREDIT_RE.search(line) is not None)
    )


@functools.lru_cache(maxsize=8)
def _caption_marks(
    marks: frozenset[str],
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The credit marks by where they count: a whole credit in parentheses ("(cbc)") only where
    it ends the line, since "(Reuters)" opening a line is a dateline; the others anywhere in the
    line's tail, or in its head unless slashed ("reuters/" closes a caption; opening a line it
    names a poll, Reuters/Ipsos)."""
    closing = tuple(sorted(m for m in marks if m.endswith(")")))
    anywhere = tuple(sorted(m for m in marks if not m.endswith(")")))
    return closing, anywhere, tuple(m for m in anywhere if "/" not in m)


def next_word_is_noun(after: str, lex: Lexicons) -> bool:
    """Untagged guess: the quote is directly followed by a lower-case content word."""
    match = re.match(r"[ \u00a0]?([a-z][a-z-]*)\b", after)
    if match is None:
        return False
    word = match.group(1)
    return word not in NOT_NOUNS and word not in lex.speech_cues and not word.endswith("ly")


_MARK_CLASS = "[" + re.escape("".join(sorted(ALL_MARKS))) + "]"
# A quote mark, then at most a list separator, at the end of the words before a passage.
_LIST_BEFORE_RE = re.compile(_MARK_CLASS + r"\s*(?:,|and|or|,\s*and|,\s*or)?$")
# At most a list separator, then a quote mark, at the start of the words after a passage.
_LIST_AFTER_RE = re.compile(r"(?:,\s*|and\s+|or\s+)?" + _MARK_CLASS)


# A word's last letter, then a single mark: a possessive (`the Liberals'`), not a closing quote.
_POSSESSIVE_APOSTROPHE_RE = re.compile(r"[^\W\d_]s['\u2019]$")


def in_list(before: str, after: str) -> bool:
    """The passage is one of a list of quoted items (`"A," "B" and "C"`)."""
    left = _LIST_BEFORE_RE.search(before.rstrip())
    right = _LIST_AFTER_RE.match(after.lstrip())
    return left is not None or right is not None


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What a paragraph (a line of the page) is: read once per line, shared by its passages."""

    short: bool  # a short line: a subheading, a label, a credit
    title_case: bool  # set in title case, like a headline
    furniture: bool  # page furniture: a labelled line (READ MORE:, WATCH:), a listed headline
    caption: bool  # a photo caption (it holds a credit, or a credit line follows it)
    # a first line of headline length only: the words of the rest of the text, lower-cased
    rest_words: str = ""


def line_facts(
    text: str,
    lo: int,
    hi: int,
    lex: Lexicons,
    first: bool = False,
    furniture: list[tuple[int, int]] | None = None,
) -> LineFacts:
    """What the line [lo, hi) is; for the `first` line (the headline), the words after it too.
    `furniture`: the text's furniture lines (`furniture_lines`), when already found."""
    line = text[lo:hi]
    return LineFacts(
        short=len(line.split()) <= SHORT_LINE_WORDS,
        title_case=is_title_case_line(line),
        furniture=within(furniture, lo)
        if furniture is not None
        else is_furniture_line(line, lex.furniture_labels),
        caption=is_caption(line, lex.caption_marks),
        rest_words=" " + " ".join(_echo_words(text[hi:])) + " "
        if first and len(line.split()) <= MAX_HEADLINE_WORDS
        else "",
    )


def _echo_words(s: str) -> list[str]:
    """The words of `s` as an echo compares them: typographic apostrophes straight, sentence
    stops dropped."""
    return [w.rstrip(".") for w in words(s.replace("\u2019", "'"))]


def text_features(
    text: str,
    p: Passage,
    lex: Lexicons,
    lines: dict[tuple[int, int], LineFacts] | None = None,
    furniture: list[tuple[int, int]] | None = None,
) -> Features:
    """The evidence read from the string alone (no parse needed); `lines` caches the facts of
    each paragraph across the passages of one text, `furniture` holds its furniture lines
    (`furniture_lines`, found once a text)."""
    content = text[p.start : p.end]
    lo, hi = p.para
    before = text[max(lo, p.open_pos - CONTEXT_CHARS) : p.open_pos]
    after = text[p.close_end : min(hi, p.close_end + CONTEXT_CHARS)] if p.close_end < hi else ""
    content_raw = _WORD_RE.findall(content)
    n = len(content.split())
    left = words(before[-80:])
    right = words(after[:80])
    apposed = apposed_nouns(after)  # (`"X," the podcast she hosts`)
    stripped_left = before.rstrip()
    stripped_right = after.lstrip()
    last = closing_char(content)
    prev_char = stripped_left[-1:]
    # `the Liberals' "supply" deal`: the single mark before is a possessive's apostrophe
    possessive = _POSSESSIVE_APOSTROPHE_RE.search(stripped_left) is not None
    cache = lines if lines is not None else {}
    facts = cache.get(p.para)
    if facts is None:
        head = p.para_index == 0 or p.start < head_lines_end(text)  # the headline or a deck
        facts = cache[p.para] = line_facts(text, lo, hi, lex, head, furniture)
    sentence_left = re.split(r"[.?!]\s", before)[-1]
    sentence_right = re.split(r"[.?!](?:\s|$)", after, maxsplit=1)[0]
    left_sentence = words(sentence_left)
    sentence_words = set(left_sentence).union(words(sentence_right))
    content_lower = {w.lower().replace("\u2019", "'") for w in content_raw}
    title_case = is_title_case(content_raw)
    line_alone = not stripped_left and not after.strip(" \t.") and p.n_paragraphs == 1
    capitalised = [w for w in content_raw if w[:1].isupper()]
    term_cue = ending_phrase_length(left, lex.term_cues)
    v: dict[str, float] = {
        "headline": float(p.para_index == 0),
        "headline_echo": float(
            bool(facts.rest_words) and is_echo(_echo_words(content), facts.rest_words)
        ),
        "multi_paragraph": float(p.n_paragraphs > 1),
        "unclosed": float(p.close_mark is None),
        "single_marks": float(p.open_mark not in DOUBLE_MARKS),
        "foreign_marks": float(p.open_mark not in DOUBLE_MARKS and p.double_style),
        "words_1": float(n == 1),
        "words_2": float(n == 2),
        "words_3": float(n == 3),
        "words_4_5": float(4 <= n <= 5),
        "words_6_10": float(6 <= n <= 10),
        "words_11_20": float(11 <= n <= 20),
        "words_over_20": float(n > 20),
        "first_upper": float(content[:1].isupper()),
        "first_lower": float(content[:1].islower()),
        "ends_sentence": float(last in SENTENCE_END),
        "ends_clause": float(last in SENTENCE_END or last == ","),
        "ends_question": float(last in {"?", "!"}),
        "ends_comma": float(last == ","),
        "title_case": float(len(content_raw) > 1 and title_case),
        "capitalised_word": float(len(content_raw) == 1 and title_case),
        "article_name": float(article_name(content_raw, is_title_case)),
        "pronoun_word": float(
            len(content_raw) == 1 and content_raw[0].lower().rstrip(".") in PERSONAL_PRONOUNS
        ),
        "numeral": float(bool(content_raw) and all(w[:1].isdigit() for w in content_raw)),
        "first_person": float(not FIRST_PERSON.isdisjoint(content_lower)),
        "second_person": float(not SECOND_PERSON.isdisjoint(content_lower)),
        "inner_sentence_end": float(_INNER_SENTENCE_RE.search(content) is not None),
        "at_sentence_start": float(
            not stripped_left or (prev_char in SENTENCE_START_AFTER and not possessive)
        ),
        "after_colon": float(prev_char == ":"),
        "after_comma": float(prev_char == ","),
        "after_paren": float(prev_char == "("),
        "after_np_opener": float(bool(left) and left[-1] in NOUN_PHRASE_OPENERS),
        "after_name_possessive": float(_POSSESSIVE_NAME_RE.search(stripped_left) is not None),
        "before_punct": float(stripped_right[:1] in {",", ".", ";", ")"}),
        # `"Code red" is the highest alert`: the sentence says what the quoted words are
        "copula_definition": float(
            last not in SENTENCE_END
            and last != ","
            and _DEFINITION_AFTER_RE.match(after) is not None
        ),
        # `"Sunset clause": the limit after which ...` opening its line: a term and its meaning
        "defined_term": float(
            not stripped_left and stripped_right[:1] == ":" and last not in SENTENCE_END
        ),
        "line_alone": float(line_alone),
        "short_line": float(facts.short),
        "line_title_case": float(facts.title_case),
        "subheading": float(
            p.para_index > 0
            and line_alone
            and n <= MAX_SUBHEADING_WORDS
            and title_case
            and len(capitalised) >= 2
        ),
        "scare_cue": float(ends_with_phrase(left, lex.scare_cues)),
        "term_cue": float(term_cue > 0),
        # used the word "X", refused to say the words "X": the words are someone's, quoted
        "term_used": float(
            term_cue > 0 and not lex.term_use_verbs.isdisjoint(grams(left[:-term_cue][-3:]))
        ),
        "title_cue": float(ends_with_phrase(left, lex.title_cues)),
        "title_verb": float(bool(left) and left[-1] in lex.title_verbs),
        "title_copula": float(title_across_copula(left, lex.title_cues)),
        "title_head_after": float(
            head_after(after, lex.title_heads, NOT_NOUNS, lex.speech_cues)
            or not lex.title_heads.isdisjoint(apposed)
        ),
        # `"duty to protect," a term borrowed from ...`, `that word is "collaboration"`
        "term_named": float(
            not lex.term_cues.isdisjoint(apposed)
            or title_across_copula(left, TERM_SUBJECTS)
            or called_a_term(after, lex.term_cues)
        ),
        "by_author": float(
            # (a headline may open with a quote of its own: `"'Flesh and Bone' star ...," by`)
            (title_case or (last == "," and content.lstrip("".join(ALL_MARKS))[:1].isupper()))
            and _BY_AUTHOR_RE.match(text, p.close_end) is not None
        ),
        "named_law": float(title_case and bool(content_raw) and _law_head(content_raw[-1])),
        "nickname": float(
            is_nickname(content.split(), before, after)
            and not is_title_case_line(before[-80:] + " " + after[:80])  # (not in a headline)
        ),
        "named_pronoun": float(names_a_pronoun(left, lex.thinking_verbs)),
        "named_gap": float(names_a_gap(before, left)),
        "known_as": float(known_as(left)),
        "speech_word_in_sentence": float(not lex.speech_cues.isdisjoint(sentence_words)),
        "speech_word_after": float(any(w in lex.speech_cues for w in right[:3])),
        "thinking_word_before": float(not lex.thinking_verbs.isdisjoint(left_sentence[-4:])),
        "furniture_line": float(facts.furniture),
        "caption_line": float(facts.caption),
        "embedded": float(in_embed(text[lo : p.open_pos])),
        "quote_list": float(in_list("" if possessive else before, after)),
        "next_is_noun": float(p.close_mark is not None and next_word_is_noun(after, lex)),
    }
    return Features(v, n)


def title_across_copula(left: list[str], title_cues: frozenset[str]) -> bool:
    """The words before a passage end with a title noun and a copula, auxiliaries allowed
    between them: `his favorite book is "X"`, `the film may have been "X"`."""
    if not left or left[-1] not in COPULAS:
        return False
    k = len(left) - 1
    while k > 0 and left[k - 1] in _COPULA_CHAIN:
        k -= 1
    return k >= 1 and ends_with_phrase(left[:k], title_cues)


def _law_head(word: str) -> bool:
    return word.lower().rstrip(".,") in NAMED_LAW_HEADS


def build_passages(text: str, raws: list[RawQuote]) -> list[Passage]:
    """A `Passage` for every scanned passage that has content, in text order."""
    paragraphs = paragraph_ranges(text) if text else []
    para_starts = [p[0] for p in paragraphs]
    found: list[tuple[RawQuote, list[tuple[int, int]], int, int]] = []
    for raw in raws:
        segments = content_segments(text, raw)
        if segments:
            k_open = max(bisect_right(para_starts, raw.open_pos) - 1, 0)
            k_close = max(bisect_right(para_starts, raw.close_pos) - 1, k_open)
            found.append((raw, segments, k_open, k_close))
    # The article's house style: its body quotes with double marks (a single-marked passage
    # outside them is then a headline-style element), unless single marks are its quote marks.
    # (a mark that never closes is no evidence of the style)
    body = [raw.open_mark in DOUBLE_MARKS for raw, _, k, _ in found if k > 0 and raw.close_mark]
    double_style = sum(body) >= max(len(body) - sum(body), 1)
    return [
        Passage(
            start=segments[0][0],
            end=segments[-1][1],
            open_pos=raw.open_pos,
            close_end=raw.close_end,
            open_mark=raw.open_mark,
            close_mark=raw.close_mark,
            para=(paragraphs[k_open][0], paragraphs[k_close][1]),
            para_index=k_open,
            n_paragraphs=k_close - k_open + 1,
            segments=tuple(segments),
            double_style=double_style,
        )
        for raw, segments, k_open, k_close in found
    ]
