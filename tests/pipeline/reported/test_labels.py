"""`NAME: CLAUSE` lines (app/pipeline/reported/labels.py): a headline's kicker before a clause
that names its own speaker is no speaker label; on hand-written pages parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports


@pytest.mark.full_model
def test_a_kicker_before_a_clause_with_its_own_speaker_is_no_label(nlp: Language) -> None:
    text = (
        "LEAFS LAND MORIN: Carlisle says price for the blue-liner was fair\n\n"
        "The Maple Leafs traded for Morin on Friday, general manager Brent Carlisle said."
    )
    assert reports(nlp, text)[0] == ("price for the blue-liner was fair", "Brent Carlisle", "says")


@pytest.mark.full_model
def test_a_transcript_label_still_speaks_its_line(nlp: Language) -> None:
    text = "Transcript.\n\nHALE: Will the bridge open in May?\n\nLOPEZ: Ruiz thinks it will."
    assert reports(nlp, text) == [
        ("Will the bridge open in May?", "HALE", ":"),
        ("Ruiz thinks it will", "LOPEZ", ":"),
    ]
