"""Typing a quoted passage by the rules: speech (direct, partial) or not (scare, title, unclosed).

Each rule reads the evidence of `features` (the words around the marks, the passage's place on
the page, the governing verb when the doc is parsed) and names the type it proves; `rule_verdict`
returns the type and the rule's name. Not speech needs evidence; when unsure the passage is
speech, since a missed quotation can never be attributed. The word lists are data
(`models/*quote*.txt`), loaded by the component.

What is not a quote (issue 15): page furniture (a `READ MORE:`/`WATCH:` line, a photo caption, an
embedded post or link (`<tweet>`, `<a>`), a subheading, a single-marked line in an article that
quotes with double marks, unless a speech cue follows it: `'I'll tell them,' he said`); scare
quotes and words as words (`so-called "X"`, `the word "woke"`,
`banned words such as "a," "b"`, a pronoun alone: `"it" is a "she"`, a short label under a verb
of thinking: `thinks that cats are "cuties"`, a term modifying a noun, a term a colon defines,
a sentence that says what the quoted words are: `"Code red" is the highest alert`);
titles (after a title noun, also across a copula: `his favorite book is "X"`; a show after
`appeared on`; a work followed by its author; a named bill; a nickname); and a mark that never
closes (`unclosed`). The article's own headline is not furniture: its quotes are typed like any,
except a headline quote whose words the body repeats (`Hale: 'We will win'` over a body that
quotes "We will win" where it is said): the headline's echo of the body's quotation, typed
title (`headline_echo`), so that each quotation is reported once, where the story attributes it.

A learned speech model (`model.py`) may decide speech or not where the evidence is weak; it
never overrules the rules that define a type (`DEFINING_RULES`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.pipeline.quotes.features import Features, Passage
from app.pipeline.quotes.model import SpeechModel, with_rule
from app.pipeline.types import SPEECH_QUOTE_TYPES, QuoteType

# Longest quoted term that a scare/title/term cue ("so-called", "the book", "the word") can
# introduce, in words.
MAX_TERM_WORDS = 8
# Longest quoted term classified as scare/title without a cue (only with other evidence).
MAX_BARE_TERM_WORDS = 4
# The rules that define a type (scare quotes, words as words, titles, page furniture, unclosed
# marks): a learned model never overrules them.
DEFINING_RULES: frozenset[str] = frozenset(
    {
        "unclosed",
        "headline_echo",
        "furniture",
        "foreign_marks",
        "subheading",
        "scare_cue",
        "term_cue",
        "title_cue",
        "title_verb",
        "title_apposed",
        "by_author",
        "named_law",
        "nickname",
        "thinking_label",
        "list_item",
        "pronoun_word",
        "defined_term",
        "defined_subject",
    }
)
# Verdicts that the next items of a quoted list share (`the words "a," "b" and "c"`).
LIST_RULES: frozenset[str] = frozenset({"scare_cue", "term_cue", "title_cue", "list_item"})
# What separates two items of a quoted list: blanks, a comma, "and"/"or".
_LIST_GAP_RE = re.compile(r"\s*(?:[,;]\s*)?(?:(?:and|or)\s+)?")
# Longest quoted label under a verb of thinking or naming (`thinks that cats are "cuties"`).
MAX_LABEL_WORDS = 3
# What stands between the halves of a quotation split by its attribution (`"We are ready," she
# told reporters, "but ..."`): a clause with no sentence end or mark in it, ending with a comma.
_SPLIT_GAP_RE = re.compile(
    r"\s*[^\s.!?;:\"\u201c\u201d\u2018\u2019][^.!?;:\"\u201c\u201d]{0,80},\s*"
)


def rule_verdict(f: Features) -> tuple[QuoteType, str]:
    """direct, partial, scare, title or unclosed, from the evidence of one passage, and the name
    of the rule that decided (for reports and tests)."""
    n = f.n_words
    named = f.has("title_case") or f.has("capitalised_word")  # a name's or a title's case
    if f.has("unclosed"):
        return "unclosed", "unclosed"  # a mark that never closes (and is not continued)
    if f.has("headline_echo"):
        return "title", "headline_echo"  # the headline repeats a quotation the body gives
    if not f.has("headline") and (
        f.has("furniture_line") or f.has("caption_line") or f.has("embedded")
    ):
        # READ MORE: / WATCH: lines, captions, an embedded post or link: not the story's speech
        return "title", "furniture"
    if f.has("foreign_marks") and not f.has("headline") and not spoken_aside(f):
        # single marks in an article that quotes with double marks: a subhead or a newsletter
        # item (`'A healthy environment.'` on a line of its own), or a term in headline style
        if f.has("line_alone") or f.has("title_case"):
            return "title", "foreign_marks"
        return "scare", "foreign_marks"
    if f.has("pronoun_word"):
        return "scare", "pronoun_word"  # `because "it" is a "she"`: a word used as a word
    if f.has("defined_term") and n <= MAX_TERM_WORDS and not f.has("first_person"):
        return "scare", "defined_term"  # a glossary's `"Sunset clause": the five-year limit`
    if f.has("copula_definition") and f.has("at_sentence_start") and n <= MAX_TERM_WORDS:
        # `"Code red" is the highest alert`, `"Moon Dance" was the runner-up`: the words are
        # the sentence's subject, a term or a title, not someone's
        if named:
            return "title", "defined_subject"
        return "scare", "defined_subject"
    if f.has("subheading"):
        return "title", "subheading"  # a title-case line of its own inside the text
    if f.has("by_author"):
        return "title", "by_author"  # "This Kind of War," by T.R. Fehrenbach: a work, a headline
    if f.has("title_verb"):
        return "title", "title_verb"  # a bill formally titled "An Act to reinforce French as ..."
    if f.has("title_apposed"):
        return "title", "title_apposed"  # a report's name set beside it, at any length
    if n <= MAX_TERM_WORDS and (named or not f.has("ends_sentence")):
        if f.has("scare_cue"):  # so-called "sanctuary cities", dubbed "Operation Cold Snap."
            return "scare", "scare_cue"
        if (
            f.has("term_cue")
            and not f.has("ends_sentence")
            and not (f.has("first_person") or f.has("second_person") or f.has("term_used"))
        ):
            # the word "woke" (not: used the words "I'm not ready", refused to say the word "X")
            return "scare", "term_cue"
    if (
        n <= MAX_TERM_WORDS
        and f.has("term_named")
        and not (f.has("first_person") or f.has("second_person"))
    ):
        return "scare", "term_cue"  # "duty to protect," a term borrowed ...; that word is "X"
    if n <= MAX_TERM_WORDS and not f.has("ends_question"):
        if f.has("numeral") and f.has("title_cue"):
            return "title", "title_cue"  # the film "1917"
        if f.has("title_cue") and set_off_sentence_case_title(f):
            return "title", "title_cue"  # in a 2023 report, “Urgences sous pression,” that ...
        if named:
            if f.has("title_cue") or f.has("title_copula"):
                return "title", "title_cue"  # the book "Hard Choices", her favorite book is "Dune"
            if f.has("after_name_possessive"):
                return "title", "owner_title"  # NBC's "Meet the Press."
            if f.has("title_head_after"):
                return "title", "title_head"  # the "Morning Report" radio show, a "Vote Local" hat
            if f.has("named_law"):
                return "title", "named_law"  # the "Affordable Care Act"
    if f.has("nickname"):
        return "title", "nickname"  # Rep. Walter H. "Wally" Dunmore
    # (a nickname may keep its article: `called her "the Keeper"`, `who fans call "the Boss"`)
    nicknamed = f.has("article_name")
    if (f.has("title_case") or nicknamed) and f.has("named_pronoun") and n <= MAX_LABEL_WORDS + 1:
        return "title", "nickname"  # teammates have called him "The Wall"
    if (named or nicknamed) and f.has("named_gap") and n <= MAX_LABEL_WORDS + 1:
        return "title", "nickname"  # whom teammates call "Ozzy"
    if f.has("known_as") and n <= MAX_LABEL_WORDS + 1:
        # the tavern known to regulars as "the Rail"; a term: known to crews as "rolling lift"
        return ("title" if named or nicknamed else "scare"), "nickname"
    # the parse's governing verb; on an unparsed doc, a thinking verb among the words before
    thinking = f.has("governed_by_thinking") if f.has("parsed") else f.has("thinking_word_before")
    if (
        n <= MAX_LABEL_WORDS
        and thinking
        and not f.has("at_sentence_start")
        and not f.has("speech_word_in_sentence")
        and not f.has("ends_sentence")
    ):
        return "scare", "thinking_label"  # Burton thinks that cats are "cuties"
    if (
        n <= MAX_BARE_TERM_WORDS
        and not f.has("at_sentence_start")
        and not f.has("ends_sentence")
        and not f.has("speech_word_in_sentence")
        and not f.has("governed_by_cue")  # in the parse, under a verb of saying: not bare
    ):
        # a name in quotes with no one speaking: “Saturday Night Live”
        if named:
            return "title", "bare_name"
        if f.has("next_is_noun"):
            return "scare", "noun_modifier"  # a term used as a modifier: the “undercard” debate
    return speech_type(f), "speech"


def set_off_sentence_case_title(f: Features) -> bool:
    """A passage set off by commas right after a title noun, capitalised as a sentence is and
    holding no finite verb and no first or second person (`the 2023 report, “Urgences sous
    pression,” found`): the work's name, written in the case of its language, not words said."""
    return (
        f.has("tagged")
        and f.has("after_comma")
        and f.has("ends_comma")
        and f.has("first_upper")
        and not f.has("has_finite_verb")
        and not (f.has("first_person") or f.has("second_person"))
    )


