"""Calibration figures of `quotes evaluate`: ECE, reliability bins, bands, the diagram."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.tools.evaluation.calibration import plot_reliability, reliability
from app.tools.evaluation.gold import GoldDoc, GoldQuote, PredQuote
from app.tools.evaluation.scoring import evaluate


def test_perfectly_calibrated_confidence_has_zero_ece() -> None:
    pairs = [(0.25, True), (0.25, False), (0.25, False), (0.25, False), (0.75, True)] + [
        (0.75, True),
        (0.75, True),
        (0.75, False),
    ]
    result = reliability(pairs)
    assert result["ece"] == pytest.approx(0.0)
    assert result["count"] == 8
    bins = {(b["low"], b["high"]): b for b in result["bins"] if b["count"]}
    assert bins[(0.2, 0.3)]["accuracy"] == 0.25
    assert bins[(0.7, 0.8)]["accuracy"] == 0.75


def test_overconfidence_is_measured_per_bin() -> None:
    # all at 0.9 but half right: |0.5 - 0.9| = 0.4; all at 0.1 and all wrong: 0.1
    pairs = [(0.9, True), (0.9, False), (0.1, False), (0.1, False)]
    assert reliability(pairs)["ece"] == pytest.approx(0.5 * 0.4 + 0.5 * 0.1)
    assert reliability([])["ece"] is None  # nothing attributed: no calibration to report


def test_bands_count_every_quote_once() -> None:
    pairs = [(0.0, False), (0.49, False), (0.5, True), (0.96, True), (1.0, True)]
    bands = reliability(pairs)["bands"]
    assert [b["count"] for b in bands] == [2, 1, 0, 0, 2]
    assert bands[-1]["accuracy"] == 1.0 and bands[2]["accuracy"] is None


def test_pronoun_speakers_and_calibration_come_from_judged_quotes() -> None:
    text = "x" * 40
    doc = GoldDoc(
        "a",
        text,
        (
            GoldQuote(0, 10, text[:10], "Ann Lee", True, pronoun=True),
            GoldQuote(20, 30, text[20:30], "Bo Tam", True),
            GoldQuote(32, 38, text[32:38], None, False),
        ),
    )
    predicted = [
        PredQuote(0, 10, text[:10], "Lee", "pronoun", 0.8),
        PredQuote(20, 30, text[20:30], "Cy Dow", "explicit", 0.6),
        PredQuote(32, 38, text[32:38], "Cy Dow", "explicit", 0.9),
    ]
    metrics = evaluate([doc], [predicted]).metrics
    assert metrics["pronoun_speakers"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    calibration = metrics["calibration"]
    assert calibration["count"] == 2  # the unscored third quote is not judged
    assert calibration["ece"] == pytest.approx(0.5 * 0.2 + 0.5 * 0.6)


def test_reliability_diagram_is_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "reliability.png"
    plot_reliability({"ours": reliability([(0.9, True), (0.2, False), (0.6, True)])}, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
