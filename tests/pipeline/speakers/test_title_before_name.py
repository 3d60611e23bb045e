"""A title before the name after an inverted cue that the tagger split with a verb
(`said Riders head coach Glen Stasiuk`), on hand-written sentences parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_a_title_word_read_as_a_verb_stays_in_the_title(nlp: Language) -> None:
    text = (
        '"It was one play," said Riders head coach Glen Stasiuk, who is in his second season. '
        '"Their guy made it."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [
        ("Glen Stasiuk", "Riders head coach Glen Stasiuk", "said"),
        ("Glen Stasiuk", "Riders head coach Glen Stasiuk", "said"),
    ]


@pytest.mark.full_model
def test_a_party_read_as_the_subject_with_the_member_apposed_gives_the_member(
    nlp: Language,
) -> None:
    # the parse makes "Conservative" the subject and the member's name its apposition
    text = (
        "Progressive Conservative MPP Lorne Pettigrew (York Centre) said the new lanes are "
        '"exactly the kind of thing" drivers feared.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Lorne Pettigrew", "MPP Lorne Pettigrew", "said")]


@pytest.mark.full_model
def test_a_title_word_read_as_a_verb_after_a_lower_case_noun_stays_in_the_title(
    nlp: Language,
) -> None:
    # the tagger reads "critic" as the verb of "forests": the party word is no speaker
    text = (
        '"This is a damning report," said Conservative forests critic Bryce Lindqvist. '
        '"Every one of these findings was raised by fire chiefs."'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Bryce Lindqvist", "Bryce Lindqvist"]