def spoken_aside(f: Features) -> bool:
    """A sentence in quotes that a speech cue follows (`'I'll tell them anything,' he said`):
    someone's words, whatever marks the article quotes with elsewhere."""
    return (
        f.has("at_sentence_start")
        and f.has("ends_clause")
        and f.has("speech_word_after")
        and not f.has("line_alone")
    )


def rule_type(f: Features) -> QuoteType:
    """direct, partial, scare, title or unclosed, from the evidence of one passage."""
    return rule_verdict(f)[0]


def speech_type(f: Features) -> QuoteType:
    """direct (a whole quotation: it starts a sentence, or is a capitalised clause) or partial."""
    if f.has("at_sentence_start") or (f.has("first_upper") and f.has("ends_clause")):
        return "direct"
    return "partial"


def passage_verdict(f: Features, model: SpeechModel | None = None) -> tuple[QuoteType, str]:
    """The rules' verdict, or, when a speech model is given and the doc is tagged, the model's
    verdict on speech or not where the rules' evidence is weak (the rules that define a type,
    `DEFINING_RULES`, always stand; a type the model overrules comes from the rules' evidence)."""
    rule, why = rule_verdict(f)
    if model is None or not f.has("tagged") or why in DEFINING_RULES:
        return rule, why
    speech = model.is_speech(with_rule(f, why))
    if speech == (rule in SPEECH_QUOTE_TYPES):
        return rule, why
    if speech:
        return speech_type(f), "model"
    if f.has("title_case") or f.has("capitalised_word") or f.has("line_alone"):
        return "title", "model"
    return "scare", "model"


