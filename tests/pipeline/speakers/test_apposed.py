"""`Name, role, said`: the person the role set off by commas describes is the speaker, even when
the parse makes the role, or a name inside it, the subject (`apposed.py`). Sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, resolutions, typed_speakers, who


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
        '"She knew every precinct by name," Carol Jensen, the treasurer of Ohio’s Summit County '
        "Democrats, recalled of a talk she had with the candidate."
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("Carol Jensen", "Carol Jensen")


@pytest.mark.full_model
def test_a_role_with_no_name_before_it_stays_the_speaker(nlp: Language) -> None:
    text = '"We will appeal," the chairwoman of the county party, a lawyer, said on Monday.'
    doc = attribute(nlp, text)
    assert who(doc)[0][1] == "the chairwoman of the county party"


@pytest.mark.full_model
def test_a_name_after_a_fronted_source_is_its_clauses_subject_not_the_source(
    nlp: Language,
) -> None:
    """`According to a statement of facts, Melissa Dueck, 29, grabbed ...`: the name set off
    after the source opens the reported clause; the statement is the source."""
    text = (
        "According to an agreed statement of facts read in court, Melissa Dueck, 29, grabbed "
        "and shook the children on several occasions."
    )
    doc = nlp(text)
    assert typed_speakers(doc) == [("indirect", "an agreed statement of facts read in court")]
    # a name set off after a role noun and closing the clause is still the role's
    text = '"It was prudent," wrote the consul at the time, Paul R. Whitaker.'
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("Paul R. Whitaker", "the consul")


@pytest.mark.full_model
def test_the_name_after_a_long_title_is_the_titles_holder(nlp: Language) -> None:
    # the parse hangs the name on "Nations", inside the title
    text = (
        "Quebec's minister responsible for relations with First Nations and Inuit, Éric "
        "Villeneuve, told reporters that the government would never force a project on anyone."
    )
    assert typed_speakers(nlp(text)) == [("indirect", "Éric Villeneuve")]
    # a clause set off after the title names no one
    text = (
        "The minister responsible for housing, who took office in May, told reporters that the "
        "cap would stay."
    )
    assert typed_speakers(nlp(text)) == [("indirect", "The minister")]


@pytest.mark.full_model
def test_a_business_named_by_its_noun_is_a_source(nlp: Language) -> None:
    text = (
        "The daycare, which is not being named, said in a statement that it had fired her as "
        "soon as it learned of the allegations."
    )
    doc = nlp(text)
    assert resolutions(doc) == [("The daycare", "nominal")]
