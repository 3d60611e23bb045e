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


@pytest.mark.full_model
def test_a_section_over_a_date_line_is_no_label(nlp: Language) -> None:
    text = (
        "NEWS: Labrador March 2, 2026 - 4:15 pm\n\n"
        "Council met on Monday.\n\n"
        "Q: When did the ice go out?\n\n"
        "A: Last Tuesday.\n\n"
        "ARCHIVES: Happy Valley April 9, 2024 - 9:00 am\n"
    )
    # (a section's word the lexicon lists, then any label over a line of date and place alone;
    # an answer that is a date, with its stop, is still the answer)
    assert reports(nlp, text) == [
        ("When did the ice go out?", "Q", ":"),
        ("Last Tuesday", "A", ":"),
    ]
