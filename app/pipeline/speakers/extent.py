"""The words a speaker mention covers: the noun phrase around its head, without appositions or
clauses, keeping what the article writes as part of the source ("a spokesman for the campaign",
"Ruiz himself", "Two in three", "Sen. Ann Ruiz of Oregon")."""

from __future__ import annotations

from spacy.tokens import Token

from app.pipeline.speakers.origin import origin_end
from app.pipeline.syntax import (
    NON_SPEAKER_LABELS,
    NP_LEFT_DEPS,
    PERSON_LABELS,
    contact_relative_head,
)

# Post-modifiers kept in a common-noun mention ("a spokesman for the campaign").
NP_RIGHT_PREPS: frozenset[str] = frozenset(
    {"for", "of", "at", "with", "from", "in", "close", "to", "on", "inside", "like", "within", "by"}
)
# Adjectives that head a post-modifier of a common-noun mention ("a source familiar with it").
NP_RIGHT_ADJECTIVES: frozenset[str] = frozenset({"familiar", "close", "involved", "knowledgeable"})
# Participles that post-modify a common-noun mention ("a poll released Monday", "a memo drafted
# by the agency"); matched by tag, the clause must stay outside quotes and before the cue.
NP_RIGHT_PARTICIPLE_TAGS: frozenset[str] = frozenset({"VBN"})
# Prepositions of a share written as a ratio (`Two in three said`, `nine out of 10 say`): the
# whole ratio is the mention, not its first number.
RATIO_PREPS: frozenset[str] = frozenset({"in", "out"})
# Pronouns a participle describes into a source (`those surveyed`, `those polled`).
DESCRIBED_PRONOUNS: frozenset[str] = frozenset({"those"})
# The preposition of a number's partitive (`one of those advisers said`): part of the mention.
PARTITIVE_PREPS: frozenset[str] = frozenset({"of"})
# Quantifiers that head a mention with the group they count right after them (`Most of the
# candidates said`, `some on Twitter`, `someone in attendance`): alone they name no one, so the
# prepositional phrase is part of the mention.
QUANTIFIER_HEADS: frozenset[str] = frozenset(
    {"most", "some", "many", "several", "both", "all", "none", "each", "few", "half", "either"}
    | {"neither", "someone", "somebody", "anyone", "anybody", "others", "majority", "minority"}
)
# Reflexives written after a name for emphasis (`Ruiz himself said`): part of the mention.
EMPHATIC_REFLEXIVES: frozenset[str] = frozenset({"himself", "herself", "itself", "themselves"})


def mention_extent(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by `token`, without appositions or clauses."""
    if token.lower_ in QUANTIFIER_HEADS and token.pos_ != "NOUN":
        end = token.i + 1
        for child in token.rights:
            if child.i == end and child.dep_ == "prep" and _np_post_modifier(child):
                end = child.right_edge.i + 1  # `Most of the candidates`, `some on Twitter`
        return token.i, end
    if token.pos_ == "PRON":
        end = token.i + 1
        if token.lower_ in DESCRIBED_PRONOUNS:
            for child in token.rights:
                if child.i == end and _participle(child):
                    end = child.right_edge.i + 1  # `those surveyed said`
        return token.i, end
    left = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS or (child.dep_ == "punct" and child.text == "-"):
            left = min(left, child.left_edge.i)
    relative_head = contact_relative_head(token)
    if relative_head is not None:
        left = relative_head.i + 1  # `a move critics say will ...`: "critics"
    for k in range(token.i - 1, left - 1, -1):
        if _spaced_dash(token.doc[k]):
            left = k + 1  # `RANGOON, Burma - Aung San Suu Kyi's allies`: a dateline's dash
            break
    right = token.i + 1
    modified = _takes_post_modifiers(token)
    for child in token.rights:
        if child.dep_ in {"compound", "flat"} or (child.dep_ == "case" and child.i == right):
            right = max(right, child.right_edge.i + 1)
        elif child.i == right and child.dep_ == "appos" and child.lower_ in EMPHATIC_REFLEXIVES:
            right += 1
        elif token.pos_ == "NUM" and child.i == right and (_ratio(child) or _partitive(child)):
            right = max(right, child.right_edge.i + 1)
        elif modified and child.left_edge.i == right and _np_post_modifier(child):
            right = max(right, child.right_edge.i + 1)
        elif child.i == right and (origin := origin_end(token, child)) is not None:
            right = origin  # "Sen. Ann Ruiz of Oregon"
    return left, right


def _spaced_dash(token: Token) -> bool:
    """A hyphen with a space on either side: a dash (`Burma - Aung`), not a hyphen."""
    k = token.i
    return (
        token.text in {"-", "--"}
        and k > 0
        and bool(token.doc[k - 1].whitespace_)
        and bool(token.whitespace_)
    )


def _ratio(prep: Token) -> bool:
    """The `in three` of `Two in three`, the `out of 10` of `nine out of 10`."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in RATIO_PREPS
        and any(t.like_num and t.i > prep.i for t in prep.subtree)
    )


def _participle(child: Token) -> bool:
    """A participle clause right after its noun (`those surveyed`, `a memo drafted by X`)."""
    return child.dep_ == "acl" and child.tag_ in NP_RIGHT_PARTICIPLE_TAGS


def _partitive(prep: Token) -> bool:
    """The `of those advisers` of `one of those advisers`: whom the number counts."""
    return prep.dep_ == "prep" and prep.lower_ in PARTITIVE_PREPS and prep.n_rights > 0


def _takes_post_modifiers(token: Token) -> bool:
    """A common noun, or a proper noun that is no person's name (`one Democrat familiar with
    the talks`, `the Maritime History Museum in Boston`), keeps its post-modifiers."""
    if token.pos_ == "NOUN":
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in PERSON_LABELS


def _np_post_modifier(child: Token) -> bool:
    """A right dependent kept in a common-noun mention: "of/for/to X", "familiar with X",
    "released Monday", "and spectators" (a coordinated noun)."""
    if child.dep_ in {"prep", "amod"}:
        if any(obj.ent_type_ in NON_SPEAKER_LABELS for obj in child.children):
            return False  # "the campaign on Monday": a time, not part of the name
        return child.lower_ in NP_RIGHT_PREPS or child.lower_ in NP_RIGHT_ADJECTIVES
    if child.dep_ == "acl":
        return _participle(child)
    if child.dep_ == "cc":
        return any(c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} for c in child.head.rights)
    return child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}
