"""Resolution rules of issue 13 on small hand-written articles: gender evidence from the article,
salience (current speaker, subjects, recency), aliases, organisations, non-speaker nominals."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from app.pipeline.entities import first_names
from app.pipeline.entities.first_names import GenderLexicon
from app.pipeline.entities.gender import bound_pronoun_rows
from tests.pipeline.support import attribute, attributed_speakers, attributions, reports


def resolved(nlp: Language, text: str) -> list[tuple[str | None, str, str | None]]:
    """(name, resolution, reason) of every quote."""
    return [(a.name, a.resolution, a.reason) for a in attributions(attribute(nlp, text)) if a]


@pytest.mark.full_model
def test_a_gendered_role_noun_states_the_gender(nlp: Language) -> None:
    text = (
        "Pat Quist, the congresswoman, met Lee Park on Monday. Park spoke first. "
        '"We have the votes," she said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Pat Quist", "pronoun")


@pytest.mark.full_model
def test_a_bound_possessive_states_the_gender(nlp: Language) -> None:
    # "her" in Lonechild's own clause: Lonechild is a woman; the man named later is no "she"
    text = (
        "Lonechild spent her short time in office on the budget. Tom Ray disagreed with the "
        'plan. "The numbers are right," she said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Lonechild", "pronoun")


@pytest.mark.full_model
def test_the_speaker_being_quoted_stays_in_focus(nlp: Language) -> None:
    text = (
        'Sen. Tom Ray spoke after Sen. Bob Hale. "We will pass it," Ray said.\n\n'
        "The vote is set for Friday.\n\n"
        '"And we will win it," he said.'
    )
    assert [r[0] for r in resolved(nlp, text)] == ["Tom Ray", "Tom Ray"]


@pytest.mark.full_model
def test_a_newly_named_person_takes_the_focus_from_the_last_speaker(nlp: Language) -> None:
    text = (
        '"We will pass it," Sen. Tom Ray said.\n\n'
        'Sen. Bob Hale, who leads the opposition, was not convinced. "They do not have the '
        'votes," he said.'
    )
    assert [r[0] for r in resolved(nlp, text)] == ["Tom Ray", "Bob Hale"]


@pytest.mark.full_model
def test_the_subject_of_what_was_said_is_less_salient_than_who_said_it(nlp: Language) -> None:
    # Ray, named often, is the subject of the reported clause; Hale, who said it, is the one
    # the next "he" goes on with
    text = (
        "Tom Ray won the vote. Ray thanked the voters. Ray spoke for an hour.\n\n"
        "Bob Hale, a local lawyer, said Ray had run a clean race. "
        '"It was a fair fight," he said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Bob Hale", "pronoun")


@pytest.mark.full_model
def test_one_of_coordinated_subjects_is_less_salient_than_a_subject_alone(nlp: Language) -> None:
    # Ray, named often, lost his seat with Hale; Lee, alone in his clause, goes on
    text = (
        "Tom Ray leads the council. Ray called the vote on Monday.\n\n"
        "Both Ray and Bob Hale lost their seats. Even Sam Lee, the mayor, was surprised. "
        '"We will try again," he said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Sam Lee", "pronoun")


@pytest.mark.full_model
def test_the_articles_own_he_keeps_its_person_in_focus(nlp: Language) -> None:
    # "He said the count was fair" is Hale; Ray, named often and nearer, is only what he noted
    text = (
        "Tom Ray won the vote. Ray thanked the voters. Ray left early.\n\n"
        "Bob Hale, a lawyer, spoke after the vote.\n\n"
        "He said the count was fair and noted that Ray had conceded. "
        '"It was a clean race," he said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Bob Hale", "pronoun")


@pytest.mark.full_model
def test_a_first_name_alias_joins_the_full_name(nlp: Language) -> None:
    text = 'Chris Anderson runs the fund. "We are ready," Chris said.'
    assert resolved(nlp, text)[0][:2] == ("Chris Anderson", "alias")


@pytest.mark.full_model
def test_it_and_they_refer_to_organisations(nlp: Language) -> None:
    text = 'The Justice Department opened an inquiry. "We take this seriously," it said.'
    assert resolved(nlp, text)[0][:2] == ("Justice Department", "pronoun")


@pytest.mark.full_model
def test_the_department_is_the_organisation_the_article_named(nlp: Language) -> None:
    text = (
        "The Justice Department opened an inquiry on Monday. "
        '"We take this seriously," the department said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Justice Department", "nominal")


@pytest.mark.full_model
def test_the_company_is_the_organisation_the_article_introduced_as_one(nlp: Language) -> None:
    """`e-commerce company Shopify Inc. ... the company said`: the noun the name was introduced
    with; an organisation introduced as something else is not "the company"."""
    text = (
        "The e-commerce company Shopify Inc. cut 400 jobs on Monday. "
        '"This is a hard day," the company said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Shopify Inc.", "nominal")
    text = (
        "The e-commerce platform Shopify cut 400 jobs on Monday. "
        '"This is a hard day," the company said.'
    )
    assert resolved(nlp, text)[0][:2] == ("the company", "nominal")
    # a corporate suffix shows a company whatever it was introduced as (models/org_kind_words)
    text = (
        "The e-commerce platform Shopify Inc. cut 400 jobs on Monday. "
        '"This is a hard day," the company said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Shopify Inc.", "nominal")
    # a word of the name in the plural (`Loblaw Companies`)
    text = 'Loblaw Companies Ltd. raised prices. "Costs are up," the company said.'
    assert resolved(nlp, text)[0][:2] == ("Loblaw Companies Ltd.", "nominal")


@pytest.mark.full_model
def test_a_french_organisations_name_runs_past_its_head(nlp: Language) -> None:
    """`the Fédération autonome de l'enseignement said`: the head comes first in French; the
    name as written is the NER's whole entity, not its first word."""
    text = (
        "In a statement, the Fédération autonome de l'enseignement, which represents 65,000 "
        'teachers, said it was "deeply concerned."'
    )
    assert resolved(nlp, text)[0][0] == "Fédération autonome de l'enseignement"


