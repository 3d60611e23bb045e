"""What a title or role before or after a name makes of it, on hand-written articles parsed by
the full model: the role is no part of the name (`Manitoba Premier Wab Kinew`, `Neighbour Sheila
Kaye`), and a role set off after a name names that person."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.entities.component import SpeakerResolver
from app.pipeline.entities.names import NameModel
from tests.pipeline.support import attribute, reports, resolutions, speakers, typed_speakers, who


@pytest.mark.full_model
def test_a_source_noun_the_ner_took_into_a_name_is_the_role(nlp: Language) -> None:
    # the NER reads `Neighbour Sheila Kaye` as one name; "Neighbour" is what she is
    text = (
        "Tom Baird, 71, died on Sunday after a long illness.\n\n"
        "Neighbour Sheila Kaye said she saw him every morning. "
        '"He never missed a day," Kaye said.'
    )
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"][1] == "Neighbour Sheila Kaye"
    assert speakers(attribute(nlp, text, ["direct"])) == ["Sheila Kaye"]
    # the same for a resident, whatever the NER makes of it, or a word for a person
    text = 'Resident Tom Baird said the bridge was closed. "It has been weeks," Baird said.'
    assert speakers(attribute(nlp, text, ["direct"])) == ["Tom Baird"]
    text = 'Grandmother Rita Cole said the fire came fast. "It was terrifying," Cole said.'
    assert speakers(attribute(nlp, text, ["direct"])) == ["Rita Cole"]
    # a party's word before a candidate's name (`Green Pierre-Luc Gendron was fourth`)
    text = (
        "NDP candidate Amira Haddad was third, and Green Pierre-Luc Gendron was fourth.\n\n"
        '"We will run again," Gendron said.'
    )
    assert speakers(attribute(nlp, text, ["direct"])) == ["Pierre-Luc Gendron"]
    # what someone was doing when the story met them (`Hiker`, `Commuter`)
    text = (
        "Hiker Melissa Tran, who was turned back at the Elk Lake trailhead on Saturday, said "
        'she understood the decision. "I\'d rather lose a day of hiking," she said.'
    )
    assert "Hiker Melissa Tran" in [e.text for e in nlp(text).ents]
    assert speakers(attribute(nlp, text, ["direct"])) == ["Melissa Tran"]
    text = (
        'Avalanche Canada had rated the danger "considerable" that day. Forecaster Ilya Storm '
        'said the slide was triggered by the skiers themselves. "It was big," he said.'
    )
    assert "Forecaster Ilya Storm" in [e.text for e in nlp(text).ents]
    assert speakers(attribute(nlp, text, ["direct"]))[-1] == "Ilya Storm"
    # where someone is from (`Calgarian`, `Montrealer`)
    text = (
        "Calgarian Marisol Echeverria-Platt, who has come every year since 1988, said the "
        'grounds felt "like a mall with horses."'
    )
    assert "Calgarian Marisol Echeverria-Platt" in [e.text for e in nlp(text).ents]
    assert speakers(attribute(nlp, text, ["partial"])) == ["Marisol Echeverria-Platt"]


@pytest.mark.full_model
def test_a_lower_case_word_tagged_a_proper_noun_is_a_role_not_a_name(nlp: Language) -> None:
    """The tagger calls the headline's "minister" a proper noun: it names no one by itself."""
    text = 'Rent cap "protects tenants," minister says'
    assert [t.pos_ for t in nlp(text) if t.text == "minister"] == ["PROPN"]
    body = "Ontario Housing Minister Steve Clark announced the cap on Wednesday."
    assert resolutions(attribute(nlp, f"{text}\n\n{body}", ["partial"])) == [
        ("Steve Clark", "nominal")
    ]
    assert resolutions(attribute(nlp, text, ["partial"])) == [("minister", "nominal")]


@pytest.mark.full_model
def test_a_headline_title_the_tagger_calls_a_common_noun_is_the_person_named_later(
    nlp: Language,
) -> None:
    """`Coach says` over `Head coach Brennan Sonne`: the tagger calls "Coach" a noun and the NER
    an organisation; it was the speaker "Coach"."""
    text = 'Coach says team must "grow up" after loss'
    assert [(t.pos_, t.ent_type_) for t in nlp(text) if t.text == "Coach"] == [("NOUN", "ORG")]
    body = "Head coach Brennan Sonne did not hide his frustration after the game."
    assert reports(nlp, f"{text}\n\n{body}")[0][1] == "Brennan Sonne"


