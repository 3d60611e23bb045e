"""A clause outside the cue lexicon that introduces a quote (`Baker shot back, "Q"`), and the
framing clause before it whose cue reports something else (`When Brooks criticized the budget,
...`), on a small hand-written article parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who

DEBATE = (
    "Senator Tom Baker spoke first at the debate in Dayton.\n\n"
    "When Mayor Ann Brooks criticized the budget during the debate, Baker shot back, "
    '"I balanced it twice and I will balance it again."'
)


@pytest.mark.full_model
def test_a_plain_verb_closing_its_clause_before_the_quote_introduces_it(nlp: Language) -> None:
    doc = attribute(nlp, DEBATE)
    assert who(doc) == [("Tom Baker", "Baker", "shot back")]
    assert layouts(doc) == ["introduced"]


@pytest.mark.full_model
def test_the_cue_of_a_framing_clause_does_not_report_the_quote(nlp: Language) -> None:
    text = (
        "When Ann Brooks said the city would sue the state over the new tax, Tom Baker fired "
        'back: "If they sue us in Dayton, they are going to lose."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Tom Baker", "Tom Baker", ":")]
    assert layouts(doc) == ["colon"]


@pytest.mark.full_model
def test_a_framing_cue_is_not_the_sentence_cue_of_a_quote_under_a_plain_verb(
    nlp: Language,
) -> None:
    text = 'When Ann Brooks criticized the budget, Tom Baker shot back, "I balanced it twice."'
    doc = attribute(nlp, text)
    assert who(doc) == [("Tom Baker", "Tom Baker", "shot")]
    assert layouts(doc) == ["verb"]


@pytest.mark.full_model
def test_a_verb_in_a_when_clause_right_before_the_quote_introduces_nothing(
    nlp: Language,
) -> None:
    text = (
        "Ann Brooks said in the spring, when the email story broke, "
        '"I did not send any classified material to anyone."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Ann Brooks", "Ann Brooks", "said")]
    assert layouts(doc) == ["before"]
