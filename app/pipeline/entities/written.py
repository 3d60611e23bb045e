"""How a name runs in the text around its head word: where an organisation's name as written
ends, the title modifiers before a name, the apposition after it. The name model (`names.py`)
builds a `Name` from these edges."""

from __future__ import annotations

from spacy.symbols import PROPN
from spacy.tokens import Span, Token

from app.pipeline.syntax import NP_LEFT_DEPS, ORG_LABELS, strip_punct

# Punctuation that ends an organisation's name inside a longer entity (a hyphen does not:
# `Council on American-Islamic Relations`).
NAME_BREAKS: frozenset[str] = frozenset({",", "(", ")", ":", ";", "\u2014", "\u2013", "--"})
# Prepositions inside an organisation's name (`Bank of Canada`, `Council on Foreign Relations`).
ORG_NAME_PREPS: frozenset[str] = frozenset({"of", "for", "on"})
# Labels under which the NER leaves an organisation's name it did not read as one: none, or a
# place (`the Port of Vancouver` tagged LOC).
UNREAD_ORG_LABELS: frozenset[str] = frozenset({"", "LOC"})
# How many tokens of title modifiers may precede a name ("former Deputy Attorney General X").
MAX_TITLE_TOKENS = 6
# Parts of speech of a capitalised word the NER puts inside an organisation's name before its
# proper nouns (`The Canadian Civil ...`).
NAME_WORD_POS: frozenset[str] = frozenset({"ADJ", "NOUN"})
# Conjunctions inside one name as the NER marks it (`the Canada Mortgage and Housing Corporation`).
NAME_CONJUNCTIONS: frozenset[str] = frozenset({"and", "&"})


def org_name_end(head: Token, label: str, org_noun: bool) -> int:
    """Where an organisation's name as written ends: past the head, through the rest of the
    NER's entity when a preposition carries it on (`the Bank of Canada`, `the Council on Foreign
    Relations`) or a lower-case word of it follows the head, as French names run (`Fédération
    autonome de l'enseignement`). An organisation's noun (`org_noun`) the NER left untagged
    takes its proper-noun "of" phrase (`the Port of Montreal`). The name's words, which cluster
    it, stay those up to the head."""
    end = head.i + 1
    doc = head.doc
    if end >= len(doc):
        return end
    after = doc[end]
    if label in UNREAD_ORG_LABELS and org_noun:
        return _proper_of_phrase_end(head, after)
    if label not in ORG_LABELS:
        return end
    if after.lower_ not in ORG_NAME_PREPS and not (
        after.ent_iob_ == "I" and after.is_lower and after.is_alpha
    ):
        return end
    k = end
    while k < len(doc) and doc[k].ent_iob_ == "I" and doc[k].text not in NAME_BREAKS:
        k += 1
    return k if k > end + 1 else end


def _proper_of_phrase_end(head: Token, after: Token) -> int:
    """The end of `head`'s "of" phrase when it is all proper nouns (`Port of Montreal`), else
    the head's own end."""
    end = head.i + 1
    if after.lower_ not in ORG_NAME_PREPS or after.head.i != head.i:
        return end
    objects = [c for c in after.children if c.dep_ == "pobj"]
    if not objects or any(t.pos != PROPN for t in objects[0].subtree):
        return end
    return objects[0].right_edge.i + 1


def left_edge(head: Token, floor: int) -> int:
    """Leftmost token of the title modifiers before a name (compound/amod chain), at most
    `MAX_TITLE_TOKENS` before `floor`."""
    left = floor
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS and child.dep_ not in {"poss", "det"}:
            left = min(left, child.left_edge.i)
    return max(left, floor - MAX_TITLE_TOKENS)


def apposition(head: Token) -> Span | None:
    """`X, the city's mayor,` -> "the city's mayor" (without trailing punctuation)."""
    for child in head.rights:
        if child.dep_ == "appos":
            span = head.doc[child.left_edge.i : child.right_edge.i + 1]
            return strip_punct(span)
    return None


def org_word_before(token: Token, label: str) -> bool:
    """A word the NER puts inside an organisation's name before the word after it: a proper
    noun, the "and" or "&" between two (`the Canada Mortgage and Housing Corporation`), or a
    capitalised adjective or noun (`The Canadian Civil Liberties Association`); not its
    determiner, nor a preposition that would bring in a common word the NER swept into the name
    (`Shares of Shopify Inc.`)."""
    return (
        label == "ORG"
        and inside_entity(token.doc[token.i + 1], label)
        and (
            token.pos == PROPN
            or token.lower_ in NAME_CONJUNCTIONS
            or (token.is_title and token.pos_ in NAME_WORD_POS)
        )
    )


def inside_entity(token: Token, label: str) -> bool:
    """The token continues an entity of `label` (the NER put it inside, not at its start)."""
    return token.ent_iob_ == "I" and token.ent_type_ == label


def entity_bounds(token: Token) -> tuple[int, int]:
    """(start, end) of the NER's entity that holds the token (the token alone when in none)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end
