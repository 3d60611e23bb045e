"""Where the NER's label on a name says nothing of it, on hand-made docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.entities.misread import (
    clause_read_as_title,
    month_read_as_name,
    org_read_as_person,
    owner_read_into_name,
    person_after_owner,
    person_read_as_date,
    person_read_as_org,
    person_read_as_place,
    person_read_as_work,
    portfolio_read_as_org,
    weekday_read_as_name,
)

FIRST_NAMES = frozenset({"jean", "ann", "don", "liam"})
TITLES = frozenset({"mp", "governor", "minister"})


def _doc(
    words: list[str], pos: list[str], deps: list[str], heads: list[int], ents: list[str]
) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents)


def _is_first_name(word: str) -> bool:
    return word.lower() in FIRST_NAMES


def test_a_clause_read_as_a_title() -> None:
    words, pos = ["Chow", "told", "council"], ["PROPN", "VERB", "NOUN"]
    deps, heads = ["nsubj", "ROOT", "dobj"], [1, 1, 1]
    doc = _doc(words, pos, deps, heads, ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART"])
    assert clause_read_as_title(doc[0])
    doc = _doc(words, pos, deps, heads, ["B-WORK_OF_ART", "O", "O"])
    assert not clause_read_as_title(doc[0])


def test_a_person_read_as_a_work_has_a_first_name_inside() -> None:
    words = ["Minister", "Ann", "Roberge", "said"]
    pos, deps = ["PROPN", "PROPN", "PROPN", "VERB"], ["compound", "compound", "nsubj", "ROOT"]
    work = ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O"]
    doc = _doc(words, pos, deps, [2, 2, 3, 3], work)
    assert person_read_as_work(doc[2], _is_first_name)
    title = _doc(["Game", "of", "Thrones", "said"], pos, deps, [2, 2, 3, 3], work)
    assert not person_read_as_work(title[2], _is_first_name)
    # a person's label, or the work as no one's subject
    person = _doc(words, pos, deps, [2, 2, 3, 3], ["B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert not person_read_as_work(person[2], _is_first_name)
    obj = _doc(words, pos, ["compound", "compound", "dobj", "ROOT"], [2, 2, 3, 3], work)
    assert not person_read_as_work(obj[2], _is_first_name)


def test_a_surname_read_as_a_work_after_a_closing_mark_is_a_name() -> None:
    """`"Now a jury will hear it," Inness told CBC`: the marks made the NER see a title."""
    words = ["it", ",", '"', "Inness", "told", "CBC"]
    pos = ["PRON", "PUNCT", "PUNCT", "PROPN", "VERB", "PROPN"]
    deps, heads = ["nsubj", "punct", "punct", "nsubj", "ROOT", "dobj"], [4, 4, 4, 4, 4, 4]
    work = ["O", "O", "O", "B-WORK_OF_ART", "O", "B-ORG"]
    assert person_read_as_work(_doc(words, pos, deps, heads, work)[3], _is_first_name)
    # a work of two words after the mark, or one word not after a mark, stays a work
    longer = ["O", "O", "O", "B-WORK_OF_ART", "I-WORK_OF_ART", "B-ORG"]
    assert not person_read_as_work(_doc(words, pos, deps, heads, longer)[3], _is_first_name)
    no_mark = ["it", ",", "and", "Inness", "told", "CBC"]
    assert not person_read_as_work(_doc(no_mark, pos, deps, heads, work)[3], _is_first_name)


def test_a_hyphenated_surname_read_as_a_work_after_a_closing_mark_is_a_name() -> None:
    """`"...," Okonkwo-Reid told reporters`: the whole hyphenated name is the subject."""
    words = ['"', "Okonkwo", "-", "Reid", "told", "reporters"]
    pos = ["PUNCT", "PROPN", "PUNCT", "PROPN", "VERB", "NOUN"]
    deps, heads = ["punct", "compound", "punct", "nsubj", "ROOT", "dobj"], [4, 3, 3, 4, 4, 4]
    work = ["O", "B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O", "O"]
    spaces = [False, False, False, True, True, False]
    doc = Doc(spacy.blank("en").vocab, words, spaces, pos=pos, deps=deps, heads=heads, ents=work)
    assert person_read_as_work(doc[3], _is_first_name)
    # spaced words (`Okonkwo - Reid`), or a title of two words (`Blue Rodeo`), stay a work
    spaced = Doc(spacy.blank("en").vocab, words, [True] * 6, pos=pos, deps=deps, heads=heads)
    spaced.ents = doc.ents
    assert not person_read_as_work(spaced[3], _is_first_name)
    two = ['"', "Blue", "Rodeo", "told", "reporters", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        two,
        pos=["PUNCT", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"],
        deps=["punct", "compound", "nsubj", "ROOT", "dobj", "punct"],
        heads=[3, 2, 3, 3, 3, 3],
        ents=["O", "B-WORK_OF_ART", "I-WORK_OF_ART", "O", "O", "O"],
    )
    assert not person_read_as_work(doc[2], _is_first_name)


def _is_title(word: str) -> bool:
    return word in TITLES


def test_a_person_read_as_an_organisation_follows_a_title() -> None:
    words = ["NDP", "MP", "Don", "Davies", "said"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    deps, heads = ["compound", "compound", "compound", "nsubj", "ROOT"], [3, 3, 3, 4, 4]
    org = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert person_read_as_org(_doc(words, pos, deps, heads, org)[3], _is_first_name, _is_title)
    # no title before the first name, or no first name after the title: an organisation
    no_title = ["NDP", "Caucus", "Don", "Davies", "said"]
    doc = _doc(no_title, pos, deps, heads, org)
    assert not person_read_as_org(doc[3], _is_first_name, _is_title)
    no_first = ["Bank", "Governor", "Tiff", "Macklem", "said"]
    doc = _doc(no_first, pos, deps, heads, org)
    assert not person_read_as_org(doc[3], _is_first_name, _is_title)
    # a place's label on the surname alone (`Ontario MPP Gurratan Singh`, "Singh" a GPE)
    place = ["O", "O", "O", "B-GPE", "O"]
    assert person_read_as_org(_doc(words, pos, deps, heads, place)[3], _is_first_name, _is_title)
    # the NER's person label needs no repair
    person = ["O", "O", "B-PERSON", "I-PERSON", "O"]
    doc = _doc(words, pos, deps, heads, person)
    assert not person_read_as_org(doc[3], _is_first_name, _is_title)


def test_a_lone_surname_read_as_an_organisation_after_a_title_is_a_person() -> None:
    """`Premier Ford told reporters`, "Ford" tagged a company: the title's holder."""
    words = ["Governor", "Ford", "told", "reporters"]
    pos = ["PROPN", "PROPN", "VERB", "NOUN"]
    deps, heads = ["compound", "nsubj", "ROOT", "dobj"], [1, 2, 2, 2]
    org = ["O", "B-ORG", "O", "O"]
    assert person_read_as_org(_doc(words, pos, deps, heads, org)[1], _is_first_name, _is_title)
    # the title inside the organisation's name, a longer name, a lower-case or no title: a company
    inside = ["B-ORG", "I-ORG", "O", "O"]
    doc = _doc(words, pos, deps, heads, inside)
    assert not person_read_as_org(doc[1], _is_first_name, _is_title)
    longer = _doc([*words[:2], "Motors", "said"], pos, deps, heads, ["O", "B-ORG", "I-ORG", "O"])
    assert not person_read_as_org(longer[2], _is_first_name, _is_title)
    assert not person_read_as_org(longer[1], _is_first_name, _is_title)
    lower = _doc(["governor", *words[1:]], pos, deps, heads, org)
    assert not person_read_as_org(lower[1], _is_first_name, _is_title)
    no_title = _doc(["Detroit", *words[1:]], pos, deps, heads, org)
    assert not person_read_as_org(no_title[1], _is_first_name, _is_title)