@pytest.mark.full_model
def test_organisations_named_by_one_noun_and_another_place_stay_apart(nlp: Language) -> None:
    """`the Bank of Canada` and `the Bank of Montreal` share the head "Bank" but are two banks;
    "the bank" is the one named last."""
    text = (
        '"Inflation is back under control," the Bank of Canada said.\n\n'
        "The Bank of Montreal cut its prime rate.\n\n"
        '"Borrowers will feel it quickly," the bank said.'
    )
    assert [r[:2] for r in resolved(nlp, text)] == [
        ("Bank of Canada", "explicit"),
        ("Bank of Montreal", "nominal"),
    ]


@pytest.mark.full_model
def test_an_age_description_is_the_person_named_with_that_age(nlp: Language) -> None:
    """`Amanda Lee, 27, ... the 27-year-old said`: her; another age, or none given, stays the
    description."""
    text = 'Amanda Lee, 27, pays $1,900 a month.\n\n"I grew up here," the 27-year-old said.'
    assert resolved(nlp, text)[0][:2] == ("Amanda Lee", "nominal")
    text = 'Amanda Lee, 31, pays $1,900 a month.\n\n"I grew up here," the 27-year-old said.'
    assert resolved(nlp, text)[0][:2] == ("the 27-year-old", "nominal")


