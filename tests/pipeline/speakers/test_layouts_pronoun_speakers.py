"""Which mention speaks when the speaker is a pronoun (issue 13): rules from the study of the
training articles' speaker detection, each tested on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, attributed_speakers, layouts, who


@pytest.mark.full_model
def test_colon_takes_a_pronoun_subject_of_its_clause(nlp: Language) -> None:
    """`She then faced the volunteers again: "Q"`: the pronoun subject speaks, not the object."""
    text = (
        '"We will rebuild," Maria Lopez said on Monday.\n\n'
        'She then faced the volunteers again: "You kept this city going."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[1] == ("Maria Lopez", "She", ":")
    assert layouts(doc)[1] == "colon"


@pytest.mark.full_model
def test_colon_after_a_reported_clause_keeps_the_reporting_subject(nlp: Language) -> None:
    """`Baker said that she has changed her approach: "Q"`: not the reported clause's pronoun."""
    text = (
        "Maria Lopez lost in March.\n\n"
        'Tom Baker said the defeat was "a wake-up call" and that she has changed her approach: '
        '"We will start much earlier next time."'
    )
    doc = attribute(nlp, text, ["partial", "direct"])
    assert who(doc)[1][1] != "she"


@pytest.mark.full_model
def test_subjectless_verb_continuing_a_series_takes_the_series_subject(nlp: Language) -> None:
    """`She thanked X and questioned the wait time of 3.5 hours, suggested that`: the series'
    subject reports, not the object before the comma."""
    text = (
        '"We will rebuild," Maria Lopez said on Monday.\n\n'
        'She thanked the "tireless" nurses and questioned the reported wait time of 3.5 hours, '
        "suggested that the true figure was much longer."
    )
    doc = attribute(nlp, text, ["direct", "partial"])
    assert who(doc)[1][:2] == ("Maria Lopez", "She")


