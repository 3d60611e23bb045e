"""Clauses the parse hangs on a cue that are not what the cue reports: the quote's own speaker
after an inverted cue, a clause of time or reason, the clause a contact relative closes."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.pipeline.syntax import FINITE_TAGS, NOMINAL_SUBJECT_DEPS, contact_relative_head
from app.pipeline.text import UNFINISHED_QUOTE_ENDS

# An indirect question: a clause under "ask" opened by one of these marks (`asked if X`).
QUESTION_MARKS: frozenset[str] = frozenset({"if", "whether"})
# Subordinators of a content clause (`said that ...`, `asked whether ...`).
CONTENT_MARKS: frozenset[str] = QUESTION_MARKS | {"that"}
# Subordinators that open a clause of time or reason, never what was said (`said as he sat
# down at the podium, minutes after his team blew a lead`, the parse making "blew" the content).
CIRCUMSTANCE_MARKS: frozenset[str] = frozenset(
    {"after", "before", "when", "while", "as", "since", "until", "once", "because"}
)


def inverted_after_quote(doc: Doc, cue: Token, content: Token) -> bool:
    """`"Q," said Riders head coach Glen Stasiuk`: a finite cue right after an unfinished
    quotation, with no subject before it, is inverted; a clause after it with no subordinator
    and no personal pronoun for subject is its speaker misread (`"Q," says she warned ...` and
    `"Q," stated that ...` still report)."""
    k = cue.i - 1
    comma = k > 0 and doc[k].text == ","
    k -= 1 if comma else 0
    if k < 1 or not doc[k].is_quote or cue.tag_ not in FINITE_TAGS:
        return False
    if not (comma or doc[k - 1].text in UNFINISHED_QUOTE_ENDS):
        return False  # `... the voters." Asked what ...`: a new sentence
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < cue.i for c in cue.children):
        return False
    if any(c.dep_ == "mark" for c in content.children):
        return False
    subject = next((c for c in content.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    return subject is None or subject.tag_ != "PRP"


def circumstance(content: Token) -> bool:
    """The clause after a cue is one of time or reason (`said after his team blew a lead`), not
    a that-clause the parser gave a second subordinator (`that globalization, since ...`)."""
    marks = {c.lower_ for c in content.children if c.dep_ == "mark"}
    return not marks.isdisjoint(CIRCUMSTANCE_MARKS) and marks.isdisjoint(CONTENT_MARKS)


def contact_relative(cue: Token) -> bool:
    """The cue is a relative clause with no "that" on a noun the parse made part of its subject
    (`Council approved the plan, a move critics say will fail`, `a move Coun. X called "Q"`): the
    clause before it is the article's, not the cue's content."""
    return any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and contact_relative_head(c) is not None for c in cue.lefts
    )
