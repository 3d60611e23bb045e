"""`"Q," the statement read`: the words of whoever issued the statement, as the article tied it
to them where it last mentioned it (`entities.documents`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("introduction", "issuer"),
    [
        ("In a statement, Harbourside Energy said it was co-operating.", "Harbourside Energy"),
        ("Transport Canada said in an emailed statement that it would review.", "Transport Canada"),
        ("Mayor Ann Lee issued a statement on Friday.", "Ann Lee"),
        ("Harbourside Energy's statement came late on Friday.", "Harbourside Energy"),
        ("A statement from Harbourside Energy came late on Friday.", "Harbourside Energy"),
    ],
)
def test_the_statement_speaks_for_its_issuer(nlp: Language, introduction: str, issuer: str) -> None:
    text = f'{introduction}\n\n"Our people come first," the statement read.'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc) == [(issuer, "the statement", "read")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "introduction",
    [
        "The report was released on Tuesday by the committee.",  # no one named issued it
        "The union's statement came late on Friday.",  # an issuer the article never names
        "A statement was posted on Friday.",
    ],
)
def test_a_document_tied_to_no_named_issuer_stays_the_speaker(
    nlp: Language, introduction: str
) -> None:
    noun = "report" if "report" in introduction else "statement"
    text = f'{introduction}\n\n"Controls were weak," the {noun} said.'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc) == [(f"the {noun}", f"the {noun}", "said")]


@pytest.mark.full_model
def test_only_the_last_mention_of_the_document_counts(nlp: Language) -> None:
    """The nearest earlier statement is the one meant: when it has no issuer, an older one's is
    not borrowed."""
    text = (
        "In a statement, Harbourside Energy said it was co-operating.\n\n"
        "A second statement was posted on Friday.\n\n"
        '"Our people come first," the statement read.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc) == [("the statement", "the statement", "read")]
