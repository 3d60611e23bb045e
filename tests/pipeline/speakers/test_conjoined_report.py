"""A cue verb conjoined to the verb of a reported clause (`X said Y is responsible and accused
him of "Q"`) keeps the reporter's subject, not the clause's: the report it cues and the quoted
fragment inside it are the reporter's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from tests.pipeline.support import attribute, layouts, who


def speakers(nlp: Language, text: str) -> dict[str, str | None]:
    """Speaker name of every quote and report of the full pipeline, by passage."""
    doc = nlp(text)
    out: dict[str, str | None] = {}
    for span in doc.spans[QUOTES_KEY]:
        found = span._.attribution
        out[span.text] = found.name if found is not None else None
    return out


@pytest.mark.full_model
def test_conjoined_cue_in_the_reporters_tense_takes_the_reporter(nlp: Language) -> None:
    text = (
        "Senator Mary Holt, campaigning in Ohio, said Governor Dan Pike is responsible for the "
        'budget and accused him of "wasting every dollar we gave him."'
    )
    found = speakers(nlp, text)
    assert found["wasting every dollar we gave him."] == "Mary Holt"
    assert set(found.values()) == {"Mary Holt"}


@pytest.mark.full_model
def test_conjoined_cue_with_its_own_subject_keeps_it(nlp: Language) -> None:
    text = (
        "Senator Mary Holt said the plan is dead, and Governor Dan Pike said it was "
        '"a waste of every dollar."'
    )
    assert speakers(nlp, text)["a waste of every dollar."] == "Dan Pike"


@pytest.mark.full_model
def test_conjoined_cue_after_a_passive_clause_takes_the_reporter(nlp: Language) -> None:
    text = (
        "Mayor Ann Brooks said the cut was ordered by the school board and said, "
        '"Who knows the classrooms better than the teachers?"'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Ann Brooks", "Mayor Ann Brooks", "said")]
    assert layouts(doc) == ["before"]
