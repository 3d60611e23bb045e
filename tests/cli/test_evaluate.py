"""`quotes evaluate` on the repo's own gold file, as JSON and as a table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from app.cli import main
from app.tools.evaluation import predict
from app.tools.evaluation.scoring import RESOLUTION_KINDS
from tests.conftest import SEEDS_DIR

GOLD = SEEDS_DIR / "gold.jsonl"
SEED_ID = "seed-sanctuary-cities"


def test_evaluate_command_json_on_seed_gold(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(predict, "load_pipeline", lambda: nlp)
    assert main(["evaluate", str(GOLD), "--json", "--errors", "100"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 6
    ours = report["systems"]["ours"]
    assert set(ours) >= {"quotes_exact", "quotes_overlap", "attribution", "pairs", "by_resolution"}
    assert set(ours["by_resolution"]) == set(RESOLUTION_KINDS)
    for block in ("quotes_exact", "quotes_overlap", "pairs"):
        assert 0.0 <= ours[block]["f1"] <= 1.0
    missed = [e for e in report["errors"]["ours"] if e["kind"] == "missed"]
    assert [e for e in missed if e["doc_id"] == SEED_ID] == []  # every seed quote is found


def test_evaluate_command_table(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(predict, "load_pipeline", lambda: nlp)
    assert main(["evaluate", str(GOLD), "--skip-unannotated"]) == 0
    out = capsys.readouterr().out
    assert "quotes overlap F1" in out and "attribution accuracy" in out


def test_evaluate_command_reports_unreadable_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_evaluate_skip_headlines_scores_the_body_only(
    nlp: Language,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    # Gold that, like PolNeAR, leaves the headline's quote out.
    text = (
        'Mayor: "We will not back down"\n\n'
        '"The budget is balanced," Mayor Jane Ortiz said on Monday.'
    )
    start = text.index("The budget")
    end = text.index(',"') + 1
    gold = {
        "id": "a",
        "text": text,
        "quotes": [{"start": start, "end": end, "text": text[start:end], "speaker": "Jane Ortiz"}],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    monkeypatch.setattr(predict, "load_pipeline", lambda: nlp)

    def precision(*options: str) -> float:
        assert main(["evaluate", str(path), "--json", *options]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["systems"]["ours"]["quotes_overlap"]["recall"] == 1.0
        return float(report["systems"]["ours"]["quotes_overlap"]["precision"])

    assert precision() == 0.5  # the headline's quote counts against us
    assert precision("--skip-headlines") == 1.0


def test_evaluate_plot_without_matplotlib_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # stands in for an install without the eval extra: the check runs before any parsing
    monkeypatch.setattr("importlib.util.find_spec", lambda name, *a: None)
    code = main(["evaluate", str(SEEDS_DIR / "gold.jsonl"), "--plot", str(tmp_path / "r.png")])
    assert code == 2
    assert "--plot needs matplotlib" in capsys.readouterr().err
    assert not (tmp_path / "r.png").exists()
