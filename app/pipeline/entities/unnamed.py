"""Unnamed sources the article quotes (`the company said`, `the report says`, `the aides said`):
right after their quotation, an "it" or "they" that speaks next can mean them (`"Q," it said`),
as it can a named organisation the article is quoting. Without them the pronoun went to
whatever named organisation or place came before (`the report said ... It said` gave the
agency the report was about). A source introduced by its description (`a spokesperson for
Alberta Health`) is what a later `the spokesperson` means. A person's "he" or "she" means an
unnamed person only when no person named fits it: after `a reporter asked Okafor` or `one
employee said "she ..."` the next "he" or "she" is the named person as often as not.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.pipeline.entities.first_names import Gender
from app.pipeline.entities.resolved import NOMINAL_KEY, Resolved
from app.pipeline.entities.transcript import ANSWER_LABEL, QUESTION_LABEL
from app.pipeline.types import EntityKind

# The kinds of unnamed source each pronoun can mean: "it" a body or a text (`the company`, `the
# report`), "they" a group or a body (`the aides`, `the union`).
NEUTER_KINDS: frozenset[EntityKind] = frozenset({"organization", "document"})
PLURAL_KINDS: frozenset[EntityKind] = frozenset({"group", "organization"})
SPEAKING_KINDS: frozenset[EntityKind] = NEUTER_KINDS | PLURAL_KINDS
# The kinds of unnamed source a "he" or "she" can mean when the article names no person the
# pronoun fits (`One of the clients, a retired teacher, said ... "Q," she said`).
LONE_KINDS: frozenset[EntityKind] = frozenset({"person", "unknown"})
# How many tokens back such an unnamed person who spoke may be.
LONE_SOURCE_DISTANCE = 120
# Words that open the description of a source the article introduces (`a spokesperson for X`).
INDEFINITE_OPENERS: frozenset[str] = frozenset({"a", "an", "one"})
# How many tokens back a source introduced so may be what "the" and its noun mean.
DESCRIBED_SOURCE_DISTANCE = 200


class UnnamedSources:
    """The unnamed sources quoted so far in one article, by key."""

    def __init__(self) -> None:
        self._by_key: dict[str, Resolved] = {}
        self._last_one: tuple[int, Resolved] | None = None
        self._introduced: list[tuple[int, str, Resolved]] = []

    def remember(self, result: Resolved, at: int) -> bool:
        """Keep an unnamed source that spoke at token `at`, if "it" or "they" may mean it (the
        answer); the last one a "he" or "she" may mean; and one its mention introduced with
        its role noun (`a spokesperson for X`: "spokesperson", the result's `role`)."""
        if result.key is None or not result.key.startswith(NOMINAL_KEY):
            return False
        if result.role and (result.name or "").split(" ", 1)[0].lower() in INDEFINITE_OPENERS:
            self._introduced.append((at, result.role, result))
        if result.kind in LONE_KINDS and result.name not in (QUESTION_LABEL, ANSWER_LABEL):
            self._last_one = (at, result)  # (a transcript's `Q:` is no one a "he" may mean)
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

    def last_one(
        self,
        before: int,
        gender: Gender,
        gendered_nouns: Mapping[str, Gender],
        within: int = LONE_SOURCE_DISTANCE,
    ) -> Resolved | None:
        """The unnamed person who spoke last, within `within` tokens before `before`, unless a
        word of their description has the other gender (`a man in the crowd` is no "she")."""
        if self._last_one is None:
            return None
        at, found = self._last_one
        words = (found.name or "").lower().split()
        if not 0 <= before - at <= within or any(
            gendered_nouns.get(w, gender) != gender for w in words
        ):
            return None
        return found

    def introduced(
        self, noun: str, before: int, within: int = DESCRIBED_SOURCE_DISTANCE
    ) -> tuple[int, Resolved] | None:
        """The source last introduced with `noun` (`a spokesperson for Alberta Health`), within
        `within` tokens before `before`, and where it spoke: what `the spokesperson` means next."""
        for at, introduced_noun, found in reversed(self._introduced):
            if before - at > within:
                return None
            if at < before and introduced_noun == noun:
                return at, found
        return None
