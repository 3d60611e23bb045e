"""An organisation's name the NER cut at its preposition (`The New Brunswick Office` | `of the
Fire Marshal`) is written whole; a fire marshal's or a coroner's title is no part of a name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attributed_speakers


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The New Brunswick Office of the Fire Marshal says it could be weeks.",
            "New Brunswick Office of the Fire Marshal",
        ),
        (
            "The B.C. Ministry of Attorney General said it was reviewing the ruling.",
            "B.C. Ministry of Attorney General",
        ),
    ],
)
def test_an_organisation_name_goes_on_through_its_proper_of_phrase(
    nlp: Language, sentence: str, speaker: str
) -> None:
    assert attributed_speakers(nlp(f"Blast probe continues\n\n{sentence}")) == [
        ("indirect", speaker)
    ]


@pytest.mark.full_model
@pytest.mark.parametrize("title", ["Fire Marshal", "Ombudsman", "Trustee"])
def test_an_office_before_a_name_is_a_title(nlp: Language, title: str) -> None:
    text = f"Blast probe continues\n\n{title} Andrea Goguen said the site was unsafe."
    assert attributed_speakers(nlp(text)) == [("indirect", "Andrea Goguen")]
