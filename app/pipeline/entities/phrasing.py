"""What the words of a speaker mention say about whom it means: its determiners (`a` or `the`
mayor), whether its head is a common noun, a headline's bare role, whether it is in the lede,
the role words a title matches or an organisation's name answers to, a person's name after a
title at its end, whether the article gave its noun an owner before (`her manager`), whether it
describes a party's member (`the Georgia Democrat`), and whether `they` with its cue quotes a
saying (`as they say`)."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice

from spacy.tokens import Span, Token

from app.pipeline.syntax import PERSON_LABELS
from app.pipeline.text import doc_text, head_lines_end, headline_range, iter_paragraph_ranges

# Nouns for one member of a party, written after a state or province (`the Georgia Democrat`).
PARTY_MEMBERS: frozenset[str] = frozenset(
    {"democrat", "republican", "conservative", "liberal", "tory", "independent", "dipper"}
)
# Words of a party that a story sets before a member's name (`Green Pierre-Luc Gendron`,
# `Republican John Smith`): the party, not the name.
PARTY_WORDS: frozenset[str] = PARTY_MEMBERS | {"green", "ndp", "bloc", "libertarian"}
# Present-tense tags of a cue under "as" that make `as they say` a saying, no one's words.
SAYING_TAGS: frozenset[str] = frozenset({"VBP"})
# Fewest words of a line of the lede (a byline or a date line is shorter), and how many lines.
MIN_LEDE_WORDS = 12
LEDE_LINES = 2
# Entity labels of a place that may own a role in a headline (`Canada's top doctor`).
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC"})
# Determiners that make a nominal definite ("the mayor", "this official").
DEFINITE_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that"})


def titled_person(head: Token, mention: Span, titles: frozenset[str]) -> Token | None:
    """The last token of the person's name that ends `mention` after a title (`... Grand Chief
    Cathy Merrick`), when the mention's head is outside that name (an organisation before it)."""
    last = mention[-1]
    while last.is_punct and last.i > mention.start:
        last = last.doc[last.i - 1]
    if last.ent_type_ not in PERSON_LABELS or head.ent_type_ in PERSON_LABELS:
        return None
    first = last.i
    while first > mention.start and last.doc[first - 1].ent_type_ in PERSON_LABELS:
        first -= 1
    if first == mention.start or head.i >= first:
        return None
    title = last.doc[first - 1]
    return last if title.lower_.rstrip(".") in titles else None


def determiners(head: Token, mention: Span) -> list[Token]:
    """The mention's words before its head noun: `a spokesman for the campaign` is indefinite."""
    return [t for t in mention if t.i < head.i]


def common_noun(head: Token) -> bool:
    """A noun, or a lower-case word the tagger took for a proper noun (`minister says`)."""
    return head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.is_lower)


def headline_role(head: Token, mention: Span) -> bool:
    """A bare role noun in the article's first line, over more lines (`Ontario to cap rents,
    housing minister says`), or one a place owns (`Canada's top doctor warns ...`): headline
    style drops the article, and the body names the person."""
    if any(
        t.dep_ == "det" or (t.dep_ == "poss" and t.ent_type_ not in PLACE_LABELS)
        for t in determiners(head, mention)
    ):
        return False
    text = doc_text(head.doc)
    first = headline_range(text)
    if first is not None and head.idx < first[1]:
        return True
    # (a pasted page's headline and deck under a section's name: `Technology` / `X to cut
    # jobs; CEO says ...`)
    return head.idx < head_lines_end(text)


def in_lede(head: Token) -> bool:
    """The token lies in the lede: the first `LEDE_LINES` lines after the headline of
    `MIN_LEDE_WORDS` words or more (an archive's abstract may come before the first)."""
    text = doc_text(head.doc)
    lines = iter_paragraph_ranges(text)
    if next(lines, None) is None:
        return False
    long_lines = (line for line in lines if len(text[line[0] : line[1]].split()) >= MIN_LEDE_WORDS)
    return any(start <= head.idx < end for start, end in islice(long_lines, LEDE_LINES))


def definite(head: Token, mention: Span) -> bool:
    """`the mayor`, `this official`, `his spokesman`: a role someone holds, not any."""
    return any(
        t.lower_ in DEFINITE_DETERMINERS or t.dep_ == "poss" for t in determiners(head, mention)
    )


def plain_definite(head: Token, mention: Span) -> bool:
    """`the mayor`, not `his spokesman` nor `the senior Ruiz adviser` (someone else's role)."""
    before = determiners(head, mention)
    if any(t.pos_ == "PROPN" and t.i < head.i and t.ent_type_ in PERSON_LABELS for t in mention):
        return False
    return any(t.lower_ == "the" for t in before) and not any(t.dep_ == "poss" for t in before)


def role_matches(
    lemma: str, role_words: frozenset[str], synonyms: Mapping[str, frozenset[str]]
) -> bool:
    """The role noun is one of a person's role words, or their synonym (`the lawmaker`,
    `the judge` for `Justice X`: models/role_synonyms.tsv)."""
    if lemma in role_words:
        return True
    return any(lemma in synonyms.get(word, ()) for word in role_words)


def qualifiers_conflict(head: Token, role_words: frozenset[str], titles: frozenset[str]) -> bool:
    """The role noun's place (`Quebec's`) or title word (`attorney`) is not among a person's
    role words, which hold another of that kind: another office (`Quebec's attorney general` is
    not `Ontario Solicitor General X`; `the senator` or `the police chief` may still be
    `Sen. X` or `Chief X`)."""
    lemma = head.lemma_.lower()
    places = {c.lower_ for c in head.lefts if c.dep_ == "poss" and c.ent_type_ == "GPE"}
    titled = {c.lower_ for c in head.lefts if c.dep_ == "compound" and c.lower_ in titles} - {lemma}
    if places - role_words:
        doc_places = {w.lower_ for ent in head.doc.ents if ent.label_ == "GPE" for w in ent}
        if role_words & doc_places - places:
            return True
    return bool(titled - role_words) and bool((role_words & titles) - titled - {lemma})


def noun_names_org(
    lemma: str,
    words: tuple[str, ...],
    role_words: frozenset[str],
    kind_words: Mapping[str, frozenset[str]],
) -> bool:
    """The noun means the organisation of that name: one of the name's words, also in the
    singular (`the company` for `Loblaw Companies`), the noun the organisation was introduced
    with (`the e-commerce company Shopify Inc.`), or a name word that shows that kind
    (`Shopify Inc.`, `Unifor`: models/org_kind_words.tsv)."""
    if lemma in words or lemma in role_words:
        return True
    if any(
        (word.endswith("ies") and word[:-3] + "y" == lemma)
        or (word.endswith("s") and word[:-1] == lemma)
        for word in words
    ):
        return True
    shown = kind_words.get(lemma)
    return shown is not None and any(word in shown for word in words)


def owned_before(head: Token, distance: int, titles: frozenset[str]) -> bool:
    """The noun of `head` came earlier, within `distance` tokens, with a person for its owner
    (`her manager`, `Santos's lawyer`, `the prime minister's spokesman`; not `the province's
    minister`): its holder is someone the article ties to another person."""
    lemma = head.lemma_
    start = max(head.i - distance, 0)
    return any(
        t.lemma_ == lemma and any(_person_owner(c, titles) for c in t.lefts)
        for t in head.doc[start : head.i]
    )


def _person_owner(token: Token, titles: frozenset[str]) -> bool:
    """A possessor that is a person: a pronoun, a person's name, a title (`the minister's`)."""
    return token.dep_ == "poss" and (
        token.pos_ == "PRON" or token.ent_type_ in PERSON_LABELS or token.lower_ in titles
    )


def party_member(head: Token, mention: Span) -> bool:
    """`the Georgia Democrat`, `The Maine Republican`: one member of a party, described by the
    party and (often) the state; not the party (`the Democrats`) nor a name (`Republican John
    Smith`: a first name follows)."""
    return (
        head.lower_ in PARTY_MEMBERS
        and head.i == mention.end - 1
        and mention[0].lower_ == "the"
        and all(t.pos_ in {"PROPN", "ADJ", "DET"} for t in mention[:-1])
    )


def generic_saying(cue: Token) -> bool:
    """`As they say, "Q"`: a present-tense cue under "as" with a generic "they" (not `As they
    said in a statement`)."""
    return cue.tag_ in SAYING_TAGS and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
    )
