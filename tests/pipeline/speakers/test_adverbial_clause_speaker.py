"""An adverbial clause with its own subject after the main clause (`rose to respond as MPs
shouted "Q"`) is that subject's: the main clause's cue does not report it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, speakers


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Housing Minister Caroline Desjardins-Pruitt rose to respond as several Conservative "
            'MPs shouted "Where are the homes?" from their benches.',
            "several Conservative MPs",
        ),
        (
            'Mayor Ann Lee tried to answer while protesters chanted "Not one more tower!" outside '
            "the chamber.",
            "protesters",
        ),
    ],
)
def test_a_quote_in_an_adverbial_clause_is_its_own_subject_s(
    nlp: Language, text: str, speaker: str
) -> None:
    assert speakers(attribute(nlp, text, ["direct"])) == [speaker]


@pytest.mark.full_model
def test_a_framing_clause_after_the_cue_without_a_subject_still_reports(nlp: Language) -> None:
    """`She said, while leaving, "Q"`: an adverbial clause with no subject of its own is the
    main clause's."""
    text = 'Mayor Ann Lee answered reporters while leaving, saying "We will build."'
    assert speakers(attribute(nlp, text, ["direct"])) == ["Ann Lee"]
