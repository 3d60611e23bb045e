"""Unnamed sources the article quotes (`the company said`, `the report says`, `the aides said`):
right after their quotation, an "it" or "they" that speaks next can mean them (`"Q," it said`),
as it can a named organisation the article is quoting. Without them the pronoun went to
whatever named organisation or place came before (`the report said ... It said` gave the
agency the report was about). Not a person's "he" or "she": after `a reporter asked Sanders`
or `one employee said "she ..."` the next "he" or "she" is the named person as often as not.
"""

from __future__ import annotations

from app.pipeline.entities.resolved import NOMINAL_KEY, Resolved
from app.pipeline.types import EntityKind

# The kinds of unnamed source each pronoun can mean: "it" a body or a text (`the company`, `the
# report`), "they" a group or a body (`the aides`, `the union`).
NEUTER_KINDS: frozenset[EntityKind] = frozenset({"organization", "document"})
PLURAL_KINDS: frozenset[EntityKind] = frozenset({"group", "organization"})
SPEAKING_KINDS: frozenset[EntityKind] = NEUTER_KINDS | PLURAL_KINDS


class UnnamedSources:
    """The unnamed sources quoted so far in one article, by key."""

    def __init__(self) -> None:
        self._by_key: dict[str, Resolved] = {}

    def remember(self, result: Resolved) -> bool:
        """Keep an unnamed source that spoke, if "it" or "they" may mean it."""
        if result.key is None or not result.key.startswith(NOMINAL_KEY):
            return False
        if result.kind not in SPEAKING_KINDS:
            return False
        self._by_key[result.key] = result
        return True

    def allowed(self, pronoun: str) -> dict[str, bool]:
        """The sources "it" or "they" can mean (as the ranker's `allowed`: gender known)."""
        kinds = PLURAL_KINDS if pronoun == "they" else NEUTER_KINDS
        return {key: True for key, found in self._by_key.items() if found.kind in kinds}

    def get(self, key: str) -> Resolved | None:
        return self._by_key.get(key)
