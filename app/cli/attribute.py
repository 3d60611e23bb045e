"""`quotes attribute IN.jsonl|- -o OUT.jsonl`: attribute an archive of articles, resumably.

The options and the usage checks; the work is `app.batch.local` (the default engine: this
process, or `--processes N` forked workers) or `app.batch.ray` (`--engine ray`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import cast

from app.batch.local import run_local
from app.batch.output import UsageError
from app.pipeline.types import ALL_QUOTE_TYPES, QuoteType
from app.settings import get_settings

EXIT_OK = 0
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help='JSONL of articles ({"id", "text"} a line), or - for stdin')
    parser.add_argument("-o", "--output", required=True, type=Path, help="JSONL file of responses")
    parser.add_argument("--text-field", default="text", help="text field (default: text)")
    parser.add_argument("--id-field", default="id", help="id field (default: id)")
    parser.add_argument(
        "--errors", type=Path, default=None, help="bad lines go here (default: OUTPUT.errors.jsonl)"
    )
    parser.add_argument(
        "--processes", type=int, default=1, help="worker processes, each a forked pipeline"
    )
    parser.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size")
    parser.add_argument(
        "--types",
        default=None,
        metavar="T1,T2",
        help=f"quote types to answer, comma-separated, any of {', '.join(ALL_QUOTE_TYPES)} "
        "(default: direct,partial)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--engine", choices=("spacy", "ray"), default="spacy", help="spacy processes or Ray Data"
    )
    parser.add_argument("--ray-address", default=None, help="Ray cluster address (default: local)")
    parser.add_argument("--actors", type=int, default=2, help="Ray actors, each with one pipeline")


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    output: Path = args.output
    error_path: Path = args.errors or output.with_name(output.name + ".errors.jsonl")
    batch_size: int = args.batch_size or settings.batch_size
    try:
        _check_usage(args, batch_size)
        types = parse_types(args.types)
        progress = not args.quiet and sys.stderr.isatty()
        if args.engine == "ray":
            from app.batch.ray import run_ray

            summary = run_ray(
                args.input,
                output,
                error_path,
                settings=settings,
                address=args.ray_address,
                actors=args.actors,
                batch_size=batch_size,
                text_field=args.text_field,
                id_field=args.id_field,
                progress=progress,
                types=types,
            )
        else:
            summary = run_local(
                args.input,
                output,
                error_path,
                settings=settings,
                processes=args.processes,
                batch_size=batch_size,
                text_field=args.text_field,
                id_field=args.id_field,
                progress=progress,
                types=types,
            )
    except UsageError as exc:
        print(f"quotes attribute: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(summary.format(), file=sys.stderr)
    return EXIT_OK


def parse_types(value: str | None) -> list[QuoteType] | None:
    """`--types indirect,direct` -> the types; a usage error names the allowed ones."""
    if value is None:
        return None
    chosen = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in chosen if t not in ALL_QUOTE_TYPES]
    if unknown or not chosen:
        raise UsageError(
            f"--types {value!r}: each type must be one of {', '.join(ALL_QUOTE_TYPES)}"
        )
    return [cast(QuoteType, t) for t in chosen]


def _check_usage(args: argparse.Namespace, batch_size: int) -> None:
    if args.input != "-" and not Path(args.input).exists():
        raise UsageError(f"input {args.input} does not exist")
    if args.input == "-" and args.engine == "ray":
        raise UsageError("the ray engine reads files, not stdin")
    for name, value in (
        ("--processes", args.processes),
        ("--batch-size", batch_size),
        ("--actors", args.actors),
    ):
        if value < 1:
            raise UsageError(f"{name} must be at least 1, got {value}")
    if args.input != "-" and Path(args.input).resolve() == args.output.resolve():
        raise UsageError("input and output are the same file")
    if not args.output.parent.exists():
        raise UsageError(f"output folder {args.output.parent} does not exist")