@pytest.mark.full_model
def test_a_statement_from_an_organisation_is_its_words(nlp: Language) -> None:
    """`according to a statement from the Competition Bureau`: the bureau speaks, as with
    `a statement by` or `of`."""
    text = '"We are reviewing prices," according to a statement from the Competition Bureau.'
    assert resolved(nlp, text)[0][0] == "Competition Bureau"
    # a name with a place in it is the organisation, not the place at its end
    text = '"Exports fell," according to a statement from the Canola Council of Canada.'
    assert resolved(nlp, text)[0][0] == "Canola Council of Canada"
    # a name in a clause on the owner is not the owner (`of claim, filed in ... Court`)
    text = (
        "The statement of claim, filed in Ontario Superior Court last week, alleges that "
        'managers made "repeated racist remarks."'
    )
    assert resolved(nlp, text)[0][:2] == ("The statement of claim", "nominal")


@pytest.mark.full_model
def test_a_noun_that_names_no_speaker_is_an_honest_null(nlp: Language) -> None:
    text = 'The arrest shocked the town. The arrest "changed everything," the arrest showed.'
    found = [r for r in resolved(nlp, text) if r[0] is None]
    assert found and found[0][1] == "context"
    assert found[0][2] == "'the arrest' does not name a speaker"


@pytest.mark.full_model
def test_a_pronoun_with_no_one_it_can_mean_says_why(nlp: Language) -> None:
    text = 'Tom Ray spoke to the board. "The numbers are bad," she said.'
    assert resolved(nlp, text) == [
        (None, "context", "no woman or person of unknown gender named before 'she'")
    ]


def test_bound_pronoun_rows_are_the_possessives_reflexives_and_object_pronouns() -> None:
    doc = spacy.blank("en")("His aide said Her Majesty hurt herself, and he blamed HIMSELF , him .")
    assert [doc[i].text for i in bound_pronoun_rows(doc)] == [
        "His",
        "Her",
        "herself",
        "HIMSELF",
        "him",
    ]
    assert bound_pronoun_rows(spacy.blank("en")("")) == []


@pytest.mark.full_model
def test_a_first_name_has_the_gender_us_news_gives_it(nlp: Language) -> None:
    # worldwide "Jan" is a man's name, in the US a woman's: the woman named last is "she"
    text = (
        "Ann Fry spoke first at the rally.\n\n"
        'Former governor Jan Hollis calls the plan "a priority" for families. "It will help '
        'every family," she said.'
    )
    assert [r[0] for r in resolved(nlp, text)] == ["Jan Hollis", "Jan Hollis"]


@pytest.mark.parametrize(
    ("first_name", "worldwide", "usa"),
    [
        ("Jan", "male", "mostly_female"),  # the US leans the other way
        ("Rand", "female", "male"),  # the US is sure
        ("George", "male", "male"),  # the US only leans the same way: the surer answer stays
        ("Jorge", "male", "male"),  # the US has no answer
        ("Zqxv", "unknown", "unknown"),
    ],
)
def test_the_name_lexicon_takes_the_countrys_answer_where_it_knows_the_name(
    first_name: str, worldwide: str, usa: str
) -> None:
    assert GenderLexicon().answer(first_name) == worldwide
    assert GenderLexicon(country="usa").answer(first_name) == usa


@pytest.mark.parametrize(
    ("first_name", "gender"),
    [
        ("Jean-Yves", "male"),  # "Jean" leans female in US usage, is a man's name in French
        ("Marie-Claude", "female"),
        ("Marc-André", "male"),
        ("Jean-Marie", "male"),  # the first name decides, not the second
        ("Anne-Marie", "female"),
    ],
)
def test_a_compound_given_name_is_its_first_names_gender(first_name: str, gender: str) -> None:
    assert GenderLexicon(country="usa").gender(first_name) == gender


def test_a_compound_of_names_the_lexicon_does_not_know_has_no_gender() -> None:
    assert GenderLexicon(country="usa").gender("Xqz-Yves") is None


def test_the_name_lexicon_answers_again_the_same_and_keeps_a_bounded_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(first_names, "MAX_REMEMBERED", 3)
    lexicon = GenderLexicon(country="usa")
    asked = ["Rand", "Jan", "George", "Jorge", "Zqxv", "Rand", "Jan"]
    assert [lexicon.answer(n) for n in asked] == [
        "male",
        "mostly_female",
        "male",
        "male",
        "unknown",
        "male",
        "mostly_female",
    ]
    assert len(lexicon._answers) <= 3


