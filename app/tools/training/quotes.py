"""Train the quote finder's speech classifier and write it as JSON for `models/`.

The examples are the passages our scanner finds in a gold file (`polnear-train.jsonl`), as the
quote finder itself describes them (`QuoteFinder.training_examples`): a passage is positive when
it overlaps a gold quote by half of the shorter span (as the evaluator matches), negative
otherwise; headlines and passages typed by a rule that defines a type are left out. The model is
a logistic regression over the passages' named features; its decision threshold is the one with
the best precision among those whose cross-validated recall on the examples reaches
`--min-recall`. scikit-learn (the `eval` extra) is used here only: the pipeline applies the
written weights with plain Python.

    python -m app.tools.training.quotes TRAIN.jsonl \\
        --out models/quote_classifier.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import numpy

from app.tools.evaluation.gold import GoldDoc, load_gold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The component that describes the passages, by its name in models/pipeline.cfg.
FINDER = "quote_finder"
# Folds of the cross-validation that picks the threshold.
FOLDS = 5
# Candidate thresholds, from permissive to strict.
THRESHOLDS: tuple[float, ...] = tuple(round(0.05 * k, 2) for k in range(2, 19))


class ExampleSource(Protocol):
    """What training needs from the quote finder."""

    def training_examples(
        self, doc: Doc, gold: Sequence[tuple[int, int]]
    ) -> list[tuple[dict[str, float], bool]]: ...


@dataclass(frozen=True, slots=True)
class Examples:
    """The training matrix: feature names, one row per passage, and its label."""

    names: tuple[str, ...]
    rows: list[list[float]]
    labels: list[bool]


def collect(docs: Sequence[GoldDoc], nlp: Language, finder: ExampleSource) -> Examples:
    """The examples of every article, parsed by `nlp` (the base model, or a blank one)."""
    found: list[tuple[dict[str, float], bool]] = []
    texts = (d.text for d in docs)
    for done, (gold_doc, doc) in enumerate(zip(docs, nlp.pipe(texts), strict=True), start=1):
        found.extend(finder.training_examples(doc, [(q.start, q.end) for q in gold_doc.quotes]))
        if done % 50 == 0 or done == len(docs):
            end = "\n" if done == len(docs) else ""
            print(f"\rparsed {done}/{len(docs)}", end=end, file=sys.stderr)
    names = tuple(sorted({name for values, _ in found for name in values}))
    rows = [[values.get(name, 0.0) for name in names] for values, _ in found]
    return Examples(names, rows, [label for _, label in found])


def choose_threshold(
    probabilities: Sequence[float], labels: Sequence[bool], min_recall: float
) -> float:
    """The threshold with the best precision among those that keep recall >= `min_recall`
    (the most permissive candidate when none does)."""
    p = numpy.asarray(probabilities)
    y = numpy.asarray(labels, dtype=bool)
    best, best_precision = THRESHOLDS[0], -1.0
    for threshold in THRESHOLDS:
        predicted = p >= threshold
        if not predicted.any() or not y.any():
            continue
        correct = int((predicted & y).sum())
        recall, precision = correct / int(y.sum()), correct / int(predicted.sum())
        if recall >= min_recall and precision > best_precision:
            best, best_precision = threshold, precision
    return best


def fit(
    examples: Examples, *, c: float = 1.0, min_recall: float = 0.985, info: str = ""
) -> dict[str, Any]:
    """Logistic regression on the examples, the threshold chosen by cross-validation; the
    model as the JSON object the quote finder reads (`quotes.json.v1`)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    if len(set(examples.labels)) < 2:
        raise ValueError("training needs both gold quotes and other passages")
    x = numpy.asarray(examples.rows, dtype=float)
    y = numpy.asarray(examples.labels, dtype=bool)
    model = LogisticRegression(C=c, max_iter=5000)
    folds = min(FOLDS, int(y.sum()), int((~y).sum()))
    if folds >= 2:
        cv = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
        threshold = choose_threshold(cv.tolist(), examples.labels, min_recall)
    else:
        threshold = 0.5
    model.fit(x, y)
    return {
        "features": list(examples.names),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": threshold,
        "info": info,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.tools.training.quotes",
        description="train the quote finder's speech classifier on a gold JSONL file",
    )
    parser.add_argument("gold", type=Path, help="gold JSONL (the train split)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the model JSON")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument(
        "--min-recall", type=float, default=0.985, help="cross-validated recall to keep"
    )
    parser.add_argument("--blank", action="store_true", help="no parse (text features only)")
    args = parser.parse_args(argv)

    nlp, finder = _pipeline(blank=args.blank)
    examples = collect(load_gold(args.gold), nlp, finder)
    info = (
        f"logistic regression, C={args.c}, {len(examples.labels)} passages of {args.gold.name} "
        f"({sum(examples.labels)} gold), threshold for cross-validated recall >= {args.min_recall}"
    )
    model = fit(examples, c=args.c, min_recall=args.min_recall, info=info)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf8")
    print(f"{args.out}: {info}; threshold {model['threshold']}", file=sys.stderr)
    return 0


def _pipeline(*, blank: bool) -> tuple[Language, ExampleSource]:
    """The base model (or a blank English pipeline) to parse with, and the quote finder as the
    service's settings and `models/pipeline.cfg` build it."""
    import spacy

    from app.pipeline import build_pipeline
    from app.settings import Settings

    settings = Settings()
    full = build_pipeline(settings.model_name, settings.pipeline_config)
    finder = cast(ExampleSource, full.get_pipe(FINDER))
    if blank:
        return spacy.blank("en"), finder
    ours = list(spacy.util.load_config(settings.pipeline_config).get("components", {}))
    full.select_pipes(disable=ours)
    return full, finder


if __name__ == "__main__":
    raise SystemExit(main())
