"""Reports of speech that did not happen: a negated cue (`did not respond by deadline`,
`would not say whether ...`, `has never said`) or one under a verb of refusal
(`declined to say how many`). The corpus we measure on counts them as reported speech, and so
do we; the passage carries the flag so that a newsroom can leave them out."""

from __future__ import annotations

from spacy.tokens import Token

# The dependency of a negation on its verb (`not`, `n't`, `never`).
NEGATION_DEP = "neg"
# Verbs of refusal whose infinitive cue reports nothing said (`declined to say`).
REFUSAL_VERBS: frozenset[str] = frozenset({"decline", "refuse"})
# How a cue hangs on a verb of refusal.
INFINITIVE_DEP = "xcomp"


def declined_cue(verb: Token) -> bool:
    """The cue verb is negated, or is what its source declined or refused to do."""
    if any(c.dep_ == NEGATION_DEP for c in verb.children):
        return True
    return verb.dep_ == INFINITIVE_DEP and verb.head.lemma_.lower() in REFUSAL_VERBS
