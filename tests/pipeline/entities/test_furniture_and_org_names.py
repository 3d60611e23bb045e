"""Names on a line of page furniture (`RELATED: ...`) belong to another story: no he/she of this
one means them. An organisation's name with a plural's possessive or an "and" inside it (`The Home
Builders’ Association`, `the Canada Mortgage and Housing Corporation`) is one name, as is a
department's the parse reads as a list (`Immigration, Refugees and Citizenship Canada`) or the NER
missed or cut at its "and" (`Canada Mortgage and` + `Housing Corp.`); a
chamber of commerce is an organisation; a law the NER reads as one (`... United Canada Act`) is
no speaker."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from tests.pipeline.support import attribute, who


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("label", "speaker"),
    [("RELATED:", "Sean Fraser"), ("Related stories\n\n", "Sean Fraser"), ("", "Tom Reid")],
)
def test_a_furniture_lines_name_is_no_antecedent(nlp: Language, label: str, speaker: str) -> None:
    text = (
        'Housing Minister Sean Fraser said Monday that rents "must come down."\n\n'
        f"{label} Tom Reid says rents will keep rising\n\n"
        'Fraser\'s office said he would meet the premiers. "We will get this done," he said.'
    )
    doc = attribute(nlp, text, ["partial", "direct"])
    assert who(doc)[-1][:2] == (speaker, "he")


@pytest.mark.full_model
def test_a_plural_possessive_inside_an_organisations_name(nlp: Language) -> None:
    text = (
        'The Canadian Home Builders’ Association said in a statement that "supply must come first."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == (
        "Canadian Home Builders’ Association",
        "The Canadian Home Builders’ Association",
    )


@pytest.mark.full_model
def test_a_chamber_of_commerce_is_an_organisation(nlp: Language) -> None:
    text = (
        "The Halifax Chamber of Commerce opposed the tax. "
        '"It will hurt small firms," the chamber said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Halifax Chamber of Commerce", "the chamber")


@pytest.mark.full_model
def test_an_organisations_name_with_and_inside_it_is_one_name(nlp: Language) -> None:
    text = (
        "The Canada Mortgage and Housing Corporation released its outlook on Tuesday. "
        '"Starts will fall," the agency said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Canada Mortgage and Housing Corporation", "the agency")


@pytest.mark.full_model
def test_a_law_the_ner_reads_as_an_organisation_says_nothing(nlp: Language) -> None:
    text = (
        "The province passed the Alberta Sovereignty within a United Canada Act last year. "
        '"We will defend our jurisdiction," it said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert all("Act" not in e.name for e in doc._.speakers)


@pytest.mark.full_model
def test_a_common_noun_the_ner_reads_into_an_organisations_name_stays_out(nlp: Language) -> None:
    text = (
        "Shopify shares jump after earnings beat\n\n"
        "Shares of Shopify Inc. rose more than 15 per cent on Tuesday after the Ottawa-based "
        "e-commerce company reported quarterly revenue that topped analysts' expectations.\n\n"
        'The company said revenue "grew 26 per cent" in the third quarter.'
    )
    assert [e.text for e in nlp(text).ents if e.label_ == "ORG"][0] == "Shares of Shopify Inc."
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == ("Shopify Inc.", "The company")


@pytest.mark.full_model
def test_a_plural_possessive_inside_a_name_the_ner_missed(nlp: Language) -> None:
    # a page pasted with its furniture; the NER tags nothing of the federation's name here
    text = (
        "Ontario to ban cellphones in classrooms starting in September\n\n"
        "By Allison Jones The Canadian Press\nPosted April 28, 2026 10:42 am\n"
        "Updated April 28, 2026 4:15 pm\n\nShare this article\n\nOpen this photo in gallery:\n"
        "Education Minister Paul Calandra speaks at Queen's Park in Toronto on April 28, 2026. "
        "Chris Young/The Canadian Press\n\n"
        "Ontario students will have to keep their phones in their lockers during class time "
        "starting in September, Education Minister Paul Calandra announced Monday.\n\n"
        "Story continues below advertisement\n\n"
        '"Phones are a distraction, full stop," Calandra said at a news conference. "Teachers '
        'have been asking us for this."\n\nAdvertisement\n\n'
        "The Elementary Teachers' Federation of Ontario welcomed the ban but said enforcement "
        "would fall on teachers.\n"
    )
    doc = nlp(text)
    assert not [e for e in doc.ents if "Federation" in e.text]
    last = doc.spans[QUOTES_KEY][-1]
    assert (last._.quote.type, last._.attribution.name) == (
        "indirect",
        "Elementary Teachers' Federation of Ontario",
    )


@pytest.mark.full_model
def test_a_departments_name_the_parse_reads_as_a_list_is_one_name(nlp: Language) -> None:
    text = (
        "Immigration, Refugees and Citizenship Canada said Tuesday that the extension was "
        '"a bridge for families."\n\n'
        "Fisheries and Oceans Canada said separately that it would close the herring fishery, "
        'citing "a sharp decline" in stocks.'
    )
    doc = attribute(nlp, text, ["partial", "partial"])
    # the mention as written is the whole name too, though the parse cut it
    whole = ["Immigration, Refugees and Citizenship Canada", "Fisheries and Oceans Canada"]
    assert [row[:2] for row in who(doc)] == [(name, name) for name in whole]


@pytest.mark.full_model
def test_a_department_the_ner_missed_or_cut_at_its_and_is_one_name(nlp: Language) -> None:
    # the NER tags nothing of the first name here, and splits the second at its "and"
    text = (
        "Ottawa issues heat warning for the weekend\n\n"
        "Environment and Climate Change Canada said the heat would last until Sunday. "
        '"Drink plenty of water and check on your neighbours," the department said.\n\n'
        "Canada Mortgage and Housing Corp. said rents rose 8 per cent last year. "
        '"The pressure on renters is not easing," the agency said.'
    )
    doc = nlp(text)
    assert [s._.quote.type for s in doc.spans[QUOTES_KEY]] == ["indirect", "direct"] * 2
    climate, housing = "Environment and Climate Change Canada", "Canada Mortgage and Housing Corp."
    assert who(doc) == [
        (climate, climate, "said"),
        (climate, "the department", "said"),
        (housing, housing, "said"),
        (housing, "the agency", "said"),
    ]
