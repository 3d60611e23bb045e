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
