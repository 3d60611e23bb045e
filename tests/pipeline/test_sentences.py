"""`paragraph_sentences`: a line break starts a sentence, so the parser no longer runs a headline
with no full stop into the first paragraph; two proper nouns side by side are one sentence."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.sentences import paragraph_sentences

HEADLINE_AND_LEAD = (
    "Crews brace for windy weekend as evacuation orders expand\n\n"
    "Fire officials in the province say the weekend could be dangerous."
)


def test_the_word_after_each_line_break_starts_a_sentence() -> None:
    words = ["Orders", "expand", "\n\n", "Officials", "say", "so", "\n", "Then", "rain", "came"]
    spaces = [True, False, False, True, True, False, False, True, True, False]
    doc = paragraph_sentences(Doc(spacy.blank("en").vocab, words=words, spaces=spaces))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Orders", "Officials", "Then"]
    assert doc[4].is_sent_start is None  # inside a line: left to the parser


def test_the_second_of_two_proper_nouns_side_by_side_starts_no_sentence() -> None:
    words = [
        "Barnes",
        "says",
        "so",
        "\n\n",
        "Scottie",
        "Barnes",
        "is",
        "here",
        ".",
        "Washington",
        "D.C.",
        "Trump",
    ]
    tags = ["NNP", "VBZ", "RB", "_SP", "NNP", "NNP", "VBZ", "RB", ".", "NNP", "NNP", "NNP"]
    spaces = [True, True, False, False, True, True, True, False, True, True, True, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=tags)
    doc = paragraph_sentences(doc)
    assert doc[4].is_sent_start is True  # after the line break
    assert doc[5].is_sent_start is False  # `Scottie Barnes`: one name
    assert doc[10].is_sent_start is False  # `Washington D.C.`
    assert doc[11].is_sent_start is None  # after an abbreviation's full stop: the parser's call
    assert doc[1].is_sent_start is None


@pytest.mark.full_model
def test_a_name_after_a_headline_stays_one_name(nlp: Language) -> None:
    doc = nlp("Barnes says team is fine\n\nScottie Barnes isn't hiding from the start.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Scottie Barnes"]


@pytest.mark.full_model
def test_the_parser_keeps_the_headline_apart(nlp: Language) -> None:
    doc = nlp(HEADLINE_AND_LEAD)
    officials = next(t for t in doc if t.text == "officials")
    assert officials.dep_ == "nsubj"
    assert officials.head.text == "say"
    assert [s.text.strip() for s in doc.sents][0] == HEADLINE_AND_LEAD.split("\n")[0]


@pytest.mark.full_model
def test_it_runs_before_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("paragraph_sentences") == names.index("parser") - 1


def test_every_line_of_a_long_text_starts_a_sentence() -> None:
    lines = 5000
    words, spaces = ["x", "\n"] * lines, [False, False] * lines
    doc = paragraph_sentences(Doc(spacy.blank("en").vocab, words=words, spaces=spaces))
    assert sum(1 for t in doc if t.is_sent_start) == lines
