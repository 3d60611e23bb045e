"""A local `quotes serve` for measurements: a free loopback port, start, readiness, RSS, stop.

`quotes bench` and the load generator start the real service as a separate process (`python -m
app.cli serve`), so what they measure is what a deployment runs.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 180.0
STOP_GRACE_S = 15.0
# uvicorn logs this once per worker process when the app's lifespan (the pipeline load) is done.
STARTUP_LINE = "Application startup complete"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(
    port: int,
    *,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
    output: IO[bytes] | int = subprocess.DEVNULL,
) -> subprocess.Popen[bytes]:
    """`quotes serve` on 127.0.0.1:`port` with `workers` workers; its log lines go to `output`."""
    command = [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(
        command, cwd=ROOT, env=dict(env or os.environ), stdout=output, stderr=subprocess.STDOUT
    )


def _get_ready(base_url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{base_url}/readyz", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def wait_ready(
    base_url: str,
    proc: subprocess.Popen[bytes] | None = None,
    *,
    log: Path | None = None,
    workers: int = 1,
    timeout_s: float = READY_TIMEOUT_S,
) -> float:
    """Seconds from now until `/readyz` answers (and, given the server's `log`, until `workers`
    workers logged their start-up). Raises RuntimeError when `proc` exits or time runs out."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{tail(log)}")
        if _get_ready(base_url) and (
            log is None or tail(log, 100_000).count(STARTUP_LINE) >= workers
        ):
            return time.perf_counter() - started
        time.sleep(0.2)
    raise RuntimeError(f"server not ready after {timeout_s} s:\n{tail(log)}")


def tail(log: Path | None, chars: int = 2000) -> str:
    if log is None:
        return ""
    try:
        return log.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM (in-flight requests finish), then SIGKILL to the whole tree after a grace period."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            for pid in reversed(descendants(proc.pid)):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            proc.wait(timeout=STOP_GRACE_S)


# --- processes and memory ---------------------------------------------------------------------


def status_kb(pid: int, field: str) -> int:
    """A `/proc/PID/status` figure in kB (VmRSS, VmHWM, ...); 0 when unreadable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (from /proc/*/stat parent ids)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return sorted(found)


def peak_rss_mb(pids: Sequence[int]) -> float:
    """Sum of VmHWM (peak resident set) over `pids`, in MB."""
    return round(sum(status_kb(pid, "VmHWM") for pid in pids) / 1024, 1)
