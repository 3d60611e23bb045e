"""The bounded HTTP load generator of the service (loopback only): `python -m app.tools.loadgen`.

It runs in its own process (so it does not compete with the server for the GIL), keeps a fixed
number of requests in flight, and stops at whichever bound comes first: `--seconds` or
`--max-requests`. Two request mixes:

- `--body-file F`: POST the same JSON body to `--url` (what `quotes bench` runs); prints one JSON
  object: request count, errors, requests/s, latency percentiles (ms) of the 200 answers.
- `--mix`: mostly short valid articles plus malformed, wrong-type, wrong-media-type, empty and
  oversized requests; each kind has the statuses it may get (503 Retry-After is allowed for valid
  requests when the queue is full). Prints the status histogram, any unexpected status, latency
  percentiles and the server's RSS before and after (`--pid`, or the spawned server); exits 1
  when any answer was unexpected (so a 500 always fails it) or a bound cut the run short.

`--spawn` starts `quotes serve` on a free loopback port and stops it afterwards (SIGTERM);
otherwise `--url` is the attribution route of a running service::

    python -m app.tools.loadgen --mix --spawn --max-requests 10000 --concurrency 16 --seconds 600
    python -m app.tools.loadgen --url http://127.0.0.1:8000/v1/attributions --body-file body.json
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import itertools
import json
import math
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from app.tools.server import free_port, start_server, status_kb, stop_server, wait_ready

ROUTE = "/v1/attributions"
# Bounds of one run: a load test is never open-ended.
MAX_REQUESTS = 100_000
MAX_SECONDS = 3600.0


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


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the load generator only targets loopback hosts, not {host!r}")


# --- the engine -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shot:
    """One request to send: its kind (for the tally), URL, body and content type."""

    kind: str
    url: str
    body: bytes
    content_type: str = "application/json"


@dataclass
class Tally:
    """What came back. Status keys are the HTTP status as text, or the transport error's name."""

    sent: int = 0
    elapsed_s: float = 0.0
    statuses: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    ok_latencies_s: list[float] = field(default_factory=list)  # 200 answers
    latencies_s: list[float] = field(default_factory=list)  # every answer
    missing_retry_after: int = 0  # 503 answers without Retry-After
    missing_request_id: int = 0  # answers without X-Request-ID
    answers: list[tuple[str, float]] = field(default_factory=list)  # (status, seconds), in order

    def record(self, kind: str, status: str, seconds: float | None, headers: httpx.Headers) -> None:
        self.statuses[status] += 1
        self.by_kind[(kind, status)] += 1
        if seconds is None:  # no answer: a transport error
            return
        self.answers.append((status, seconds))
        self.latencies_s.append(seconds)
        if status == "200":
            self.ok_latencies_s.append(seconds)
        if status == "503" and "retry-after" not in headers:
            self.missing_retry_after += 1
        if "x-request-id" not in headers:
            self.missing_request_id += 1


async def drive(
    shots: Iterator[Shot], *, concurrency: int, seconds: float, timeout_s: float = 60.0
) -> Tally:
    """Send `shots` from `concurrency` loops until they run out or `seconds` have passed."""
    tally = Tally()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    start = time.perf_counter()
    deadline = start + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        while time.perf_counter() < deadline:
            shot = next(shots, None)
            if shot is None:
                return
            tally.sent += 1
            sent = time.perf_counter()
            headers = {"content-type": shot.content_type}
            try:
                response = await client.post(shot.url, content=shot.body, headers=headers)
            except httpx.HTTPError as exc:
                tally.record(shot.kind, type(exc).__name__, None, httpx.Headers())
                continue
            elapsed = time.perf_counter() - sent
            tally.record(shot.kind, str(response.status_code), elapsed, response.headers)

    async with httpx.AsyncClient(limits=limits, timeout=timeout_s) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    tally.elapsed_s = time.perf_counter() - start
    return tally


# --- one body, as fast as it goes (quotes bench) ------------------------------------------------


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
    shots = itertools.repeat(Shot("body", url, body), max_requests)
    tally = await drive(shots, concurrency=concurrency, seconds=seconds, timeout_s=timeout_s)
    return summarize(tally.ok_latencies_s, tally.statuses, tally.elapsed_s, concurrency)


