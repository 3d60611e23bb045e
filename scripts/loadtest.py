"""Bounded mixed load test against a local service (127.0.0.1 only).

    .venv/bin/python scripts/loadtest.py --spawn --requests 10000 --concurrency 16 --time-limit 600

`--spawn` starts `python -m app.cli serve` on a free loopback port and stops it afterwards
(SIGTERM); otherwise pass `--url http://127.0.0.1:8000 --pid PID` of a running `quotes serve`.
The mix is mostly short valid articles plus malformed, wrong-type, wrong-media-type, empty
and oversized requests; each kind has the statuses it may get (503 Retry-After is allowed for
valid requests when the queue is full). Prints the status histogram, any unexpected status,
latency percentiles and the server's RSS before and after; exits 1 when any answer was
unexpected (so a 500 always fails it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
URL = "/v1/attributions"
SENTENCES = [
    '"We will fight this in court," Garcetti said.',
    'The mayor said the city would "never back down."',
    "“It is a sad day,” said Jeff Sessions, the attorney general.",
    "No quotes at all in this one, just a plain sentence about the weather.",
    '"Ready," she said. "Go."',
    'According to the report, "crime fell by 3 percent" last year.',
]


@dataclass(frozen=True)
class Kind:
    name: str
    weight: int
    expected: frozenset[int]


KINDS = [
    Kind("valid", 80, frozenset({200, 503})),
    Kind("valid-batch", 4, frozenset({200, 503})),
    Kind("malformed-json", 3, frozenset({422})),
    Kind("wrong-type", 3, frozenset({422})),
    Kind("empty-text", 3, frozenset({422})),
    Kind("text-plain", 3, frozenset({415})),
    Kind("oversize-text", 2, frozenset({413})),
    Kind("oversize-body", 2, frozenset({413})),
]


def build_request(kind: str, rng: random.Random, max_chars: int) -> tuple[str, bytes, str]:
    """(path, body, content type) for one request of `kind`."""
    text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))
    if kind == "valid":
        return URL, json.dumps({"text": text}).encode(), "application/json"
    if kind == "valid-batch":
        docs = [{"text": text}, {"text": ""}, {"text": rng.choice(SENTENCES)}]
        return URL + "/batch", json.dumps({"documents": docs}).encode(), "application/json"
    if kind == "malformed-json":
        return URL, b'{"text": "unterminated', "application/json"
    if kind == "wrong-type":
        return URL, json.dumps({"text": 42, "extra": True}).encode(), "application/json"
    if kind == "empty-text":
        return URL, json.dumps({"text": " \n\t "}).encode(), "application/json"
    if kind == "text-plain":
        return URL, text.encode(), "text/plain"
    if kind == "oversize-text":
        return URL, json.dumps({"text": "a" * (max_chars + 1)}).encode(), "application/json"
    if kind == "oversize-body":
        return URL, b" " * (max_chars * 12 + 65536 + 1) + b'{"text": "x"}', "application/json"
    raise ValueError(kind)


@dataclass
class Results:
    statuses: Counter[int] = field(default_factory=Counter)
    by_kind: Counter[tuple[str, int]] = field(default_factory=Counter)
    unexpected: Counter[tuple[str, int]] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    missing_retry_after: int = 0
    missing_request_id: int = 0


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


async def run_load(
    base: str, total: int, concurrency: int, time_limit: float, max_chars: int, seed: int
) -> tuple[Results, float, int]:
    rng = random.Random(seed)
    kinds = rng.choices([k.name for k in KINDS], weights=[k.weight for k in KINDS], k=total)
    expected = {k.name: k.expected for k in KINDS}
    # the big bodies are built once: only their kind varies
    cache: dict[str, tuple[str, bytes, str]] = {}
    results = Results()
    queue: asyncio.Queue[str] = asyncio.Queue()
    for kind in kinds:
        queue.put_nowait(kind)
    deadline = time.monotonic() + time_limit
    sent = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal sent
        while time.monotonic() < deadline:
            try:
                kind = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            if kind.startswith("oversize"):
                path, body, ctype = cache.setdefault(kind, build_request(kind, rng, max_chars))
            else:
                path, body, ctype = build_request(kind, rng, max_chars)
            started = time.perf_counter()
            sent += 1
            try:
                response = await client.post(path, content=body, headers={"content-type": ctype})
            except httpx.HTTPError as exc:
                results.errors[type(exc).__name__] += 1
                continue
            results.latencies.append(time.perf_counter() - started)
            status = response.status_code
            results.statuses[status] += 1
            results.by_kind[(kind, status)] += 1
            if status not in expected[kind]:
                results.unexpected[(kind, status)] += 1
            if status == 503 and "retry-after" not in response.headers:
                results.missing_retry_after += 1
            if "x-request-id" not in response.headers:
                results.missing_request_id += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return results, time.monotonic() - started, sent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_ready(base: str, server: subprocess.Popen[bytes] | None, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            if httpx.get(base + "/readyz", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise SystemExit("server not ready in time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=None, help="base URL of a running service (loopback only)")
    parser.add_argument("--pid", type=int, default=None, help="its process id, for RSS")
    parser.add_argument("--spawn", action="store_true", help="start `quotes serve` here")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds, then stop")
    parser.add_argument("--max-text-chars", type=int, default=200_000, help="the server's limit")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.requests < 1 or args.requests > 100_000 or args.time_limit > 3600:
        parser.error("keep it bounded: 1..100000 requests, at most 3600 s")

    server: subprocess.Popen[bytes] | None = None
    if args.spawn:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "QUOTES_LOG_LEVEL": os.environ.get("QUOTES_LOG_LEVEL", "WARNING")}
        server = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        pid = server.pid
    else:
        if not args.url or not args.pid:
            parser.error("give --spawn, or --url and --pid of a running server")
        base, pid = args.url.rstrip("/"), args.pid
    host = urlsplit(base).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        parser.error("load tests run only against the loopback interface")

    try:
        wait_ready(base, server, timeout=120)
        # warm-up: a few requests so the pipeline's first-call allocations are not counted as growth
        for sentence in SENTENCES:
            httpx.post(base + URL, json={"text": sentence}, timeout=60)
        rss_before = rss_kib(pid)
        results, elapsed, sent = asyncio.run(
            run_load(
                base,
                args.requests,
                args.concurrency,
                args.time_limit,
                args.max_text_chars,
                args.seed,
            )
        )
        rss_after = rss_kib(pid)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()

    answered = sum(results.statuses.values())
    lat = sorted(results.latencies)
    print(
        f"requests sent {sent} of {args.requests}, answered {answered} in {elapsed:.1f} s "
        f"({answered / elapsed:.0f} req/s), concurrency {args.concurrency}"
    )
    print("status histogram:", dict(sorted(results.statuses.items())))
    print("by kind:", {f"{k}:{s}": n for (k, s), n in sorted(results.by_kind.items())})
    if lat:
        p50 = statistics.median(lat) * 1000
        p95 = lat[int(0.95 * (len(lat) - 1))] * 1000
        p99 = lat[int(0.99 * (len(lat) - 1))] * 1000
        print(f"latency ms: p50 {p50:.1f}  p95 {p95:.1f}  p99 {p99:.1f}  max {lat[-1] * 1000:.1f}")
    print(
        f"server RSS: before {rss_before / 1024:.1f} MiB, after {rss_after / 1024:.1f} MiB "
        f"(+{(rss_after - rss_before) / 1024:.1f} MiB)"
    )
    print("unexpected:", dict(results.unexpected) or "none")
    print("transport errors:", dict(results.errors) or "none")
    print(
        f"503 without Retry-After: {results.missing_retry_after}; "
        f"answers without X-Request-ID: {results.missing_request_id}"
    )
    bad = results.unexpected or results.errors or results.missing_retry_after
    return 1 if bad or results.missing_request_id or sent < args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
