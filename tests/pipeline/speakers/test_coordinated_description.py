"""`X, a description, and a Y said`: the conjunct after the apposition goes on describing X, so
the speaker is X alone; two names joined by "and" are still both speakers."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_a_conjunct_after_the_description_is_not_a_second_speaker(nlp: Language) -> None:
    text = (
        '"The levy is simply unfair," said Karen Doyle, research director at the Harbor Trust, '
        "and a Democrat who ran the county tax office."
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Karen Doyle", "Karen Doyle")


@pytest.mark.full_model
def test_coordinated_names_still_speak_together(nlp: Language) -> None:
    text = '"Mayors and governors will decide," said Ann Lee and Tom Ray, two city advisers.'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Ann Lee and Tom Ray", "Ann Lee and Tom Ray")


@pytest.mark.full_model
def test_a_parenthesis_after_the_first_name_keeps_the_coordination(nlp: Language) -> None:
    text = 'Sen. Ann Lee (R-Ohio) and Mayor Tom Ray said the port was "a disaster."'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1] == "Sen. Ann Lee (R-Ohio) and Mayor Tom Ray"