@pytest.mark.full_model
def test_a_cue_above_a_passive_cue_names_the_source(nlp: Language) -> None:
    """`She implied that the officials should be put on trial by "Q"`: the passive's subject is
    what the words are about; the cue above it names who said them."""
    text = (
        "Maria Lopez spoke on Monday. She then implied that the officials should be put on "
        'trial, specifically by "locking them up" for good.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Maria Lopez", "She", "implied")]


@pytest.mark.full_model
def test_quote_only_paragraph_after_a_pronoun_cue_no_quote_took(nlp: Language) -> None:
    """`..., she told reporters. ¶ "Q"`: the pronoun of the last cue of the paragraph before."""
    text = (
        "Mayor Maria Lopez spoke in Boston on Monday.\n\n"
        "People should stop guessing about the budget, she told reporters.\n\n"
        '"This is irresponsible."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Maria Lopez", "she", "told")]
    assert layouts(doc) == ["previous_across"]


@pytest.mark.full_model
def test_quote_after_a_sentence_with_a_pronoun_subject_and_no_quote(nlp: Language) -> None:
    """`Why was she out in the rain? "Q"`: the pronoun subject of the sentence before."""
    text = (
        "Maria Lopez walked dogs along Elm Avenue all morning.\n\n"
        'Why was she out in the rain? "I am saving for a new bike."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Maria Lopez", "she", None)]
    assert layouts(doc) == ["previous"]


@pytest.mark.full_model
@pytest.mark.parametrize("notice", ["Story continues below advertisement", "Story continues"])
def test_a_pronoun_after_an_advertisements_notice_skips_the_notice(
    nlp: Language, notice: str
) -> None:
    """A pasted page's `Story continues below advertisement` (Yahoo's `Story continues`) between
    two quotes: "she" is the health officer, not the notice's "Story"."""
    text = (
        '"This is not the time to let our guard down," provincial health officer Dr. Bonnie '
        f"Henry said Thursday.\n\n{notice}\n\n"
        '"We have seen what happens when we do," she added.'
    )
    doc = attribute(nlp, text)
    assert [name for name, *_ in who(doc)] == ["Bonnie Henry", "Bonnie Henry"]
    assert who(doc)[1][1] == "she"


@pytest.mark.full_model
@pytest.mark.parametrize(
    "text",
    [
        # the reporter's byline over a story that names its speaker only by role
        "Ferry fares rise\n\nJane Smith\nReporter, City News\n\nPublished Wednesday, March 3, "
        "2021\n\nThe harbor authority's chief executive says fares will rise.\n\n"
        '"This is a difficult decision," she said Wednesday.',
        # a month the tagger made a proper noun: `until May` is no woman
        "Ferry fares frozen to May\n\nThe harbor authority's chief executive has frozen the "
        'fares.\n\n"This is a difficult decision," she said Wednesday.',
    ],
)
def test_she_is_not_the_byline_nor_a_month(nlp: Language, text: str) -> None:
    """No woman is named in the story: "she" stays unknown, not the reporter, not "May"."""
    doc = attribute(nlp, text, ["direct"])
    assert [name for name, *_ in who(doc)] == [None]


@pytest.mark.full_model
def test_he_finds_a_member_the_ner_read_into_his_party(nlp: Language) -> None:
    """`NDP MP Don Davies`, tagged an organisation whole: the title's holder is a person, named
    "Don Davies", whom the next "he" refers to."""
    text = (
        "NDP MP Don Davies said his party would keep pressing the government.\n\n"
        '"Canadians deserve answers," he said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [w[:2] for w in who(doc)] == [("Don Davies", "he")]


@pytest.mark.full_model
def test_he_finds_the_premier_whose_surname_the_ner_read_as_a_company(nlp: Language) -> None:
    """`Premier Ford` with "Ford" tagged an organisation: the subject just named, not the man
    named two paragraphs up, is who "he" is."""
    text = (
        "Province rejects city's request\n\n"
        "Police spokesperson Sgt. Mark Ellis said the driver was co-operating with "
        "investigators.\n\n"
        'Premier Ford told reporters the province "won\'t be writing a blank cheque."\n\n'
        '"We will keep talking," he said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [w[:2] for w in who(doc)] == [("Ford", "Premier Ford"), ("Ford", "he")]


@pytest.mark.full_model
def test_a_name_alone_on_its_line_is_a_byline_not_an_antecedent(nlp: Language) -> None:
    """`Bill Graveland ¶ The Canadian Press` over a story that names its speaker only by role:
    "he" is not the reporter; a signed quote (`— Bill Graveland`) still gives its signer."""
    byline = (
        "Farmers brace for drought\n\nBill Graveland\nThe Canadian Press\n\n"
        "CALGARY — Farmers in southern Alberta are bracing for a second dry summer.\n\n"
        "The head of the province's canola growers association says yields could drop.\n\n"
        '"It\'s going to be a tough year," he said.'
    )
    doc = attribute(nlp, byline, ["direct"])
    assert [name for name, *_ in who(doc)] == [None]
    signed = (
        "Farmers brace for drought\n\nFarmers in Alberta are bracing for a dry summer.\n\n"
        '"It will be tough."\n\n— Bill Graveland\n\n"We need rain," he said.'
    )
    doc = attribute(nlp, signed, ["direct"])
    assert [name for name, *_ in who(doc)] == ["Bill Graveland", "Bill Graveland"]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "head",
    [
        "Last updated 3 hours ago",  # the NER reads "Last" as a person
        "By Dana Ruiz, Global News\nPosted March 3, 2021 4:00 pm",
    ],
)
def test_a_time_stamp_or_byline_names_no_one_a_lede_role_could_mean(
    nlp: Language, head: str
) -> None:
    """`the fire chief said` in the lede, under the page's stamp and byline: the chief named
    next (`said Fire Chief Robert Allard`), not a name the stamp or byline line gives."""
    text = (
        f"Fire destroys Main Street bakery\n\n{head}\n\n"
        "A fire destroyed a bakery on Main Street early Tuesday, the fire chief said.\n\n"
        '"The roof was already gone," said Chief Robert Allard.'
    )
    assert attributed_speakers(nlp(text)) == [
        ("indirect", "Robert Allard"),
        ("direct", "Robert Allard"),
    ]
