"""Reported speech whose source the parse hides: a second cue joined to a first verb the parse
read as a modifier of the subject, a naming cue joined to the reported clause, an inverted
`according to` at the end of a sentence whatever clause the parse hung it on, a content clause
whose subject the parse took for the cue's object, and a dateline with its region."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports


@pytest.mark.full_model
def test_a_cue_joined_to_a_verb_read_as_a_modifier_shares_the_subject(nlp: Language) -> None:
    # the parse makes "mayor" the root and "interrupted" its modifier, "warned" a conjunct
    text = (
        "The mayor, Anthony Makwa, twice interrupted to call for order and warned the member "
        "for Brampton Centre that he was close to being named."
    )
    assert reports(nlp, text) == [("that he was close to being named", "Anthony Makwa", "warned")]


@pytest.mark.full_model
def test_a_naming_cue_joined_to_the_reported_clause_is_the_first_cue_s_subject_s(
    nlp: Language,
) -> None:
    text = (
        "NDP critic Sylvie Nakamura-Bell was blunt. She said the program's design favoured "
        "large developers and called the government's approach \"a subsidy for the people who "
        'caused the problem."'
    )
    assert [speaker for _passage, speaker, _cue in reports(nlp, text)] == [
        "Sylvie Nakamura-Bell",
        "Sylvie Nakamura-Bell",
    ]


@pytest.mark.full_model
def test_according_to_ending_a_sentence_reports_the_whole_sentence(nlp: Language) -> None:
    # the parse hangs "according to" on the when-clause
    text = (
        "Construction started last summer but stopped in October when the contractor, "
        "Northshore Civil Works Ltd., pulled its crew off the site, according to the band."
    )
    assert reports(nlp, text) == [
        (
            "Construction started last summer but stopped in October when the contractor, "
            "Northshore Civil Works Ltd., pulled its crew off the site",
            "the band",
            "according to",
        )
    ]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "passage"),
    [
        # "the mood" read as the object of "said", the clause after it left with no subject
        (
            "MacQuarrie said the mood at a growers' meeting last week was the worst he could "
            "remember.",
            "the mood at a growers' meeting last week was the worst he could remember",
        ),
        # a passive "told": its subject is the listener, its one object the clause's subject
        (
            'Chief Roseanne Kakekayash was told the repairs would take "a few months."',
            'the repairs would take "a few months."',
        ),
    ],
)
def test_a_subject_read_as_the_cue_s_object_opens_the_content(
    nlp: Language, text: str, passage: str
) -> None:
    assert [found for found, _speaker, _cue in reports(nlp, text)] == [passage]


@pytest.mark.full_model
def test_an_infinitive_s_object_is_the_listener_not_the_content_s_subject(nlp: Language) -> None:
    text = "Last month, the agency warned provincial officials to boost their election security."
    assert [found for found, _speaker, _cue in reports(nlp, text)] == [
        "to boost their election security"
    ]


@pytest.mark.full_model
@pytest.mark.parametrize("dateline", ["WATERLOO, Ont. \u2014 ", "HALIFAX, N.S. \u2014 "])
def test_a_dateline_with_its_region_is_no_part_of_the_report(nlp: Language, dateline: str) -> None:
    text = (
        f"Startup cuts staff\n\n{dateline}Quillfern Technologies, a startup that makes "
        "software, has laid off about 85 employees, the company confirmed Tuesday."
    )
    assert [found for found, _speaker, _cue in reports(nlp, text)] == [
        "Quillfern Technologies, a startup that makes software, has laid off about 85 employees"
    ]
