"""Clauses the parse hangs on a cue that are not what the cue reports: the quote's own speaker
after an inverted cue, a clause of time or reason, the clause a contact relative closes (or a
relative clause ending on its preposition), the sentence's own verb under an `asked` aside."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.pipeline.reported.extent import trim
from app.pipeline.syntax import (
    FINITE_TAGS,
    GERUND_TAG,
    NOMINAL_SUBJECT_DEPS,
    contact_relative_head,
)
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
# Words that open an indirect question (`asked whether`, `asked what it meant`).
QUESTION_OPENERS: frozenset[str] = frozenset(
    {"whether", "if", "what", "why", "how", "when", "where", "who", "which", "about"}
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


# A clause's own auxiliary or subordinator: a participle with one is a finite clause's verb.
CLAUSE_OPENER_DEPS: frozenset[str] = frozenset({"aux", "auxpass", "mark"})


def circumstance(content: Token) -> bool:
    """The clause after a cue is one of time or reason (`said after his team blew a lead`), not
    a that-clause the parser gave a second subordinator (`that globalization, since ...`)."""
    marks = {c.lower_ for c in content.children if c.dep_ == "mark"}
    return not marks.isdisjoint(CIRCUMSTANCE_MARKS) and marks.isdisjoint(CONTENT_MARKS)


def absolute_phrase(cue: Token, content: Token) -> bool:
    """The clause after a cue is a participle with no auxiliary, set off by a comma (`he said,
    his voice breaking`, `she said, tears streaming down her face`): how it was said, not what.
    (The parse may make the participle the root, its left edge then the quotation's mark.)"""
    if content.tag_ != GERUND_TAG or any(c.dep_ in CLAUSE_OPENER_DEPS for c in content.children):
        return False
    start = min([c.left_edge.i for c in content.lefts if c.i > cue.i] + [content.i])
    return start > cue.i + 1 and content.doc[start - 1].text == ","


def contact_relative(cue: Token) -> bool:
    """The cue is a relative clause with no "that" on a noun the parse made part of its subject
    (`Council approved the plan, a move critics say will fail`, `a move Coun. X called "Q"`): the
    clause before it is the article's, not the cue's content."""
    return any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and contact_relative_head(c) is not None for c in cue.lefts
    )


def stranded_preposition(verb: Token) -> bool:
    """The verb ends on a preposition with no object (`a change developers have asked for`):
    it is a relative clause's, whose gap is that object, whatever the parse made its root."""
    return any(
        c.dep_ == "prep" and c.i > verb.i and not any(True for _ in c.children)
        for c in verb.children
    ) and not any(c.dep_ in {"ccomp", "dobj"} and c.i > verb.i for c in verb.children)


def question_before(doc: Doc, asked: Token, main: Token) -> tuple[int, int] | None:
    """The question between an aside's "asked" and the comma before the sentence's own verb,
    when the parse read it into that verb's clause (`Price, asked what the look meant, laughed`)."""
    start, comma = asked.i + 1, main.i - 1
    if main.left_edge.i != start or comma <= start or doc[comma].text != ",":
        return None
    if doc[start].lower_ not in QUESTION_OPENERS:
        return None
    return trim(doc, start, comma)
