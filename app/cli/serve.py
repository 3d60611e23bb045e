"""`quotes serve`: run the service under uvicorn (the container's entry point too)."""

from __future__ import annotations

import argparse

import uvicorn

from app.settings import get_settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    settings = get_settings()
    parser.add_argument("--host", default=settings.host, help="default: QUOTES_HOST")
    parser.add_argument("--port", type=int, default=settings.port, help="default: QUOTES_PORT")
    parser.add_argument(
        "--workers",
        type=int,
        default=settings.workers,
        help="uvicorn worker processes, each loads its own pipeline (~300 MB); QUOTES_WORKERS",
    )


def run(args: argparse.Namespace) -> int:
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_graceful_shutdown=30,
        log_level=get_settings().log_level.lower(),
    )
    return 0
