"""`quotes bench`: throughput of the base model vs our full pipeline, HTTP latency, how time and
memory scale with the article, and heavy and ordinary articles at once.

What is measured and how: `app.tools.bench`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from app.tools.bench import progress
from app.tools.bench.archive import archive_report
from app.tools.bench.corpus import SEED_ARTICLE, article_of_words, read_corpus, word_count
from app.tools.bench.http_load import http_report
from app.tools.bench.machine import machine_info
from app.tools.bench.mixed import mixed_report
from app.tools.bench.report import format_markdown, format_report
from app.tools.bench.scaling import DEFAULT_SIZES, scaling_report
from app.tools.bench.throughput import throughput_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="extra .txt or .jsonl ({'text': ...} a line) files; the seed article always runs",
    )
    parser.add_argument("--runs", type=int, default=3, help="timed passes per pipeline (median)")
    parser.add_argument(
        "--min-words",
        type=int,
        default=20_000,
        help="repeat a small corpus up to this many words per timed run (default 20000)",
    )
    parser.add_argument("--http-seconds", type=float, default=10.0, help="time bound per load")
    parser.add_argument("--max-requests", type=int, default=5000, help="request bound per load")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP measurements")
    parser.add_argument(
        "--workers",
        default="1,2",
        help="comma-separated `quotes serve` worker counts (default 1,2)",
    )
    parser.add_argument(
        "--in-flight",
        default="1",
        help="comma-separated requests in flight per worker (default 1; e.g. 1,4)",
    )
    parser.add_argument(
        "--archive",
        type=Path,
        metavar="JSONL",
        help="also time `quotes attribute` on this corpus ({id, text} a line): 1 and 2 "
        "processes, and Ray Data with 2 actors",
    )
    parser.add_argument("--no-ray", action="store_true", help="with --archive: skip the Ray path")
    parser.add_argument(
        "--no-scaling", action="store_true", help="skip the time/memory scaling table"
    )
    parser.add_argument(
        "--scaling-sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="comma-separated article lengths in characters (default %(default)s)",
    )
    parser.add_argument(
        "--scaling-runs", type=int, default=1, help="runs per length (median; default 1)"
    )
    parser.add_argument("--no-mixed", action="store_true", help="skip the mixed-load run")
    parser.add_argument(
        "--mixed-seconds", type=float, default=40.0, help="mixed-load duration (default 40)"
    )
    parser.add_argument(
        "--mixed-clients",
        default="2,2",
        help="ordinary,heavy clients in the mixed load (default 2,2)",
    )
    parser.add_argument("--write-md", type=Path, metavar="PATH", help="also write BENCHMARKS.md")


def _ints(value: str, flag: str) -> list[int]:
    try:
        numbers = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        numbers = []
    if not numbers or min(numbers) < 1:
        raise ValueError(f"{flag} takes positive integers separated by commas, got {value!r}")
    return numbers


def run(args: argparse.Namespace) -> int:
    try:
        workers = _ints(args.workers, "--workers")
        factors = _ints(args.in_flight, "--in-flight")
        sizes = _ints(args.scaling_sizes, "--scaling-sizes")
        clients = _ints(args.mixed_clients, "--mixed-clients")
        if len(clients) != 2:
            raise ValueError(f"--mixed-clients takes two numbers, got {args.mixed_clients!r}")
        if args.scaling_runs < 1 or args.mixed_seconds <= 0:
            raise ValueError("--scaling-runs and --mixed-seconds must be positive")
        texts = read_corpus([SEED_ARTICLE, *args.corpus])
    except (OSError, ValueError, KeyError) as exc:
        print(f"quotes bench: {exc}", file=sys.stderr)
        return 2
    from app.settings import Settings

    report: dict[str, Any] = {
        "command": "quotes bench " + shlex.join(sys.argv[2:] if len(sys.argv) > 2 else []),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(),
        "model": Settings().model_name,
        "throughput": throughput_report(texts, args.runs, args.min_words),
        "http": [],
    }
    if not args.no_http:
        article = article_of_words(SEED_ARTICLE.read_text(encoding="utf-8"))
        report.update(
            http_article_words=word_count([article]),
            http_seconds=args.http_seconds,
            max_requests=args.max_requests,
        )
        with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
            body_file = Path(tmp) / "body.json"
            body_file.write_text(json.dumps({"text": article, "id": "bench"}), encoding="utf-8")
            report["http"] = [
                http_report(w, body_file, args.http_seconds, args.max_requests, factors)
                for w in workers
            ]
    if args.archive is not None:
        report["archive_corpus"] = args.archive.name
        report["archive"] = archive_report(args.archive, with_ray=not args.no_ray)
    if not args.no_scaling:
        report["scaling"] = scaling_report(sizes, args.scaling_runs)
    if not args.no_mixed:
        report["mixed"] = mixed_report(
            article_of_words(SEED_ARTICLE.read_text(encoding="utf-8")),
            seconds=args.mixed_seconds,
            concurrency=clients[0],
            heavy_concurrency=clients[1],
        )
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    if args.write_md:
        args.write_md.write_text(format_markdown(report), encoding="utf-8")
        progress(f"wrote {args.write_md}")
    return 0