# --- the mixed load: valid and invalid requests ------------------------------------------------

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
    expected: frozenset[str]


KINDS = [
    Kind("valid", 80, frozenset({"200", "503"})),
    Kind("valid-batch", 4, frozenset({"200", "503"})),
    Kind("malformed-json", 3, frozenset({"422"})),
    Kind("wrong-type", 3, frozenset({"422"})),
    Kind("empty-text", 3, frozenset({"422"})),
    Kind("text-plain", 3, frozenset({"415"})),
    Kind("oversize-text", 2, frozenset({"413"})),
    Kind("oversize-body", 2, frozenset({"413"})),
]
EXPECTED: dict[str, frozenset[str]] = {kind.name: kind.expected for kind in KINDS}


def build_shot(kind: str, url: str, rng: random.Random, max_chars: int) -> Shot:
    """One request of `kind` to the attribution route `url` (its batch form for batches)."""
    text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))
    if kind == "valid":
        return Shot(kind, url, json.dumps({"text": text}).encode())
    if kind == "valid-batch":
        docs = [{"text": text}, {"text": ""}, {"text": rng.choice(SENTENCES)}]
        return Shot(kind, url + "/batch", json.dumps({"documents": docs}).encode())
    if kind == "malformed-json":
        return Shot(kind, url, b'{"text": "unterminated')
    if kind == "wrong-type":
        return Shot(kind, url, json.dumps({"text": 42, "extra": True}).encode())
    if kind == "empty-text":
        return Shot(kind, url, json.dumps({"text": " \n\t "}).encode())
    if kind == "text-plain":
        return Shot(kind, url, text.encode(), "text/plain")
    if kind == "oversize-text":
        return Shot(kind, url, json.dumps({"text": "a" * (max_chars + 1)}).encode())
    if kind == "oversize-body":
        return Shot(kind, url, b" " * (max_chars * 12 + 65536 + 1) + b'{"text": "x"}')
    raise ValueError(kind)


def mixed_shots(url: str, total: int, *, max_chars: int, seed: int) -> Iterator[Shot]:
    """`total` requests of weighted random kinds; the big bodies are built once each."""
    rng = random.Random(seed)
    kinds = rng.choices([k.name for k in KINDS], weights=[k.weight for k in KINDS], k=total)
    cache: dict[str, Shot] = {}
    for kind in kinds:
        if kind.startswith("oversize"):
            yield cache.setdefault(kind, build_shot(kind, url, rng, max_chars))
        else:
            yield build_shot(kind, url, rng, max_chars)


def unexpected(tally: Tally) -> dict[str, int]:
    """`kind:status` -> count, for every answer (or transport error) its kind may not get."""
    return {
        f"{kind}:{status}": n
        for (kind, status), n in sorted(tally.by_kind.items())
        if status not in EXPECTED[kind]
    }


def mix_report(tally: Tally, *, planned: int, concurrency: int, rss_kb: tuple[int, int]) -> str:
    answered = len(tally.latencies_s)
    ms = [1000.0 * s for s in tally.latencies_s]
    codes = {s: n for s, n in sorted(tally.statuses.items()) if s.isdigit()}
    transport = {s: n for s, n in sorted(tally.statuses.items()) if not s.isdigit()}
    before, after = rss_kb
    lines = [
        f"requests sent {tally.sent} of {planned}, answered {answered} in "
        f"{tally.elapsed_s:.1f} s ({answered / max(tally.elapsed_s, 1e-9):.0f} req/s), "
        f"concurrency {concurrency}",
        f"status histogram: {codes}",
        "by kind: " + str({f"{k}:{s}": n for (k, s), n in sorted(tally.by_kind.items())}),
        f"latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}  "
        f"p99 {percentile(ms, 99):.1f}  max {max(ms, default=0.0):.1f}",
        f"server RSS: before {before / 1024:.1f} MiB, after {after / 1024:.1f} MiB "
        f"(+{(after - before) / 1024:.1f} MiB)"
        if before
        else "server RSS: unknown (give --pid, or --spawn)",
        f"unexpected: {unexpected(tally) or 'none'}",
        f"transport errors: {transport or 'none'}",
        f"503 without Retry-After: {tally.missing_retry_after}; "
        f"answers without X-Request-ID: {tally.missing_request_id}",
    ]
    return "\n".join(lines)


