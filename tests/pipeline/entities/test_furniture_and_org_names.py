"""Names on a line of page furniture (`RELATED: ...`) belong to another story: no he/she of this
one means them. An organisation's name with a plural's possessive inside it (`The Home Builders’
Association`) is one name, not "Association" owned by the builders."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("label", "speaker"),
    [("RELATED:", "Sean Fraser"), ("Related stories\n\n", "Sean Fraser"), ("", "Tom Reid")],
)
def test_a_furniture_lines_name_is_no_antecedent(nlp: Language, label: str, speaker: str) -> None:
    text = (
        'Housing Minister Sean Fraser said Monday that rents "must come down."\n\n'
        f"{label} Tom Reid says rents will keep rising\n\n"
        'Fraser\'s office said he would meet the premiers. "We will get this done," he said.'
    )
    doc = attribute(nlp, text, ["partial", "direct"])
    assert who(doc)[-1][:2] == (speaker, "he")


@pytest.mark.full_model
def test_a_plural_possessive_inside_an_organisations_name(nlp: Language) -> None:
    text = (
        'The Canadian Home Builders’ Association said in a statement that "supply must come first."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == (
        "Canadian Home Builders’ Association",
        "The Canadian Home Builders’ Association",
    )
