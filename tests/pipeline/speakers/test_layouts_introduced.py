"""A clause outside the cue lexicon that introduces a quote (`Baker shot back, "Q"`), and the
framing clause before it whose cue reports something else (`When Brooks criticized the team,
...`), on a small hand-written article parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who

DEBATE = (
    "Coach Tom Baker spoke first at the banquet in Dayton.\n\n"
    "When Principal Ann Brooks criticized the team during the banquet, Baker shot back, "
    '"I coached it twice and I will coach it again."'
)


@pytest.mark.full_model
def test_a_plain_verb_closing_its_clause_before_the_quote_introduces_it(nlp: Language) -> None:
    doc = attribute(nlp, DEBATE)
    assert who(doc) == [("Tom Baker", "Baker", "shot back")]
    assert layouts(doc) == ["introduced"]


@pytest.mark.full_model
def test_the_cue_of_a_framing_clause_does_not_report_the_quote(nlp: Language) -> None:
    text = (
        "When Ann Brooks said the league would fine the club over the late fees, Tom Baker fired "
        'back: "If they fine us again, we will take it to the board."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Tom Baker", "Tom Baker", ":")]
    assert layouts(doc) == ["colon"]


@pytest.mark.full_model
def test_a_framing_cue_is_not_the_sentence_cue_of_a_quote_under_a_plain_verb(
    nlp: Language,
) -> None:
    text = 'When Ann Brooks criticized the team, Tom Baker shot back, "I coached it twice."'
    doc = attribute(nlp, text)
    assert who(doc) == [("Tom Baker", "Tom Baker", "shot")]
    assert layouts(doc) == ["verb"]


@pytest.mark.full_model
def test_a_verb_in_a_when_clause_right_before_the_quote_introduces_nothing(
    nlp: Language,
) -> None:
    text = (
        "Ann Brooks said in the winter, when the parking story broke, "
        '"I never took a single coin from the meter fund."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Ann Brooks", "Ann Brooks", "said")]
    assert layouts(doc) == ["before"]