def mix_passed(tally: Tally, planned: int) -> bool:
    return not (
        unexpected(tally)
        or tally.missing_retry_after
        or tally.missing_request_id
        or tally.sent < planned
    )


# --- command ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m app.tools.loadgen", description=(__doc__ or "").split("\n\n")[0]
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--body-file", type=Path, help="POST this JSON body, again and again")
    what.add_argument("--mix", action="store_true", help="the mixed valid/invalid load")
    parser.add_argument("--url", help=f"the attribution route, e.g. http://127.0.0.1:8000{ROUTE}")
    parser.add_argument("--spawn", action="store_true", help="start `quotes serve` here")
    parser.add_argument("--pid", type=int, help="the server's process id, for its RSS (--mix)")
    parser.add_argument("--concurrency", type=int, default=1, help="requests in flight")
    parser.add_argument("--seconds", type=float, default=10.0, help="time bound")
    parser.add_argument("--max-requests", type=int, default=5000, help="request bound")
    parser.add_argument("--warmup", type=int, default=0, help="unmeasured requests first")
    parser.add_argument("--max-text-chars", type=int, default=200_000, help="the server's limit")
    parser.add_argument("--seed", type=int, default=7, help="of the --mix request kinds")
    args = parser.parse_args(argv)
    if args.concurrency < 1 or args.seconds <= 0 or args.max_requests < 1:
        parser.error("--concurrency, --seconds and --max-requests must be positive")
    if args.max_requests > MAX_REQUESTS or args.seconds > MAX_SECONDS:
        parser.error(f"keep it bounded: at most {MAX_REQUESTS} requests and {MAX_SECONDS:g} s")
    if bool(args.url) == args.spawn:
        parser.error("give --url of a running service, or --spawn")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    server = None
    if args.spawn:
        port = free_port()
        env = {**os.environ, "QUOTES_LOG_LEVEL": os.environ.get("QUOTES_LOG_LEVEL", "WARNING")}
        server = start_server(port, env=env)
        args.url, args.pid = f"http://127.0.0.1:{port}{ROUTE}", server.pid
    try:
        check_loopback(args.url)
        if server is not None:
            wait_ready(args.url.removesuffix(ROUTE), server)
        return _run_mix(args) if args.mix else _run_body(args)
    except (ValueError, RuntimeError) as exc:
        print(f"loadgen: {exc}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            stop_server(server)


def _run_body(args: argparse.Namespace) -> int:
    body = args.body_file.read_bytes()
    bounds = {"concurrency": args.concurrency, "seconds": args.seconds}
    if args.warmup:
        asyncio.run(run_load(args.url, body, max_requests=args.warmup, **bounds))
    result = asyncio.run(run_load(args.url, body, max_requests=args.max_requests, **bounds))
    print(json.dumps(asdict(result)))
    return 0


def _run_mix(args: argparse.Namespace) -> int:
    # warm-up: the pipeline's first-call allocations are not counted as growth
    warm = [Shot("valid", args.url, json.dumps({"text": s}).encode()) for s in SENTENCES]
    warmup = itertools.islice(itertools.cycle(warm), args.warmup or len(warm))
    asyncio.run(drive(warmup, concurrency=1, seconds=MAX_SECONDS))
    rss_before = status_kb(args.pid, "VmRSS") if args.pid else 0
    planned = args.max_requests
    shots = mixed_shots(args.url, planned, max_chars=args.max_text_chars, seed=args.seed)
    tally = asyncio.run(drive(shots, concurrency=args.concurrency, seconds=args.seconds))
    rss_after = status_kb(args.pid, "VmRSS") if args.pid else 0
    report = mix_report(
        tally, planned=planned, concurrency=args.concurrency, rss_kb=(rss_before, rss_after)
    )
    print(report)
    return 0 if mix_passed(tally, planned) else 1


if __name__ == "__main__":
    sys.exit(main())
