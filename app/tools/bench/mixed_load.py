"""The mixed load of `quotes bench`: heavy articles and ordinary ones at once, and the memory.

`python -m app.tools.bench.mixed_load` runs in its own process, like the load generator whose
engine it uses (`app.tools.loadgen.drive`): `--concurrency` clients post the ordinary body while
`--heavy-concurrency` others post the heavy bodies (in turn), both for `--seconds`; then, once
every answer is in, the server's memory settles for `--settle-seconds`, `--after-body-file` (a
long ordinary article) is posted once and the memory read again. It prints one JSON object: each
class's statuses, answers/s and latency percentiles, every heavy answer's status and seconds, and
the memory (VmRSS summed over the server's process tree, `--pid`, sampled every 0.2 s) at the
start, its peak, after the load and after the long article::

    python -m app.tools.bench.mixed_load --url http://127.0.0.1:8000/v1/attributions --pid PID \\
        --body-file ordinary.json --heavy-body-file emoji.json --heavy-body-file lines.json
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from app.tools.loadgen import (
    MAX_REQUESTS,
    MAX_SECONDS,
    Shot,
    Tally,
    check_loopback,
    drive,
    percentile,
)
from app.tools.server import descendants, status_kb

# Seconds between two samples of the server's memory.
SAMPLE_INTERVAL_S = 0.2


def tree_rss_mb(pid: int) -> float:
    """VmRSS summed over `pid` and its descendants, in MB."""
    return sum(status_kb(p, "VmRSS") for p in descendants(pid)) / 1024


class MemorySampler:
    """Samples `tree_rss_mb(pid)` in a thread until stopped; keeps the peak."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def now(self) -> float:
        value = tree_rss_mb(self.pid) if self.pid else 0.0
        self.peak_mb = max(self.peak_mb, value)
        return value

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE_INTERVAL_S):
            self.now()

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def class_summary(tally: Tally) -> dict[str, object]:
    """The figures of one class of requests: statuses, answers/s, latency percentiles (ms)."""
    ok_ms = [1000.0 * v for v in tally.ok_latencies_s]
    all_ms = [1000.0 * v for v in tally.latencies_s]
    elapsed = max(tally.elapsed_s, 1e-9)
    return {
        "requests": tally.sent,
        "statuses": dict(sorted(tally.statuses.items())),
        "ok_per_s": round(len(ok_ms) / elapsed, 3),
        "ok_p50_ms": round(percentile(ok_ms, 50), 1),
        "ok_p95_ms": round(percentile(ok_ms, 95), 1),
        "ok_p99_ms": round(percentile(ok_ms, 99), 1),
        "p95_ms": round(percentile(all_ms, 95), 1),
        "max_ms": round(max(all_ms, default=0.0), 1),
        "elapsed_s": round(tally.elapsed_s, 2),
    }


async def _mixed(
    url: str,
    ordinary: bytes,
    heavy: Sequence[bytes],
    *,
    concurrency: int,
    heavy_concurrency: int,
    seconds: float,
    max_requests: int,
) -> tuple[Tally, Tally]:
    plain = itertools.repeat(Shot("ordinary", url, ordinary), max_requests)
    bodies = itertools.cycle([Shot("heavy", url, body) for body in heavy])
    return await asyncio.gather(
        drive(plain, concurrency=concurrency, seconds=seconds),
        drive(
            itertools.islice(bodies, max_requests),
            concurrency=heavy_concurrency,
            seconds=seconds,
            timeout_s=120.0,
        ),
    )


def run_mixed(
    url: str,
    ordinary: bytes,
    heavy: Sequence[bytes],
    *,
    concurrency: int,
    heavy_concurrency: int,
    seconds: float,
    max_requests: int,
    pid: int | None,
    settle_s: float = 2.0,
    after: bytes | None = None,
) -> dict[str, object]:
    """The mixed load (see the module's docstring); bounded by `seconds` and `max_requests` per
    class, plus the time the last answers take."""
    check_loopback(url)
    if not heavy:
        raise ValueError("the mixed load needs at least one heavy body")
    with MemorySampler(pid) as memory:
        start_mb = memory.now()
        ordinary_tally, heavy_tally = asyncio.run(
            _mixed(
                url,
                ordinary,
                heavy,
                concurrency=concurrency,
                heavy_concurrency=heavy_concurrency,
                seconds=seconds,
                max_requests=max_requests,
            )
        )
        time.sleep(settle_s)
        after_mb = memory.now()
        after_long: dict[str, object] = {}
        if after is not None:
            one = itertools.repeat(Shot("after", url, after), 1)
            tally = asyncio.run(drive(one, concurrency=1, seconds=MAX_SECONDS, timeout_s=120.0))
            time.sleep(settle_s)
            after_long = {
                "status": next(iter(tally.statuses), "none"),
                "seconds": round(max(tally.latencies_s, default=0.0), 2),
                "rss_after_mb": round(memory.now(), 1),
            }
    return {
        "seconds": seconds,
        "concurrency": concurrency,
        "heavy_concurrency": heavy_concurrency,
        "ordinary": class_summary(ordinary_tally),
        "heavy": {
            **class_summary(heavy_tally),
            "answers": [[status, round(s, 2)] for status, s in heavy_tally.answers],
        },
        "rss_mb": {
            "start": round(start_mb, 1),
            "peak": round(memory.peak_mb, 1),
            "after": round(after_mb, 1),
        },
        "after_long_article": after_long,
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m app.tools.bench.mixed_load", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("--url", required=True, help="the attribution route (loopback only)")
    parser.add_argument("--pid", type=int, help="the server's process id, for its memory")
    parser.add_argument("--body-file", type=Path, required=True, help="the ordinary body")
    parser.add_argument(
        "--heavy-body-file", type=Path, action="append", required=True, help="a heavy body"
    )
    parser.add_argument("--after-body-file", type=Path, help="posted once after the load")
    parser.add_argument("--concurrency", type=int, default=2, help="ordinary requests in flight")
    parser.add_argument("--heavy-concurrency", type=int, default=2, help="heavy in flight")
    parser.add_argument("--seconds", type=float, default=40.0, help="time bound")
    parser.add_argument("--max-requests", type=int, default=5000, help="bound per class")
    parser.add_argument("--settle-seconds", type=float, default=2.0, help="before memory reads")
    args = parser.parse_args(argv)
    if min(args.concurrency, args.heavy_concurrency, args.max_requests) < 1 or args.seconds <= 0:
        parser.error("concurrencies, --seconds and --max-requests must be positive")
    if args.max_requests > MAX_REQUESTS or args.seconds > MAX_SECONDS:
        parser.error(f"keep it bounded: at most {MAX_REQUESTS} requests and {MAX_SECONDS:g} s")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        result = run_mixed(
            args.url,
            args.body_file.read_bytes(),
            [path.read_bytes() for path in args.heavy_body_file],
            concurrency=args.concurrency,
            heavy_concurrency=args.heavy_concurrency,
            seconds=args.seconds,
            max_requests=args.max_requests,
            pid=args.pid,
            settle_s=args.settle_seconds,
            after=args.after_body_file.read_bytes() if args.after_body_file else None,
        )
    except (OSError, ValueError) as exc:
        print(f"mixed_load: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
