"""The load generator: percentiles and summaries, the loopback rule, and bounded runs against a
tiny local server, in-process and as `python -m app.tools.loadgen`."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.tools.loadgen import check_loopback, percentile, run_load, summarize
from tests.conftest import ROOT


def test_percentile_interpolates() -> None:
    values = [4.0, 1.0, 3.0, 2.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 50) == 2.5
    assert percentile(values, 100) == 4.0
    assert percentile(list(range(101)), 95) == 95.0
    assert percentile([7.0], 99) == 7.0
    assert percentile([], 50) == 0.0


def test_percentile_rejects_out_of_range() -> None:
    with pytest.raises(ValueError, match="0..100"):
        percentile([1.0], 101)


def test_summarize_counts_errors_and_rate() -> None:
    result = summarize([0.1, 0.2, 0.3], Counter({"200": 3, "503": 1}), elapsed_s=2.0, concurrency=2)
    assert (result.requests, result.errors, result.rps) == (4, 1, 2.0)
    assert (result.p50_ms, result.max_ms) == (200.0, 300.0)
    assert result.statuses == {"200": 3, "503": 1}


def test_loadgen_only_targets_loopback() -> None:
    check_loopback("http://127.0.0.1:8000/v1/attributions")
    with pytest.raises(ValueError, match="loopback"):
        check_loopback("http://example.com/v1/attributions")


# --- the load generator against a tiny local server -------------------------------------------


class _Echo(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        length = int(self.headers.get("content-length", 0))
        self.rfile.read(length)
        status = 500 if self.path.endswith("/fail") else 200
        body = b'{"ok": true}'
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def echo_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_run_load_stops_at_the_request_bound(echo_url: str) -> None:
    result = asyncio.run(
        run_load(echo_url + "/ok", b"{}", concurrency=2, seconds=10, max_requests=20)
    )
    assert (result.requests, result.errors, result.concurrency) == (20, 0, 2)
    assert result.p50_ms <= result.p95_ms <= result.p99_ms <= result.max_ms


def test_run_load_stops_at_the_time_bound_and_counts_errors(echo_url: str) -> None:
    started = time.perf_counter()
    result = asyncio.run(
        run_load(echo_url + "/fail", b"{}", concurrency=1, seconds=0.3, max_requests=10**6)
    )
    assert time.perf_counter() - started < 5
    assert result.requests == result.errors > 0
    assert set(result.statuses) == {"500"}


def test_loadgen_module_prints_json(echo_url: str, tmp_path: Path) -> None:
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"text": "x"}), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.tools.loadgen",
            "--url",
            echo_url + "/ok",
            "--body-file",
            str(body),
            "--seconds",
            "2",
            "--max-requests",
            "5",
            "--warmup",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["requests"] == 5 and result["errors"] == 0
