"""The quote_reviewer: a quoted fragment with no speaker, no cue, no finite verb and no word of
saying in its sentence, or one capitalised word with no cue that ends no sentence, is a term
(scare, or title for a name); each case with look-alikes that stay speech."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.quotes.review import term_type
from app.pipeline.types import Quote
from tests.pipeline.support import spans_of

LEAD = "Talks stalled again.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The "stacking" of new fees on old ones is a sore point.', ("stacking", "scare")),
        ('But a "super PAC" backing him may start airing ads in June.', ("super PAC", "scare")),
        ('The "rate shock" would bring sharp drops in home prices.', ("rate shock", "scare")),
        # one capitalised word, no cue, no sentence end: a name or a term
        ('"Austerity" has been Ontario policy since the 2012 budget.', ("Austerity", "scare")),
        (
            'Viewers like the classics. "Friends" still draws a crowd on Netflix.',
            ("Friends", "scare"),
        ),
        # the phrase holding the quote is a plain verb's subject: no one says it
        (
            'The "Fight for $15 and Fairness" campaign rallied at city hall.',
            ("Fight for $15 and Fairness", "title"),
        ),
    ],
)
def test_a_fragment_nobody_says_is_a_term(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    with nlp.select_pipes(disable=["quote_reviewer"]):
        found = spans_of(nlp, LEAD + text)  # the finder's verdict: speech
    assert len(found) == 1 and found[0][0] == expected[0]
    assert found[0][1] in ("direct", "partial")
    assert spans_of(nlp, LEAD + text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue and a speaker mention: someone's words
        (
            'Clinton called the plan "reckless and dangerous."',
            ("reckless and dangerous.", "partial"),
        ),
        (
            'The officials described the "rate shock" as a risk.',
            ("rate shock", "partial"),
        ),
        # a finite verb: a clause, someone's words even with nobody named
        ('"We will win this election," she said.', ("We will win this election,", "direct")),
        ('The crowd was loud. "Build the wall!" they chanted.', ("Build the wall!", "direct")),
        # one word that ends its sentence is an answer; one under a cue is someone's word
        ('Asked whether he would run again, he shook his head. "No."', ("No.", "direct")),
        ('Clinton called him "Donald" during the whole debate.', ("Donald", "partial")),
    ],
)
def test_a_fragment_someone_says_stays_speech(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert spans_of(nlp, LEAD + text) == [expected]


def test_the_headline_is_left_to_the_finder(nlp: Language) -> None:
    text = 'A "super PAC" backing him may start airing ads.\n\nThe ads would run in June.'
    assert spans_of(nlp, text) == [("super PAC", "partial")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Comeback City", "title"),
        ("Fair Deal for Working Families", "title"),
        ("Austerity", "scare"),
        ("rate shock", "scare"),
        ("super PAC", "scare"),
    ],
)
def test_a_name_of_capitalised_words_is_a_title(content: str, expected: str) -> None:
    assert term_type(Quote(0, len(content), content, "partial", '"', '"')) == expected
