"""The `words_of` layout: a phrase of whose words or view the quote is (`in the words of X`,
`in X's view`), tested on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who


@pytest.mark.full_model
def test_in_the_words_of_someone_before_a_fragment(nlp: Language) -> None:
    """The fragment is the adviser's words, not those of the subject of a cue further up."""
    text = (
        "Mayor Ellen Brooks said the library would reopen, and that the new wing was, in the "
        'words of one city planner, "a gift to the whole town."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert layouts(doc) == ["words_of"]
    assert who(doc)[0][1] == "one city planner"


@pytest.mark.full_model
def test_in_someones_view_after_a_quote(nlp: Language) -> None:
    """`"Q" from A to B, in Ruiz's view.`: Ruiz."""
    text = (
        "The report landed on Monday.\n\n"
        '"It is a failure of planning and of nerve" from the budget to the buses, in '
        "Ruiz\u2019s view."
    )
    doc = attribute(nlp, text)
    assert layouts(doc) == ["words_of"]
    mention = who(doc)[0][1]
    assert mention is not None and mention.startswith("Ruiz")


@pytest.mark.full_model
def test_in_my_view_names_no_one(nlp: Language) -> None:
    """The writer's own view (`in my view`) credits no one."""
    text = 'The budget is, in my view, "a failure of nerve."'
    doc = attribute(nlp, text, ["partial"])
    assert layouts(doc) != ["words_of"]
