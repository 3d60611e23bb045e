"""Where the NER's label on a name says nothing of it: the tagger read a clause with the name in
it as a title (`Chow told council`), or a person's name with its title as a work of art
(`Language Minister Jean-François Roberge said`). The name model then builds the name as if the
word had no label."""

from __future__ import annotations

from collections.abc import Callable

from spacy.symbols import PROPN
from spacy.tokens import Token

from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS

# The label the NER gives a person's name with its title in front (`Language Minister X`).
WORK_LABEL = "WORK_OF_ART"


def clause_read_as_title(head: Token) -> bool:
    """The entity around `head` also holds the verb `head` is the subject of (`Chow told
    council`): the NER read a clause as a title."""
    verb = head.head
    if head.dep_ not in NOMINAL_SUBJECT_DEPS or verb.i == head.i or verb.ent_iob_ != "I":
        return False
    first, last = sorted((head.i, verb.i))
    return all(head.doc[k].ent_iob_ == "I" for k in range(first + 1, last + 1))


def person_read_as_work(head: Token, is_first_name: Callable[[str], bool]) -> bool:
    """A subject tagged a work of art with a first name inside, before `head` (`Language
    Minister Jean-François Roberge said`): a person's name, not a title."""
    if head.ent_type_ != WORK_LABEL or head.ent_iob_ != "I":
        return False
    if head.dep_ not in NOMINAL_SUBJECT_DEPS:
        return False
    doc = head.doc
    for k in range(head.i - 1, -1, -1):
        token = doc[k]
        if token.pos == PROPN and is_first_name(token.text):
            return True
        if token.ent_iob_ != "I":
            return False  # the entity's first word, looked at
    return False
