"""Train the quote finder's speech classifier and write it as JSON for `models/`.

The examples are the passages our scanner finds in a gold file (`polnear-train.jsonl`): a passage
is positive when it overlaps a gold quote (at least half of the shorter span, as the evaluator
matches), negative otherwise. Left out: passages of an article's first paragraph (the corpus does
not annotate headlines, so they are unlabelled, not negative) and passages typed by a rule that
defines a type (`DEFINING_RULES`: the model never overrules those). The model is a logistic
regression over the named features of `app.pipeline.quotes.features` and `.parse`; its decision
threshold is the one with the best precision among those whose cross-validated recall on the
examples reaches `--min-recall`. scikit-learn (the `eval` extra) is used here only: the pipeline
applies the written weights with plain Python.

    python -m app.tools.training.quotes /work/shared/eval/polnear-train.jsonl \
        --out models/quote_classifier.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy

from app.pipeline.quotes.classify import DEFINING_RULES, rule_verdict
from app.pipeline.quotes.features import Features, LineFacts, build_passages, text_features
from app.pipeline.quotes.model import SpeechModel, with_rule
from app.pipeline.quotes.parse import ParseView, parse_features
from app.pipeline.quotes.scan import scan_quotes
from app.tools.evaluation.gold import GoldDoc, load_gold

if TYPE_CHECKING:
    from spacy.language import Language

    from app.pipeline.quotes.lexicons import Lexicons

# Features the model must not read: the headline flag (headlines are left out of training), the
# marks' family and a missing closing mark (defining rules decide those passages), and `tagged`
# and `parsed` (constant over the examples).
EXCLUDED_FEATURES: frozenset[str] = frozenset(
    {"headline", "single_marks", "foreign_marks", "unclosed", "tagged", "parsed"}
)
# Folds of the cross-validation that picks the threshold.
FOLDS = 5
# Candidate thresholds, from permissive to strict.
THRESHOLDS: tuple[float, ...] = tuple(round(0.05 * k, 2) for k in range(2, 19))


@dataclass(frozen=True, slots=True)
class Examples:
    """The training matrix: feature names, one row per passage, and its label."""

    names: tuple[str, ...]
    rows: list[list[float]]
    labels: list[bool]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The evaluator's match: the common characters cover half of the shorter span."""
    common = min(a[1], b[1]) - max(a[0], b[0])
    return common > 0 and common >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def passage_examples(
    doc_text: str, gold: Sequence[tuple[int, int]], lex: Lexicons, view: ParseView | None
) -> Iterable[tuple[Features, bool]]:
    """(features, is a gold quote) of the trainable passages of one article."""
    lines: dict[tuple[int, int], LineFacts] = {}
    for passage in build_passages(doc_text, scan_quotes(doc_text)):
        if passage.para_index == 0:
            continue  # the headline: not annotated in the corpus
        f = text_features(doc_text, passage, lex, lines)
        if view is not None:
            f = parse_features(view, passage, f)
        _rule, why = rule_verdict(f)
        if why in DEFINING_RULES:
            continue
        span = (passage.start, passage.end)
        yield with_rule(f, why), any(overlaps(span, g) for g in gold)


def collect(docs: Sequence[GoldDoc], nlp: Language, lex: Lexicons) -> Examples:
    """The examples of every article, parsed by `nlp` (the base model, or a blank one)."""
    found: list[tuple[Features, bool]] = []
    texts = (d.text for d in docs)
    for done, (gold_doc, doc) in enumerate(zip(docs, nlp.pipe(texts), strict=True), start=1):
        view = ParseView(doc, lex) if doc.has_annotation("TAG") else None
        gold = [(q.start, q.end) for q in gold_doc.quotes]
        found.extend(passage_examples(gold_doc.text, gold, lex, view))
        if done % 50 == 0 or done == len(docs):
            print(
                f"\rparsed {done}/{len(docs)}",
                end="\n" if done == len(docs) else "",
                file=sys.stderr,
            )
    names = tuple(sorted({n for f, _ in found for n in f.values} - EXCLUDED_FEATURES))
    rows = [[f[n] for n in names] for f, _ in found]
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
) -> SpeechModel:
    """Logistic regression on the examples; the threshold chosen by cross-validation."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    from sklearn.model_selection import cross_val_predict  # type: ignore[import-untyped]

    x = numpy.asarray(examples.rows, dtype=float)
    y = numpy.asarray(examples.labels, dtype=bool)
    if len(set(examples.labels)) < 2:
        raise ValueError("training needs both gold quotes and other passages")
    model = LogisticRegression(C=c, max_iter=5000)
    folds = min(FOLDS, int(y.sum()), int((~y).sum()))
    if folds >= 2:
        cv = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
        threshold = choose_threshold(cv.tolist(), examples.labels, min_recall)
    else:
        threshold = 0.5
    model.fit(x, y)
    weights = tuple(round(float(w), 6) for w in model.coef_[0])
    return SpeechModel(
        features=examples.names,
        weights=weights,
        bias=round(float(model.intercept_[0]), 6),
        threshold=threshold,
        info=info,
    )


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

    nlp, lex = _pipeline(blank=args.blank)
    docs = load_gold(args.gold)
    examples = collect(docs, nlp, lex)
    info = (
        f"logistic regression, C={args.c}, {len(examples.labels)} passages of {args.gold.name} "
        f"({sum(examples.labels)} gold), threshold for cross-validated recall >= {args.min_recall}"
    )
    model = fit(examples, c=args.c, min_recall=args.min_recall, info=info)
    args.out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf8")
    print(f"{args.out}: {info}; threshold {model.threshold}", file=sys.stderr)
    return 0


def _pipeline(*, blank: bool) -> tuple[Language, Lexicons]:
    """The base model (or a blank English pipeline) and the quote finder's lexicons, both as
    the service's settings and `models/pipeline.cfg` build them (our components disabled)."""
    import spacy

    from app.pipeline import build_pipeline
    from app.pipeline.quotes.component import QuoteFinder
    from app.settings import Settings

    settings = Settings()
    full = build_pipeline(settings.model_name, settings.pipeline_config)
    finder = full.get_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    if blank:
        return spacy.blank("en"), finder.lexicons
    ours = list(spacy.util.load_config(settings.pipeline_config).get("components", {}))
    full.select_pipes(disable=ours)
    return full, finder.lexicons


if __name__ == "__main__":
    raise SystemExit(main())
