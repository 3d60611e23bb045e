"""A name inside a quoted title names part of a work, never a speaker; on a hand-written
sentence run through the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import typed_speakers


@pytest.mark.full_model
def test_the_last_resort_name_of_a_sentence_is_not_one_inside_a_title(nlp: Language) -> None:
    # no cue governs the fragment ("find" reports no words); "Advisories" is the title's
    text = (
        'A 2023 report by an independent panel, "Still Waiting: Water, Trust and the '
        'Long-Term Advisories," found the approach had been "piecemeal and reactive."'
    )
    assert typed_speakers(nlp(text)) == [("title", None), ("partial", None)]
