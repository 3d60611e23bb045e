"""A share of poll respondents speaks through the poll its sentence names (`polls.py`), tested
on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_share_under_a_poll_subject_is_credited_to_the_poll(nlp: Language) -> None:
    """`The Harbor poll also finds that, while 41 percent say X is "Q"`: the poll."""
    text = (
        "The Harbor poll also finds that, while 41 percent of voters say the mayor is "
        '"doing a fine job," 35 percent disagree and 12 percent say she is "out of touch."'
    )
    doc = attribute(nlp, text, ["partial", "partial"])
    assert [w[:2] for w in who(doc)] == [
        ("The Harbor poll", "The Harbor poll"),
        ("The Harbor poll", "The Harbor poll"),
    ]


@pytest.mark.full_model
def test_share_in_a_later_clause_of_a_poll_sentence_is_credited_to_the_poll(
    nlp: Language,
) -> None:
    """`In a poll released Sunday, 8 percent said ...; 3 percent said they were "Q"`: the poll
    the sentence opened with, though the `in` phrase hangs on the first clause's verb."""
    text = (
        "In a Gazette poll released Sunday, just 9 percent of renters said they would move; "
        'just 2 percent of renters and 4 percent of "young families" said they would stay.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == ("a Gazette poll released Sunday", "a Gazette poll released Sunday")


@pytest.mark.full_model
def test_a_share_keeps_its_words_when_no_poll_speaks_before_it(nlp: Language) -> None:
    """No poll in the sentence, or one only as an object: the share itself speaks."""
    text = 'Asked about the plan, 41 percent of voters called it "a waste of money."'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == ("41 percent of voters", "41 percent of voters")
    text = 'The mayor dismissed the poll, but 41 percent of voters called the plan "a waste."'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == ("41 percent of voters", "41 percent of voters")
