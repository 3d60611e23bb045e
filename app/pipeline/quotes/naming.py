"""Words around a passage that give someone or something a name: `have called him "The Wall"`,
`calling it "ArriveCAN 2.0."` (a capitalised passage after them is a name, not words said; not
`called it "a disgrace"`, which the classifier keeps as speech for its lower case), a nickname
between a name and a surname, and a noun set off after it that says what it names (`"Sweep
Talk," the podcast she started`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set

# The forms of "call" (not among the thinking verbs: `X called the plan "reckless"` is speech).
CALLING_FORMS: frozenset[str] = frozenset({"call", "calls", "called", "calling"})
# Longest nickname written in quotes between a first name and a surname, in words.
MAX_NICKNAME_WORDS = 2
# A name word or initials right before an opening mark, after a blank: `Robert "`, `C.L. "`.
_NAME_BEFORE_RE = re.compile(r"(?:^|\s)(?:[A-Z][\w'\u2019-]*|(?:[A-Z]\.)+)\s$")
# A capitalised name word right after a closing mark: `" Scott`.
_NAME_AFTER_RE = re.compile(r"\s[A-Z][a-z\u00e0-\u00ff'\u2019-]")
# `known ... as`: its verb's forms (`whom everyone knows as`, `remembered as`) and how many
# words may stand between it and "as" (`known around Parliament Hill as`). Not with an article
# after "as" (`known as the "mosquito lab"`, `called the "Golden Week"`): the corpus counts such a
# label as the words of those who use it.
KNOWN: frozenset[str] = frozenset({"known", "knows", "know", "knew", "remembered"})
MAX_KNOWN_AS_GAP = 4
# The object pronouns a name is given to.
NAMED_PRONOUNS: frozenset[str] = frozenset(
    "him her them it himself herself themselves itself".split()
)


def is_nickname(content_words: list[str], before: str, after: str) -> bool:
    """One or two capitalised words in quotes between a name and a surname (`Rep. Walter H.
    "Wally" Dunmore`)."""
    if not 0 < len(content_words) <= MAX_NICKNAME_WORDS:
        return False
    if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in content_words):
        return False
    return _NAME_BEFORE_RE.search(before) is not None and _NAME_AFTER_RE.match(after) is not None


def article_name(content_words: list[str], title_case: Callable[[list[str]], bool]) -> bool:
    """A name with its article, as nicknames are written (`the Boss`, `the Keeper`)."""
    return (
        len(content_words) > 1
        and content_words[0].lower() == "the"
        and title_case(content_words[1:])
    )


def names_a_pronoun(left: Sequence[str], naming_verbs: Set[str]) -> bool:
    """The words before a passage (lower case) end with a verb of calling or naming (`call`, or
    one of `naming_verbs`: dubbed, nicknamed) and the pronoun it names."""
    return (
        len(left) >= 2
        and left[-1] in NAMED_PRONOUNS
        and (left[-2] in CALLING_FORMS or left[-2] in naming_verbs)
    )


def names_a_gap(before: str, left: Sequence[str]) -> bool:
    """A calling verb right before the mark, its object standing before it (`whom teammates
    call "Ozzy"`, `the forward fans have taken to calling "Mek"`; not `called, "Stop!"`)."""
    return bool(left) and left[-1] in CALLING_FORMS and before.rstrip()[-1:].isalpha()


def known_as(left: Sequence[str]) -> bool:
    """The words before a passage (lower case) end with `known ... as` (`the tavern known to
    regulars as "the Rail"`): what follows is a name, whatever its case."""
    return (
        bool(left) and left[-1] == "as" and not KNOWN.isdisjoint(left[-MAX_KNOWN_AS_GAP - 2 : -1])
    )


# A noun phrase set off right after a closing mark (the comma may sit inside the marks): its
# determiner, at most three words before the noun (`an Indigenous-led food show`), and the noun.
_APPOSED_RE = re.compile(
    r",?[ \u00a0](?:the|a|an|his|her|their|its|our)[ \u00a0](?:[\w'\u2019-]+[ \u00a0]){0,3}(\w+)"
)


def apposed_nouns(after: str) -> tuple[str, ...]:
    """The words that may head a noun phrase set off right after a passage (`, the weekly
    podcast she hosts`: "weekly", "podcast"; `, a half-serious civic affairs show`), lower case;
    empty without one."""
    match = _APPOSED_RE.match(after)
    if match is None:
        return ()
    return tuple(w.lower() for w in match.group(0).split()[1:])


# What follows a passage that the sentence then calls a word or a term (`"slow" is no longer a
# word anyone uses`): a copula, up to two words, an article, at most one word and the noun.
_CALLED_A_TERM_RE = re.compile(
    r"[\s,.\u201d\u2019\"']*(?:is|was|are|were)\s+(?:\w+\s+){0,2}(?:a|an|the)\s+(\w+)(?:\s+(\w+))?"
)


def called_a_term(after: str, term_nouns: Set[str]) -> bool:
    """The words after a passage say it is a word or a term (`"slow" is no longer a word`)."""
    match = _CALLED_A_TERM_RE.match(after)
    return match is not None and any(
        word is not None and word.lower() in term_nouns for word in match.groups()
    )


# The word right after a closing mark (one blank between), and the one after it: `"X" show`,
# `"Ready for Work" transition program`.
_WORDS_AFTER_RE = re.compile(r"[ \u00a0]([^\W\d_][\w-]*)(?: ([a-z][a-z-]*)\b)?")


def head_after(after: str, heads: Set[str], not_modifiers: Set[str], cues: Set[str]) -> bool:
    """The passage is the name of what the noun right after it heads (`"X" show`), or the noun
    after one lower-case noun (`"Ready for Work" transition program`; not after a word of
    `not_modifiers` or `cues`, or a past form or an adverb: `"Little Mike" at rallies`, `"Q"
    said program director ...`)."""
    match = _WORDS_AFTER_RE.match(after)
    if match is None:
        return False
    first, second = match.group(1), match.group(2)
    if first.lower() in heads:
        return True
    if second is None or second not in heads or not first.islower():
        return False
    return first not in not_modifiers and first not in cues and not first.endswith(("ed", "ly"))
