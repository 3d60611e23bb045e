"""`quotes evaluate GOLD.jsonl`: score the pipeline (and optionally a baseline) on gold quotes.

The gold format is in `app.tools.evaluation.gold`, the exact definitions of every figure in
`app.tools.evaluation.scoring`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from app.tools.evaluation import predict
from app.tools.evaluation.calibration import plot_reliability
from app.tools.evaluation.gold import (
    QUOTATION_TYPES,
    REPORTED_TYPES,
    is_reported_speech,
    load_gold,
    predictions_without_headline,
    without_headline,
)
from app.tools.evaluation.report import build_report, format_errors, format_table
from app.tools.evaluation.scoring import SystemResult, evaluate, worst_errors


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gold",
        type=Path,
        nargs="+",
        help="gold JSONL: {id, text, quotes:[{start, end, ...}]}; a file of reported speech "
        "(quote types indirect/mixed) is scored against our indirect passages, any other "
        "against our quotations (direct, partial)",
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
        help="compare gold sources whole only (do not also try 'X, a spokesman for Y' as 'X')",
    )
    parser.add_argument(
        "--skip-unannotated",
        action="store_true",
        help="leave out articles whose gold lists no quote at all",
    )
    parser.add_argument(
        "--skip-headlines",
        action="store_true",
        help="leave out quotes (gold and predicted) that start on an article's first line: a "
        "second scope for corpora that never annotate headlines (PolNeAR)",
    )
    parser.add_argument("--batch-size", type=int, default=8, help="nlp.pipe batch size")
    parser.add_argument(
        "--plot",
        type=Path,
        metavar="FILE.png",
        help="draw the reliability diagram of the confidence (needs the eval extra: matplotlib)",
    )


# What --plot needs, and what to say when it is missing (before any article is parsed).
PLOT_MISSING = "--plot needs matplotlib (the `eval` extra): pip install 'quote-attribution[eval]'"


def run(args: argparse.Namespace) -> int:
    reports: list[dict[str, Any]] = []
    nlp = None
    if args.plot is not None and importlib.util.find_spec("matplotlib") is None:
        print(f"quotes evaluate: {PLOT_MISSING}", file=sys.stderr)
        return 2
    for path in args.gold:
        try:
            docs = load_gold(path)
        except (OSError, ValueError) as exc:
            print(f"quotes evaluate: cannot read {path}: {exc}", file=sys.stderr)
            return 2
        if args.skip_unannotated:
            docs = [d for d in docs if d.quotes]
        if args.skip_headlines:
            docs = [without_headline(d) for d in docs]
        reported = is_reported_speech(docs)
        types = REPORTED_TYPES if reported else QUOTATION_TYPES
        head_only = not args.strict_names
        nlp = nlp or predict.load_pipeline()
        predictions = predict.predict_ours(docs, nlp, batch_size=args.batch_size, types=types)
        if args.skip_headlines:
            predictions = predictions_without_headline(docs, predictions)
        results: dict[str, SystemResult] = {
            "ours": evaluate(docs, predictions, head_only=head_only)
        }
        if args.baseline:
            try:
                baseline = (
                    ([] for _ in docs) if reported else predict.BASELINES[args.baseline](docs)
                )
                if args.skip_headlines:
                    baseline = predictions_without_headline(docs, baseline)
                results[args.baseline] = evaluate(docs, baseline, head_only=head_only)
            except ImportError as exc:
                print(f"quotes evaluate: {exc}", file=sys.stderr)
                return 2
        report = build_report(path, docs, results, args.errors)
        report["scored_types"] = list(types)
        reports.append(report)
        if not args.json:
            kind = "reported speech (indirect)" if reported else "quotations (direct, partial)"
            print(f"{path}: {len(docs)} articles, {kind}")
            print(format_table(report["systems"]))
            for name, result in results.items():
                if args.errors > 0:
                    print(f"\nworst errors ({name}):")
                    print(format_errors(worst_errors(result.errors, args.errors)))
            print()
    if args.plot is not None:
        calibration = {
            f"ours, {Path(r['gold']).name}": r["systems"]["ours"]["calibration"]
            for r in reports
            if r["systems"]["ours"]["calibration"]["count"]
        }
        plot_reliability(calibration, args.plot)
    if args.json:
        print(json.dumps(reports[0] if len(reports) == 1 else {"files": reports}, indent=2))
    return 0
