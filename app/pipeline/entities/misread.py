"""Where the tagger's or the NER's reading of a name says nothing of it: the NER read a clause
with the name in it as a title (`Chow told council`), a person's name with its title as a work of
art (`Language Minister Jean-François Roberge said`), or a nationality describing a noun as an
entity (`the Japanese constitution`); the tagger read a surname as a common word (`Marsh blamed
officials`). The name model then builds the name as if the word had no label, or not at all."""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence

import numpy
from spacy.attrs import DEP, ENT_TYPE, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from app.pipeline.entities.written import entity_bounds, hyphen_joined, lower_word
from app.pipeline.shapes import hashes_of, in_sorted, sorted_hashes
from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS, ORG_LABELS, PERSON_LABELS, TIME_LABELS

# Months that are also given names (`May`, `June`), and the prepositions that make one a time:
# `extends restrictions to May` is a month the NER missed, not Theresa May.
NAME_MONTHS: frozenset[str] = frozenset({"april", "may", "june", "july", "august"})
TIME_PREPOSITIONS: frozenset[str] = frozenset(
    {"to", "until", "till", "in", "by", "since", "from", "through", "before", "after", "during"}
)
# The labels the NER gives a person's name with its title and party in front (`NDP MP X`; a
# place's, `Ontario MPP Gurratan Singh` with "Singh" a GPE), and how many words before the
# surname the first name may stand (a middle name between them).
# Weekdays as a page's date line writes them (`Thu, August 28, 2025`), and the months, written
# out or cut, whose name may follow one.
WEEKDAYS: frozenset[str] = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
MONTHS: frozenset[str] = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"}
    | {"sep", "sept", "oct", "nov", "dec"}
)
ORG_READ_LABELS: frozenset[str] = frozenset({"ORG", "GPE"})
MAX_NAME_WORDS_AFTER_TITLE = 2
# The NER's label for a place, which it gives some lone first names (`Her grandson, Liam,`).
PLACE_LABEL = "GPE"
# The label the NER gives a person's name with its title in front (`Language Minister X`), or a
# surname right after a quotation's closing mark.
WORK_LABEL = "WORK_OF_ART"
CLOSING_MARKS: frozenset[str] = frozenset({'"', "\u201d", "''", "'", "\u2019"})
# A plural's possessive mark, split off by the tokenizer: inside an organisation's name
# (`Veterans’ Affairs`) or an owner's before a name (`Leafs' Matthews`); "’s" is nearly always
# an owner (`Commentary’s Noah Rothman`).
PLURAL_POSSESSIVES: frozenset[str] = frozenset({"'", "\u2019"})
# How an adverb the tagger may take for a name ends (`Briefly.`).
ADVERB_ENDING = "ly"
# How a word that describes the noun after it hangs on it (`a Chicano nationalist group`).
MODIFIER_DEPS: frozenset[str] = frozenset({"compound", "amod", "nmod"})


def clause_read_as_title(head: Token) -> bool:
    """The entity around `head` also holds the verb `head` is the subject of (`Chow told
    council`): the NER read a clause as a title."""
    verb = head.head
    if head.dep_ not in NOMINAL_SUBJECT_DEPS or verb.i == head.i or verb.ent_iob_ != "I":
        return False
    first, last = sorted((head.i, verb.i))
    return all(head.doc[k].ent_iob_ == "I" for k in range(first + 1, last + 1))


def person_read_as_work(head: Token, is_first_name: Callable[[str], bool]) -> bool:
    """A subject tagged a work of art with a first name inside, before `head` (`Language
    Minister Jean-François Roberge said`), or one word so tagged right after a quotation's
    closing mark (`"...," Inness told CBC`: the marks made the NER see a title): a person's
    name, not a title."""
    if head.ent_type_ != WORK_LABEL or head.dep_ not in NOMINAL_SUBJECT_DEPS:
        return False
    doc = head.doc
    after = head.i + 1
    ends_here = after >= len(doc) or doc[after].ent_iob_ != "I"
    if head.ent_iob_ == "B":
        return ends_here and head.i > 0 and doc[head.i - 1].text in CLOSING_MARKS
    if head.ent_iob_ != "I":
        return False
    if ends_here and _hyphenated_after_mark(head):
        return True
    for k in range(head.i - 1, -1, -1):
        token = doc[k]
        if token.pos == PROPN and is_first_name(token.text):
            return True
        if token.ent_iob_ != "I":
            return False  # the entity's first word, looked at
    return False


