"""Scheduling of the pipeline's work: what a request costs, its deadline, and the lanes it waits in.

Why this design (issue 17: no request can take the service down):

- **Cost, not count.** A request's cost is an estimate of its spaCy tokens (`estimate_tokens`: one
  regex pass, ~20 ms for 200,000 characters, within 6% of the tokenizer's count on the dev set
  and exact on the hostile shapes). Tokens, not characters, are what the model's time and memory
  grow with: 150,000 characters of short lines or emoji-rich quotes are 60,000-100,000 tokens,
  two to four times as many as prose of the same length.
- **Two lanes.** Requests up to `heavy_tokens` (a text the pipeline parses whole: every dev
  article, ~25,000 characters of prose) run in the light lane's `worker_threads` threads,
  admitted by count as before (`worker_threads + max_queue`, each at most 5,000 tokens).
  Heavier ones run in the heavy lane, one at a time, admitted by cost: while the tokens admitted
  there (running and waiting) would pass `heavy_queue_tokens`, a new heavy request gets 503 with
  Retry-After (an idle heavy lane takes any request the size limits let through). So heavy work
  never queues in front of ordinary articles.
- **Turns, not a free-for-all** (`Gate`). The lanes' threads share one interpreter, and spaCy's
  kernels hold it for whole calls: left to the GIL, a heavy job made ordinary requests about ten
  times slower (measured: p50 0.13 s -> 1.3 s). So the lanes take turns at the pipeline: a heavy
  job parses one 1,000-token piece, one base component at a time (~0.1 s), then gives way while
  ordinary requests run or wait, coming back for a quarter of the time (`HEAVY_SHARE`) when they
  keep coming, for all of it when they don't. An ordinary request waits at most one heavy step;
  a heavy one still progresses under any ordinary load.
- **Shortest first.** Each lane runs its waiting jobs cheapest first (ties: arrival order), which
  minimises the mean wait; a job can't starve for longer than its deadline.
- **Deadlines are checked inside the work.** The pipeline calls the job's checkpoint between two
  base components on a batch (`app.pipeline.pipe_in_pieces`), so a job past its deadline stops
  within one step (~0.1 s on a piece, under a second on a whole 5,000-token text) instead of
  holding its thread to the end, and a job still waiting never starts. From its own pace it also
  stops early a job that can't finish in time (judged from its second batch on, over 2,000 to
  5,000 tokens: a 504 after a few seconds, not at the deadline). The one stretch not checked is
  the whole-document stage (our components on the joined article: 1-15% of the parse).

Threads, not processes: a worker process for the heavy lane (killed at its deadline) would add a
second pipeline's ~200 MB to every worker, which `compose.yaml` does not size for, and pieces
already bound a job's memory; checkpoints between ~0.1 s steps bound its time.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import heapq
import itertools
import re
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from app.errors import PipelineTimeout
from app.schemas import AttributionRequest, AttributionResponse

# What the tokenizer makes a token of, near enough: a word, a mark, a line break.
_TOKENISH = re.compile(r"\w+|[^\w\s]|\n")
# What a document costs beyond its tokens (conversion, bookkeeping): a batch of empty texts is
# not free.
PER_DOCUMENT_TOKENS = 16
# The longest text the pipeline parses whole (`app.pipeline.pieces.MAX_WHOLE_TOKENS`): longer jobs
# are heavy, and may leave free pages behind.
MAX_WHOLE_TOKENS = 5000
# A job's pace is judged from its second batch on (the first one also pays for tokenizing the whole
# text), once it has parsed a tenth of its tokens since, at least 2,000 and at most 5,000.
PACE_AFTER_TOKENS = (2000, 5000)
PACE_AFTER_SHARE = 0.1
# Paces vary (a busy machine, the other lane's turns) and estimates run up to ~6% over the
# tokenizer's count: a job is stopped early only when even 80% of its projected remaining time
# would overrun its deadline.
PACE_SLACK = 0.8

# The heavy lane's share of the pipeline's time while ordinary requests want it too.
HEAVY_SHARE = 0.25

Result = tuple[list[AttributionResponse], float]
# Called by the pipeline between two steps with the tokens parsed since; raises to stop the work.
Checkpoint = Callable[[int], None]


def estimate_tokens(text: str) -> int:
    """About how many tokens spaCy makes of `text` (words, marks and line breaks)."""
    return _TOKENISH.subn("", text)[1]


def request_cost(requests: Sequence[AttributionRequest]) -> int:
    """What running `requests` costs, in estimated tokens."""
    return sum(estimate_tokens(r.text) + PER_DOCUMENT_TOKENS for r in requests)


class Deadline:
    """A job's time limit; called by the pipeline as its checkpoint (`pipe_in_pieces`) with the
    tokens parsed since the last call, it raises `PipelineTimeout` once the job is late, was
    cancelled, or (judged by its own pace) can't finish in time."""

    def __init__(self, limit_s: float, expected_tokens: int) -> None:
        self.limit_s = limit_s
        self.at = time.monotonic() + limit_s
        self.expected_tokens = expected_tokens
        self.parsed = 0
        self.started: float | None = None  # when the work (not the wait) began
        self._pace_from: tuple[float, int] | None = None  # (time, tokens) at the first batch's end
        low, high = PACE_AFTER_TOKENS
        self._judge_after = max(low, min(high, int(PACE_AFTER_SHARE * expected_tokens)))
        self._cancelled = threading.Event()

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def start(self) -> None:
        self.started = time.monotonic()

    def cancel(self) -> None:
        """Stop at the next checkpoint (the client has its 504 already)."""
        self._cancelled.set()

    def __call__(self, tokens: int) -> None:
        now = time.monotonic()
        if self._cancelled.is_set() or now >= self.at:
            raise PipelineTimeout(self.limit_s)
        if not tokens:
            return
        self.parsed += tokens
        if self._pace_from is None:
            self._pace_from = (now, self.parsed)
            return
        since, parsed_then = self._pace_from
        judged = self.parsed - parsed_then
        if judged < self._judge_after:
            return
        projected = (now - since) / judged * max(0, self.expected_tokens - self.parsed)
        if now + PACE_SLACK * projected > self.at:
            spent = now - (self.started if self.started is not None else since)
            raise PipelineTimeout(self.limit_s, projected_s=spent + projected, elapsed_s=spent)


