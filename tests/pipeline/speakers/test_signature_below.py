"""A quote-only paragraph signed in the paragraph below it (`after.signature_below`): a dash the
writer glued onto the name, and a description after the name, tested on text of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who


@pytest.mark.full_model
def test_signature_below_with_the_dash_glued_to_the_name(nlp: Language) -> None:
    """`"Q" ¶ -Nadia Reyes, Tucson.`: one token `-Nadia`, still a signature."""
    text = 'Overheard.\n\n"The lines were long but nobody left."\n\n-Nadia Reyes, Tucson.\n'
    doc = attribute(nlp, text)
    assert layouts(doc) == ["signature_below"]
    mention = who(doc)[0][1]
    assert mention is not None and mention.endswith("Nadia Reyes")


@pytest.mark.full_model
def test_signature_below_followed_by_a_participle_clause(nlp: Language) -> None:
    """`"Q" ¶ - Governor Ann Fields, speaking after the vote.`: the clause describes the signer."""
    text = (
        'Overheard.\n\n"We did the right thing tonight."\n\n'
        "- Governor Ann Fields, speaking after the vote.\n"
    )
    doc = attribute(nlp, text)
    assert layouts(doc) == ["signature_below"]
    # the dash is the cue, not part of the signer's mention
    assert who(doc)[0][:2] == ("Ann Fields", "Governor Ann Fields")


@pytest.mark.full_model
def test_a_hyphenated_title_keeps_the_word_before_its_hyphen(nlp: Language) -> None:
    # (the parse hangs "co" apart and starts the name's compounds at the hyphen)
    text = (
        '"But you said the opposite last week, governor," WDX Today co-Anchor Laura Benning said.'
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("Laura Benning", "co-Anchor Laura Benning")
