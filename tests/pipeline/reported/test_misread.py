"""Clauses the parse hangs on a cue that report nothing (app/pipeline/reported/misread.py), on
hand-written sentences parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports, typed_speakers


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


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parse makes "reported" the root and "CBC News" its object
        (
            "The rule is central to the city plan for the first time, reported CBC News.",
            [("The rule is central to the city plan for the first time", "CBC News", "reported")],
        ),
        # ... or hangs "reported" on the clause's verb as a conjunct, the source its object
        (
            "The rule is central to the party's plan for the first time, reported the Winnipeg "
            "Free Press.",
            [
                (
                    "The rule is central to the party's plan for the first time",
                    "Winnipeg Free Press",
                    "reported",
                )
            ],
        ),
    ],
)
def test_an_inverted_source_read_as_the_cue_s_object_is_the_source(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert reports(nlp, text) == expected


@pytest.mark.full_model
def test_a_partial_inside_a_report_with_an_inverted_source_takes_that_source(
    nlp: Language,
) -> None:
    text = (
        "The levy is \u201cnot negotiable\u201d for the council, reported the Regina Leader-Post."
    )
    assert reports(nlp, text) == [
        ("The levy is \u201cnot negotiable\u201d for the council", "Regina Leader-Post", "reported")
    ]
    assert typed_speakers(nlp(text)) == [
        ("indirect", "Regina Leader-Post"),
        ("partial", "Regina Leader-Post"),
    ]


@pytest.mark.full_model
def test_a_clause_before_a_cue_with_its_that_clause_right_after_is_not_reported(
    nlp: Language,
) -> None:
    # the parse makes the relative clause of the opening phrase the cue's fronted content
    text = (
        "Sitting down with a local reporter on Monday, during which she also discussed the "
        "budget, Mayor Ada Kowalski remarked that she was tired."
    )
    assert reports(nlp, text) == [("that she was tired", "Ada Kowalski", "remarked")]
    # a clause the attribution splits is one report in two pieces
    text = "There is a risk, Kowalski warned, that the city must borrow."
    assert [passage for passage, _speaker, _cue in reports(nlp, text)] == [
        "There is a risk",
        "that the city must borrow",
    ]
    # a participle of saying opens a report of its own
    text = (
        "Claiming the criticism of the mayor is designed to pressure council, Kowalski told "
        "reporters that she would appeal."
    )
    assert [passage for passage, _speaker, _cue in reports(nlp, text)] == [
        "Claiming the criticism of the mayor is designed to pressure council",
        "that she would appeal",
    ]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "text",
    ["I asked Okonkwo-Pratt about it by email.", "Reporters asked him twice on Friday."],
)
def test_the_one_asked_is_not_what_was_said(nlp: Language, text: str) -> None:
    assert reports(nlp, text) == []


@pytest.mark.full_model
def test_what_was_asked_about_is_still_reported(nlp: Language) -> None:
    # (the corpus reports the topic of a question; a question's noun object is what was asked)
    text = "She asked the minister about the delays."
    assert [passage for passage, _speaker, _cue in reports(nlp, text)] == ["the delays"]


@pytest.mark.full_model
def test_the_one_asked_for_something_opens_what_was_asked(nlp: Language) -> None:
    # (the corpus reports `the court for a ruling` as what was asked)
    text = "On Friday, the province asked the Court of Appeal for a swift ruling."
    assert [passage for passage, _speaker, _cue in reports(nlp, text)] == [
        "the Court of Appeal for a swift ruling"
    ]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # the parse hangs the cue on the main clause as an aside, the that-clause under the cue
        ("It is no surprise, Kowalski said, that the budget is tight.", "It is no surprise"),
        (
            "The deficit is so large, Kowalski said, that the city must borrow.",
            "The deficit is so large",
        ),
    ],
)
def test_a_clause_split_by_its_attribution_is_reported_in_two_pieces(
    nlp: Language, text: str, opening: str
) -> None:
    assert [passage for passage, _speaker, _cue in reports(nlp, text)] == [
        opening,
        text[text.index("that") : -1],
    ]
