"""An honorific inside a quotation (`"Mr. Bains did not simply lose ..."`) tells the gender of
the article's person of that surname, whose first name the lexicon may not know."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who

STORY = (
    "Jaswinder Bains, 41, pleaded guilty in August to fraud.\n\n"
    '"{honorific} Bains did not simply lose other people\'s money," Justice Anne Ouellet said.\n\n'
    "Defence lawyer Patrick Nwosu argued for six years, telling the court his client was "
    "remorseful.\n\n"
    "Bains addressed the court briefly before sentencing.\n\n"
    '"I am sorry," he said.'
)


@pytest.mark.full_model
def test_a_quoted_honorific_makes_the_subject_just_named_a_man(nlp: Language) -> None:
    """Without it, "he" went to the lawyer, the one man whose gender the names told."""
    doc = attribute(nlp, STORY.format(honorific="Mr."), ["direct"])
    assert [name for name, *_ in who(doc)] == ["Anne Ouellet", "Jaswinder Bains"]


@pytest.mark.full_model
def test_a_quoted_honorific_of_the_other_gender_rules_the_person_out(nlp: Language) -> None:
    doc = attribute(nlp, STORY.format(honorific="Ms."), ["direct"])
    assert [name for name, *_ in who(doc)] == ["Anne Ouellet", "Patrick Nwosu"]


@pytest.mark.full_model
def test_a_surname_two_people_share_takes_no_vote(nlp: Language) -> None:
    """`Mr. Bains` could be either Bains: neither is made a man by it, and "he" stays with
    the one man whose gender the names tell."""
    text = (
        STORY.format(honorific="Mr.")
        .replace("fraud.", "fraud, as did his brother Harpreet Bains.")
        .replace("\nBains addressed", "\nJaswinder Bains addressed")
    )
    doc = attribute(nlp, text, ["direct"])
    assert [name for name, *_ in who(doc)][1] == "Patrick Nwosu"
