"""Whose clause a colon before a quote closes (`X compared him with Baker: "Q"`, `X said she
hoped with her "last breath" that Baker loses: "Q"`), on hand-written sentences parsed by the
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
        "Mayor Ann Keller praised the new library and compared the old board, which she described "
        'as "sleepy," with Tom Baker: "Every month I spent beside Baker taught me patience."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[1] == ("Ann Keller", "Mayor Ann Keller", ":")
    assert layouts(doc)[1] == "colon"


@pytest.mark.full_model
def test_the_subject_of_a_reported_clause_before_the_colon_is_not_the_speaker(
    nlp: Language,
) -> None:
    text = (
        'Ann Brooks said she hoped with her "last breath" that Tom Baker loses the race: '
        '"Then the club gets a treasurer who can count."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[1] == ("Ann Brooks", "Ann Brooks", ":")
    assert layouts(doc)[1] == "colon"


@pytest.mark.full_model
def test_a_verb_object_before_the_colon_still_labels_the_quote(nlp: Language) -> None:
    text = (
        "The late surge does not surprise coach Dan Reilly: "
        '"Young teams always improve after the winter break."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Dan Reilly", "coach Dan Reilly", ":")]
    assert layouts(doc) == ["colon"]
