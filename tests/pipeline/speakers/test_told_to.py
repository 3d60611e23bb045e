"""A headline's passive `Island residents told to stop watering`: the subject of a verb of
addressing with a "to" infinitive and no one addressed was told, so it is not the source of
what it was told (`cues.told_to`); active uses keep their subject. On the full model's parses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.speakers.cues import told_to


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "told", "expected"),
    [
        (
            "No rain in the forecast: island residents told to stop all outdoor watering",
            "told",
            True,
        ),
        ("The mayor told residents to stop all outdoor watering.", "told", False),
        ("The mayor told reporters that watering must stop.", "told", False),
        ("Residents were told to stop all outdoor watering.", "told", False),
    ],
)
def test_told_to_is_a_headline_passive(nlp: Language, text: str, told: str, expected: bool) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.text == told)
    assert told_to(verb) is expected


@pytest.mark.full_model
def test_the_residents_told_are_not_the_source(nlp: Language) -> None:
    doc = nlp(
        "No ferry and no rain in the forecast: island residents told to stop all outdoor "
        "watering\n\nThe island has no reservoir.\n"
    )
    reports = [s for s in doc.spans[QUOTES_KEY] if s._.quote.type == "indirect"]
    assert [(s.text, s._.attribution.name) for s in reports] == [
        ("to stop all outdoor watering", None)
    ]
