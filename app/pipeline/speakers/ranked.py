"""The name closing a long title after an inverted cue (`"Q," said Budget ranking Democrat
Laura Pennington`, `"Q," said Army 1st Lt. Derek Hollis.`): the parse split the title
from the name, so the first mention after the cue heads the title ("Budget", "Army 1st")
and the person is the run of capitalised names that ends the subject."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from app.pipeline.speakers.candidate import MAX_RANK_LENGTH, candidate
from app.pipeline.speakers.context import DocIndex, is_mark
from app.pipeline.syntax import FINITE_TAGS, PERSON_LABELS
from app.pipeline.types import SpeakerCandidate

# How many tokens the title and the name may take together.
TITLE_NAME_SCAN = 10
# What ends the subject after an inverted cue (`(D-Md.)`, `, a veteran`, the sentence end).
SUBJECT_ENDS: frozenset[str] = frozenset({",", "(", ";", ":", ".", "!", "?"})
# Words a title may hold besides capitalised ones and numbers (`ranking`, `senior`, `former`).
TITLE_WORD_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
# How many capitalised proper nouns in a row make a person's name.
NAME_WORDS = 2


def titled_name(index: DocIndex, found: SpeakerCandidate, para: int) -> SpeakerCandidate:
    """`found` (the mention after an inverted cue) with the person that ends its title as the
    head, the title kept in the mention; `found` itself when its head is a person or no name
    ends the title."""
    if found.head is None or found.mention is None:
        return found
    head = index.doc[found.head]
    name = name_after_title(index, head, para)
    if name.i == head.i:
        return found
    person = candidate(index, name, found.cue)
    if person.mention is None:
        return found
    return replace(person, mention=(min(found.mention[0], person.mention[0]), person.mention[1]))


def _role_word(doc: Doc, k: int) -> bool:
    """A lower-case word the tagger made a finite verb inside a title: after a capitalised word
    or a lower-case noun, before a lower-case noun or a capitalised name (`said Riders head
    coach Glen Stasiuk`, "head" a verb of "Riders"; `said Conservative forests critic Bryce
    Lindahl`, "critic" a verb of "forests")."""
    word = doc[k]
    if not (word.is_lower and 0 < k < len(doc) - 1):
        return False
    before, after = doc[k - 1], doc[k + 1]
    return (before.is_title or (before.is_lower and before.pos_ == "NOUN")) and (
        (after.pos_ == "NOUN" and after.is_lower) or _name_word(after)
    )


def name_after_title(index: DocIndex, head: Token, para: int) -> Token:
    """The head of the name that ends the subject headed by `head` (the mention after an
    inverted cue), when `head` is no person and the subject is a title followed by two or more
    capitalised proper nouns; else `head`."""
    if head.ent_type_ in PERSON_LABELS:
        return head
    first = head.left_edge
    doc = index.doc
    k = first.i
    stop = min(len(doc), first.i + TITLE_NAME_SCAN)
    while k < stop and index.usable(doc[k], para) and not is_mark(doc[k]):
        word = doc[k]
        if _rank_period(word):
            k += 1  # the period of a rank (`Lt.`) split from it does not end the subject
            continue
        if word.text in SUBJECT_ENDS and word.pos_ != "PROPN":
            break
        if word.pos_ not in TITLE_WORD_POS or (word.tag_ in FINITE_TAGS and not _role_word(doc, k)):
            return head
        k += 1
    else:
        if k < len(doc) and k == stop:
            return head  # longer than a title and a name
    run = 0
    while run < k - first.i and _name_word(doc[k - 1 - run]):
        run += 1
    if run < NAME_WORDS or k - 1 <= head.i:
        return head
    return doc[k - 1]


def _name_word(word: Token) -> bool:
    return word.pos_ == "PROPN" and word.is_title and word.is_alpha


def _rank_period(period: Token) -> bool:
    """`Lt. Mary`: a period written onto a short capitalised word, before a capitalised one."""
    doc = period.doc
    k = period.i
    if period.text != "." or k == 0 or k + 1 >= len(doc):
        return False
    rank = doc[k - 1]
    return (
        not rank.whitespace_
        and rank.is_title
        and len(rank) <= MAX_RANK_LENGTH
        and doc[k + 1].is_title
    )
