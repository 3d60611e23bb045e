"""The speech classifier's training script: examples from a gold file, the fit, the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from app.pipeline.quotes.component import QuoteFinder
from app.pipeline.quotes.lexicons import Lexicons
from app.pipeline.quotes.model import SpeechModel
from app.tools.evaluation.gold import load_gold
from app.tools.training import quotes as training
from tests.pipeline.quotes.conftest import quote_finder_data

HEADLINE = 'Mayor vows to "fight on"\n\n'
SPOKEN = '"We will win this fight," the mayor said. Critics called it a "stunt" today.'
TERMS = 'The "undercard" debate ran long. He used the word "woke" twice.'


def gold_line(i: int, text: str, quoted: list[str]) -> str:
    quotes = []
    for q in quoted:
        start = text.index(q)
        quotes.append({"start": start, "end": start + len(q), "text": q, "type": "direct"})
    return json.dumps({"id": f"a{i}", "text": text, "quotes": quotes})


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    lines = []
    for i in range(6):
        text = HEADLINE + SPOKEN + "\n\n" + TERMS
        lines.append(gold_line(i, text, ["We will win this fight,", "stunt"]))
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    return path


@pytest.fixture(scope="module")
def blank_with_lexicons() -> tuple[Language, Lexicons]:
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.initialize(lambda: [], nlp=nlp, **quote_finder_data())
    return spacy.blank("en"), finder.lexicons


def test_examples_leave_out_headlines_and_defined_types(
    gold_file: Path, blank_with_lexicons: tuple[Language, Lexicons]
) -> None:
    nlp, lex = blank_with_lexicons
    examples = training.collect(load_gold(gold_file), nlp, lex)
    # per article: "We will win...", "stunt" (gold), "undercard" (not); "woke" is defined
    # (a word as a word) and "fight on" is in the headline: neither is an example
    assert len(examples.labels) == 18
    assert sum(examples.labels) == 12
    assert "headline" not in examples.names and "rule_noun_modifier" in examples.names
    assert all(len(row) == len(examples.names) for row in examples.rows)


def test_fit_writes_a_model_the_pipeline_reads(
    gold_file: Path, blank_with_lexicons: tuple[Language, Lexicons], tmp_path: Path
) -> None:
    nlp, lex = blank_with_lexicons
    examples = training.collect(load_gold(gold_file), nlp, lex)
    model = training.fit(examples, min_recall=0.9, info="test")
    assert model.features == examples.names and model.info == "test"
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf8")
    assert SpeechModel.from_path(path) == model


def test_fit_needs_both_labels(blank_with_lexicons: tuple[Language, Lexicons]) -> None:
    examples = training.Examples(("a",), [[1.0], [0.0]], [True, True])
    with pytest.raises(ValueError, match="both gold quotes and other passages"):
        training.fit(examples)


def test_threshold_keeps_the_recall_asked_for() -> None:
    probabilities = [0.95, 0.9, 0.8, 0.55, 0.3, 0.2]
    labels = [True, True, True, False, True, False]
    assert training.choose_threshold(probabilities, labels, min_recall=0.75) == 0.6
    assert training.choose_threshold(probabilities, labels, min_recall=1.0) == 0.25
    assert training.choose_threshold(probabilities, labels, min_recall=1.01) == 0.1


def test_main_trains_and_writes_json(
    gold_file: Path,
    blank_with_lexicons: tuple[Language, Lexicons],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(training, "_pipeline", lambda *, blank: blank_with_lexicons)
    out = tmp_path / "quote_classifier.json"
    assert training.main([str(gold_file), "--out", str(out), "--blank", "--min-recall", "0.9"]) == 0
    model = SpeechModel.from_path(out)
    assert "gold.jsonl" in model.info and 0.0 < model.threshold < 1.0
