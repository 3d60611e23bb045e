"""Whose clause a colon before a quote closes (`X contrasted him with Baker: "Q"`, `X said she
hoped with her "whole heart" that Baker wins: "Q"`), on hand-written sentences parsed by the
full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who


@pytest.mark.full_model
def test_a_name_ending_a_prepositional_phrase_before_the_colon_is_no_label(
    nlp: Language,
) -> None:
    text = (
        "Mayor Ann Perez praised the new budget and contrasted the council, which she described "
        'as "reckless," with Tom Baker: "What I have seen working with Baker is a steady hand."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[1] == ("Ann Perez", "Mayor Ann Perez", ":")
    assert layouts(doc)[1] == "colon"


@pytest.mark.full_model
def test_the_subject_of_a_reported_clause_before_the_colon_is_not_the_speaker(
    nlp: Language,
) -> None:
    text = (
        'Ann Brooks said she hoped with her "whole heart" that Tom Baker wins the election: '
        '"That way the city gets a real budget."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[1] == ("Ann Brooks", "Ann Brooks", ":")
    assert layouts(doc)[1] == "colon"


@pytest.mark.full_model
def test_a_verb_object_before_the_colon_still_labels_the_quote(nlp: Language) -> None:
    text = (
        "The early vote does not surprise pollster Dan Shaw: "
        '"Lesser-known candidates always gain after early contests."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Dan Shaw", "pollster Dan Shaw", ":")]
    assert layouts(doc) == ["colon"]
