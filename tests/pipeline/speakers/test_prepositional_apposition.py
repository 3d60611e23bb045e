"""`In a statement to the Observer, an aide, Jo Lee, said: "Q"`: the parse may hang the
speaker's role and name on the preposition's object as appositions; the object of a
preposition is not the speaker, its apposition is."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_apposition_hung_on_a_prepositional_object_speaks(nlp: Language) -> None:
    text = (
        "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
        '"The mayor believes that cooperation is essential."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Jake Sullivan", "her senior policy adviser", "said")]


@pytest.mark.full_model
def test_a_name_before_its_role_still_speaks(nlp: Language) -> None:
    text = 'Col. Steven Warren, a spokesman in Baghdad, said: "The strikes will go on."'
    doc = attribute(nlp, text)
    assert who(doc)[0][0] == "Steven Warren"
