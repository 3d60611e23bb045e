"""The `quotes` console script: serve | attribute | evaluate | bench | show | train.

Each subcommand is one module of this package (`app.cli.serve`, `app.cli.attribute`, ...)
exposing `add_arguments(parser)` and `run(args) -> int`: argparse front ends only, the work is done
by `app.main`, `app.batch`, `app.tools` and `app.web`, which call the same `app.service` functions
as the HTTP API. Only the chosen subcommand's module is imported (each pulls in heavy libraries).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# subcommand -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("app.cli.serve", "start the HTTP service (uvicorn)"),
    "attribute": (
        "app.cli.attribute",
        "attribute a JSONL file of articles (resumable, multi-process)",
    ),
    "evaluate": ("app.cli.evaluate", "score the pipeline against a gold JSONL file"),
    "bench": ("app.cli.bench", "measure throughput and HTTP latency"),
    "show": ("app.cli.show", "write the reading view of one article to an HTML file"),
    "train": ("app.cli.train", "fit the learned parameters (confidence, salience) from gold data"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only `command`'s module is imported (each pulls in heavy libraries)."""
    parser = argparse.ArgumentParser(prog="quotes", description="Quote attribution service tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if name == command:
            module = importlib.import_module(module_name)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    args = build_parser(command if command in SUBCOMMANDS else None).parse_args(argv)
    code: int = args.run(args)
    return code