@dataclass(eq=False)
class Job:
    """One admitted request: its documents, cost and deadline, and the future of its answers."""

    requests: list[AttributionRequest]
    cost: int
    deadline: Deadline
    heavy: bool = False
    future: Future[Result] = field(default_factory=Future)


class Lane:
    """Worker threads that run queued jobs cheapest first; `run(job)` does the work."""

    def __init__(self, name: str, threads: int, run: Callable[[Job], Result]) -> None:
        self.name = name
        self._run = run
        self._queue: list[tuple[int, int, Job]] = []
        self._order = itertools.count()
        self._ready = threading.Condition()
        self._closed = False
        self._threads = [
            threading.Thread(target=self._work, name=f"nlp-{name}-{n}", daemon=True)
            for n in range(threads)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job: Job) -> None:
        with self._ready:
            if self._closed:
                raise RuntimeError(f"the {self.name} lane is closed")
            heapq.heappush(self._queue, (job.cost, next(self._order), job))
            self._ready.notify()

    def _next(self) -> Job | None:
        with self._ready:
            while not self._queue and not self._closed:
                self._ready.wait()
            return heapq.heappop(self._queue)[2] if self._queue else None

    def _work(self) -> None:
        while (job := self._next()) is not None:
            if not job.future.set_running_or_notify_cancel():
                continue  # cancelled while it waited: its client has had a 504
            if job.deadline.remaining() <= 0:
                job.future.set_exception(PipelineTimeout(job.deadline.limit_s))
                continue
            job.deadline.start()
            try:
                result = self._run(job)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
                job.future.set_exception(exc)
            else:
                job.future.set_result(result)

    def close(self) -> None:
        """Run what is queued, then stop the threads."""
        with self._ready:
            self._closed = True
            self._ready.notify_all()
        for thread in self._threads:
            thread.join()


