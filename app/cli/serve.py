"""`quotes serve`: run the service (the container's entry point too)."""

from __future__ import annotations

import argparse
import sys

from app.serving import STARTUP_FAILURE, PortInUseError, ServeOptions, serve
from app.settings import get_settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    settings = get_settings()
    parser.add_argument("--host", default=settings.host, help="default: QUOTES_HOST")
    parser.add_argument("--port", type=int, default=settings.port, help="default: QUOTES_PORT")
    parser.add_argument(
        "--workers",
        type=int,
        default=settings.workers,
        help=(
            "worker processes, each with its own pipeline (~300 MB) and its own listening socket "
            "(the kernel spreads connections over them); QUOTES_WORKERS"
        ),
    )


def run(args: argparse.Namespace) -> int:
    try:
        options = ServeOptions(
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=get_settings().log_level.lower(),
        )
    except ValueError as exc:
        return _refused(exc)
    try:
        return serve(options)
    except PortInUseError as exc:
        return _refused(exc)


def _refused(reason: Exception) -> int:
    print(f"quotes serve: {reason}", file=sys.stderr)
    return STARTUP_FAILURE
