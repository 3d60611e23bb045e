"""`Name, role, said`: the person the role set off by commas describes is the speaker, even when
the parse makes the role, or a name inside it, the subject (`apposed.py`). Sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_name_before_a_role_that_names_someone_else(nlp: Language) -> None:
    """The role holds another person's name (`Mayor Lee's former chief of staff`)."""
    text = (
        '"We were rivals, but also friends," William R. Dalton, Mayor Lee\'s former chief of '
        "staff, said of their years at city hall."
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("William R. Dalton", "William R. Dalton")


@pytest.mark.full_model
def test_name_before_a_role_the_parse_made_the_subject(nlp: Language) -> None:
    text = (
        '"He looked me right in the eye," Deborah Marsh, the chairwoman of Ohio’s Summit County GOP'
        ", recalled of a conversation she had with the governor."
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("Deborah Marsh", "Deborah Marsh")


@pytest.mark.full_model
def test_a_role_with_no_name_before_it_stays_the_speaker(nlp: Language) -> None:
    text = '"We will appeal," the chairwoman of the county party, a lawyer, said on Monday.'
    doc = attribute(nlp, text)
    assert who(doc)[0][1] == "the chairwoman of the county party"
