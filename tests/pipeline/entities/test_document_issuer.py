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


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("before", "speaker"),
    [
        # the document's possessor, a name
        ("Gregory Hallett's letter did not mention the order by name.", "Gregory Hallett"),
        # a possessive pronoun, resolved as any pronoun is
        (
            "Lin Zhao lost her savings. Her statement was read aloud by the Crown.",
            "Lin Zhao",
        ),
    ],
)
def test_it_after_a_sentence_about_a_document_is_the_documents_issuer(
    nlp: Language, before: str, speaker: str
) -> None:
    """`... letter did not mention the order. Instead, it referred to "Q"`: "it" goes on with
    the document the sentence before was about, not the organisation named earlier."""
    text = (
        "The Financial Crimes Enforcement Network fined the bank last month.\n\n"
        f'{before}\n\n"We acted in good faith," it read.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [name for name, *_ in who(doc)] == [speaker]
    # a quotation of several sentences: the sentence before it, not its own first one
    longer = text.replace('"We acted', '"We lost. We acted')
    assert [name for name, *_ in who(attribute(nlp, longer, ["direct"]))] == [speaker]


@pytest.mark.full_model
def test_it_after_a_sentence_about_no_document_is_an_organisation(nlp: Language) -> None:
    text = (
        "The Financial Crimes Enforcement Network fined the bank last month.\n\n"
        '"We acted on the evidence," it said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [name for name, *_ in who(doc)] == ["Financial Crimes Enforcement Network"]
