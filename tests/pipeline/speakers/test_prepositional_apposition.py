"""`In a statement to the Courier, an aide, Jo Lee, said: "Q"`: the parse may hang the
speaker's role and name on the preposition's object as appositions; the object of a
preposition is not the speaker, its apposition is."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_apposition_hung_on_a_prepositional_object_speaks(nlp: Language) -> None:
    text = (
        "In a statement to the Courier, his deputy campaign manager, Nina Castro, said: "
        '"The senator thinks the deal can still be saved."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Nina Castro", "his deputy campaign manager", "said")]


@pytest.mark.full_model
def test_a_name_before_its_role_still_speaks(nlp: Language) -> None:
    text = 'Capt. Daniel Fuller, a spokesman at the base, said: "The drills will resume."'
    doc = attribute(nlp, text)
    assert who(doc)[0][0] == "Daniel Fuller"
