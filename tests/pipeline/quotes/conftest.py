"""Quote-finder fixtures: a blank English pipeline whose quote finder loads every lexicon (and the
speech model) exactly as `models/pipeline.cfg` names them."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

from app.pipeline.quotes.component import QuoteFinder
from tests.pipeline.support import initialize_data


def quote_finder_data() -> dict[str, Any]:
    """The [initialize.components.quote_finder] section of models/pipeline.cfg, resolved."""
    return initialize_data("quote_finder")


@pytest.fixture(scope="session")
def quote_nlp() -> Language:
    """`spacy.blank("en")` + quote_finder with every lexicon of models/ (no parse, no tags)."""
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.initialize(lambda: [], nlp=nlp, **quote_finder_data())
    return nlp
