"""Clauses the parse hangs on a cue that report nothing (app/pipeline/reported/misread.py), on
hand-written sentences parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports


@pytest.mark.full_model
@pytest.mark.parametrize(
    "text",
    [
        # the tagger reads "head" as the verb of "Riders": the inverted cue's speaker, no content
        '"It was one play," said Riders head coach Glen Stasiuk, who is in his second season.',
        # the speaker's relative clause, which the parse made the cue's
        '"We lost the room," said Harbour ranking member Ellen Marsh (R-Ont.), who chairs the '
        "panel.",
    ],
)
def test_the_speaker_after_an_inverted_cue_is_no_content(nlp: Language, text: str) -> None:
    assert reports(nlp, text) == []


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a personal pronoun opens the clause: the cue's own content
        (
            'Pollster Ann Selby is happy to be the "gold standard," says she warned about it.',
            "she warned about it",
        ),
        # a subordinator opens it
        (
            'Trump went on to promote "Celebrity Chef," note that he had bought the building.',
            "that he had bought the building",
        ),
        # a participle after the quotation has its content after it
        (
            'Marsh insisted that he had "grown the party," claiming that he won the new voters.',
            "that he won the new voters",
        ),
    ],
)
def test_a_cue_after_a_quotation_still_reports_its_clause(
    nlp: Language, text: str, expected: str
) -> None:
    assert expected in [passage for passage, _speaker, _cue in reports(nlp, text)]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "text",
    [
        '"I trusted you," Harjit Dhaliwal said, his voice breaking.',
        '"I trusted you," he said, his voice breaking.',
        '"We lost everything," she said, tears streaming down her face.',
    ],
)
def test_a_participle_set_off_after_the_cue_tells_how_not_what(nlp: Language, text: str) -> None:
    """`he said, his voice breaking`: an absolute phrase, which the parse may make the root."""
    assert reports(nlp, f"Victims speak\n\n{text}") == []
