"""The name closing a long title after an inverted cue (`ranked.py`), tested on sentences of
our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_a_title_before_the_name_after_an_inverted_cue_does_not_take_the_mention(
    nlp: Language,
) -> None:
    """`"Q," said Navy 2nd Lt. Mary Okafor.`: the person, not the title ("Navy 2nd")."""
    text = (
        '"We were told to wait for orders," said Navy 2nd Lt. Mary Okafor. '
        '"Nobody knew when they would come."'
    )
    doc = attribute(nlp, text, ["direct", "direct"])
    names = [mention for _name, mention, _cue in who(doc)]
    assert all(m is not None and m.endswith("Mary Okafor") for m in names)


@pytest.mark.full_model
def test_a_person_named_right_after_the_cue_keeps_the_mention(nlp: Language) -> None:
    """`"Q," said Mary Okafor, a Navy officer.`: the first mention is already the person."""
    text = '"We were told to wait for orders," said Mary Okafor, a Navy officer.'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][1] == "Mary Okafor"
