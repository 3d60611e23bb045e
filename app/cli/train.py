"""`quotes train confidence|salience`: fit the pipeline's learned parameters from gold data.

    quotes train confidence --train TRAIN.jsonl [REPORTED-TRAIN.jsonl] --dev DEV.jsonl
        [REPORTED-DEV.jsonl] [--max-articles N] [-o models/confidence.json]
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
    confidence.add_argument(
        "--train",
        type=Path,
        nargs="+",
        required=True,
        help="gold JSONL to fit on: quotation files and reported-speech files (scored as "
        "`quotes evaluate` scores them)",
    )
    confidence.add_argument(
        "--dev",
        type=Path,
        nargs="+",
        required=True,
        help="gold JSONL with annotated pronoun antecedents (fitted by cross-validation); "
        "other files only measure the fitted model",
    )
    confidence.add_argument(
        "--max-articles",
        type=int,
        default=None,
        metavar="N",
        help="fit on at most the first N articles of each --train file (bounds the time)",
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
    from app.tools.evaluation.gold import (
        GoldDoc,
        borrow_antecedents,
        is_reported_speech,
        load_gold,
    )
    from app.tools.evaluation.predict import load_pipeline
    from app.tools.training.rows import Row

    train_paths: list[Path] = args.train if isinstance(args.train, list) else [args.train]
    dev_paths: list[Path] = args.dev if args.what == "confidence" else []
    limit = getattr(args, "max_articles", None)
    try:
        train_files = [load_gold(path)[:limit] for path in train_paths]
        dev_files = [load_gold(path) for path in dev_paths]
    except (OSError, ValueError) as exc:
        print(f"quotes train: {exc}", file=sys.stderr)
        return 2
    # dev's annotated antecedents also judge the reported speech that holds an annotated fragment
    dev_quotations = [d for docs in dev_files if not is_reported_speech(docs) for d in docs]
    dev_files = [
        borrow_antecedents(docs, dev_quotations) if is_reported_speech(docs) else docs
        for docs in dev_files
    ]
    nlp = load_pipeline()
    if args.what == "salience":
        from app.tools.training import salience

        texts = [d.text for docs in train_files for d in docs]
        instances = salience.collect(nlp, texts, batch_size=args.batch_size)
        print(json.dumps(salience.fit(instances), indent=2))
        return 0
    from app.tools.training import confidence
    from app.tools.training.rows import collect_rows

    def rows(files: list[list[GoldDoc]]) -> list[Row]:
        return [r for docs in files for r in collect_rows(nlp, docs, batch_size=args.batch_size)]

    sources = {
        "train": ", ".join(p.name for p in train_paths),
        "dev": ", ".join(p.name for p in dev_paths),
    }
    if limit is not None:
        sources["train"] += f" (first {limit} articles of each)"
    model = confidence.train(rows(train_files), rows(dev_files), sources=sources)
    args.output.write_text(json.dumps(model, indent=2, sort_keys=True) + "\n", encoding="utf8")
    print(json.dumps(model["meta"], indent=2))
    return 0
