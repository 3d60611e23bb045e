"""How reported passages nest: a relative clause that reports on its own, inside the report of
a thing (`called for a bridge, which she said the province should pay for`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lopez called for a new bridge over the river, which she said the province should "
            "pay for.",
            [
                ("a new bridge over the river", "Lopez", "called"),
                ("the province should pay for", "Lopez", "said"),
            ],
        ),
        (
            "Lopez criticized the council for its delays on the bridge, which she argued had "
            "cost the city millions.",
            [
                ("the council for its delays on the bridge", "Lopez", "criticized"),
                ("had cost the city millions", "Lopez", "argued"),
            ],
        ),
        (
            "Lopez praised the council for cutting taxes, moves that she said improved the "
            "city's finances.",
            [
                ("the council for cutting taxes", "Lopez", "praised"),
                ("improved the city's finances", "Lopez", "said"),
            ],
        ),
    ],
)
def test_a_relative_clause_that_reports_ends_the_report_of_a_thing(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert reports(nlp, text) == expected


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a clause reports keeps its relative clauses, as the corpus does
        (
            "Lopez said she hopes to spend on library repairs the $2 million she says she saved "
            "from the budget.",
            [
                (
                    "she hopes to spend on library repairs the $2 million she says she saved from "
                    "the budget",
                    "Lopez",
                    "said",
                )
            ],
        ),
        # an infinitive relative clause reports nothing of its own
        (
            "Lopez said there is no reason for the council to answer yet to the union's "
            "latest demands.",
            [
                (
                    "there is no reason for the council to answer yet to the union's latest "
                    "demands",
                    "Lopez",
                    "said",
                )
            ],
        ),
        # the relative pronoun is the cue's subject: the volunteers said it, nothing is cut
        (
            "Lopez thanked the volunteers who said the bridge should open in May.",
            [("the bridge should open in May", "the volunteers", "said")],
        ),
    ],
)
def test_what_is_not_cut_before_a_relative_clause(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert reports(nlp, text) == expected
