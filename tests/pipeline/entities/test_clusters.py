"""Which names are one entity: a surname the article misspells by one letter still joins the
full name, but a plural, a first name, a short word or a surname two people could claim does
not; and the two apostrophes write one name."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from app.pipeline.entities.clusters import _one_edit_apart, cluster_names
from app.pipeline.entities.first_names import GenderLexicon
from app.pipeline.entities.named import Name
from app.pipeline.types import EntityKind
from tests.pipeline.support import attribute, resolutions


@pytest.fixture(scope="module")
def genders() -> GenderLexicon:
    return GenderLexicon()


def _name(start: int, text: str, kind: EntityKind = "person") -> Name:
    words = tuple(text.lower().split())
    return Name(
        start=start,
        end=start + len(words),
        words=words,
        text=text,
        role=None,
        role_words=frozenset(),
        gender=None,
        kind=kind,
        subject=True,
    )


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("petigrew", "pettigrew", True),  # a letter dropped
        ("pellegini", "pellegrini", True),
        ("rosenblat", "rosenblatt", True),
        ("vandermer", "vandermeer", True),
        ("smithe", "smythe", True),  # a letter changed
        ("clintons", "clinton", False),  # the family, not a misspelling
        ("pettigrew", "pettigrew", False),  # the same word: found by the exact look-up
        ("petigru", "pettigrew", False),  # two letters apart
    ],
)
def test_one_edit_apart(a: str, b: str, close: bool) -> None:
    assert _one_edit_apart(a, b) is close
    assert _one_edit_apart(b, a) is close


def test_a_surname_misspelt_by_one_letter_joins_the_full_name(genders: GenderLexicon) -> None:
    names = [_name(0, "Lashonda Pettigrew"), _name(4, "Curtis Boyd"), _name(20, "Petigrew")]
    clusters = cluster_names(names, genders)
    assert list(clusters) == ["lashonda pettigrew", "curtis boyd"]
    assert [n.text for n in clusters["lashonda pettigrew"].names] == [
        "Lashonda Pettigrew",
        "Petigrew",
    ]


@pytest.mark.parametrize(
    ("full", "short", "why"),
    [
        ("Barack Obama", "Osama", "a first name, and too short to call a misspelling"),
        ("Marco Rubio", "Rubin", "five letters: another surname as often as a typo"),
        ("Bill Clinton", "Clintons", "a plural names the family"),
        ("Apex Holdings", "Apexs", "no person to misspell"),
    ],
)
def test_a_one_letter_difference_does_not_join_when_it_may_be_another_name(
    genders: GenderLexicon, full: str, short: str, why: str
) -> None:
    kind: EntityKind = "organization" if "Holdings" in full else "person"
    clusters = cluster_names([_name(0, full, kind), _name(10, short)], genders)
    assert len(clusters) == 2, why


def test_a_misspelling_two_surnames_are_equally_close_to_joins_neither(
    genders: GenderLexicon,
) -> None:
    """`Hansen` beside both Lars Hanson and Mette Hansel: which one it misspells is a guess."""
    names = [_name(0, "Lars Hanson"), _name(4, "Mette Hansel"), _name(20, "Hansen")]
    clusters = cluster_names(names, genders)
    assert [n.text for n in clusters["hansen"].names] == ["Hansen"]


def test_a_shared_surname_alone_stays_with_the_person_the_article_calls_by_it(
    genders: GenderLexicon,
) -> None:
    """Margaret Olsen is "Olsen"; her daughter, named later, is "Tina Olsen": a later "Olsen" is
    Margaret, though Tina was named more recently."""
    names = [
        _name(0, "Margaret Olsen"),
        _name(10, "Olsen"),
        _name(20, "Tina Olsen"),
        _name(30, "Olsen"),
    ]
    clusters = cluster_names(names, genders)
    assert [n.start for n in clusters["margaret olsen"].names] == [0, 10, 30]
    assert [n.start for n in clusters["tina olsen"].names] == [20]
    # when the surname alone has gone to neither (or to both), the most recent one it is
    names = [_name(0, "Margaret Olsen"), _name(20, "Tina Olsen"), _name(30, "Olsen")]
    clusters = cluster_names(names, genders)
    assert [n.start for n in clusters["tina olsen"].names] == [20, 30]


@pytest.mark.full_model
def test_the_surname_of_two_relatives_is_the_one_the_story_calls_by_it(nlp: Language) -> None:
    text = (
        "Margaret Olsen was adopted at three.\n\n"
        '"I recognized her laugh," Olsen said.\n\n'
        'Her daughter, Tina Olsen, had given her the DNA kit. "I kind of made her," Tina Olsen '
        'said.\n\n"We have a lot of catching up to do," Olsen said.'
    )
    assert resolutions(attribute(nlp, text)) == [
        ("Margaret Olsen", "alias"),
        ("Tina Olsen", "explicit"),
        ("Margaret Olsen", "alias"),
    ]


@pytest.mark.full_model
def test_she_after_a_misspelt_surname_is_the_full_name(nlp: Language) -> None:
    text = (
        "Two shoppers, Lashonda Pettigrew and Curtis Boyd, watched the parade.\n\n"
        "Petigrew said the city had not fixed the sidewalks on her block.\n\n"
        '"It only gets done when there is a camera," she said.'
    )
    assert resolutions(attribute(nlp, text)) == [("Lashonda Pettigrew", "pronoun")]


@pytest.mark.full_model
def test_the_typographic_and_the_straight_apostrophe_write_one_surname(nlp: Language) -> None:
    text = (
        "Police Commissioner Sean O’Dea spoke on Sunday.\n\n"
        '"We are working around the clock," O\'Dea said.'
    )
    assert resolutions(attribute(nlp, text)) == [("Sean O’Dea", "alias")]


def test_an_acronym_joins_the_organisation_whose_initials_spell_it(genders: GenderLexicon) -> None:
    names = [
        _name(0, "International Monetary Fund", "organization"),
        _name(5, "Federal Bureau of Investigation", "organization"),
        _name(20, "IMF", "organization"),
        _name(30, "F.B.I.", "organization"),
    ]
    clusters = cluster_names(names, genders)
    assert list(clusters) == ["international monetary fund", "federal bureau of investigation"]
    assert [n.text for n in clusters["federal bureau of investigation"].names] == [
        "Federal Bureau of Investigation",
        "F.B.I.",
    ]


@pytest.mark.parametrize(
    ("names", "why"),
    [
        (
            [
                _name(0, "Democratic National Committee", "organization"),
                _name(4, "Democratic National Convention", "organization"),
                _name(20, "DNC", "organization"),
            ],
            "two names spell it",
        ),
        (
            [_name(10, "Armenian Patriarchate", "organization"), _name(0, "AP", "organization")],
            "the full name only after it (a dateline's AP)",
        ),
        ([_name(0, "Ivan Moreno Finch"), _name(10, "IMF", "organization")], "a person's"),
        (
            [_name(0, "International Monetary Fund", "organization"), _name(9, "Imf")],
            "not written in capitals",
        ),
    ],
)
def test_an_acronym_stays_apart_when_unsure(
    genders: GenderLexicon, names: list[Name], why: str
) -> None:
    clusters = cluster_names(names, genders)
    assert len(clusters) == len(names), why


@pytest.mark.full_model
def test_the_acronym_s_quote_is_the_organisation_s(nlp: Language) -> None:
    text = (
        "The International Monetary Fund cut its growth forecast on Tuesday. "
        '"Growth will slow," the IMF said in its report.'
    )
    assert resolutions(attribute(nlp, text)) == [("International Monetary Fund", "alias")]


@pytest.mark.parametrize(
    ("honorific_gender", "role", "kind"),
    [
        ("male", None, "person"),  # `Mr. Tremblay`
        (None, "minister", "person"),  # `Minister Tremblay`
        (None, None, "organization"),  # a bare `Tremblay`: nothing says the NER was wrong
    ],
)
def test_an_honorific_or_a_title_makes_a_name_the_ner_read_as_an_organisation_a_person(
    genders: GenderLexicon, honorific_gender: str | None, role: str | None, kind: str
) -> None:
    full = _name(0, "Marc-André Tremblay", "organization")
    short = replace(_name(10, "Tremblay"), gender=honorific_gender, role=role)
    clusters = cluster_names([full, short], genders)
    assert [(key, c.kind) for key, c in clusters.items()] == [("marc-andré tremblay", kind)]


@pytest.mark.parametrize(
    ("qualifier", "longer", "joined"),
    [
        (("canada",), "B.C. Supreme Court", False),  # another court, not the same one
        ((), "B.C. Supreme Court", True),  # `the Supreme Court` may be the B.C. one
        (("canada",), "Canada Supreme Court", True),  # the qualifier is in the longer name
    ],
)
def test_an_organisation_qualified_past_its_head_joins_no_other_one(
    genders: GenderLexicon, qualifier: tuple[str, ...], longer: str, joined: bool
) -> None:
    """`The Supreme Court of Canada says ...` then `the B.C. Supreme Court`: two courts; the
    ruling is not the lower court's."""
    short = replace(_name(0, "Supreme Court", "organization"), qualifier=qualifier)
    clusters = cluster_names([short, _name(20, longer, "organization")], genders)
    assert (len(clusters) == 1) is joined


