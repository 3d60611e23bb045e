"""Pipeline fixtures: a blank English pipeline with the quote finder (no model needed). Tests
that need the parse use the session's full pipeline, `nlp` (tests/conftest.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from app.pipeline.quotes.component import QuoteFinder
from tests.pipeline.support import initialize_data


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """`spacy.blank("en")` + quote_finder with the lexicons of models/ (no parse, no tags)."""
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.initialize(lambda: [], nlp=nlp, **initialize_data("quote_finder"))
    return nlp
