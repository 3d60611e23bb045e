"""`quotes train confidence|salience`: fit the pipeline's learned parameters from gold data.

    quotes train confidence --train TRAIN.jsonl --dev DEV.jsonl [-o models/confidence.json]
    quotes train salience --train TRAIN.jsonl

Nothing is fitted at start-up: the service reads what these commands wrote under models/.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="what", required=True, metavar="WHAT")
    confidence = kinds.add_parser(
        "confidence", help="the calibrated confidence (logistic models) -> models/confidence.json"
    )
    confidence.add_argument("--train", type=Path, required=True, help="gold JSONL to fit on")
    confidence.add_argument(
        "--dev",
        type=Path,
        required=True,
        help="gold JSONL with annotated pronoun antecedents (fitted by cross-validation)",
    )
    confidence.add_argument(
        "-o", "--output", type=Path, default=Path("models/confidence.json"), help="model file"
    )
    salience = kinds.add_parser(
        "salience", help="the pronoun salience weights, fitted on silver data (printed)"
    )
    salience.add_argument("--train", type=Path, required=True, help="gold JSONL (texts only)")
    for sub in (confidence, salience):
        sub.add_argument("--batch-size", type=int, default=8, help="nlp.pipe batch size")


def run(args: argparse.Namespace) -> int:
    from app.tools.evaluation.gold import load_gold
    from app.tools.evaluation.predict import load_pipeline

    try:
        train_docs = load_gold(args.train)
        dev_docs = load_gold(args.dev) if args.what == "confidence" else []
    except (OSError, ValueError) as exc:
        print(f"quotes train: {exc}", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    if args.what == "salience":
        from app.tools.training import salience

        instances = salience.collect(nlp, [d.text for d in train_docs], batch_size=args.batch_size)
        print(json.dumps(salience.fit(instances), indent=2))
        return 0
    from app.tools.training import confidence
    from app.tools.training.rows import collect_rows

    train_rows = list(collect_rows(nlp, train_docs, batch_size=args.batch_size))
    dev_rows = list(collect_rows(nlp, dev_docs, batch_size=args.batch_size))
    model = confidence.train(
        train_rows, dev_rows, sources={"train": args.train.name, "dev": args.dev.name}
    )
    args.output.write_text(json.dumps(model, indent=2, sort_keys=True) + "\n", encoding="utf8")
    print(json.dumps(model["meta"], indent=2))
    return 0
