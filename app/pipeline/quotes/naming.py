"""Words before a passage that give someone or something a name: `have called him "The Wall"`,
`calling it "ArriveCAN 2.0."` (a capitalised passage after them is a name, not words said; not
`called it "a disgrace"`, which the classifier keeps as speech for its lower case)."""

from __future__ import annotations

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