@pytest.mark.full_model
def test_a_definite_age_description_means_the_person_just_named(nlp: Language) -> None:
    """`said the 19-year-old defenceman`, the age not written beside the name: the person the
    story just named as a subject; indefinite (`a 19-year-old fan`), someone new."""
    text = (
        "Captain Tanner Molendyk scored both goals. He said the dressing room was quiet. "
        '"Nobody\'s happy," said the 19-year-old defenceman.'
    )
    assert speakers(attribute(nlp, text, ["direct"])) == ["Tanner Molendyk"]
    text = (
        "Captain Tanner Molendyk scored both goals. He said the dressing room was quiet. "
        '"Nobody\'s happy," said a 19-year-old fan.'
    )
    assert speakers(attribute(nlp, text, ["direct"])) == ["a 19-year-old fan"]


def test_a_place_and_a_title_tagged_with_the_name_are_its_role(nlp: Language) -> None:
    """The NER takes `Manitoba Premier Wab Kinew` for one name: the name proper is after the
    title; a name with no title inside keeps all its words."""
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    model = NameModel(resolver.lexicons, resolver._genders)

    def name_of(words: list[str]) -> tuple[str, str | None] | None:
        n = len(words)
        doc = Doc(
            nlp.vocab,
            words=[*words, "spoke", "."],
            pos=["PROPN"] * n + ["VERB", "PUNCT"],
            deps=["compound"] * (n - 1) + ["nsubj", "ROOT", "punct"],
            heads=[n - 1] * (n - 1) + [n, n, n],
            ents=["B-PERSON"] + ["I-PERSON"] * (n - 1) + ["O", "O"],
        )
        name = model.name_at(doc[n - 1])
        return (name.text, name.role) if name is not None else None

    assert name_of(["Manitoba", "Premier", "Wab", "Kinew"]) == ("Wab Kinew", "Manitoba Premier")
    assert name_of(["Mary", "Ann", "Kinew"]) == ("Mary Ann Kinew", None)


@pytest.mark.full_model
def test_a_role_names_the_person_set_off_after_it_even_when_tagged_an_organisation(
    nlp: Language,
) -> None:
    """`A spokesperson for the minister, Jean-Sébastien Comeau, said`: the NER tags the name an
    organisation; its first name says it is someone's."""
    text = 'A spokesperson for the minister, Jean-Sébastien Comeau, said the deal was "fair."'
    doc = attribute(nlp, text, ["partial"])
    assert [e.label_ for e in doc.ents if "Comeau" in e.text] == ["ORG"]
    assert resolutions(doc) == [("Jean-Sébastien Comeau", "nominal")]


