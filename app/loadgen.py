"""Bounded HTTP load generator: `python -m app.loadgen --url URL --body-file F ...`.

Runs in its own process (so it does not compete with the server for the GIL), keeps a fixed
number of requests in flight, and stops at whichever bound comes first: `--seconds` or
`--max-requests`. Prints one JSON object: request count, errors, requests/s, latency
percentiles (ms). Only loopback URLs are accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

LOOPBACK_HOSTS: frozenset[str] = frozenset({"127.0.0.1", "localhost", "::1"})


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between order statistics; 0 if empty."""
    if not values:
        return 0.0
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True, slots=True)
class LoadResult:
    concurrency: int
    requests: int
    errors: int
    elapsed_s: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int]


def summarize(
    latencies_s: Sequence[float], statuses: Counter[str], elapsed_s: float, concurrency: int
) -> LoadResult:
    """Latencies of successful requests -> the reported figures."""
    ms = [1000.0 * v for v in latencies_s]
    total = sum(statuses.values())
    return LoadResult(
        concurrency=concurrency,
        requests=total,
        errors=total - statuses.get("200", 0),
        elapsed_s=round(elapsed_s, 3),
        rps=round(total / elapsed_s, 3) if elapsed_s > 0 else 0.0,
        p50_ms=round(percentile(ms, 50), 2),
        p95_ms=round(percentile(ms, 95), 2),
        p99_ms=round(percentile(ms, 99), 2),
        max_ms=round(max(ms, default=0.0), 2),
        statuses=dict(sorted(statuses.items())),
    )


async def run_load(
    url: str,
    body: bytes,
    *,
    concurrency: int,
    seconds: float,
    max_requests: int,
    timeout_s: float = 60.0,
) -> LoadResult:
    """POST `body` to `url` from `concurrency` loops until the time or request bound is hit."""
    check_loopback(url)
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    issued = 0
    headers = {"content-type": "application/json"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    start = time.perf_counter()
    deadline = start + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal issued
        while issued < max_requests and time.perf_counter() < deadline:
            issued += 1
            sent = time.perf_counter()
            try:
                response = await client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
                continue
            statuses[str(response.status_code)] += 1
            if response.status_code == 200:
                latencies.append(time.perf_counter() - sent)

    async with httpx.AsyncClient(limits=limits, timeout=timeout_s) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return summarize(latencies, statuses, time.perf_counter() - start, concurrency)


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host not in LOOPBACK_HOSTS:
        raise ValueError(f"the load generator only targets loopback hosts, not {host!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.loadgen", description=__doc__)
    parser.add_argument("--url", required=True, help="e.g. http://127.0.0.1:8000/v1/attributions")
    parser.add_argument("--body-file", type=Path, required=True, help="JSON request body")
    parser.add_argument("--concurrency", type=int, default=1, help="requests in flight")
    parser.add_argument("--seconds", type=float, default=10.0, help="time bound")
    parser.add_argument("--max-requests", type=int, default=5000, help="request bound")
    parser.add_argument("--warmup", type=int, default=0, help="unmeasured requests first")
    args = parser.parse_args(argv)
    if args.concurrency < 1 or args.seconds <= 0 or args.max_requests < 1:
        parser.error("--concurrency, --seconds and --max-requests must be positive")
    body = args.body_file.read_bytes()
    try:
        if args.warmup:
            asyncio.run(
                run_load(
                    args.url,
                    body,
                    concurrency=args.concurrency,
                    seconds=args.seconds,
                    max_requests=args.warmup,
                )
            )
        result = asyncio.run(
            run_load(
                args.url,
                body,
                concurrency=args.concurrency,
                seconds=args.seconds,
                max_requests=args.max_requests,
            )
        )
    except ValueError as exc:
        print(f"loadgen: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(asdict(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
