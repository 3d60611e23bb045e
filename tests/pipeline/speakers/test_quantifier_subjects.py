"""A quantifier standing alone as the subject of a cue (`Several said`, `most said`) names the
people it counts (`sources.quantifier_subject`), tested on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_a_quantifier_subject_of_the_cue_speaks(nlp: Language) -> None:
    """`Several said they would rather ... "Q"`: "Several", not the pronoun of the clause."""
    text = (
        "The candidates met with teachers on Tuesday.\n\n"
        'Several said they would rather the state send the money in "block grants" to towns.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1] == "Several"


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            '"It is over," said one of the mayor\'s advisers, who asked not to be named.',
            "one of the mayor's advisers",
        ),
        ('"It is over," one of them said.', "one of them"),
        ('Two in three said the plan was "a mess."', "Two in three"),
        # a quantifier keeps the group it counts: "Most" alone names no one
        ('Most of the candidates said the plan was "a mess."', "Most of the candidates"),
        ('"It is over," some of the mayor\'s allies said.', "some of the mayor's allies"),
        ('According to some on Twitter, the plan was "a mess."', "some on Twitter"),
        # a time after it is no part of the mention
        ('"It is over," some said on Monday.', "some"),
    ],
)
def test_a_number_keeps_whom_it_counts(nlp: Language, text: str, mention: str) -> None:
    doc = attribute(nlp, text)
    assert who(doc)[0][1] == mention


@pytest.mark.full_model
def test_those_a_participle_describes_are_a_source(nlp: Language) -> None:
    text = (
        'The poll shows Lee ahead. While those surveyed said Ann Brooks has the "best plan," '
        "Lee leads."
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == ("those surveyed", "those surveyed")
