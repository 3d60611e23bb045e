"""Which nouns mean an organisation of a given name (`phrasing.noun_names_org`)."""

from __future__ import annotations

from app.pipeline.entities.phrasing import noun_names_org
from app.pipeline.lexicon import read_table
from tests.pipeline.support import MODELS

NONE: dict[str, frozenset[str]] = {}


def test_a_noun_names_the_organisation_by_a_word_of_its_name_or_its_introduction() -> None:
    assert noun_names_org("department", ("justice", "department"), frozenset(), NONE)
    assert noun_names_org("company", ("loblaw", "companies", "ltd."), frozenset(), NONE)
    assert noun_names_org("holding", ("power", "holdings"), frozenset(), NONE)
    introduced = frozenset({"e-commerce", "company"})
    assert noun_names_org("company", ("shopify", "inc."), introduced, NONE)
    # another noun
    assert not noun_names_org("union", ("loblaw", "companies"), frozenset({"grocer"}), NONE)


def test_a_name_word_that_shows_the_kind_lets_the_noun_mean_it() -> None:
    kinds = {row[0]: frozenset(row[1:]) for row in read_table(MODELS / "org_kind_words.tsv")}
    association = ("canadian", "civil", "liberties", "association")
    assert noun_names_org("company", ("shopify", "inc."), frozenset(), kinds)
    assert noun_names_org("company", ("ford", "motor", "co."), frozenset(), kinds)
    assert noun_names_org("group", association, frozenset(), kinds)
    # the kind words of one noun show nothing of another
    assert not noun_names_org("union", ("ford", "motor", "co."), frozenset(), kinds)
    assert not noun_names_org("company", association, frozenset(), kinds)
    # without the table, a name's suffix says nothing
    assert not noun_names_org("company", ("shopify", "inc."), frozenset(), NONE)
