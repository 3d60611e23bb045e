"""The speech classifier's training script: examples from a gold file, the fit, the JSON the
quote finder reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
import spacy
from spacy.language import Language
from spacy.util import load_config, registry

from app.pipeline import register_components
from app.tools.evaluation.gold import load_gold
from app.tools.training import quotes as training

ROOT = Path(__file__).resolve().parents[3]
MODELS = ROOT / "models"
HEADLINE = 'Mayor vows to "fight on"\n\n'
SPOKEN = '"We will win this fight," the mayor said. Critics called it a "stunt" today.'
TERMS = 'The "undercard" debate ran long. He mocked the word "woke" twice.'


def gold_line(i: int, text: str, quoted: list[str]) -> str:
    quotes = []
    for q in quoted:
        start = text.index(q)
        quotes.append({"start": start, "end": start + len(q), "text": q, "type": "direct"})
    return json.dumps({"id": f"a{i}", "text": text, "quotes": quotes})


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    text = HEADLINE + SPOKEN + "\n\n" + TERMS
    lines = [gold_line(i, text, ["We will win this fight,", "stunt"]) for i in range(6)]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    return path


def finder_pipeline(classifier: Path | None = None) -> Language:
    """A blank pipeline whose quote finder loads the lexicons models/pipeline.cfg names."""
    register_components()
    config = load_config(
        MODELS / "pipeline.cfg", overrides={"paths.models": str(MODELS)}, interpolate=True
    )
    data: dict[str, Any] = dict(
        registry.resolve(config["initialize"]["components"])[training.FINDER]
    )
    data["classifier"] = classifier
    nlp = spacy.blank("en")
    finder = nlp.add_pipe(training.FINDER)
    finder.initialize(lambda: [], nlp=nlp, **data)  # type: ignore[attr-defined]
    return nlp


@pytest.fixture(scope="module")
def finder() -> training.ExampleSource:
    return cast(training.ExampleSource, finder_pipeline().get_pipe(training.FINDER))


def test_examples_leave_out_headlines_and_defined_types(
    gold_file: Path, finder: training.ExampleSource
) -> None:
    examples = training.collect(load_gold(gold_file), spacy.blank("en"), finder)
    # per article: "We will win...", "stunt" (gold), "undercard" (not); "woke" is defined
    # (a word as a word) and "fight on" is in the headline: neither is an example
    assert len(examples.labels) == 18
    assert sum(examples.labels) == 12
    assert "headline" not in examples.names and "rule_noun_modifier" in examples.names
    assert all(len(row) == len(examples.names) for row in examples.rows)


def test_fit_writes_a_model_the_quote_finder_reads(
    gold_file: Path, finder: training.ExampleSource, tmp_path: Path
) -> None:
    examples = training.collect(load_gold(gold_file), spacy.blank("en"), finder)
    model = training.fit(examples, min_recall=0.9, info="test")
    assert model["features"] == list(examples.names) and model["info"] == "test"
    assert len(model["weights"]) == len(model["features"])
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model), encoding="utf8")
    loaded = finder_pipeline(path).get_pipe(training.FINDER)
    assert loaded.model is not None  # type: ignore[attr-defined]
    assert loaded.model.to_dict() == model  # type: ignore[attr-defined]


def test_fit_needs_both_labels() -> None:
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
    finder: training.ExampleSource,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(training, "_pipeline", lambda *, blank: (spacy.blank("en"), finder))
    out = tmp_path / "quote_classifier.json"
    argv = [str(gold_file), "--out", str(out), "--blank", "--min-recall", "0.9"]
    assert training.main(argv) == 0
    model = json.loads(out.read_text(encoding="utf8"))
    assert "gold.jsonl" in model["info"] and 0.0 < model["threshold"] < 1.0
