"""Where the NER's label on a name says nothing of it, on hand-made docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.entities.misread import clause_read_as_title, person_read_as_work

FIRST_NAMES = frozenset({"jean", "ann"})


def _doc(
    words: list[str], pos: list[str], deps: list[str], heads: list[int], ents: list[str]
) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents)


def _is_first_name(word: str) -> bool:
    return word.lower() in FIRST_NAMES


def test_a_clause_read_as_a_title() -> None:
    words, pos = ["Chow", "told", "council"], ["PROPN", "VERB", "NOUN"]
    deps, heads = ["nsubj", "ROOT", "dobj"], [1, 1, 1]
    doc = _doc(words, pos, deps, heads, ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART"])
    assert clause_read_as_title(doc[0])
    doc = _doc(words, pos, deps, heads, ["B-WORK_OF_ART", "O", "O"])
    assert not clause_read_as_title(doc[0])


def test_a_person_read_as_a_work_has_a_first_name_inside() -> None:
    words = ["Minister", "Ann", "Roberge", "said"]
    pos, deps = ["PROPN", "PROPN", "PROPN", "VERB"], ["compound", "compound", "nsubj", "ROOT"]
    work = ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O"]
    doc = _doc(words, pos, deps, [2, 2, 3, 3], work)
    assert person_read_as_work(doc[2], _is_first_name)
    title = _doc(["Game", "of", "Thrones", "said"], pos, deps, [2, 2, 3, 3], work)
    assert not person_read_as_work(title[2], _is_first_name)
    # a person's label, or the work as no one's subject
    person = _doc(words, pos, deps, [2, 2, 3, 3], ["B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert not person_read_as_work(person[2], _is_first_name)
    obj = _doc(words, pos, ["compound", "compound", "dobj", "ROOT"], [2, 2, 3, 3], work)
    assert not person_read_as_work(obj[2], _is_first_name)
