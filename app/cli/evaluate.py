"""`quotes evaluate GOLD.jsonl`: score the pipeline (and optionally a baseline) on gold quotes.

The gold format is in `app.tools.evaluation.gold`, the exact definitions of every figure in
`app.tools.evaluation.scoring`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.tools.evaluation import predict
from app.tools.evaluation.calibration import plot_reliability
from app.tools.evaluation.gold import load_gold
from app.tools.evaluation.report import build_report, format_errors, format_table
from app.tools.evaluation.scoring import SystemResult, evaluate, worst_errors


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gold", type=Path, help="gold JSONL: {id, text, quotes:[{start, end, ...}]}"
    )
    parser.add_argument(
        "--baseline",
        choices=sorted(predict.BASELINES),
        help="also score this baseline, side by side",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list the N worst errors of each kind"
    )
    parser.add_argument(
        "--strict-names",
        action="store_true",
        help="compare whole speaker descriptions (do not cut 'X, a spokesman for Y' to 'X')",
    )
    parser.add_argument(
        "--skip-unannotated",
        action="store_true",
        help="leave out articles whose gold lists no quote at all",
    )
    parser.add_argument("--batch-size", type=int, default=8, help="nlp.pipe batch size")
    parser.add_argument(
        "--plot",
        type=Path,
        metavar="FILE.png",
        help="draw the reliability diagram of the confidence (needs the eval extra: matplotlib)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        docs = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"quotes evaluate: cannot read {args.gold}: {exc}", file=sys.stderr)
        return 2
    if args.skip_unannotated:
        docs = [d for d in docs if d.quotes]
    head_only = not args.strict_names
    results: dict[str, SystemResult] = {
        "ours": evaluate(
            docs,
            predict.predict_ours(docs, predict.load_pipeline(), batch_size=args.batch_size),
            head_only=head_only,
        )
    }
    if args.baseline:
        try:
            predictions = predict.BASELINES[args.baseline](docs)
            results[args.baseline] = evaluate(docs, predictions, head_only=head_only)
        except ImportError as exc:
            print(f"quotes evaluate: {exc}", file=sys.stderr)
            return 2
    report = build_report(args.gold, docs, results, args.errors)
    if args.plot is not None:
        calibration = {
            name: system["calibration"]
            for name, system in report["systems"].items()
            if name == "ours" and system["calibration"]["count"]
        }
        plot_reliability(calibration, args.plot)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"{args.gold}: {len(docs)} articles")
    print(format_table(report["systems"]))
    for name, errors in results.items():
        if args.errors > 0:
            print(f"\nworst errors ({name}):")
            print(format_errors(worst_errors(errors.errors, args.errors)))
    return 0
