""" "who" after a list of names stands for the name right before it, whichever one the parse hung
the clause on (`Arden, McLachlan and Cochrane, who joked, "Q"`: Cochrane said it); not when the
list describes one person, nor when the clause is about the whole list. Hand-written text parsed
by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.syntax import own_subject
from tests.pipeline.support import attribute, who


def _subject_of(nlp: Language, text: str, verb: str) -> str | None:
    doc = nlp(text)
    subject = own_subject(next(t for t in doc if t.text == verb))
    return subject.text if subject is not None else None


@pytest.mark.full_model
def test_who_after_a_list_of_names_is_the_last_name(nlp: Language) -> None:
    text = (
        "The ceremony drew politicians such as Wab Kinew, as well as musicians like Jann Arden, "
        "Sarah McLachlan, Burton Cummings and Tom Cochrane, who joked of the building, "
        '"I got lost twice on the way in."'
    )
    assert who(attribute(nlp, text)) == [("Tom Cochrane", "Tom Cochrane", "joked")]


@pytest.mark.full_model
def test_who_after_two_named_people_is_the_nearer(nlp: Language) -> None:
    text = "The panel heard from Rhea Dunn and Omar Haddad, who said the clinic should stay open."
    assert _subject_of(nlp, text, "said") == "Haddad"


@pytest.mark.full_model
def test_who_right_after_a_noun_of_a_list_is_that_noun(nlp: Language) -> None:
    text = (
        "The law united parents angry about fees and powerful nurses unions who said the old "
        "rules punished them."
    )
    assert _subject_of(nlp, text, "said") == "unions"


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        # a description of one person: the person (through the description's first noun)
        (
            "The mayor dismissed criticism from Mira Kaplan, a banker and former treasury "
            "official who has suggested the plan is costly.",
            "suggested",
            "banker",
        ),
        # a plural verb or "both": the whole list, as the parse hung it
        (
            "The endeavours could offer a retort to both Liberals and Conservatives, who have "
            "questioned the cost of the fleet.",
            "questioned",
            "Liberals",
        ),
        # groups set off by a comma: the whole list
        (
            "The plan alarmed several economists and union leaders, who noted that the charter "
            "forbids it.",
            "noted",
            "economists",
        ),
    ],
)
def test_who_after_a_list_that_is_one_whole(
    nlp: Language, text: str, verb: str, subject: str
) -> None:
    assert _subject_of(nlp, text, verb) == subject
