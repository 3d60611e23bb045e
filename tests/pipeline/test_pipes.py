"""The shared component protocol: one JSON data file, find then annotate, errors to the handler."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from app.pipeline.pipes import DataPipe


class WordCounter(DataPipe):
    data_file = "counter.json"

    def __init__(self, vocab: Any, name: str = "counter") -> None:
        self.vocab = vocab
        self.name = name
        self.words = ["cat"]
        self.found: list[int] = []

    def to_json(self) -> dict[str, Any]:
        return {"words": self.words}

    def load_json(self, data: dict[str, Any]) -> None:
        self.words = data["words"]

    def find(self, doc: Doc) -> int:
        if doc.text == "boom":
            raise ValueError("cannot count a boom")
        return sum(t.lower_ in self.words for t in doc)

    def set_annotations(self, doc: Doc, found: int) -> None:
        self.found.append(found)


def test_find_then_annotate_and_errors_go_to_the_handler() -> None:
    nlp = spacy.blank("en")
    counter = WordCounter(nlp.vocab)
    counter(nlp("A cat and a Cat."))
    assert counter.found == [2]
    with pytest.raises(ValueError, match="cannot count a boom"):
        counter(nlp("boom"))
    seen: list[str] = []
    counter.set_error_handler(lambda name, _proc, docs, e: seen.append(f"{name}: {e}"))
    doc = nlp("boom")
    assert counter(doc) is doc and seen == ["counter: cannot count a boom"]


def test_data_is_one_json_file(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    counter = WordCounter(nlp.vocab)
    counter.words = ["dog", "owl"]
    counter.to_disk(tmp_path / "counter")
    assert (tmp_path / "counter" / "counter.json").read_text() == '{"words": ["dog", "owl"]}'
    again = WordCounter(nlp.vocab).from_disk(tmp_path / "counter")
    assert again.words == ["dog", "owl"]
    assert WordCounter(nlp.vocab).from_bytes(counter.to_bytes()).words == ["dog", "owl"]
