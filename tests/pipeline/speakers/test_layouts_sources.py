"""Attribution rules learned from the training articles: which cue a quote that opens its own
sentence may take, the noun a relative clause describes, and the short clause after a quote read
from its words when its parse failed."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who


@pytest.mark.full_model
def test_relative_clause_cue_of_the_sentence_before_is_not_the_next_quotes_cue(
    nlp: Language,
) -> None:
    text = (
        '"Reopening the nominations is hard," Ash wrote in the email, which was first reported '
        'by The Associated Press. "It would permit a more acceptable candidate."'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Ash", "Ash"]


@pytest.mark.full_model
def test_speaker_described_by_a_relative_clause_before_a_subjectless_cue(nlp: Language) -> None:
    text = (
        "Although there is no such overlap with Sanders's team, a White House official who spoke "
        'anonymously to discuss internal strategy said Wednesday, "Certainly there are '
        'discussions between the White House and the Sanders campaign."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("a White House official", "a White House official", "said")]


@pytest.mark.full_model
def test_short_clause_after_a_quote_read_from_its_words(nlp: Language) -> None:
    text = '"Would it be negotiable about the 11 million?" Hannity pressed.'
    doc = attribute(nlp, text)
    assert who(doc) == [("Hannity", "Hannity", "pressed")]
    assert layouts(doc) == ["after_words"]
    text = (
        '"If she wants to be the next president, she should come to Louisiana," the editorial read.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("the editorial", "the editorial", "read")]
    # a coordinated clause is no attribution
    doc = attribute(nlp, 'The mayor spoke. "It is over," and the crowd laughed.')
    assert layouts(doc) != ["after_words"]


@pytest.mark.full_model
def test_name_tagged_as_a_verb_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Donald Trump faced Jeb Bush on stage.\n\n"
        '"Jeb wants to be a tough guy tonight," Trump shot back.'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Donald Trump"]
