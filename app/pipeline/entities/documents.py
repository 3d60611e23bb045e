"""Who issued the document a speaker mention names (`"Q," the statement read`): the person or
organisation the article tied to that document where it last mentioned it (`In a statement,
Harbourside Energy said ...`, `Harbourside's statement`, `a statement from Harbourside`,
`Harbourside issued a statement`). The document's words are its issuer's, which a newsroom
filtering quotes by organisation looks for."""

from __future__ import annotations

from spacy.tokens import Token

from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS
from app.pipeline.text import token_paragraphs

# How far back (tokens) `the statement` looks for the statement it refers to.
ISSUER_LOOKBACK = 250
# What opens a mention of a document named before (`the memo`).
DEFINITE_ARTICLES: frozenset[str] = frozenset({"the"})
# Prepositions through which a verb's subject issues a document (`said in a statement`).
ISSUING_PREPS: frozenset[str] = frozenset({"in", "through", "via"})
# Prepositions that name a document's issuer (`a statement from the company`).
ISSUER_PREPS: frozenset[str] = frozenset({"from", "by"})
# Verbs whose subject issues their object (`the ministry released a statement`).
ISSUING_VERBS: frozenset[str] = frozenset(
    {"issue", "release", "send", "post", "publish", "write", "email", "share", "put"}
)


def document_issuer(head: Token) -> Token | None:
    """The token naming who issued the document `head` names, read at the article's last
    earlier mention of a document of that noun that ties it to someone (past bare `the memo`
    mentions, which refer back); None when there is none (then `the statement` stays the
    speaker as written)."""
    lemma = head.lemma_.lower()
    doc = head.doc
    for k in range(head.i - 1, max(head.i - ISSUER_LOOKBACK, 0) - 1, -1):
        earlier = doc[k]
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() == lemma:
            issuer = issuer_token(earlier)
            if issuer is None and refers_back(earlier):
                continue  # `The memo said ...`: the memo named before, whose issuer is there
            return issuer
    return None


def refers_back(document: Token) -> bool:
    """A mention of a document that refers to one named before: "the", with at most lower-case
    nouns saying what kind it is (`the memo`, `the wind warning`, `the news release`)."""
    lefts = [c for c in document.lefts if not c.is_punct]
    if not lefts or lefts[0].lower_ not in DEFINITE_ARTICLES:
        return False
    return all(c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower for c in lefts[1:])


def document_subject_before(pronoun: Token, document_nouns: frozenset[str]) -> Token | None:
    """The document noun that is the main subject of the sentence before the pronoun's
    (`Mr. Hallett's letter did not mention the order. Instead, it referred to "Q"`; `Her
    statement was read aloud ... "Q," it read`): what an "it" speaker goes on talking about."""
    doc = pronoun.doc
    start = pronoun.sent.start
    paragraphs = token_paragraphs(doc)
    opening = paragraphs.starts[paragraphs.of[pronoun.i]]
    if doc[opening].is_quote:
        start = opening  # (`"I am 72. I cannot earn it back," it read`: before the quotation)
    if start == 0:
        return None
    root = doc[start - 1].sent.root
    for child in root.children:
        if (
            child.dep_ in NOMINAL_SUBJECT_DEPS
            and child.pos_ == "NOUN"
            and child.lemma_.lower() in document_nouns
        ):
            return child
    return None


def issuer_token(document: Token) -> Token | None:
    """The token naming who issued `document`: its possessor, the object of its `from`, or the
    subject of the verb that issued it or spoke through it."""
    for child in document.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPS:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    while document.dep_ == "conj" and document.head.i < document.i:
        document = document.head  # (`issued rainfall and wind warnings`: one issuing)
    if document.dep_ == "pobj" and document.head.lower_ in ISSUING_PREPS:
        verb = document.head.head
    elif document.dep_ == "dobj" and document.head.lemma_.lower() in ISSUING_VERBS:
        verb = document.head
    else:
        return None
    return next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
