"""Fitting the confidence model, on made-up rows."""

from __future__ import annotations

import random

import pytest

from app.tools.training import confidence
from app.tools.training.rows import Row


def _rows(n: int, seed: int = 1) -> list[Row]:
    """Rows where an explicit layout is right 90% of the time and a pronoun 60%."""
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        pronoun = k % 2 == 1
        right = rng.random() < (0.6 if pronoun else 0.9)
        features = {"resolution=pronoun" if pronoun else "resolution=explicit": 1.0}
        rows.append(
            Row(f"d{k % 10}", features, right, "pronoun" if pronoun else "explicit", pronoun, 0.5)
        )
    return rows


def test_fit_recovers_the_rates_of_each_kind() -> None:
    rows = _rows(2000)
    model = confidence.fit(rows)
    explicit = confidence.probability(model, {"resolution=explicit": 1.0})
    pronoun = confidence.probability(model, {"resolution=pronoun": 1.0})
    assert explicit == pytest.approx(0.9, abs=0.03)
    assert pronoun == pytest.approx(0.6, abs=0.05)


def test_a_single_class_gives_its_rate() -> None:
    rows = [Row("d", {"x": 1.0}, True, "explicit", False, 0.5)] * 3
    model = confidence.fit(rows)
    assert model["weights"] == {}
    assert confidence.probability(model, {"x": 1.0}) > 0.99


def test_out_of_fold_scores_every_held_row_once() -> None:
    rows = _rows(200)
    pronouns = [r for r in rows if r.resolution == "pronoun"]
    scored = confidence.out_of_fold(pronouns, folds=5)
    assert len(scored) == len(pronouns)
    assert sorted(ok for _, ok in scored) == sorted(r.correct for r in pronouns)


def test_train_reports_out_of_fold_pronoun_ece() -> None:
    rows = _rows(400)
    model = confidence.train(rows, rows, sources={"train": "a", "dev": "b"})
    assert set(model) == {"general", "pronoun", "meta"}
    assert model["meta"]["rows"]["general"] == 200
    assert 0.0 <= model["meta"]["ece"]["pronoun_dev_out_of_fold"] <= 1.0


def test_the_pronoun_model_is_fitted_on_dev_antecedents_only() -> None:
    """Train's judged pronoun rows are a biased few (its pronoun sources are not judged): the
    pronoun model learns from dev's annotated antecedents alone, and counts what it left out."""
    dev = _rows(400)  # pronouns right 60% of the time
    wrong_train = [
        Row(f"t{k}", {"resolution=pronoun": 1.0}, False, "pronoun", False, 0.5) for k in range(300)
    ]
    model = confidence.train(wrong_train, dev, sources={"train": "a", "dev": "b"})
    assert model["meta"]["rows"]["pronoun_train_left_out"] == 300
    assert model["meta"]["rows"]["pronoun_dev"] == 200
    pronoun = confidence.probability(model["pronoun"], {"resolution=pronoun": 1.0})
    assert pronoun == pytest.approx(0.6, abs=0.06)