def _hyphenated_after_mark(head: Token) -> bool:
    """The entity ending at `head` is one hyphenated name right after a closing mark
    (`"...," Okonkwo-Reid told reporters`)."""
    doc = head.doc
    k = head.i
    while k > 0 and doc[k].ent_iob_ == "I":
        k -= 1
    words = list(doc[k : head.i + 1])
    return (
        k > 0
        and doc[k - 1].text in CLOSING_MARKS
        and len(words) >= 3
        and len(words) % 2 == 1  # name - name (- name): hyphens and names alternate
        and all(not t.whitespace_ for t in words[:-1])
        and all(t.text == "-" for t in words[1::2])
        and all(t.pos == PROPN for t in words[::2])
    )


def person_read_as_org(
    head: Token, is_first_name: Callable[[str], bool], is_title: Callable[[str], bool]
) -> bool:
    """A name tagged an organisation whose last words are a title, a first name and `head`
    (`NDP MP Don Davies`, `Bank of Canada Governor Tiff Macklem`): the NER read the holder of
    the title into the organisation's name. Or a lone word tagged an organisation right after a
    capitalised title outside it (`Premier Ford`, `Gov. Cuomo`): a surname the NER took for a
    company's name."""
    if head.ent_type_ not in ORG_READ_LABELS or head.pos != PROPN:
        return False
    doc = head.doc
    first, words = head.i - 1, 0
    while first > 0 and words < MAX_NAME_WORDS_AFTER_TITLE:
        token = doc[first]
        if token.text == "-" and not token.whitespace_:
            first -= 1  # (a hyphen inside a compound first name: `Supt. Marie-Claude Lefebvre`)
            continue
        if is_first_name(token.text) and is_title(doc[first - 1].lower_):
            return True
        first, words = first - 1, words + 1
    # (not a word of a longer organisation's name: `General Motors Canada`)
    if not _alone_in_entity(head) or head.i == 0 or not head.is_title:
        return False
    before = doc[head.i - 1]
    return before.ent_iob_ == "O" and before.is_title and is_title(before.lower_)


def person_read_as_place(
    head: Token, is_first_name: Callable[[str], bool], person_nouns: Container[str]
) -> bool:
    """A name tagged a place, set in apposition to a noun for a person and opening with a first
    name (`Her grandson, Liam, 24, helps`, `Chow's chief of staff, Beverly Romeo-Beehler,
    said`), or a lone word tagged a place right after a first name that no entity holds (`Amanda
    Klassen packed her car` with "Klassen" a place): the NER read a person as a place."""
    if head.ent_type_ != PLACE_LABEL or head.pos != PROPN:
        return False
    start, end = entity_bounds(head)
    if end > head.i + 1:
        return False  # (not the place's last word)
    if start == head.i and _after_first_name(head, is_first_name):
        return True
    # (a place of several words, `Prince Albert`, only when set beside a person's noun)
    return (
        head.dep_ == "appos"
        and head.head.lemma_.lower() in person_nouns
        and is_first_name(head.doc[start].text)
    )


def person_read_as_date(head: Token, is_first_name: Callable[[str], bool]) -> bool:
    """A lone proper noun tagged a date or time right after a first name that no entity holds
    (`said Calgary mom Priya Sandhu` with "Sandhu" a date): a surname."""
    return (
        head.ent_type_ in TIME_LABELS
        and head.pos == PROPN
        and _alone_in_entity(head)
        and _after_first_name(head, is_first_name)
    )


def _alone_in_entity(token: Token) -> bool:
    """The token is a whole entity of the NER's by itself."""
    after = token.i + 1
    return token.ent_iob_ == "B" and (after >= len(token.doc) or token.doc[after].ent_iob_ != "I")


