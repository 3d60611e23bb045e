"""The singular they: a person the article says uses they/them pronouns is who a later "they"
may mean; on hand-written articles parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who

STORY = (
    "Kiran Joshi, president of the student society at the University of British Columbia, "
    "welcomed the freeze. Joshi, {who}said many students skip meals.\n\n"
    '"I know people who live in their cars," they said.'
)


@pytest.mark.full_model
def test_they_means_the_person_who_uses_they_them_pronouns(nlp: Language) -> None:
    doc = attribute(nlp, STORY.format(who="who uses they/them pronouns, "))
    assert who(doc) == [("Kiran Joshi", "they", "said")]


@pytest.mark.full_model
def test_they_without_such_a_statement_means_no_person(nlp: Language) -> None:
    doc = attribute(nlp, STORY.format(who=""))
    assert who(doc)[0][0] != "Kiran Joshi"