@pytest.mark.full_model
def test_a_relation_noun_a_name_is_apposed_to_makes_it_a_person_of_that_gender(
    nlp: Language,
) -> None:
    """`Grewal's sister, Manpreet Grewal,`: the NER tags the name an organisation and the name
    lexicon does not know "Manpreet"; the sister she is apposed to makes her a woman, so the
    "she" after her report is hers, not the minister's quoted before."""
    text = (
        "Health Minister Josie Osborne told reporters that she could not discuss the case.\n\n"
        "Grewal's sister, Manpreet Grewal, said the family had spent $80,000 on the drug. "
        '"We sold the car," she said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [e.label_ for e in doc.ents if "Manpreet" in e.text] == ["ORG"]
    assert resolutions(doc) == [("Manpreet Grewal", "pronoun")]
    # a man's relation: "she" is the minister still
    doc = attribute(nlp, text.replace("sister", "brother"), ["direct"])
    assert resolutions(doc) == [("Josie Osborne", "pronoun")]


@pytest.mark.full_model
def test_what_a_role_is_of_does_not_name_the_person(nlp: Language) -> None:
    """`Rochman, a professor at the university and the study's lead author`: she is the study's
    author, not the study; "according to the study" is the study's."""
    text = (
        '"We expected to find plastic," said Chelsea Rochman, an associate professor of ecology '
        "at the university and the study's lead author.\n\n"
        "According to the study, walleye carried an average of 38 particles."
    )
    doc = nlp(text)
    assert typed_speakers(doc) == [
        ("direct", "Chelsea Rochman"),
        ("indirect", "the study"),
    ]


@pytest.mark.full_model
def test_a_hyphenated_first_name_tagged_an_organisation_is_a_person_she_can_mean(
    nlp: Language,
) -> None:
    """`Annie-Christine Tardif, president of the union,`: the NER tags the name an organisation;
    the hyphenated first name and the title beside it make her a person, so the "she" after her
    quote is hers, not the woman quoted before."""
    text = (
        "Catherine Harel Bourdon, chair of the school board, said the ban would start in January."
        '\n\n"Students are distracted," she said.\n\n'
        "But Annie-Christine Tardif, president of the teachers' union, said teachers were not "
        'consulted.\n\n"We support the goal," Tardif said. She added that "enforcement would '
        'fall on teachers."'
    )
    doc = attribute(nlp, text, ["direct", "direct", "partial"])
    assert [e.label_ for e in doc.ents if "Tardif" in e.text][:1] == ["ORG"]
    assert resolutions(doc) == [
        ("Catherine Harel Bourdon", "pronoun"),
        ("Annie-Christine Tardif", "alias"),
        ("Annie-Christine Tardif", "pronoun"),
    ]


@pytest.mark.full_model
def test_a_party_label_before_a_name_is_the_members_role(nlp: Language) -> None:
    """`Conservative Daniel Kwan` (the NER reads it an organisation) and `Tory Michael Chong` (a
    person with the party in the name): the party is a role, the name is the member's, and a later
    `he` or surname is that member."""
    text = (
        "Amira Haddad finished ahead of Conservative Daniel Kwan.\n\n"
        'Kwan conceded after midnight. "We narrowed the gap," he said.\n\n'
        'Tory Michael Chong called the result "a warning."'
    )
    doc = attribute(nlp, text, ["direct", "partial"])
    assert speakers(doc) == ["Daniel Kwan", "Michael Chong"]


@pytest.mark.full_model
def test_a_partys_member_described_by_state_is_the_person_just_named(nlp: Language) -> None:
    text = (
        "Sen. Susan Collins of Maine said she wanted changes first. "
        "\"I'm not going to vote for a bill I haven't read,\" the Maine Republican told reporters."
    )
    assert who(attribute(nlp, text, ["direct"])) == [
        ("Susan Collins", "the Maine Republican", "told")
    ]
    text = (
        'Sen. Bernie Sanders said the plan was "a gift to the donor class." '
        "The Vermont independent said he would hold town halls in three states."
    )
    assert [name for _, name, _ in reports(nlp, text)] == ["Bernie Sanders"] * 2
    # the party itself is no one person
    text = (
        "Sen. Susan Collins of Maine said she wanted changes first. "
        '"We will not support it," the Democrats said in a statement.'
    )
    assert speakers(attribute(nlp, text, ["direct"])) == ["Democrats"]


@pytest.mark.full_model
def test_a_surname_the_ner_took_for_a_date_is_still_the_speakers_name(nlp: Language) -> None:
    """`said Calgary mom Priya Sandhu`: the NER tags "Sandhu" a date; the speaker is Priya
    Sandhu, "Calgary mom" her role."""
    text = (
        'Parents are watching nervously. "I just want to know if my kids will be in school in '
        'October," said Calgary mom Priya Sandhu.\n\n'
        "The two sides have not scheduled further talks."
    )
    assert [(e.text, e.label_) for e in nlp(text).ents if e.text == "Sandhu"] == [
        ("Sandhu", "DATE")
    ]
    doc = attribute(nlp, text, ["direct"])
    assert [(s.name, s.role) for s in doc._.speakers] == [("Priya Sandhu", "Calgary mom")]


@pytest.mark.full_model
def test_a_name_after_its_set_off_relative_clause_posts_what_follows(nlp: Language) -> None:
    # the parser hangs "posted" on the name as a participle: the band posted, not "her"
    text = (
        "Marlene Dubois-Harkness died on Friday.\n\nThe Lowdown Saints, who played their first "
        "show there in 1996, posted on Instagram the day after her death: \u201cMars gave us our "
        "first stage. We still owe her.\u201d"
    )
    assert typed_speakers(nlp(text)) == [("direct", "Lowdown Saints")]


@pytest.mark.full_model
def test_a_capitalised_pronoun_is_no_name(nlp: Language) -> None:
    # `Hers` opening a sentence, tagged a proper noun: the "she" after it is the woman named
    text = (
        "Hers was the first name on the liquor permit. Marlene Dubois-Harkness ran the bar "
        "for 38 years, and she swore she would collect every tab someday."
    )
    assert typed_speakers(nlp(text)) == [("indirect", "Marlene Dubois-Harkness")]


@pytest.mark.full_model
def test_an_organisations_noun_with_a_kind_means_the_one_named_with_it(nlp: Language) -> None:
    # "the wildfire service" is the BC Wildfire Service, not the nearer Support Services
    text = (
        "The BC Wildfire Service said the fire grew overnight. Emergency Support Services has "
        "opened a reception centre in Kamloops. The cause remains under investigation, but the "
        "wildfire service said it was likely sparked by a vehicle."
    )
    assert [name for _, name in typed_speakers(nlp(text))] == [
        "BC Wildfire Service",
        "BC Wildfire Service",
    ]


@pytest.mark.full_model
def test_a_union_locals_number_is_part_of_its_name(nlp: Language) -> None:
    text = "Unifor Local 4312 said it would not put another offer to a vote."
    assert typed_speakers(nlp(text)) == [("indirect", "Unifor Local 4312")]


@pytest.mark.full_model
def test_the_company_or_the_firm_is_the_one_its_name_shows_the_kind_of(nlp: Language) -> None:
    # an industry's word in the name (`Systems`, `Research`) shows a company or a firm
    text = (
        "Lumora Systems will cut 2,300 jobs. The cuts fall mostly on sales, the company said."
        "\n\nPrairie Insight Research polled 800 voters. According to the firm, the PCs lead "
        "outside Winnipeg."
    )
    assert [name for _, name in typed_speakers(nlp(text))] == [
        "Lumora Systems",
        "Prairie Insight Research",
    ]


@pytest.mark.full_model
def test_an_agencys_common_noun_opens_its_name(nlp: Language) -> None:
    # the tagger reads "Elections" as a plural noun before the organisation "BC"
    text = "Elections BC said the count would resume Monday."
    assert typed_speakers(nlp(text)) == [("indirect", "Elections BC")]


@pytest.mark.full_model
def test_a_role_in_a_pasted_pages_deck_is_the_person_the_body_names(nlp: Language) -> None:
    # a section's name over the headline, a deck, a byline: the body starts later
    text = (
        "Technology\n\nLumora Systems to cut 2,300 jobs; CEO says cuts 'not a reflection' of "
        "staff\n\nBy Priya Raman\n\nLumora Systems said on Tuesday it would cut about 2,300 "
        'jobs, or roughly 12% of its workforce.\n\n"These are not decisions we make lightly," '
        "Chief Executive Officer Naomi Castellanos wrote in a memo."
    )
    found = typed_speakers(nlp(text))
    assert ("indirect", "Naomi Castellanos") in found
    assert ("direct", "Naomi Castellanos") in found
    # a plural role is several people, not the first one named later
    text = (
        "Council's reaction: 'Is that the whole plan?';\nCandidates say the budget is too "
        "thin.\n\nCoun. Ann Lee, a candidate, said the mayor failed to address transit."
    )
    assert typed_speakers(nlp(text))[1] == ("indirect", "Candidates")


@pytest.mark.full_model
def test_the_role_after_unnamed_holders_of_it_is_one_of_them_not_the_main_person(
    nlp: Language,
) -> None:
    text = (
        'Mr. Tremblay moved to Veterans Affairs. "It is not a small file," he told reporters.\n\n'
        "Two senior officials said the decision had been made in July. One said the Prime "
        'Minister was frustrated with what the official called "a lot of process."\n'
    )
    partial = [name for kind, name in typed_speakers(nlp(text)) if kind == "partial"]
    assert partial == ["the official"]
    # with no unnamed officials before it, the official is the person in focus
    text = text.replace("Two senior officials said", "Mr. Tremblay said").replace(
        "One said", "He said"
    )
    partial = [name for kind, name in typed_speakers(nlp(text)) if kind == "partial"]
    assert partial == ["Tremblay"]


@pytest.mark.full_model
def test_a_capitalised_noun_with_a_name_beside_it_is_that_person(nlp: Language) -> None:
    # "Mountie" is no name the NER knows; "Cecil Donnachie" (tagged an organisation) opens with
    # a first name: he is the source, and the "he" after him
    text = (
        "A retired Mountie who was on that search, Cecil Donnachie, said he still does not "
        'understand it. "It was a miracle," he said.'
    )
    assert typed_speakers(nlp(text)) == [
        ("indirect", "Cecil Donnachie"),
        ("direct", "Cecil Donnachie"),
    ]


@pytest.mark.full_model
def test_a_school_district_or_a_county_speaks(nlp: Language) -> None:
    text = (
        "The Cedar Valley school board voted 5-2 to close Fernbrook Elementary.\n\n"
        "The district said a transition committee would be formed this month.\n\n"
        "The county said it would not appeal the ruling."
    )
    assert reports(nlp, text) == [
        ("a transition committee would be formed this month", "The district", "said"),
        ("it would not appeal the ruling", "The county", "said"),
    ]