def test_the_name_lexicon_refuses_a_country_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="no country 'atlantis'"):
        GenderLexicon(country="atlantis")


@pytest.mark.full_model
def test_a_surname_the_tagger_took_for_a_common_word_is_still_its_persons_mention(
    nlp: Language,
) -> None:
    # en_core_web_sm tags the sentence-initial "Banks" as a noun: without the surname it takes
    # for a mention, the sentence has no one in it and "he" stays with the last speaker
    text = (
        "Lakeport Fights Back.\n\n"
        "Michael Banks visited the city on Monday.\n\n"
        'The mayor, Ray Castillo, spoke at a news conference later. "We are ready," Castillo '
        "said.\n\n"
        "Banks blamed local officials on Facebook before the rally. "
        '"The council got every decision wrong," he wrote.'
    )
    assert [r[0] for r in resolved(nlp, text)] == ["Ray Castillo", "Michael Banks"]


@pytest.mark.full_model
def test_a_name_inside_reported_speech_does_not_take_the_focus_from_its_speaker(
    nlp: Language,
) -> None:
    # Lopez and Reed are what Hale said, not people the article turns to: Hale stays in focus
    text = (
        "Farmers Plan a Protest.\n\n"
        '"We have nothing left to plant with," said Steve Long, a grower from Iowa.\n\n'
        '"They never listen to us," said Jon Barr, an organizer from Kansas.\n\n'
        "Hale, for instance, said he is confident that the protest ends with Maria Lopez "
        "winning the seat, even though many backed Tom Reed.\n\n"
        '"The main goal is to block the merger at the first hearing," he said.'
    )
    # the whole pipeline: the reported-speech component finds what Hale said
    said = attributed_speakers(nlp(text))
    assert said == [
        ("direct", "Steve Long"),
        ("direct", "Jon Barr"),
        ("indirect", "Hale"),
        ("direct", "Hale"),
    ]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "introduced",
    [
        "Outside the mill, a welder named Luis Ortega speaks warmly of his new shift and his boss.",
        "Outside the mill, one welder, Luis Ortega, speaks warmly of his new shift and his boss.",
    ],
)
def test_a_name_given_to_the_subject_is_as_salient_as_a_subject(
    nlp: Language, introduced: str
) -> None:
    # the welder the sentence is about, named by "named" or in apposition, is who "he" means now
    text = (
        "Mills Move North.\n\n"
        '"Our firm makes most of its steel in Ohio," said Robert Mack, the chief '
        "executive.\n\n"
        "About an hour's drive north of the lake sits one shuttered mill after "
        f'another.\n\n{introduced} "The pay is steady," he said.'
    )
    assert [r[0] for r in resolved(nlp, text)] == ["Robert Mack", "Luis Ortega"]


@pytest.mark.full_model
def test_a_name_only_the_headline_gives_is_no_antecedent(nlp: Language) -> None:
    # the title-case headline makes a "name" of a common word that the story never uses again
    text = (
        "Minister Wants Band Leaders Disciplined.\n\n"
        "The podcast aired on Monday, and listeners heard a long rant from Gary Pruitt "
        'about the school\'s music teachers.\n\n"They should be disciplined," he said.'
    )
    assert [r[0] for r in resolved(nlp, text)] == ["Gary Pruitt"]


@pytest.mark.full_model
def test_a_family_named_by_its_plural_surname_is_no_he(nlp: Language) -> None:
    # "the Morgans" are several people: "he" means the one man named
    text = (
        "Author Weighs In On The Race.\n\n"
        "The panel heard from Marcus Fielding on Monday.\n\n"
        "The Morgans have run the county for decades, and their hold on it is "
        'unbroken. "I admire their stamina," he said.'
    )
    assert [r[0] for r in resolved(nlp, text)] == ["Marcus Fielding"]


