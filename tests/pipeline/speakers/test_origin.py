"""A person's place or body written right after the name (`Sen. Ann Lee of Ohio`) is part of the
mention, as the article names the speaker there; the speaker is still the person."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We need more money for bridges," said Sen. Ruth Abernathy of Nebraska.',
            ("Ruth Abernathy", "Sen. Ruth Abernathy of Nebraska"),
        ),
        (
            'Mr. Dalton of the Prairie Wildlife Fund said: "This plan is a mistake."',
            ("Dalton", "Mr. Dalton of the Prairie Wildlife Fund"),
        ),
    ],
)
def test_where_a_person_is_from_is_kept_in_the_mention(
    nlp: Language, text: str, speaker: tuple[str, str]
) -> None:
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == speaker


@pytest.mark.full_model
def test_an_of_phrase_naming_no_place_or_body_is_not_kept(nlp: Language) -> None:
    text = '"Bridges matter," said Ruth Abernathy of all people.'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Ruth Abernathy", "Ruth Abernathy")


@pytest.mark.full_model
def test_a_following_alias_keeps_its_bare_mention(nlp: Language) -> None:
    text = (
        '"We need more money for bridges," said Sen. Ruth Abernathy of Nebraska. '
        '"It is overdue," Abernathy added.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [w[:2] for w in who(doc)] == [
        ("Ruth Abernathy", "Sen. Ruth Abernathy of Nebraska"),
        ("Ruth Abernathy", "Abernathy"),
    ]