def _after_first_name(token: Token, is_first_name: Callable[[str], bool]) -> bool:
    """The token comes right after a capitalised first name that no entity holds."""
    if token.i == 0:
        return False
    first = token.doc[token.i - 1]
    return (
        first.pos == PROPN
        and first.ent_iob_ == "O"
        and first.is_title
        and is_first_name(first.text)
    )


# Possessive marks after an owner's name (a plural's apostrophe too), and the most tokens of a
# name after one (a first name, a hyphenated surname: `Naomi Belanger - Cote`).
POSSESSIVE_MARKS: frozenset[str] = PLURAL_POSSESSIVES | {"'s", "\u2019s"}
MAX_OWNED_NAME_TOKENS = 5


def owner_read_into_name(head: Token, org_nouns: frozenset[str] | set[str]) -> bool:
    """A name tagged an organisation whose last word follows a plural possessive and is the
    surname of a person the NER names elsewhere (`Maple Leafs' Matthews says`, over `Auston
    Matthews`): the NER read the owner (a team, a party) into the name. Not an organisation's
    own noun (`the Home Builders' Association`)."""
    if head.ent_type_ not in ORG_READ_LABELS or head.pos != PROPN or head.i == 0:
        return False
    mark = head.doc[head.i - 1]
    if mark.text not in PLURAL_POSSESSIVES or mark.ent_iob_ != "I" or head.lower_ in org_nouns:
        return False
    return any(
        ent.label_ in PERSON_LABELS and ent[-1].lower_ == head.lower_ for ent in head.doc.ents
    )


def person_after_owner(head: Token, is_first_name: Callable[[str], bool]) -> bool:
    """A name tagged an organisation that opens with a first name right after an owner's
    possessive (`Option verte's Naomi Belanger`, `Microsoft's Satya Nadella`): a person of that
    organisation, which the NER tagged like its owner."""
    if head.ent_type_ not in ORG_READ_LABELS or head.pos != PROPN:
        return False
    start, end = entity_bounds(head)
    if start == 0 or end - start > MAX_OWNED_NAME_TOKENS:
        return False
    doc = head.doc
    first = doc[start]
    return doc[start - 1].text in POSSESSIVE_MARKS and is_first_name(first.text) and first.is_title


def portfolio_read_as_org(ent: Span, is_title: Callable[[str], bool]) -> bool:
    """An organisation right before a title and the holder's name (`Education Minister Stephen
    Lecce`): the NER read the title's portfolio as an organisation, which no one else names."""
    doc = ent.doc
    after = ent.end
    return (
        ent.label_ in ORG_READ_LABELS
        and after + 1 < len(doc)
        and is_title(doc[after].lower_)
        and doc[after + 1].ent_type_ in PERSON_LABELS
    )


def describes_noun(token: Token) -> bool:
    """The word hangs on a common noun as its modifier (`a Chicano nationalist group`)."""
    return token.dep_ in MODIFIER_DEPS and token.head.pos_ == "NOUN"


def nationality_word(root: Token) -> bool:
    """`the Japanese constitution`: a nationality describing a noun names no one."""
    return root.ent_type_ == "NORP" and describes_noun(root)


def mistagged_surnames(
    doc: Doc, surnames: set[str], heads: Mapping[int, Token], quoted: Sequence[bool]
) -> list[int]:
    """Subjects the tagger took for common words that are a surname (`surnames`) the article
    gives a person elsewhere: `Marsh blamed officials on Twitter.` tags "Marsh" as a noun at a
    sentence start, so without this the sentence has no one in it but "Twitter"."""
    if not surnames:
        return []
    # a column test (no Token per word); the surnames are per doc, so not `hashes_of`'s cache
    columns = doc.to_array([ORTH, DEP, POS, ENT_TYPE])
    found = (
        in_sorted(columns[:, 0], sorted_hashes(surnames))
        & in_sorted(columns[:, 1], hashes_of(NOMINAL_SUBJECT_DEPS))
        & (columns[:, 2] != PROPN)
        & (columns[:, 3] == 0)
    )
    return [i for i in numpy.flatnonzero(found).tolist() if not quoted[i] and i not in heads]


