"""Clauses the parse hangs on a cue that are not what the cue reports: the quote's own speaker
after an inverted cue, a clause of time or reason, the clause a contact relative closes (or a
relative clause ending on its preposition), the sentence's own verb under an `asked` aside, an
inverted source read as the cue's object, the one asked or a thing called back as the object."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.pipeline.reported.extent import only_trailer, trim
from app.pipeline.syntax import (
    FINITE_TAGS,
    GERUND_TAG,
    NOMINAL_SUBJECT_DEPS,
    VERB_POS,
    contact_relative_head,
    that_clause,
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


# What opens a question's topic after the one asked (`asked the minister about the delays`), and
# the words of a name.
TOPIC_MARKS: frozenset[str] = frozenset({"about"})
NAME_POS: frozenset[str] = frozenset({"PROPN", "DET", "PUNCT"})
# Pronouns of people asked (not `asked it to be fetched`), and what opens what they were asked for.
LISTENER_PRONOUNS: frozenset[str] = frozenset({"him", "her", "them", "me", "us", "you"})
REQUEST_MARKS: frozenset[str] = frozenset({"for"})
# Participles that may open a clause of their own (`Claiming ..., Lee said that ...`).
PARTICIPLE_TAGS: frozenset[str] = frozenset({GERUND_TAG, "VBN"})
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


def content_clause_after(cue: Token, content: Token, cues: frozenset[str]) -> bool:
    """The cue has a subordinated clause right after it (`remarked that she was tired`): the
    clause before it is no fronted content, whatever the parse hung there (`Sitting down with a
    reporter, during which she discussed X, Smith remarked that ...`). Not a clause the
    attribution splits (`It is no surprise, he said, that ...`), nor one a cue participle opens
    (`Claiming the criticism was unfair, Lee told reporters that ...`: its own report)."""
    doc = cue.doc
    opener = doc[content.left_edge.i]
    if opener.tag_ in PARTICIPLE_TAGS and opener.lemma_.lower() in cues:
        return False
    return any(
        c.dep_ == "ccomp"
        and c.i > cue.i
        and any(m.dep_ == "mark" and m.lower_ in CONTENT_MARKS for m in c.children)
        and not any(t.text == "," for t in doc[cue.i + 1 : c.left_edge.i])
        for c in cue.children
    )


# What may follow an inverted source before its sentence ends (`..., reported CBC News on Monday.`).
SOURCE_TRAILER_DEPS: frozenset[str] = frozenset({"prep", "npadvmod", "punct"})


def postposed_source(cue: Token) -> Token | None:
    """`CLAUSE, reported CBC News.`: a finite cue set off after the clause it reports, with no
    subject of its own, whose proper-noun object ends the sentence: the parse read the inverted
    subject as an object, so that object is the source (and reports nothing)."""
    doc = cue.doc
    if cue.tag_ not in FINITE_TAGS or cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children):
        return None
    before = any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children) or (
        clause_before_conj(cue) is not None
    )
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    if not before or obj is None or obj.pos_ != "PROPN" or obj.left_edge.i != cue.i + 1:
        return None
    trailer = [c for c in cue.rights if c.i > obj.i]
    if any(c.dep_ not in SOURCE_TRAILER_DEPS for c in trailer):
        return None
    end = max([obj.right_edge.i] + [c.right_edge.i for c in trailer]) + 1
    return obj if only_trailer(doc, end, cue.sent.end) else None


def clause_before_conj(cue: Token) -> Token | None:
    """The verb of the clause a cue is joined to as a conjunct after a comma (`The plan is dead,
    reported CBC News`), the clause the parse made the cue's sibling rather than its content."""
    head = cue.head
    if cue.dep_ != "conj" or head.i >= cue.i or head.pos_ not in VERB_POS:
        return None
    if any(c.dep_ == "cc" and head.i < c.i < cue.i for c in head.children):
        return None  # `... and reported X`: a second verb of the same subject
    return head


def named_listener(cue: Token, obj: Token) -> bool:
    """The object is the one addressed: a name or a personal pronoun (`asked Okonkwo-Pratt`,
    `asked him`), or any noun the question's topic follows (`asked the minister about it`);
    not the one asked for something (`asked the court for a ruling`: what was asked)."""
    after = [c for c in cue.children if c.dep_ == "prep" and c.i > obj.i]
    if any(c.lower_ in REQUEST_MARKS for c in after):
        return False
    if obj.lower_ in LISTENER_PRONOUNS or any(c.lower_ in TOPIC_MARKS for c in after):
        return True
    return obj.pos_ == "PROPN" and all(t.pos_ in NAME_POS for t in obj.subtree)


def calls_back(verb: Token, thing: Token) -> bool:
    """A verb of calling back (`recall`) calls `thing` (its object) back: a "from" phrase naming a
    place or a team hangs on it or on the object (`recalled right-hander X from triple-A
    Buffalo`), or an organisation recalls a number of things (`Ford is recalling 300,000
    vehicles`). (`recalling a bad review from the 2011 tour` is a memory.)"""
    for prep in (*verb.children, *thing.children):
        if prep.dep_ == "prep" and prep.lower_ == "from":
            if any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children):
                return True
    return any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.ent_type_ == "ORG" for c in verb.children
    ) and any(c.dep_ == "nummod" for c in thing.children)


def split_opening(cue: Token, content: Token) -> tuple[int, int] | None:
    """The opening half of a clause the attribution splits, when the parse hung the cue on it
    as an aside and the that-clause under the cue (`It is no surprise, Kowalski said, that the
    budget is tight`): the main clause up to the comma before the attribution."""
    doc = cue.doc
    head = cue.head
    if cue.dep_ != "parataxis" or head.i >= cue.i or content.i < cue.i:
        return None
    if not that_clause(content):
        return None
    # (the parse may hang the commas around the attribution on the cue)
    comma = cue.left_edge.i if doc[cue.left_edge.i].text == "," else cue.left_edge.i - 1
    after = content.left_edge.i - 1
    if comma <= head.left_edge.i or doc[comma].text != "," or doc[after].text != ",":
        return None
    start, end = trim(doc, head.left_edge.i, comma)
    return (start, end) if start < end else None