def test_the_qualified_form_of_an_organisation_is_its_canonical_name(
    genders: GenderLexicon,
) -> None:
    """`Supreme Court` in the headline, `the Supreme Court of Canada` in the lede: the name that
    says which court is the one shown."""
    headline = _name(0, "Supreme Court", "organization")
    lede = replace(_name(10, "Supreme Court", "organization"), qualifier=("canada",))
    (cluster,) = cluster_names([headline, lede], genders).values()
    assert cluster.canonical is lede


COMPANY_KINDS = {"company": frozenset({"inc.", "ltd.", "corp.", "companies", "potash"})}


@pytest.mark.parametrize(
    ("short", "kind"),
    [
        ("Prairie Crown", "organization"),  # the words after it say "company": potash, corp.
        ("Marlow", "organization"),
        ("Marlow", "person"),  # the NER read the bare name as a person's: `Corp.` says company
    ],
)
def test_a_company_s_short_form_joins_its_full_name(
    genders: GenderLexicon, short: str, kind: EntityKind
) -> None:
    full = "Prairie Crown Potash Corp." if " " in short else "Marlow Companies Ltd."
    names = [_name(0, full, "organization"), _name(20, short, kind)]
    (cluster,) = cluster_names(names, genders, COMPANY_KINDS).values()
    assert [n.text for n in cluster.names] == [full, short]


