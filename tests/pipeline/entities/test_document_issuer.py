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


@pytest.mark.full_model
def test_a_bare_the_memo_refers_back_to_the_memo_its_issuer_sent(nlp: Language) -> None:
    text = (
        "In an internal memo sent to staff, chief executive Nadia Brightwater-Kaur said the "
        "decision was painful.\n\n"
        "The memo said affected employees would receive severance.\n\n"
        '"We are not going anywhere," the memo continued.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc) == [("Nadia Brightwater-Kaur", "the memo", "continued")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("introduction", "issuer"),
    [
        # the issuer is a role noun that means the organisation named before it
        (
            "Harbourline Terminals Inc. runs the port. The company said in a statement that it "
            "was disappointed.",
            "Harbourline Terminals Inc.",
        ),
        # the issuer's name is set beside the noun that names it
        (
            "A statement from Szeto's mother, Wai-Ling Szeto, was read aloud in court.",
            "Wai-Ling Szeto",
        ),
        # a person's role noun: the person named with that role
        (
            "Ann Lee, a real estate mogul, met Raj Patel on Friday. In a statement, the mogul "
            "said the deal was done.",
            "Ann Lee",
        ),
        # no one was named a senator: the nearest person named is no issuer
        (
            "Ann Lee met Raj Patel on Friday. In a statement, the senator said the deal was done.",
            "the statement",
        ),
    ],
)
def test_the_statement_speaks_for_the_issuer_a_noun_names(
    nlp: Language, introduction: str, issuer: str
) -> None:
    text = f'{introduction}\n\n"Our people come first," the statement read.'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc) == [(issuer, "the statement", "read")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("introduction", "mention", "issuer"),
    [
        # a kind of warning, the one issued among several
        (
            "Environment Canada issued rainfall and wind warnings on Saturday.",
            "The wind warning",
            "Environment Canada",
        ),
        ("The RCMP issued a news release on Friday.", "The news release", "RCMP"),
    ],
)
def test_a_document_named_by_its_kind_speaks_for_its_issuer(
    nlp: Language, introduction: str, mention: str, issuer: str
) -> None:
    text = f'{introduction}\n\n{mention} said "damage to buildings may occur."'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [(issuer, mention, "said")]