@pytest.mark.full_model
def test_a_word_of_the_name_shows_the_kind_the_noun_means(nlp: Language) -> None:
    text = (
        "The Canadian Civil Liberties Association filed a challenge on Monday. "
        '"The law violates the Charter," the group said.'
    )
    # (the NER's adjective inside the name stays in it)
    assert resolved(nlp, text)[0][:2] == ("Canadian Civil Liberties Association", "nominal")
    # a company is no union: the nearest organisation of another kind is not the one meant
    text = (
        'Workers reached a deal with Ford Motor Co. on Sunday. "It is a good deal," the union said.'
    )
    assert resolved(nlp, text)[0][:2] == ("the union", "nominal")


@pytest.mark.full_model
def test_a_name_the_ner_missed_is_an_organisation_when_a_word_shows_one(nlp: Language) -> None:
    # the NER tags neither; "Health" and "Unifor" show an agency and a union
    text = 'Public Health Ontario issued a warning. "Cases are rising," the agency said.'
    assert resolved(nlp, text)[0][:2] == ("Public Health Ontario", "nominal")
    text = 'Unifor reached a deal with Ford Motor Co. "It is a good deal," the union said.'
    assert resolved(nlp, text)[0][:2] == ("Unifor", "nominal")
    text = (
        "The Communications Workers of America backed the strike. "
        '"We stand with them," the union said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Communications Workers of America", "nominal")
    # a provincial health authority and a federal department, named for what they serve
    text = 'Nova Scotia Health issued a warning. "Beds are full," the health authority said.'
    assert resolved(nlp, text)[0][:2] == ("Nova Scotia Health", "nominal")
    text = 'Transport Canada issued a recall. "Stop driving it," the department said.'
    assert resolved(nlp, text)[0][:2] == ("Transport Canada", "nominal")


@pytest.mark.full_model
def test_a_name_the_ner_called_a_person_apposed_to_an_organisations_noun_is_one(
    nlp: Language,
) -> None:
    # the NER tags "Santé Québec" a person; "the agency" beside it says what it is
    text = (
        "Santé Québec, the agency that now runs the province's hospitals, said in a statement "
        'that it had opened 150 beds. "Flu season drove a surge in visits," the agency said.'
    )
    assert resolved(nlp, text)[0][:2] == ("Santé Québec", "nominal")
    # a name that opens with a first name stays a person's, whatever the noun beside it
    text = text.replace("Santé Québec", "Maria Lopez")
    assert resolved(nlp, text)[0][:2] == ("the agency", "nominal")


@pytest.mark.full_model
def test_a_first_name_the_ner_read_as_a_place_is_the_person_it_is_apposed_to(nlp: Language) -> None:
    # the NER tags "Liam" a place; in apposition to "grandson" it is the man "he" means
    text = (
        "Edith MacPhail runs the farm. Her husband, Angus, died in 1998. "
        "Her grandson, Liam, 24, helps with the milking now.\n\n"
        '"Gran does more before breakfast than most people do all day," he says.'
    )
    assert resolved(nlp, text)[0][:2] == ("Liam", "pronoun")


@pytest.mark.full_model
def test_a_surname_the_ner_read_as_a_place_after_a_first_name_is_a_persons(nlp: Language) -> None:
    # in this page the NER tags "Klassen" a place and leaves "Amanda" out: "she" was a town's
    text = (
        "Evacuation order expanded as wildfire nears Kelowna suburbs\n\nKELOWNA, B.C. — Thousands "
        "more residents were ordered out of their homes Thursday night as a fast-moving wildfire "
        'jumped a highway and pushed toward the suburbs of West Kelowna.\n\n"This is the most '
        "challenging 24 hours we've had,\" said fire Chief Jason Brolund, his voice breaking "
        'during an evening briefing. "Our crews are exhausted, but they are holding the line."'
        "\n\nThe BC Wildfire Service says the fire has grown to about 6,800 hectares. Information "
        "officer Forrest Tower said strong winds were expected to continue overnight.\n\n\"We're "
        'asking people to be ready to leave on short notice," Tower said. "Don\'t wait for '
        'the knock on the door."\n\nResident Amanda Klassen packed her car with photo albums '
        "and her two cats. She said she watched the glow over the ridge for an hour before "
        'deciding to go.\n\n"You just grab what you can\'t replace," she said, standing outside '
        'a reception centre at a hockey arena. "Everything else is stuff."'
    )
    assert [(e.text, e.label_) for e in nlp(text).ents if "Klassen" in e.text] == [
        ("Klassen", "GPE")
    ]
    assert [r[:2] for r in resolved(nlp, text)[-2:]] == [("Amanda Klassen", "pronoun")] * 2


@pytest.mark.full_model
def test_a_name_the_ner_read_as_a_place_apposed_to_a_title_is_a_persons(nlp: Language) -> None:
    # the NER tags all of "Beverly Romeo-Beehler" a place: "she" was the mayor
    text = (
        "Chow's chief of staff, Beverly Romeo-Beehler, said the mayor would meet with federal "
        "officials next week. She declined to say whether Ottawa had offered any new money."
    )
    assert [e.label_ for e in nlp(text).ents if "Beehler" in e.text] == ["GPE"]
    assert [name for _, name, _ in reports(nlp, text)] == ["Beverly Romeo-Beehler"] * 2


@pytest.mark.full_model
def test_a_surname_with_an_elided_particle_is_a_name_whatever_its_tag(nlp: Language) -> None:
    # with a curly apostrophe the tagger calls "O’Halloran" a pronoun and misses "D’Costa"
    text = (
        "The mayor’s budget looked much like those of O’Halloran and Ruiz, although "
        "O’Halloran often says that he was the first to publish a plan.\n\n"
        "D’Costa told Pruitt that he is writing a memoir."
    )
    assert [t.pos_ for t in nlp(text) if t.text == "O’Halloran"][1] == "PRON"
    assert [name for _, name, _ in reports(nlp, text)] == ["O’Halloran", "D’Costa"]


@pytest.mark.full_model
def test_a_task_force_and_the_sides_of_a_dispute_name_sources(nlp: Language) -> None:
    text = "On March 3, the task force announced a plan for stricter inspections."
    assert reports(nlp, text) == [
        ("a plan for stricter inspections", "the task force", "announced")
    ]
    text = "Both sides have acknowledged that the tax code needs work."
    assert reports(nlp, text) == [("that the tax code needs work", "Both sides", "acknowledged")]


@pytest.mark.parametrize(
    ("first_name", "gender"),
    [
        ("Élise", "female"),  # the lexicon spells it Elise only
        ("Émile", "male"),
        ("Édouard", "male"),
        ("Chloë", None),  # an accent past the capital stays: the lexicon does not know it
        ("Hélène", "female"),  # known with its accent: that answer, not the folded one
        ("Ôxqz", None),
    ],
)
def test_an_accented_first_name_the_lexicon_knows_unaccented_has_that_gender(
    first_name: str, gender: str | None
) -> None:
    assert GenderLexicon(country="usa").gender(first_name) == gender


def test_she_means_the_woman_whose_accented_first_name_the_lexicon_spells_without(
    nlp: Language,
) -> None:
    # (the NER tags her surname an organisation; only her first name's gender makes her a she)
    text = (
        "Wed, March 4, 2026 at 9:15 a.m. EST\n\n"
        "Émilie Garneau kneels beside the cage and counts the birds again.\n\n"
        '"Fourteen," she said. "Last spring there were forty."\n\n'
        "Garneau, an ornithologist with Environnement Québec, has counted the colony for a "
        "decade.\n"
    )
    doc = nlp(text)
    assert attributed_speakers(doc) == [
        ("direct", "Émilie Garneau"),
        ("direct", "Émilie Garneau"),
    ]
