"""Where a named speaker is from: the place or body written right after a person's name.

News writes a person's state, town or organisation after the name ("Sen. Ann Ruiz of Oregon",
"Paul Haddad of the Haddad Political Letter", "Ann Lee from the Sierra Club"); that phrase
is part of how the article names the speaker at that place, so the mention covers it.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.pipeline.syntax import PERSON_LABELS

# Prepositions that tie a person's name to where they come from.
ORIGIN_PREPS: frozenset[str] = frozenset({"of", "from"})
# What such a phrase must name: a place, an organisation or a group.
ORIGIN_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


def origin_end(name: Token, prep: Token) -> int | None:
    """The end (exclusive) of `prep`'s phrase when it says where the person `name` is from."""
    if name.ent_type_ not in PERSON_LABELS or prep.dep_ != "prep" or prep.head != name:
        return None
    if prep.lower_ not in ORIGIN_PREPS or prep.i != name.i + 1:
        return None
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].ent_type_ not in ORIGIN_LABELS:
        return None
    return prep.right_edge.i + 1
