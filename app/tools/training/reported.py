"""Train the reported_speech component's report filter and write it as JSON for `models/`.

The examples are the passages the component's rules find in a gold file
(`polnear-reported-train.jsonl`), as the component itself describes them
(`ReportedSpeech.training_examples`, the filter off): a passage is positive when it overlaps a
gold report by half of the shorter span (as the evaluator matches), negative otherwise. The model
is a logistic regression over the passages' named features; the decision threshold is given
(0.5: the best end-to-end F1 in 5-fold cross-validation on train, 0.2-0.6 tried). scikit-learn
(the `eval` extra) is used here only: the pipeline applies the written weights in plain Python.

    python -m app.tools.training.reported REPORTED-TRAIN.jsonl \\
        --out models/reported_classifier.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from app.tools.evaluation.gold import GoldDoc, PredQuote, load_gold
from app.tools.evaluation.matching import spans_match

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The component, by its name in models/pipeline.cfg, and what runs after it (not needed here).
COMPONENT = "reported_speech"
LATER = ("speaker_attributor", "speaker_resolver")

Example = tuple[list[str], int]


class ExampleSource(Protocol):
    def training_examples(self, doc: Doc) -> list[tuple[list[str], int, int]]: ...


def examples_of(doc: Doc, gold: GoldDoc, component: ExampleSource) -> list[Example]:
    """(features, label) of every passage the component's rules find in a parsed doc."""
    out = []
    for features, start, end in component.training_examples(doc):
        pred = PredQuote(start, end, doc.text[start:end], None)
        out.append((features, int(any(spans_match(g, pred, "overlap") for g in gold.quotes))))
    return out


def fit(examples: Iterable[Example], *, c: float, threshold: float, info: str) -> dict[str, Any]:
    """The model JSON (`ReportModel.from_dict` reads it)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = list(examples)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(features, 1.0) for features, _ in rows])
    y = [label for _, label in rows]
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)}
    return {
        "weights": dict(sorted((n, w) for n, w in weights.items() if w != 0.0)),
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": threshold,
        "info": info,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the reported-speech report filter.")
    parser.add_argument("gold", type=Path, help="gold JSONL (the reported-speech train split)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the model JSON")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--threshold", type=float, default=0.5, help="decision threshold")
    args = parser.parse_args(argv)
    docs = load_gold(args.gold)
    nlp, component = _pipeline()
    rows: list[Example] = []
    for gold, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        rows += examples_of(doc, gold, component)
    info = f"{args.gold.name}: {len(docs)} articles, {len(rows)} passages, C={args.c}"
    model = fit(rows, c=args.c, threshold=args.threshold, info=info)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf8")
    print(info, file=sys.stderr)
    return 0


def _pipeline() -> tuple[Language, ExampleSource]:
    """The service's pipeline up to the component."""
    from app.pipeline import build_pipeline
    from app.settings import Settings

    settings = Settings()
    nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    nlp.select_pipes(disable=list(LATER))
    return nlp, cast(ExampleSource, nlp.get_pipe(COMPONENT))


if __name__ == "__main__":
    raise SystemExit(main())
