"""Fitting the confidence model: logistic regressions from attribution features to "the speaker
is right", so that `confidence` is a probability a newsroom can set review thresholds on.

- The general model is fitted on the training articles (every judged quote our pipeline
  attributes, except pronoun resolutions).
- The pronoun model is fitted on the pronoun resolutions of the dev articles whose pronoun
  sources carry annotated antecedents (the quotations, and the reported speech that holds an
  annotated fragment: `gold.borrow_antecedents`). Train's pronoun resolutions are left out: its
  pronoun sources are not judged, so the few judged ones are those whose gold source is some
  other mention, mostly our errors (right 56% of the time against 93% on dev), which taught the
  model that a reported pronoun is rarely right. Its quality is reported out of fold: k folds
  over dev articles, each fold scored by a model fitted without it. The shipped model is then
  fitted on all of them.
Fitted weights go to `models/confidence.json`; the pipeline only applies them.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from app.tools.evaluation.calibration import reliability
from app.tools.training.rows import Row

# Inverse regularization strength of the logistic regressions.
REGULARIZATION_C = 1.0
# Folds of the out-of-fold estimate of the pronoun model.
PRONOUN_FOLDS = 5


def fit(rows: Sequence[Row]) -> dict[str, Any]:
    """A logistic model (as JSON: intercept and weights by feature name) fitted on `rows`."""
    from sklearn.linear_model import LogisticRegression

    names = sorted({name for row in rows for name in row.features})
    x = [[row.features.get(name, 0.0) for name in names] for row in rows]
    y = [int(row.correct) for row in rows]
    if len(set(y)) < 2:
        share = sum(y) / len(y) if y else 0.5
        return {"intercept": _logit(share), "weights": {}}
    model = LogisticRegression(C=REGULARIZATION_C, max_iter=2000)
    model.fit(x, y)
    weights = {n: float(w) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-9}
    return {"intercept": float(model.intercept_[0]), "weights": weights}


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def probability(model: dict[str, Any], features: dict[str, float]) -> float:
    """The fitted model's probability for one row (the pipeline computes the same)."""
    z = model["intercept"] + sum(model["weights"].get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def apply(model: dict[str, Any], rows: Sequence[Row]) -> list[tuple[float, bool]]:
    return [(probability(model, r.features), r.correct) for r in rows]


def out_of_fold(folded: Sequence[Row], folds: int, seed: int = 0) -> list[tuple[float, bool]]:
    """Scores of `folded` rows, each by a model fitted on the other folds (folds are whole
    articles, so no article is scored by a model that saw it)."""
    docs = sorted({r.doc_id for r in folded})
    random.Random(seed).shuffle(docs)
    fold_of = {doc: k % folds for k, doc in enumerate(docs)}
    scored: list[tuple[float, bool]] = []
    for k in range(folds):
        held = [r for r in folded if fold_of[r.doc_id] == k]
        if not held:
            continue
        model = fit([r for r in folded if fold_of[r.doc_id] != k])
        scored.extend(apply(model, held))
    return scored


def train(
    train_rows: Sequence[Row], dev_rows: Sequence[Row], *, sources: dict[str, str]
) -> dict[str, Any]:
    """The confidence model (JSON) and the figures that describe it."""
    general_rows = [r for r in train_rows if r.resolution != "pronoun"]
    pronoun_train = [r for r in train_rows if r.resolution == "pronoun"]  # (left out: biased)
    pronoun_dev = [r for r in dev_rows if r.resolution == "pronoun" and r.gold_pronoun]
    general = fit(general_rows)
    pronoun = fit(pronoun_dev)
    oof = out_of_fold(pronoun_dev, PRONOUN_FOLDS)
    dev_general = apply(general, [r for r in dev_rows if r.resolution != "pronoun"])
    meta = {
        "fitted": datetime.now(UTC).strftime("%Y-%m-%d"),
        "sources": sources,
        "rows": {
            "general": len(general_rows),
            "pronoun_train_left_out": len(pronoun_train),
            "pronoun_dev": len(pronoun_dev),
        },
        "ece": {
            "general_train_in_sample": reliability(apply(general, general_rows))["ece"],
            "general_dev": reliability(dev_general)["ece"],
            "pronoun_dev_out_of_fold": reliability(oof)["ece"],
            "dev_all_pronoun_out_of_fold": reliability([*dev_general, *oof])["ece"],
        },
    }
    return {"general": general, "pronoun": pronoun, "meta": meta}
