"""A shared surname with a title goes to the person the article gave that title; a newspaper the
NER tags as a person is an organisation; a nickname in marks that a verb of naming gives someone
(`dubbed her "Mayor Pothole."`) is no one a pronoun can mean. Hand-written text, full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from tests.pipeline.support import attribute, attributions, speakers, typed_speakers


@pytest.mark.full_model
def test_a_titled_surname_is_the_one_with_that_title(nlp: Language) -> None:
    text = (
        '"Tonight I am thinking about our elders," Chief Doreen Pelkey told reporters.\n\n'
        "Coun. Walter Pelkey, the chief's cousin, campaigned against the agreement.\n\n"
        '"Money gets spent," Walter Pelkey said before the vote.\n\n'
        '"We are not talking about real estate," the chief said.\n\n'
        '"We will hold a feast in June," Chief Pelkey said.'
    )
    assert speakers(attribute(nlp, text)) == [
        "Doreen Pelkey",
        "Walter Pelkey",
        "Doreen Pelkey",
        "Doreen Pelkey",
    ]


@pytest.mark.full_model
def test_a_surname_without_a_title_is_still_the_one_last_called_by_it(nlp: Language) -> None:
    text = (
        "Chief Doreen Pelkey opened the meeting.\n\n"
        "Coun. Walter Pelkey, her cousin, spoke against the deal.\n\n"
        '"Money gets spent," Pelkey said.'
    )
    assert speakers(attribute(nlp, text)) == ["Walter Pelkey"]


@pytest.mark.full_model
def test_a_newspaper_tagged_as_a_person_is_not_the_she_who_speaks(nlp: Language) -> None:
    text = (
        "Kathleen Dorsey took over city hall three years ago.\n\n"
        'The Lethbridge Herald once dubbed her "Mayor Pothole." She had the headline framed.\n\n'
        '"I do the stuff that breaks," she said.'
    )
    # (the nickname is a title: no one's words, so no attribution)
    found = attributions(attribute(nlp, text, ["title", "direct"]))
    assert found[0] is None
    assert found[1] is not None and found[1].name == "Kathleen Dorsey"


@pytest.mark.full_model
def test_a_person_introduced_by_named_stays_the_one_she_means(nlp: Language) -> None:
    text = (
        "The woman who started it identified herself as a 52-year-old resident named Maxine.\n\n"
        '"He truly cares about us," she said.'
    )
    assert speakers(attribute(nlp, text)) == ["Maxine"]


_STRIKE_COLUMN = (
    "Strike drags on, and nobody on the platform cares why\n\n"
    "The strike has become its own kind of reality television. Montrealers who binge-watched "
    "\u201cLes Quais,\u201d the Radio-Ville drama about a fictional bus depot, may feel they have "
    "seen this plot before: the stubborn union boss, the smooth-talking executive.\n\n"
    "That minister would be Transport Minister F\u00e9lix Archambault-Dunn, who has described the "
    "situation only as \u201cregrettable\u201d and urged \u201cboth parties to return to the "
    "table.\u201d\n\n"
    "My neighbour, a nurse {who}, now leaves for her shift at 4:45 a.m. \u201cI am the one who "
    "is supposed to be essential,\u201d she said to me."
)


@pytest.mark.full_model
def test_a_name_inside_a_title_s_marks_is_no_one_a_pronoun_can_mean(nlp: Language) -> None:
    # "Les Quais" is a TV drama's name: the nurse, whom the column never names, stays unknown
    doc = nlp(_STRIKE_COLUMN.format(who="who works nights"))
    typed = [(s._.quote.type, s.text) for s in doc.spans[QUOTES_KEY]]
    assert ("title", "Les Quais,") in typed
    assert typed_speakers(doc)[-1] == ("direct", None)


@pytest.mark.full_model
def test_a_person_named_so_by_a_noun_is_a_name(nlp: Language) -> None:
    # `a nurse named Solange Vu`: the NER tags the name a product
    doc = nlp(_STRIKE_COLUMN.format(who="named Solange Vu"))
    assert typed_speakers(doc)[-1] == ("direct", "Solange Vu")
