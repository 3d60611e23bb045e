"""The last mention before a colon that the parse tied to no clause is not the object of a
preposition following its verb (`Baker tweeted in response: "Q"`: not "response"); a fronted
`From the report: "Q"` still names its source."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who


@pytest.mark.full_model
def test_a_prepositional_object_before_the_colon_does_not_speak(nlp: Language) -> None:
    text = (
        "Tom Baker, the league’s former treasurer, tweeted in response: "
        '"Simple difference: bad coaches bench players and blame referees; good coaches teach '
        'and listen."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("Tom Baker", "Tom Baker")
    assert layouts(doc) == ["colon"]


@pytest.mark.full_model
def test_a_fronted_source_before_the_colon_speaks(nlp: Language) -> None:
    text = (
        "Not all orchards are alike. From the report: "
        '"On the whole, trees with deeper roots gave sweeter apples."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("the report", "the report")
