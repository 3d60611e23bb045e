"""Question-and-answer turns outside a transcript (`exchange.answer`): the quote-only paragraph
after a question put to someone is the answer of the person asked; an addressed question after
the answer is the asker's again; a rhetorical question goes on being its speaker's. Text of our
own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, speakers

WITNESS = (
    "The inspector, Walter Gingras, told the hearing he checked the pumps twice that week.\n\n"
    '"I wrote down every reading," Gingras said.\n\n'
    "Under questioning from the town's lawyer, Monique Dufresne, Gingras described the night "
    "shift.\n\n"
)


@pytest.mark.full_model
def test_the_answer_is_the_person_asked_and_the_next_question_the_askers(
    nlp: Language,
) -> None:
    doc = attribute(
        nlp,
        WITNESS + '"Did you ever open the valve?" Dufresne asked.\n\n'
        '"No. I read the gauge through the window."\n\n'
        '"Did you tell your supervisor?"\n\n'
        '"I can\'t say that I did," Gingras replied.\n',
    )
    assert speakers(doc) == [
        "Walter Gingras",
        "Monique Dufresne",
        "Walter Gingras",
        "Monique Dufresne",
        "Walter Gingras",
    ]
    assert layouts(doc)[2:4] == ["answer", "answer"]


@pytest.mark.full_model
def test_the_answer_is_the_object_of_the_question_cue(nlp: Language) -> None:
    doc = attribute(
        nlp,
        '"We followed the manual," Dufresne said.\n\n'
        '"Were you ever told to check it?" Dufresne asked Walter Gingras.\n\n'
        '"Never. Not once in nine years."\n',
    )
    assert speakers(doc) == ["Dufresne", "Dufresne", "Walter Gingras"]
    assert layouts(doc)[2] == "answer"


@pytest.mark.full_model
@pytest.mark.parametrize(
    "follow",
    [
        # a rhetorical question: the speaker answers it herself
        '"We would have lost the whole street."',
        # not a reply word
        '"I read the gauge through the window."',
    ],
)
def test_without_an_answer_the_speaker_goes_on(nlp: Language, follow: str) -> None:
    question = '"What would you have done?" Dufresne asked.\n\n'
    doc = attribute(nlp, WITNESS + question + follow + "\n")
    assert speakers(doc)[1:] == ["Monique Dufresne", "Monique Dufresne"]


@pytest.mark.full_model
def test_a_question_nobody_is_addressed_in_is_no_exchange(nlp: Language) -> None:
    doc = attribute(
        nlp, WITNESS + '"Why did the pumps fail?" Dufresne asked.\n\n"No one has told us."\n'
    )
    assert speakers(doc)[1:] == ["Monique Dufresne", "Monique Dufresne"]


DEBATE = (
    '"We\'ll honour every signed agreement," Gareth Munroe said.\n\n'
    '"{question}" Claire Beaudoin asked.\n\n'
    '"Every signed one. And then we\'ll talk about the next ones."\n'
)


@pytest.mark.full_model
def test_a_short_question_echoing_the_turn_before_is_put_to_its_speaker(nlp: Language) -> None:
    """`"Every one?"` takes up Munroe's words: the quote-only paragraph after it is his reply,
    with no reply word to open it."""
    doc = attribute(nlp, DEBATE.format(question="Every one?"))
    assert speakers(doc) == ["Gareth Munroe", "Claire Beaudoin", "Gareth Munroe"]
    assert layouts(doc)[2] == "answer"


@pytest.mark.full_model
@pytest.mark.parametrize(
    "question",
    [
        "What about the cities?",  # shares no word with his turn
        "And what will the cities say about every deal you sign now?",  # no short echo
        "Every one.",  # no question
    ],
)
def test_a_question_that_echoes_nothing_keeps_its_asker_going_on(
    nlp: Language, question: str
) -> None:
    doc = attribute(nlp, DEBATE.format(question=question))
    assert speakers(doc)[2] == "Claire Beaudoin"
