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
            '"We need more money for roads," said Sen. Tom Carper of Delaware.',
            ("Tom Carper", "Sen. Tom Carper of Delaware"),
        ),
        (
            'Mr. Morgan of the Sierra Club said: "This bill is a disaster."',
            ("Morgan", "Mr. Morgan of the Sierra Club"),
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
    text = '"Roads matter," said Tom Carper of all people.'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Tom Carper", "Tom Carper")


@pytest.mark.full_model
def test_a_following_alias_keeps_its_bare_mention(nlp: Language) -> None:
    text = (
        '"We need more money for roads," said Sen. Tom Carper of Delaware. '
        '"It is overdue," Carper added.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [w[:2] for w in who(doc)] == [
        ("Tom Carper", "Sen. Tom Carper of Delaware"),
        ("Tom Carper", "Carper"),
    ]
