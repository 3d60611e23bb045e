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
    """`The Brooks campaign projects that "Q"`: the campaign speaks and `projects` is the cue,
    not a mention `The Brooks campaign projects` that names no one."""
    text = (
        "The council vote is set for Monday.\n\n"
        'The Brooks campaign projects that "cutting the fee in half" on parking permits would '
        "bring in $2 million a year."
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("The Brooks campaign", "The Brooks campaign", "projects")]


@pytest.mark.full_model
def test_a_plural_noun_that_opens_no_report_stays_as_it_was(nlp: Language) -> None:
    """`the new parking rules "Q"` is no cue: nothing changes when no "that", colon, quote or
    modal follows the noun."""
    text = 'The mayor said the new parking rules were "a mess," and the council agreed.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1] == "The mayor"


@pytest.mark.full_model
def test_a_surname_after_an_inverted_cue_read_as_an_adverb_is_the_speaker(nlp: Language) -> None:
    """`"Q," said Skelly, explaining he ...`: the tagger reads "Skelly" as an adverb (its
    ending); the speaker is not the subject of the participle's clause after the comma."""
    text = (
        "Bill Skelly, a longtime data operative, vouched for both men.\n\n"
        '"Having access to the file is valuable," said Skelly, explaining he worked more '
        "closely with Chrabaszcz."
    )
    doc = attribute(nlp, text)
    assert [t.pos_ for t in doc if t.text == "Skelly"][1] == "ADV"
    assert who(doc) == [("Bill Skelly", "Skelly", "said")]


@pytest.mark.full_model
def test_a_participle_after_an_inverted_cue_with_a_misread_name_is_that_names(
    nlp: Language,
) -> None:
    """`"Q," said Skelly, explaining that ...`: the report after the participle is Skelly's,
    though the tagger calls "Skelly" an adverb of "said"."""
    text = (
        "Bill Skelly, a longtime data operative, vouched for both men.\n\n"
        '"It was a long night," said Skelly, explaining that the crews had worked until dawn.'
    )
    assert reports(nlp, text) == [
        ("that the crews had worked until dawn", "Bill Skelly", "explaining")
    ]
