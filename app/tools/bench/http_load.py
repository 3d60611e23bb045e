"""HTTP latency and throughput of `quotes serve` with N workers, under a bounded load.

The server and the load generator (`python -m app.tools.loadgen`) are separate processes on
127.0.0.1; cold start is the time until /readyz answers and every worker has started; peak RSS is
VmHWM summed over the server's processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.tools.bench import progress
from app.tools.bench.machine import single_core_env
from app.tools.server import (
    ROOT,
    descendants,
    free_port,
    peak_rss_mb,
    start_server,
    stop_server,
    wait_ready,
)


def run_loadgen(
    port: int, body_file: Path, concurrency: int, seconds: float, max_requests: int
) -> dict[str, Any]:
    command = [sys.executable, "-m", "app.tools.loadgen", "--url"]
    command += [f"http://127.0.0.1:{port}/v1/attributions", "--body-file", str(body_file)]
    command += ["--concurrency", str(concurrency), "--seconds", str(seconds)]
    command += ["--max-requests", str(max_requests), "--warmup", str(2 * concurrency)]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=seconds * 3 + 120
    )
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def http_report(
    workers: int, body_file: Path, seconds: float, max_requests: int, factors: Sequence[int]
) -> dict[str, Any]:
    """Start `quotes serve --workers N`, measure cold start, load it, read its peak RSS, stop it."""
    port = free_port()
    env = {**single_core_env(), "QUOTES_LOG_LEVEL": "INFO"}
    progress(f"http: {workers} worker(s) on port {port}")
    with tempfile.TemporaryDirectory(prefix="quotes-serve-") as tmp:
        log = Path(tmp) / "server.log"
        with log.open("wb") as log_file:
            proc = start_server(port, workers=workers, env=env, output=log_file)
            try:
                cold_start = wait_ready(f"http://127.0.0.1:{port}", proc, log=log, workers=workers)
                loads = [
                    run_loadgen(port, body_file, workers * f, seconds, max_requests)
                    for f in factors
                ]
                pids = descendants(proc.pid)
                rss = peak_rss_mb(pids)
            finally:
                stop_server(proc)
    return {
        "workers": workers,
        "cold_start_s": round(cold_start, 2),
        "processes": len(pids),
        "peak_rss_mb": rss,
        "loads": loads,
    }
