"""A page head's noun of an organisation (`Company says ...`, `...; union says ...`) is the
organisation of that kind the story names (models/org_kind_words.tsv), not an entity called
"Company"; a noun with more words before it (`transit union warns`) stays as written.
Hand-written pages through the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports

BODY = (
    "A worker was killed Tuesday at a potash mine near Esterhazy.\n\n"
    "Northgate Potash said the rockfall happened at about 2:40 p.m.\n\n"
    "United Steelworkers Local 9120 says its members had flagged the roof for weeks."
)


def _reports(nlp: Language, text: str) -> dict[str, str | None]:
    """Report content -> its speaker's name, for every indirect passage."""
    return {passage: name for passage, name, _ in reports(nlp, text)}


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("head", "content", "speaker"),
    [
        (
            "Company says it is co-operating with investigators",
            "it is co-operating with investigators",
            "Northgate Potash",
        ),
        (
            "Worker killed in rockfall; union says crews raised flags",
            "crews raised flags",
            "United Steelworkers Local 9120",
        ),
    ],
)
def test_a_page_heads_noun_of_an_organisation_is_the_one_named(
    nlp: Language, head: str, content: str, speaker: str
) -> None:
    found = _reports(nlp, f"Worker killed at potash mine\n\n{head}\n\n{BODY}")
    assert found[content] == speaker


@pytest.mark.full_model
def test_a_noun_with_more_words_before_it_stays_as_written(nlp: Language) -> None:
    text = f"Worker killed at potash mine; transit union warns cuts are coming\n\n{BODY}"
    assert _reports(nlp, text)["cuts are coming"] == "transit union"


@pytest.mark.full_model
def test_the_nation_is_the_first_nation_the_story_named(nlp: Language) -> None:
    text = (
        "Members of the Kestrel River Cree Nation voted on the land claim on Saturday.\n\n"
        "The nation announced Sunday that 71 per cent of members voted in favour."
    )
    found = _reports(nlp, text)
    assert found["that 71 per cent of members voted in favour"] == "Kestrel River Cree Nation"