class Gate:
    """Which lane runs pipeline code now. The lanes' threads share one interpreter, and a thread
    in a long C call holds it: left alone, a heavy job slows every ordinary one roughly tenfold.
    So a light job runs only while no heavy piece is being parsed, and the heavy lane parses a
    piece only while no light job runs and, if light jobs are waiting (`light_pending`), only
    when its share is due: after a step of d seconds, light jobs have the pipeline for
    d x (1 - `HEAVY_SHARE`) / `HEAVY_SHARE` seconds. An ordinary request waits at most one heavy
    step (one base component over one piece: ~0.1 s; or the whole-document stage of a heavy
    article), and a heavy job keeps `HEAVY_SHARE` of the time under any ordinary load."""

    def __init__(self, light_pending: Callable[[], int], heavy_share: float = HEAVY_SHARE) -> None:
        if not 0 < heavy_share < 1:
            raise ValueError(f"heavy_share must be between 0 and 1, got {heavy_share}")
        self._light_pending = light_pending
        self._light_turn = (1 - heavy_share) / heavy_share
        self._changed = threading.Condition()
        self._light_running = 0
        self._heavy_running = False
        self._heavy_waiting = False
        self._heavy_since = 0.0
        self._heavy_not_before = 0.0  # light jobs' turn until then

    def _heavy_due(self, now: float) -> bool:
        return self._heavy_waiting and now >= self._heavy_not_before

    def enter_light(self) -> None:
        with self._changed:
            while self._heavy_running or self._heavy_due(time.monotonic()):
                self._changed.wait()
            self._light_running += 1

    def exit_light(self) -> None:
        with self._changed:
            self._light_running -= 1
            self._changed.notify_all()

    def enter_heavy(self, deadline: Deadline) -> None:
        """Wait for the heavy lane's turn (PipelineTimeout if the deadline passes meanwhile)."""
        with self._changed:
            self._heavy_waiting = True
            self._changed.notify_all()
            try:
                while True:
                    now = time.monotonic()
                    if not self._light_running and (
                        not self._light_pending() or now >= self._heavy_not_before
                    ):
                        break
                    deadline(0)
                    wait = min(deadline.remaining(), 1.0)
                    if not self._light_running and now < self._heavy_not_before:
                        wait = min(wait, self._heavy_not_before - now)
                    self._changed.wait(max(wait, 0.001))
            finally:
                self._heavy_waiting = False
                self._changed.notify_all()
            self._heavy_running = True
            self._heavy_since = time.monotonic()

    def exit_heavy(self) -> None:
        with self._changed:
            now = time.monotonic()
            self._heavy_running = False
            self._heavy_not_before = now + (now - self._heavy_since) * self._light_turn
            self._changed.notify_all()

    def notify(self) -> None:
        """Something `light_pending` counts has changed."""
        with self._changed:
            self._changed.notify_all()


class HeavyTurn:
    """A heavy job inside the gate (`with`), and its checkpoint: the deadline, then the other
    lane's turn, between two steps of the pipeline."""

    def __init__(self, gate: Gate, deadline: Deadline) -> None:
        self.gate = gate
        self.deadline = deadline
        self._inside = False

    def __enter__(self) -> HeavyTurn:
        self.gate.enter_heavy(self.deadline)
        self._inside = True
        return self

    def __call__(self, tokens: int) -> None:
        self.deadline(tokens)
        self.gate.exit_heavy()
        self._inside = False
        self.gate.enter_heavy(self.deadline)
        self._inside = True

    def __exit__(self, *_: object) -> None:
        if self._inside:
            self.gate.exit_heavy()
            self._inside = False


class LightTurn:
    """A light job inside the gate (`with`): it runs whole, with its deadline as checkpoint."""

    def __init__(self, gate: Gate | None) -> None:
        self.gate = gate

    def __enter__(self) -> LightTurn:
        if self.gate is not None:
            self.gate.enter_light()
        return self

    def __exit__(self, *_: object) -> None:
        if self.gate is not None:
            self.gate.exit_light()


def _load_malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


_MALLOC_TRIM = _load_malloc_trim()


def release_memory() -> None:
    """Hand the heap's free pages back to the system (glibc keeps them after a big job)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