def test_a_hyphenated_first_name_after_a_title_in_a_name_read_as_an_organisation() -> None:
    """`Supt. Marie-Claude Lefebvre`, the name tagged ORG: the hyphen's tokens are no words
    between the title and the first name."""
    words = ["Minister", "Jean", "-", "Ann", "Roy", "said"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB"]
    deps = ["compound", "compound", "punct", "compound", "nsubj", "ROOT"]
    heads = [4, 4, 4, 4, 5, 5]
    org = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    doc = _doc(words, pos, deps, heads, org)
    glued = Doc(
        doc.vocab,
        words=words,
        spaces=[True, False, False, True, True, False],
        pos=pos,
        deps=deps,
        heads=heads,
        ents=org,
    )
    assert person_read_as_org(glued[4], _is_first_name, _is_title)
    # a hyphen set apart is a word: three words back is too far for a first name
    assert not person_read_as_org(doc[4], _is_first_name, _is_title)


def test_an_owner_read_into_a_name_is_a_team_before_a_named_persons_surname() -> None:
    words = ["Leafs", "'", "Matthews", "says", "Auston", "Matthews", "spoke"]
    pos = ["PROPN", "PART", "PROPN", "VERB", "PROPN", "PROPN", "VERB"]
    deps = ["poss", "case", "nsubj", "ROOT", "compound", "nsubj", "ROOT"]
    heads = [2, 0, 3, 3, 5, 6, 6]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"]
    org_nouns = frozenset({"association"})
    assert owner_read_into_name(_doc(words, pos, deps, heads, ents)[2], org_nouns)
    # no person of that surname named anywhere: the organisation's name stands
    unnamed = ["O", "O", "O", "O", "O", "O", "O"]
    doc = _doc(words, pos, deps, heads, ents[:4] + unnamed[4:])
    assert not owner_read_into_name(doc[2], org_nouns)
    # an organisation's own noun after the possessive (`the Home Builders' Association`)
    words = ["Builders", "'", "Association", "says", "Ann", "Association", "spoke"]
    assert not owner_read_into_name(_doc(words, pos, deps, heads, ents)[2], org_nouns)
    # an owner's "'s" is not a plural's mark
    words = ["Toronto", "'s", "Matthews", "says", "Auston", "Matthews", "spoke"]
    assert not owner_read_into_name(_doc(words, pos, deps, heads, ents)[2], org_nouns)


def test_a_first_name_after_an_owner_s_possessive_opens_a_person_s_name() -> None:
    """`Option verte's Naomi Belanger`, tagged an organisation like its owner: a person; not
    a name that opens with no first name (`Option verte's Montreal Caucus`), nor one with no
    possessive before it (`Ann Taylor` the retailer)."""
    words = ["Option", "verte", "'s", "Ann", "Belanger", "spoke"]
    pos = ["PROPN", "PROPN", "PART", "PROPN", "PROPN", "VERB"]
    deps, heads = ["compound", "poss", "case", "compound", "nsubj", "ROOT"], [1, 4, 1, 4, 5, 5]
    ents = ["B-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG", "O"]
    assert person_after_owner(_doc(words, pos, deps, heads, ents)[4], _is_first_name)
    words = ["Option", "verte", "'s", "Montreal", "Caucus", "spoke"]
    assert not person_after_owner(_doc(words, pos, deps, heads, ents)[4], _is_first_name)
    words = ["Shoppers", "at", "the", "Ann", "Taylor", "spoke"]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "O"]
    assert not person_after_owner(_doc(words, pos, deps, heads, ents)[4], _is_first_name)


