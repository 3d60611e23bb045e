"""`known by X as "Q"`: the by-phrase of a verb of naming names who says the words (a
`passive_agent` pattern under models/patterns/), tested on a sentence of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_known_by_someone_as_a_quote(nlp: Language) -> None:
    """The people of the by-phrase call it so, not the subject of a cue further up."""
    text = (
        "The mayor cut the ribbon on Monday. They shook hands at the pier in what would come to "
        'be derisively known by some residents as a "handshake deal" for years.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1:] == ("some residents", "known")


@pytest.mark.full_model
def test_seen_by_someone_as_a_quote(nlp: Language) -> None:
    """`an option seen by X as a "Q"` (the parse hangs the "as" on X): X, not the subject of the
    clause the option belongs to."""
    text = (
        "The meeting will also focus on a second vote on the budget, an option seen by local "
        'residents as a "lifeboat" for the pool.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1:] == ("local residents", "seen")