def month_read_as_name(head: Token) -> bool:
    """A lone month name after a preposition of time (`until May`, `by June`): a date, though
    the tagger made it a proper noun and the NER gave it no label."""
    return (
        head.lower_ in NAME_MONTHS
        and head.dep_ == "pobj"
        and head.head.lower_ in TIME_PREPOSITIONS
        and not any(c.dep_ == "compound" for c in head.lefts)
    )


def weekday_read_as_name(head: Token) -> bool:
    """A weekday before a comma and a month (`Thu, August 28, 2025 at 6:02 a.m.`), which the NER
    may tag a person: a date line's day, no one's name."""
    doc, k = head.doc, head.i
    return (
        head.lower_.rstrip(".") in WEEKDAYS
        and k + 2 < len(doc)
        and doc[k + 1].text == ","
        and doc[k + 2].lower_.rstrip(".") in MONTHS
    )


def adverb_read_as_name(head: Token, is_first_name: Callable[[str], bool]) -> bool:
    """A lone capitalised "-ly" word opening its sentence before a comma or a stop (`A:
    Briefly. He said ...`, `Honestly, ...`): an adverb the tagger took for a name, unless it is
    a first name (`Kelly.`)."""
    doc = head.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return (
        head.lower_.endswith(ADVERB_ENDING)
        and (head.is_sent_start or (head.i > 0 and doc[head.i - 1].text == ":"))
        and after is not None
        and after.text in {",", "."}
        and not is_first_name(head.text)
    )


def phrase_read_as_person(head: Token) -> bool:
    """A PERSON entity that opens with a lower-case word no name opens with: the NER read a
    phrase as a name (`the union of travailleurs de l'entretien de la STM`)."""
    if head.ent_type_ not in PERSON_LABELS:
        return False
    return lower_word(head.doc[entity_bounds(head)[0]])


def number_read_as_person(head: Token) -> bool:
    """A PERSON entity that holds a number (`whose Grade 7 and 8 students`): no one's name."""
    if head.ent_type_ not in PERSON_LABELS:
        return False
    start, end = entity_bounds(head)
    return any(t.is_digit for t in head.doc[start:end])


def org_read_as_person(
    words: Span, org_words: Container[str], person_word: Callable[[str], bool]
) -> bool:
    """A name of two words or more the NER tagged a person or a product, which ends with a word
    that shows an organisation (`The Lethbridge Herald once dubbed her`, `Prairie Crown Potash
    said`) and holds no first name, title or honorific (`Jane Post`, `Dr. Star`: people)."""
    label = words[-1].ent_type_ if len(words) > 1 else ""
    if label in ORG_LABELS or not label:
        return False
    return words[-1].lower_ in org_words and not any(person_word(t.text) for t in words[:-1])


# The labels the NER gives a surname it did not read as a person's (`Dorian MacQuarrie` an
# organisation), and the parts of speech the tagger gives the first name before it.
MISREAD_NAME_LABELS: frozenset[str] = frozenset({"", "ORG"})
MODIFIER_POS: frozenset[str] = frozenset({"ADJ", "NOUN"})


def first_name_read_as_word(head: Token, gender: Callable[[str], object | None]) -> bool:
    """A gendered first name opening a clause, read as a modifier of the proper noun after it
    (`SUMMERSIDE, P.E.I. — Dorian MacQuarrie has`, MacQuarrie tagged an organisation)."""
    if head.pos != PROPN or head.i < 1 or head.ent_type_ not in MISREAD_NAME_LABELS:
        return False
    first = head.doc[head.i - 1]
    return (
        first.pos_ in MODIFIER_POS
        and first.head.i == head.i
        and first.is_title
        and first.left_edge.i == first.i
        and (first.i == 0 or not first.doc[first.i - 1].is_alpha)
        and gender(first.text) is not None
    )


def cut_at_hyphen(ent: Span, root: Token) -> bool:
    """The NER's name of two words or more ends at a hyphen glued to a word in no entity, the
    parse's head of the name (`Caroline Desjardins-Pruitt`; not `the Johnson-Weld ticket`)."""
    after = root.head
    return (
        ent.start < root.i
        and hyphen_joined(root)
        and after.i == root.i + 2
        and after.ent_iob_ == "O"
    )