@pytest.mark.parametrize(
    ("names", "why"),
    [
        (
            [
                _name(0, "Prairie Crown Potash Corp.", "organization"),
                _name(9, "Prairie Crown Workers Union", "organization"),
                _name(20, "Prairie Crown", "organization"),
            ],
            "two organisations start with it (one going on with other words)",
        ),
        (
            [_name(0, "Marlow Companies", "organization"), _name(20, "Marlow")],
            "a person's name, and no legal form says the longer one is a company",
        ),
    ],
)
def test_a_short_form_stays_apart_when_it_may_be_another_one(
    genders: GenderLexicon, names: list[Name], why: str
) -> None:
    clusters = cluster_names(names, genders, COMPANY_KINDS)
    assert len(clusters) == len(names), why


@pytest.mark.full_model
def test_a_company_s_short_name_speaks_for_the_company(nlp: Language) -> None:
    text = (
        "The mine is owned by Prairie Crown Potash Corp., which employs 900 people. "
        'In a statement, Prairie Crown said it remained "committed to a fair deal."'
    )
    assert resolutions(attribute(nlp, text)) == [("Prairie Crown Potash Corp.", "alias")]


def test_a_first_name_the_lexicon_does_not_know_joins_the_one_name_it_starts(
    genders: GenderLexicon,
) -> None:
    """`His son, Manvir, ...` before `Manvir Dhaliwal says`: the first name joins the full name
    it starts, when only one does; a word two full names start stays apart."""
    assert genders.answer("manvir") == "unknown"  # the lexicon's reading this test is about
    one = cluster_names([_name(0, "Manvir"), _name(20, "Manvir Dhaliwal")], genders)
    assert [[n.text for n in c.names] for c in one.values()] == [["Manvir", "Manvir Dhaliwal"]]
    two = [_name(0, "Manvir"), _name(10, "Manvir Dhaliwal"), _name(20, "Manvir Sandhu")]
    assert len(cluster_names(two, genders)) == 3
    # `Mr. Oduya` makes the word a surname: a headline's `Oduya Says` (a name the NER ran on into
    # the verb) gets no one's words
    surname = [_name(0, "Oduya Says"), replace(_name(10, "Oduya"), gender="male")]
    assert len(cluster_names(surname, genders)) == 2
