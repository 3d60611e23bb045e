"""Which nouns mean an organisation of a given name (`phrasing.noun_names_org`)."""

from __future__ import annotations

from app.pipeline.entities.phrasing import noun_names_org


def test_a_noun_names_the_organisation_by_a_word_of_its_name_or_its_introduction() -> None:
    assert noun_names_org("department", ("justice", "department"), frozenset())
    assert noun_names_org("company", ("loblaw", "companies", "ltd."), frozenset())
    assert noun_names_org("holding", ("power", "holdings"), frozenset())
    assert noun_names_org("company", ("shopify", "inc."), frozenset({"e-commerce", "company"}))
    # another noun
    assert not noun_names_org("union", ("loblaw", "companies"), frozenset({"grocer"}))
