"""An age description (`the 27-year-old`) means the person named with that age beside their
name (`ages.py`), on hand-made docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.entities.ages import aged_otherwise, described_age, person_of_age
from app.pipeline.entities.article_names import ArticleNames
from app.pipeline.entities.named import Cluster, Name


def _person(start: int, end: int, text: str) -> Cluster:
    words = tuple(text.lower().split())
    name = Name(start, end, words, text, None, frozenset(), None, "person", True)
    return Cluster([name], name, "person")


def test_an_age_description_states_its_age() -> None:
    assert described_age("the 27-year-old") == 27
    assert described_age("27-Year-Old") == 27
    assert described_age("the 19-year-old defenceman") == 19
    assert described_age("a 3-year-old's mother") == 3
    assert described_age("the 1999-year-old") is None
    assert described_age("the teenager") is None


def test_the_person_named_with_the_age_before_the_description() -> None:
    words = ["Ann", "Lee", ",", "27", ",", "met", "Tom", "Ray", "(", "64", ")", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    clusters = {"ann lee": _person(0, 2, "Ann Lee"), "tom ray": _person(6, 8, "Tom Ray")}
    article = ArticleNames.of(clusters)
    assert person_of_age(doc, 27, len(doc), article) == "ann lee"
    assert person_of_age(doc, 64, len(doc), article) == "tom ray"
    # no one of that age, or named only after the description
    assert person_of_age(doc, 30, len(doc), article) is None
    assert person_of_age(doc, 64, 5, article) is None


def test_another_age_set_off_by_commas_rules_a_person_out_but_a_bracketed_number_does_not() -> None:
    # `Ann Lee, 31, ...` is 31; `Tom Ray (14)` may be a player's jersey number
    words = ["Ann", "Lee", ",", "31", ",", "met", "Tom", "Ray", "(", "14", ")", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert aged_otherwise(doc, _person(0, 2, "Ann Lee"), 23)
    assert not aged_otherwise(doc, _person(0, 2, "Ann Lee"), 31)
    assert not aged_otherwise(doc, _person(6, 8, "Tom Ray"), 23)
