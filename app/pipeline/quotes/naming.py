"""Words around a passage that give someone or something a name: `have called him "The Wall"`,
`calling it "ArriveCAN 2.0."` (a capitalised passage after them is a name, not words said; not
`called it "a disgrace"`, which the classifier keeps as speech for its lower case), and a noun
set off after it that says what it names (`"Sweep Talk," the podcast she started`)."""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

# The forms of "call" (not among the thinking verbs: `X called the plan "reckless"` is speech).
CALLING_FORMS: frozenset[str] = frozenset({"call", "calls", "called", "calling"})
# The object pronouns a name is given to.
NAMED_PRONOUNS: frozenset[str] = frozenset(
    "him her them it himself herself themselves itself".split()
)


def names_a_pronoun(left: Sequence[str], naming_verbs: Set[str]) -> bool:
    """The words before a passage (lower case) end with a verb of calling or naming (`call`, or
    one of `naming_verbs`: dubbed, nicknamed) and the pronoun it names."""
    return (
        len(left) >= 2
        and left[-1] in NAMED_PRONOUNS
        and (left[-2] in CALLING_FORMS or left[-2] in naming_verbs)
    )


# A noun phrase set off right after a closing mark (the comma may sit inside the marks): its
# determiner, at most one word before the noun, and the noun.
_APPOSED_RE = re.compile(
    r",?[ \u00a0](?:the|a|an|his|her|their|its|our)[ \u00a0](?:\w+[ \u00a0])?(\w+)"
)


def apposed_nouns(after: str) -> tuple[str, ...]:
    """The words that may head a noun phrase set off right after a passage (`, the weekly
    podcast she hosts`: "weekly", "podcast"), lower case; empty without one."""
    match = _APPOSED_RE.match(after)
    if match is None:
        return ()
    return tuple(w.lower() for w in match.group(0).split()[1:])
