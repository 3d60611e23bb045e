"""`quotes attribute` timed over one corpus, once per archive path, each in a fresh process."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.tools.bench import progress

# (label, extra `quotes attribute` arguments) for each archive path measured.
ARCHIVE_PATHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CLI, 1 process", ("--processes", "1")),
    ("CLI, 2 processes", ("--processes", "2")),
    ("Ray Data, 2 actors", ("--engine", "ray", "--actors", "2")),
)
_SUMMARY = re.compile(r"(\d+) attributed.*?([\d.]+) s, ([\d.]+) articles/s")
_FIRST_RESULT = re.compile(r"first result after ([\d.]+) s")


def parse_archive_summary(stderr: str) -> dict[str, float]:
    """The figures of `quotes attribute`'s closing summary line (pipeline loading excluded)."""
    lines = [line for line in stderr.splitlines() if _SUMMARY.search(line)]
    if not lines:
        raise ValueError(f"no 'quotes attribute' summary in its output: {stderr[-500:]!r}")
    summary = _SUMMARY.search(lines[-1])
    assert summary is not None
    first = _FIRST_RESULT.search(lines[-1])
    return {
        "articles": int(summary.group(1)),
        "seconds": float(summary.group(2)),
        "articles_per_s": float(summary.group(3)),
        "first_result_s": float(first.group(1)) if first else float("nan"),
    }


def archive_report(corpus: Path, *, with_ray: bool) -> list[dict[str, Any]]:
    """Run `quotes attribute` over `corpus` once per archive path, each in a fresh process."""
    rows = []
    for label, extra in ARCHIVE_PATHS:
        if "ray" in extra and not with_ray:
            continue
        progress(f"archive: {label}")
        with tempfile.TemporaryDirectory(prefix="quotes-bench-archive-") as tmp:
            command = [
                sys.executable,
                "-m",
                "app.cli",
                "attribute",
                str(corpus),
                "-o",
                str(Path(tmp) / "out.jsonl"),
                "-q",
                *extra,
            ]
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            wall = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{shlex.join(command)} failed: {done.stderr[-1000:]}")
        rows.append({"path": label, **parse_archive_summary(done.stderr), "wall_s": wall})
    return rows
