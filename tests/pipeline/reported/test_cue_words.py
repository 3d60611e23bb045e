"""Cue words of the lexicon (`models/cue_verbs.txt`) on small hand-written sentences: what each
reports, and the sense of the same word that reports nothing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, reports, who


@pytest.mark.full_model
def test_reminding_someone_that_a_clause_holds_reports_the_clause(nlp: Language) -> None:
    text = (
        "Justice Maria Ruiz reminded jurors that they must decide the case only on the "
        "evidence they hear in the courtroom."
    )
    assert reports(nlp, text) == [
        (
            "that they must decide the case only on the evidence they hear in the courtroom",
            "Maria Ruiz",
            "reminded",
        )
    ]
    # what a thing reminds someone of is no one's words
    assert reports(nlp, "The smell of the bakery reminded Maria Ruiz of her childhood.") == []


@pytest.mark.full_model
def test_signalling_that_a_clause_holds_reports_the_clause(nlp: Language) -> None:
    text = "Maria Lopez signaled that she may run for mayor next year."
    assert reports(nlp, text) == [
        ("that she may run for mayor next year", "Maria Lopez", "signaled")
    ]
    # the noun reports nothing
    assert reports(nlp, "The signal turned red before the train arrived.") == []


@pytest.mark.full_model
def test_a_verb_that_adds_up_a_count_reports_nothing(nlp: Language) -> None:
    text = (
        "Canada adds 40,000 jobs in October, unemployment rate holds at 6.9%\n\n"
        "The bank added that rates would stay put.\n\n"
        "Ray Dunn scored a career-high 38 points, Ken Obi added 21 points and 11 assists, and "
        "the Raptors won."
    )
    assert reports(nlp, text) == [("that rates would stay put", "The bank", "added")]


@pytest.mark.full_model
def test_a_verb_that_adds_up_a_count_is_no_cue_of_a_quote(nlp: Language) -> None:
    text = (
        "A ministry spokesperson said the province had added 62 rural family physicians "
        'through its new "Rural Practice Stream."'
    )
    assert who(attribute(nlp, text)) == [
        ("A ministry spokesperson", "A ministry spokesperson", "said")
    ]


@pytest.mark.full_model
def test_a_subject_whose_participle_the_parse_read_as_a_clause_is_no_report(
    nlp: Language,
) -> None:
    # the parse makes "killed" a clause under "told", with "The mother" its subject
    text = (
        "The mother of a Surrey teenager killed in a hit-and-run told a courtroom Wednesday "
        "that she still sets a place for him at dinner."
    )
    assert [content for content, _, _ in reports(nlp, text)] == [
        "that she still sets a place for him at dinner"
    ]
    # set off by a comma, a clause before its cue is what was said
    text = "The plan is dead, Mayor Ann Lee told council."
    assert reports(nlp, text) == [("The plan is dead", "Ann Lee", "told")]


@pytest.mark.full_model
def test_an_asked_aside_reports_the_question_of_someone_unnamed(nlp: Language) -> None:
    # the subject was asked: not the asker; the sentence's own verb is no part of the question
    text = (
        "Coach Ray Suzuki, asked whether the loss stung, shrugged.\n\n"
        "Darnell Price, asked what the look meant, laughed."
    )
    assert reports(nlp, text) == [
        ("whether the loss stung", None, "asked"),
        ("what the look meant", None, "asked"),
    ]


@pytest.mark.full_model
def test_a_relative_clause_ending_on_its_preposition_reports_nothing(nlp: Language) -> None:
    # the parse makes "asked" the root, with "a change developers" its subject and the
    # sentence before it its clause; the sentence's own report is the minister's
    text = (
        "Housing Minister Colton MacNeil defended the cap.\n\n"
        "He said the province would exempt new buildings for five years, a change developers "
        "have asked for."
    )
    assert [(content, speaker) for content, speaker, _ in reports(nlp, text)][1:] == [
        ("the province would exempt new buildings for five years", "Colton MacNeil")
    ]
