"""The quote_finder component: spans, serialization, lexicon files, the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.lexicon import read_lexicon
from app.pipeline.quotes.component import QuoteFinder
from tests.pipeline.quotes.test_scan import check_invariants
from tests.pipeline.support import MODELS, SEED, quotes_of, spans_of


def test_spans_are_token_aligned_and_cover_the_content(blank_nlp: Language) -> None:
    text = 'He said "we\'ll see,"\u00a0and left. \u05e9\u05dc\u05d5\u05dd "\U0001f600 ok"'
    doc = blank_nlp(text)
    for span in doc.spans[QUOTES_KEY]:
        q = span._.quote
        assert span.start_char <= q.start and q.end <= span.end_char


# -- serialization --------------------------------------------------------------------------------


def test_to_disk_and_from_disk_keep_the_lexicons(blank_nlp: Language, tmp_path: Path) -> None:
    finder = blank_nlp.get_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.to_disk(tmp_path / "qf")
    other = spacy.blank("en")
    reloaded = other.add_pipe("quote_finder")
    assert isinstance(reloaded, QuoteFinder)
    reloaded.from_disk(tmp_path / "qf")
    assert reloaded.lexicons == finder.lexicons
    text = 'He attacked so-called "sanctuary cities" and said "we will win".'
    assert spans_of(other, text) == spans_of(blank_nlp, text)


def test_whole_pipeline_round_trip(blank_nlp: Language, tmp_path: Path) -> None:
    blank_nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    text = 'A so-called "term" and "a real quote," she said.'
    assert spans_of(loaded, text) == spans_of(blank_nlp, text)


def test_lexicon_files_have_header_and_entries() -> None:
    for name in (
        "scare_quote_cues.txt",
        "title_quote_cues.txt",
        "quote_speech_cues.txt",
        "title_quote_heads.txt",
        "quote_term_cues.txt",
        "quote_term_use_verbs.txt",
        "quote_thinking_verbs.txt",
        "quote_furniture_labels.txt",
        "quote_caption_marks.txt",
    ):
        path = MODELS / name
        assert path.read_text(encoding="utf8").startswith("#")
        assert len(read_lexicon(path)) > 5


# -- the seed article, full model -----------------------------------------------------------------

SEED_SPEECH_TEXTS = [
    "enforce our immigration laws",
    "We are going to become this administration's worst nightmare",
    "They make our nation less safe by putting risky criminals back on the streets",
    "The President is trying to force our cities to join him in his bullying of immigrants and "
    "their families",
    "sending to, or receiving from, the Immigration and Naturalization Service information "
    "regarding the citizenship or immigration status, lawful or unlawful, of any individual",
    "Trump's immigration policy is based in bigotry not safety",
    "We will fight to protect the safety and dignity of all Angelenos, and we will work closely "
    "with our representatives in Congress to make sure that Los Angeles does not go without "
    "federal resources that help protect millions of people every day",
    "But the point is, it's voluntary whether or not to cooperate",
]


@pytest.mark.full_model
def test_seed_article_speech_quotes(nlp: Language) -> None:
    text = SEED.read_text(encoding="utf8")
    quotes = quotes_of(nlp, text)
    check_invariants(text, quotes)
    assert [q.text for q in quotes if q.is_speech] == SEED_SPEECH_TEXTS
    assert [q.type for q in quotes if q.is_speech][0] == "partial"
    assert [(q.text, q.type) for q in quotes if not q.is_speech] == [("sanctuary cities", "scare")]


def test_seed_article_without_the_model(blank_nlp: Language) -> None:
    text = SEED.read_text(encoding="utf8")
    assert [q.text for q in quotes_of(blank_nlp, text) if q.is_speech] == SEED_SPEECH_TEXTS


@pytest.mark.full_model
def test_full_model_classification_matches_blank(nlp: Language, blank_nlp: Language) -> None:
    text = (
        'Trump called him a "loser". The film "Dark Waters" opened. "We won," he said. '
        'They held a "unity" lunch.'
    )
    expected = [
        ("loser", "partial"),
        ("Dark Waters", "title"),
        ("We won,", "direct"),
        ("unity", "scare"),
    ]
    assert spans_of(nlp, text) == expected
    assert spans_of(blank_nlp, text) == expected
