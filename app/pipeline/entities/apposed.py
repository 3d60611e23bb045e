"""The name a writer sets beside a role noun (`a spokesman, Ted Bowman, said`, `wrote the
consul at the time, Carl J. Whitford.`, `The group's CEO, Kim Fritts, said`, `The landlord,
Greenway Properties, said`): the role's own name, which the resolver looks up."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS, ORG_LABELS, PERSON_LABELS, apposed_person

# Tags of a singular noun a person's name may be apposed to: a common noun, or a title the
# tagger took for a proper one (`The group's CEO, Kim Fritts, said`).
SINGULAR_NOUN_TAGS: frozenset[str] = frozenset({"NN", "NNP"})
# The numeral that stands for one person picked from a group (`One of them, Amanda Lee, said`).
SINGLE_ONE: str = "one"
# How many words of a prepositional phrase may stand between a role noun and the name set off
# after it (`the consul at the time, Carl J. Whitford`).
APPOSED_GAP = 4
# What may follow a name set off by a comma after a common noun (`the consul, Carl Whitford.`).
APPOSITION_CLOSERS: frozenset[str] = frozenset({".", ",", ";", "!", "?", ")", "\n", "\n\n"})


# How a title's own words may go on after its noun (`minister responsible for ...`, `director
# of ...`), and for how many tokens, before the comma that sets its holder's name off.
TITLE_MODIFIER_DEPS: frozenset[str] = frozenset({"amod", "prep"})
TITLE_MODIFIER_SPAN = 12


def apposed_name(
    head: Token, mention: Span, is_first_name: Callable[[str], bool], speaking_noun: bool
) -> Token | None:
    """A token of the person's name in apposition right after the mention's singular noun
    `head`, or of an organisation's when the noun is one of a speaking body (`speaking_noun`:
    `The landlord, Greenway Properties,`); None when there is none."""
    if head.tag_ not in SINGULAR_NOUN_TAGS and head.lower_ != SINGLE_ONE:
        return None  # (`two analysts, A and B`: no one person)
    for child in head.rights:
        if apposed_person(child) or _apposed_first_name(child, is_first_name):
            return child
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.ent_type_ in ORG_LABELS
            and speaking_noun
            and child.left_edge.i > 0
            and head.doc[child.left_edge.i - 1].text == ","
        ):
            return child  # `The landlord, Greenway Properties, said`: the organisation named
    # the parse did not hang the name on the noun: a person's name set off by a comma right
    # after the mention (or after a short prepositional phrase: `the consul at the time,
    # Carl J. Whitford.`), and closing the clause
    doc = head.doc
    k = mention.end
    if k < len(doc) and doc[k].dep_ == "prep" and doc[k].right_edge.i < k + APPOSED_GAP:
        k = doc[k].right_edge.i + 1  # (the parse may hang the phrase on the cue)
    elif k < len(doc) and doc[k].head.i == head.i and doc[k].dep_ in TITLE_MODIFIER_DEPS:
        # a long title (`Quebec's minister responsible for relations with First Nations and
        # Inuit, Éric Villeneuve,`): the name follows the comma that ends it, wherever the
        # parse hung the name inside it
        k = next(
            (j for j in range(k, min(k + TITLE_MODIFIER_SPAN, len(doc))) if doc[j].text == ","),
            k,
        )
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    first = doc[k + 1]
    if first.ent_type_ not in PERSON_LABELS and not (
        first.pos_ == "PROPN" and is_first_name(first.text)
    ):
        return None  # (`A spokesperson for the minister, Jean-Sébastien Comeau,`: tagged ORG)
    end = k + 1
    while end < len(doc) and doc[end].ent_type_ in PERSON_LABELS and doc[end].ent_iob_ != "B":
        end += 1
    end = max(end, k + 2)
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end < len(doc) and doc[end].text not in APPOSITION_CLOSERS:
        return None
    name = doc[end - 1]
    if name.dep_ in NOMINAL_SUBJECT_DEPS and name.head.i > name.i:
        return None  # `According to a statement of facts, Melissa Dueck, 29, grabbed`: her clause
    return name


def _apposed_first_name(child: Token, is_first_name: Callable[[str], bool]) -> bool:
    """A name in apposition that opens with a known first name, whatever the NER called it
    (`A retired Mountie who was on that search, Cecil Donnachie, said`: an "organisation")."""
    first = child.left_edge
    return (
        child.dep_ == "appos"
        and child.pos_ == "PROPN"
        and first.i < child.i
        and first.pos_ == "PROPN"
        and is_first_name(first.text)
    )
