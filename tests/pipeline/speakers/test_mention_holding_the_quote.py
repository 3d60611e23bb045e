"""A phrase that holds the quote (`The "Team Canada" approach`, `her "clawback" plan`) names no
one who says it: the quote modifies it. Tested on sentences of our own, typed as speech so that
the attributor has to decide."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
@pytest.mark.parametrize(
    "text",
    [
        'The council met on Monday. The "Team Canada" approach has won praise from businesses.',
        'The council met on Monday. Her "clawback" plan drew fire from the union.',
    ],
)
def test_a_phrase_holding_the_quote_is_no_speaker_mention(nlp: Language, text: str) -> None:
    doc = attribute(nlp, text, ["partial"])
    name, mention, _cue = who(doc)[0]
    assert (name, mention) == (None, None)


@pytest.mark.full_model
def test_a_subject_beside_the_quote_still_speaks(nlp: Language) -> None:
    text = 'The council met on Monday. Ann Lee called the plan "a disaster" for the town.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0] == ("Ann Lee", "Ann Lee", "called")


@pytest.mark.full_model
def test_nor_does_a_plain_verb_whose_subject_holds_the_quote(nlp: Language) -> None:
    text = 'The council met on Monday. The "Fight for Fairness" campaign rallied at city hall.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [(None, None, None)]


@pytest.mark.full_model
def test_a_mention_cut_at_the_quote_ends_on_its_last_content_word(nlp: Language) -> None:
    # the quote inside the subject's post-modifier is left out, and so is the "of" it leaves
    text = 'The council met on Monday. Organizers of the "Winter Lights" fair said attendance rose.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1] == "Organizers"
