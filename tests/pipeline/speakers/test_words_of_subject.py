"""Words that belong to the subject of the cue that governs them, whoever reports the clause:
a name it gives (`what the government has called a "Q" offer`) and words heard from it
(`heard officers shout "Q"`); on hand-written sentences run through the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import typed_speakers


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The teachers' union said its members voted to reject what the government has "
            'called a "fair and final" offer.',
            ("partial", "the government"),
        ),
        (
            "Minister Ana Ruiz announced $2 million for what National Defence calls a "
            '"northern support hub" in the town.',
            ("partial", "National Defence"),
        ),
        (
            'A neighbour said she heard officers shout "Drop it! Drop it!" before the shot.',
            ("direct", "officers"),
        ),
        (
            "Band members have said the town needs a heated hangar at the airstrip, which "
            'Councillor Ruth Kakegamic described as "a gravel strip and a windsock."',
            ("partial", "Ruth Kakegamic"),
        ),
    ],
)
def test_the_namer_or_the_one_heard_owns_the_words(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    # (the whole pipeline: the report that holds the words is found too)
    assert [t for t in typed_speakers(nlp(text)) if t[0] != "indirect"] == [expected]


@pytest.mark.full_model
def test_a_verb_beside_one_of_seeing_is_no_words_heard(nlp: Language) -> None:
    # `watched ... and said`: "said" is coordinated with the verb of seeing, not its clause
    text = (
        "The Lopez family watched the footage on Monday, according to their lawyer, and "
        'said they were left with "nothing but doubts."'
    )
    assert [t for t in typed_speakers(nlp(text)) if t[0] == "partial"] == [
        ("partial", "their lawyer")
    ]


@pytest.mark.full_model
def test_a_relative_clause_that_offers_what_the_report_quotes_names_nothing(
    nlp: Language,
) -> None:
    # `the plan that Democrats are offering ... "Q"`: no verb of naming, the report's words
    text = (
        "Spokesman Ivan Petrov said the mayor sees the vote as a chance to show the plan that "
        'councillors are offering against "the gloomy, fearful pitch" of her rivals.'
    )
    assert [t for t in typed_speakers(nlp(text)) if t[0] == "partial"] == [
        ("partial", "Ivan Petrov")
    ]
