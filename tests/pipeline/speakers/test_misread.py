"""A cue verb the tagger read as the plural noun ending its subject (`misread.py`), tested on
sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, reports, who


@pytest.mark.full_model
def test_cue_read_as_a_plural_noun_leaves_the_words_before_it_as_the_speaker(
    nlp: Language,
) -> None:
    """`The Whitfield campaign projects that "Q"`: the campaign speaks and `projects` is the cue,
    not a mention `The Whitfield campaign projects` that names no one."""
    text = (
        "The school board meets on Tuesday.\n\n"
        'The Whitfield campaign projects that "adding a dollar to the toll" on the river bridge '
        "could raise $4 million over five years."
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("The Whitfield campaign", "The Whitfield campaign", "projects")]


@pytest.mark.full_model
def test_a_cue_read_as_a_noun_of_its_own_before_a_colon_leaves_its_subject_the_speaker(
    nlp: Language,
) -> None:
    """`Recommendation 7 states: "Q"`: the parse makes "states" a mention of its own (a state
    may speak); the numbered recommendation is the speaker, as `Section 12 affirms` is."""
    text = (
        "The review makes 19 recommendations.\n\n"
        'Recommendation 7 states: "Every incident of racist language must be recorded."\n\n'
        'Section 12 affirms: "Every student has a right to a safe school."'
    )
    doc = attribute(nlp, text, ["direct", "direct"])
    assert [(name, mention) for name, mention, _ in who(doc)] == [
        ("Recommendation 7", "Recommendation 7"),
        ("Section 12", "Section 12"),
    ]


@pytest.mark.full_model
def test_a_plural_noun_that_opens_no_report_stays_as_it_was(nlp: Language) -> None:
    """`the new parking rules "Q"` is no cue: nothing changes when no "that", colon, quote or
    modal follows the noun."""
    text = 'The mayor said the new parking rules were "a mess," and the council agreed.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1] == "The mayor"


@pytest.mark.full_model
def test_a_surname_after_an_inverted_cue_read_as_an_adverb_is_the_speaker(nlp: Language) -> None:
    """`"Q," said Scully, explaining he ...`: the tagger reads "Scully" as an adverb (its
    ending); the speaker is not the subject of the participle's clause after the comma."""
    text = (
        "Ray Scully, a veteran field organizer, spoke up for the pair.\n\n"
        '"Knowing the county map this well is rare," said Scully, explaining he had canvassed '
        "alongside Novak for years."
    )
    doc = attribute(nlp, text)
    assert [t.pos_ for t in doc if t.text == "Scully"][1] == "ADV"
    assert who(doc) == [("Ray Scully", "Scully", "said")]


@pytest.mark.full_model
def test_a_participle_after_an_inverted_cue_with_a_misread_name_is_that_names(
    nlp: Language,
) -> None:
    """`"Q," said Scully, explaining that ...`: the report after the participle is Scully's,
    though the tagger calls "Scully" an adverb of "said"."""
    text = (
        "Ray Scully, a veteran field organizer, spoke up for the pair.\n\n"
        '"The doors stayed open all weekend," said Scully, explaining that the volunteers had '
        "knocked until dark."
    )
    assert reports(nlp, text) == [
        ("that the volunteers had knocked until dark", "Ray Scully", "explaining")
    ]
