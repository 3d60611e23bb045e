"""The source of a cue verb without a subject of its own, where the sentence's structure names it:
`X distanced himself by saying CLAUSE` (the subject of the verb the participle's preposition
hangs from), `X issued a statement saying CLAUSE` (the issuer of a statement), `voters saying
CLAUSE` (the noun the participle modifies), `As reported by X, CLAUSE` (a passive's agent)."""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token

from app.pipeline.reported.misread import postposed_source
from app.pipeline.syntax import (
    GERUND_TAG,
    NAME_GIVEN_DEP,
    NOMINAL_SUBJECT_DEPS,
    VERB_POS,
    own_subject,
)

# Links along which a verb shares its subject with the verb it hangs from.
SHARED_SUBJECT_DEPS: frozenset[str] = frozenset({"conj", "xcomp", "advcl"})
NOUN_POS: frozenset[str] = frozenset({"NOUN", "PROPN"})
# The preposition of the document a verb's subject spoke in (`said in a notice posted ...`).
CONTAINING_PREPS: frozenset[str] = frozenset({"in"})
MAX_HOPS = 3
# Complements by which a cue reports something of its own besides a clause: an infinitive
# (`urged Ottawa to act`), a name it gives (`called the approach "a subsidy"`).
OWN_REPORT_DEPS: frozenset[str] = frozenset({"xcomp", NAME_GIVEN_DEP})
# The tag of a verb in the past tense: a finite verb, whatever the parse hung it on.
PAST_TENSE_TAG = "VBD"
# Subordinators the parser reads as prepositions when a clause follows them (`the debate comes as
# a new report warned that ...`): their "object" is the subject of the cue after it.
SUBORDINATORS: frozenset[str] = frozenset({"as", "after", "before", "since", "until", "because"})


def source_of(cue: Token, issued_nouns: Set[str]) -> Token | None:
    """The head of the source the structure around a subject-less cue names, or None (the cue
    has a subject, or the structure names no one: the speaker_attributor looks then)."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if agent is not None:  # `as reported by X`: the agent of a passive cue
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if by is not None:
            return by
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS or c.dep_ == "auxpass" for c in cue.children):
        return None  # a subject of its own, or a passive (`after being asked to`: the listener)
    postposed = postposed_source(cue)
    if postposed is not None:
        return postposed  # `CLAUSE, reported CBC News.`: the inverted subject read as object
    reduced = _reduced_relative_subject(cue)
    if reduced is not None:
        return reduced
    head = cue.head
    if head.i == cue.i:
        return None
    misread = _subordinator_object(cue)
    if misread is not None:
        return misread
    outer = _misjoined_cue(cue, issued_nouns)
    if outer is not None:
        return _subject(outer)
    if cue.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        # `voters are more likely to say`, `X was quick to note`; not `It is worth noting`,
        # the writer's own aside
        subject = _subject(head.head)
        return subject if subject is not None and subject.lower_ != "it" else None
    if cue.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in VERB_POS:
        return _subject(head.head)  # `X ... after telling Y that`, `by saying`
    if (
        cue.dep_ == "conj"
        and cue.tag_ == PAST_TENSE_TAG
        and head.dep_ == "acl"
        and head.head == cue.sent.root
        and head.head.pos_ in NOUN_POS
    ):
        # `The Speaker, X, interrupted to call for order and warned that ...` parsed with no
        # main verb, the first verb a modifier of the root noun: that noun is the subject
        return head.head
    if cue.dep_ == "acl" and head.pos_ in NOUN_POS:
        root = cue.sent.root
        if (
            cue.tag_ == "VBD"
            and root.pos_ in NOUN_POS
            and root.i < head.i
            and root.is_ancestor(cue)
        ):
            # `A woman who worked at a bar testified that ...` parsed with no main verb, the cue
            # a modifier of "bar": a past tense is the sentence's verb, the root noun its subject
            return root
        if head.lemma_.lower() not in issued_nouns:
            return head  # `supporters saying that ...`
        if head.dep_ == "dobj" and head.head.pos_ in VERB_POS:
            return _subject(head.head)  # `X issued a statement saying that ...`
        prep = head.head
        if head.dep_ == "pobj" and prep.lower_ in CONTAINING_PREPS and prep.head.pos_ in VERB_POS:
            # `X said in a notice posted Wednesday that CLAUSE`, `X replied in a letter
            # stating that CLAUSE`: the one who spoke in the document (not `in a statement
            # announcing the vote`: no clause is reported there)
            if _reports_clause(cue):
                return _subject(prep.head)
    return None


def _misjoined_cue(cue: Token, issued_nouns: Set[str]) -> Token | None:
    """`He said forward bookings showed no impact, but acknowledged the company was watching`,
    `X said the vote was "Q" and called on the province to act`, `X said the design favoured
    developers and called the approach "Q"`, the second cue joined to the reported clause's
    verb: a cue reporting a clause (or an infinitive, or a name it gives) of its own,
    joined to a reported clause whose active subject is a thing that says nothing (not a
    document: `said the report found X and warned that Y`), shares the outer cue's subject."""
    head = cue.head
    if cue.dep_ != "conj" or head.dep_ != "ccomp" or head.head.pos_ not in VERB_POS:
        return None
    if not (_reports_clause(cue) or any(c.dep_ in OWN_REPORT_DEPS for c in cue.children)):
        return None  # (`... and called on the province to act`: what it was called on to do)
    subject = own_subject(head, NOMINAL_SUBJECT_DEPS)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() in issued_nouns:
        return None
    # (`said staff were called in and told the firm was closing`: a passive the cue shares)
    return head.head if subject.dep_ == "nsubj" else None


def _reduced_relative_subject(cue: Token) -> Token | None:
    """`Researchers working at a station on Ellesmere Island say CLAUSE`, parsed with the
    participle as a clause before the cue and its noun as that clause's subject: the noun is the
    cue's subject (not the place the cue follows)."""
    for child in cue.children:
        if child.dep_ == "ccomp" and child.i < cue.i and child.tag_ == GERUND_TAG:
            subject = own_subject(child, NOMINAL_SUBJECT_DEPS)
            if subject is not None and subject.i < child.i and subject.pos_ in NOUN_POS:
                return subject
    return None


def _reports_clause(cue: Token) -> bool:
    """The cue has a clause of its own under it: what it reports (`... stating that CLAUSE`)."""
    return any(c.dep_ == "ccomp" for c in cue.children)


def _subordinator_object(cue: Token) -> Token | None:
    """The noun phrase just before `cue` when the parser hung it on a subordinator read as a
    preposition of the cue's own head (`comes as [a new report from X] warned that`)."""
    if cue.i == 0:
        return None
    token = cue.doc[cue.i - 1]
    for _ in range(MAX_HOPS + 2):
        if token.right_edge.i != cue.i - 1 or token.i == cue.head.i:
            return None
        prep = token.head
        if (
            token.dep_ == "pobj"
            and token.pos_ in NOUN_POS
            and prep.lower_ in SUBORDINATORS
            and prep.head.i == cue.head.i
        ):
            return token
        if prep.i == token.i:
            return None
        token = prep
    return None


def _subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(MAX_HOPS + 1):
        subject = own_subject(current, NOMINAL_SUBJECT_DEPS)
        if subject is not None:
            return subject
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None
