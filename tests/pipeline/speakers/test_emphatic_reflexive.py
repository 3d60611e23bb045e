"""A reflexive written after a name for emphasis (`Cruz himself said`) is part of the mention,
as the corpus writes the source; the name still resolves from the head."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_emphatic_reflexive_is_kept_in_the_mention(nlp: Language) -> None:
    text = (
        "Mayor Ann Brooks spoke at the rally on Monday. Brooks herself said on Tuesday that "
        '"the budget is a disgrace."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == ("Ann Brooks", "Brooks herself")


@pytest.mark.full_model
def test_a_reflexive_object_is_not_part_of_the_mention(nlp: Language) -> None:
    text = 'Ann Brooks described herself as "a fighter for the port."'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1] == "Ann Brooks"
