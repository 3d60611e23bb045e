"""`quotes serve`: run the service under uvicorn (the container's entry point too)."""

from __future__ import annotations

import argparse
import os

import uvicorn


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=os.environ.get("QUOTES_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("QUOTES_PORT", "8000")))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("QUOTES_WORKERS", "1")),
        help="uvicorn worker processes; each loads its own pipeline (~300 MB)",
    )


def run(args: argparse.Namespace) -> int:
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_graceful_shutdown=30,
        log_level=os.environ.get("QUOTES_LOG_LEVEL", "info").lower(),
    )
    return 0