def test_a_portfolio_read_as_an_organisation_comes_before_a_title_and_its_holder() -> None:
    words = ["Education", "Minister", "Stephen", "Lecce", "said"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    deps, heads = ["compound", "compound", "compound", "nsubj", "ROOT"], [3, 3, 3, 4, 4]
    ents = ["B-ORG", "O", "B-PERSON", "I-PERSON", "O"]
    doc = _doc(words, pos, deps, heads, ents)
    assert portfolio_read_as_org(doc.ents[0], _is_title)
    # an organisation before a word that is no title, or before a title with no one after it
    doc = _doc(["Unifor", "members", "Ann", "Lee", "said"], pos, deps, heads, ents)
    assert not portfolio_read_as_org(doc.ents[0], _is_title)
    doc = _doc(words, pos, deps, heads, ["B-ORG", "O", "O", "O", "O"])
    assert not portfolio_read_as_org(doc.ents[0], _is_title)


def test_a_month_after_a_preposition_of_time_is_no_name() -> None:
    words, pos = ["frozen", "until", "May"], ["VERB", "ADP", "PROPN"]
    deps, heads = ["ROOT", "prep", "pobj"], [0, 0, 1]
    assert month_read_as_name(_doc(words, pos, deps, heads, ["O", "O", "O"])[2])
    # a first name before it makes it a surname: `thanks to Theresa May`
    words, pos = ["thanks", "to", "Theresa", "May"], ["NOUN", "ADP", "PROPN", "PROPN"]
    doc = _doc(words, pos, ["ROOT", "prep", "compound", "pobj"], [0, 0, 3, 1], ["O"] * 4)
    assert not month_read_as_name(doc[3])
    pos, heads = ["VERB", "ADP", "PROPN"], [0, 0, 1]
    doc = _doc(["said", "of", "May"], pos, deps, heads, ["O", "O", "O"])
    assert not month_read_as_name(doc[2])
    doc = _doc(["frozen", "until", "Monday"], pos, deps, heads, ["O", "O", "O"])
    assert not month_read_as_name(doc[2])


def test_a_weekday_before_a_month_is_a_date_lines_day() -> None:
    words = ["Thu", ",", "August", "28", ",", "2025"]
    pos = ["PROPN", "PUNCT", "PROPN", "NUM", "PUNCT", "NUM"]
    deps, heads = ["ROOT", "punct", "appos", "nummod", "punct", "nummod"], [0, 0, 0, 2, 2, 2]
    ents = ["B-PERSON", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE"]
    assert weekday_read_as_name(_doc(words, pos, deps, heads, ents)[0])
    words[2] = "Aug."
    assert weekday_read_as_name(_doc(words, pos, deps, heads, ents)[0])
    # a weekday's word before something else is left to the NER (`Sun, Ferris said`)
    words[2] = "Ferris"
    assert not weekday_read_as_name(_doc(words, pos, deps, heads, ents)[0])
    words[:3] = ["Thom", ",", "August"]
    assert not weekday_read_as_name(_doc(words, pos, deps, heads, ents)[0])


def _grandson(name: list[str], ents: list[str], noun: str = "grandson") -> Doc:
    """`Her grandson, NAME, helps`, with the NER's labels `ents` on the name's words."""
    words = ["Her", noun, ",", *name, ",", "helps"]
    k = len(name)
    pos = ["PRON", "NOUN", "PUNCT", *["PROPN"] * k, "PUNCT", "VERB"]
    deps = ["poss", "nsubj", "punct", *["compound"] * (k - 1), "appos", "punct", "ROOT"]
    heads = [1, 4 + k, 1, *[2 + k] * (k - 1), 1, 1, 4 + k]
    ents = ["O", "O", "O", *ents, "O", "O"]
    lemmas = [w.lower() for w in words]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents, lemmas=lemmas)


def test_a_lone_first_name_read_as_a_place_in_apposition_to_a_person() -> None:
    nouns = {"grandson": "male"}
    assert person_read_as_place(_grandson(["Liam"], ["B-GPE"])[3], _is_first_name, nouns)
    # a person tagged a person, a word that is no first name, a noun for no person, a place of
    # two words: nothing misread
    assert not person_read_as_place(_grandson(["Liam"], ["B-PERSON"])[3], _is_first_name, nouns)
    assert not person_read_as_place(_grandson(["Regina"], ["B-GPE"])[3], _is_first_name, nouns)
    doc = _grandson(["Liam"], ["B-GPE"], noun="hometown")
    assert not person_read_as_place(doc[3], _is_first_name, nouns)
    doc = _grandson(["Port", "Liam"], ["B-GPE", "I-GPE"])
    assert not person_read_as_place(doc[3], _is_first_name, nouns)
    assert not person_read_as_place(doc[4], _is_first_name, nouns)


def test_a_lone_surname_read_as_a_date_after_a_first_name_is_a_person() -> None:
    """`said Calgary mom Ann Sandhu` with "Sandhu" tagged a date."""
    words = ["said", "mom", "Ann", "Sandhu", "."]
    pos = ["VERB", "NOUN", "PROPN", "PROPN", "PUNCT"]
    deps, heads = ["ROOT", "compound", "compound", "nsubj", "punct"], [0, 3, 3, 0, 0]
    date = ["O", "O", "O", "B-DATE", "O"]
    assert person_read_as_date(_doc(words, pos, deps, heads, date)[3], _is_first_name)
    # a date of two words (`Ann Victoria Day`), a first name inside the entity, no first name
    # before it, or a surname the NER already calls a person: nothing misread
    two = _doc([*words[:4], "Day"], [*pos[:4], "PROPN"], deps, heads, [*date[:4], "I-DATE"])
    assert not person_read_as_date(two[3], _is_first_name)
    inside = _doc(words, pos, deps, heads, ["O", "O", "B-DATE", "I-DATE", "O"])
    assert not person_read_as_date(inside[3], _is_first_name)
    no_first = _doc(["said", "mom", "Kay", "Sandhu", "."], pos, deps, heads, date)
    assert not person_read_as_date(no_first[3], _is_first_name)
    person = _doc(words, pos, deps, heads, ["O", "O", "O", "B-PERSON", "O"])
    assert not person_read_as_date(person[3], _is_first_name)


def test_a_name_ending_in_a_word_of_an_organisation_read_as_a_person() -> None:
    org_words = frozenset({"herald", "hydro", "post"})
    person_word = _is_first_name

    def name(words: list[str]) -> Doc:
        pos, deps = ["PROPN"] * len(words), ["compound"] * (len(words) - 1) + ["nsubj"]
        heads = [len(words) - 1] * len(words)
        ents = ["B-PERSON"] + ["I-PERSON"] * (len(words) - 1)
        return _doc(words, pos, deps, heads, ents)

    assert org_read_as_person(name(["Lethbridge", "Herald"])[:], org_words, person_word)
    assert org_read_as_person(name(["Manitoba", "Hydro"])[:], org_words, person_word)
    # a first name before the word: a person (`Ann Post`); one word alone: no evidence
    assert not org_read_as_person(name(["Ann", "Post"])[:], org_words, person_word)
    assert not org_read_as_person(name(["Herald"])[:], org_words, person_word)
    assert not org_read_as_person(name(["Lethbridge", "Smith"])[:], org_words, person_word)