def passage_type(f: Features, model: SpeechModel | None = None) -> QuoteType:
    """The type of `passage_verdict`."""
    return passage_verdict(f, model)[0]


def type_passages(
    text: str,
    passages: Sequence[Passage],
    features: Sequence[Features],
    model: SpeechModel | None = None,
) -> list[tuple[QuoteType, str]]:
    """The verdict on every passage of a text; the items of a quoted list share the type a cue
    before the first one proves (`words such as "audit," "deficit" and "bailout"`)."""
    verdicts: list[tuple[QuoteType, str]] = []
    for k, (passage, f) in enumerate(zip(passages, features, strict=True)):
        verdict = passage_verdict(f, model)
        previous = passages[k - 1] if k else None
        if (
            previous is not None
            and verdict[1] not in DEFINING_RULES
            and f.n_words <= MAX_TERM_WORDS
        ):
            gap = text[previous.close_end : passage.open_pos]
            # (a list stays in its paragraph: the next one may open with a quotation)
            if (
                verdicts[-1][1] in LIST_RULES
                and previous.para == passage.para
                and _LIST_GAP_RE.fullmatch(gap)
            ):
                verdict = (verdicts[-1][0], "list_item")
        if (
            verdict[0] == "partial"
            and previous is not None
            and verdicts[-1][0] == "direct"
            and previous.para == passage.para
            and features[k - 1].has("ends_comma")
            and f.has("first_lower")
            and _SPLIT_GAP_RE.fullmatch(text[previous.close_end : passage.open_pos])
        ):
            # `"We are ready," she said, "but not yet."`: the rest of a whole quotation
            verdict = ("direct", verdict[1])
        if (
            verdict[1] == "foreign_marks"
            and previous is not None
            and previous.para == passage.para
            and previous.open_mark == passage.open_mark
            and verdicts[-1][0] in SPEECH_QUOTE_TYPES
            and f.has("at_sentence_start")
        ):
            # `'I'll tell them,' he said. 'Just don't ask me.'`: the same speaker goes on
            verdict = (speech_type(f), "spoken_aside")
        verdicts.append(verdict)
    return verdicts
