"""The pipeline runner shared by the API, the CLI and Ray, and the server's admission control.

The HTTP layer, the CLI and the Ray runner all call `attribute_requests`, so their answers are
identical; it parses long texts in pieces (`app.pipeline.pipe_in_pieces`), so the memory of one
article is bounded whatever its length. `AttributionService` adds what a server needs on top: the
pipeline runs in worker threads off the event loop, admitted and scheduled by cost in two lanes,
with a per-request deadline checked between pieces (`app.service.lanes` says why).
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from app.errors import PipelineTimeout, ServiceBusy
from app.pipeline import pipe_in_pieces
from app.pipeline.extensions import QUOTES_KEY
from app.schemas import AttributionRequest, AttributionResponse, ModelInfo
from app.service.convert import (
    doc_to_response,
    map_offsets,
    model_info,
    nlp_safe_text,
    utf16_offsets,
)
from app.service.html_input import HtmlText
from app.service.lanes import (
    MAX_WHOLE_TOKENS,
    Checkpoint,
    Deadline,
    Gate,
    HeavyTurn,
    Job,
    Lane,
    LightTurn,
    Result,
    release_memory,
    request_cost,
)

# Called after each `AttributionService.attribute` with the requests, the answers and the seconds
# the pipeline itself took (queue wait excluded); the HTTP layer sets it per request for metrics
# and the access log. Context-local, so a service shared by several apps reports to the right one.
PipelineObserver = Callable[
    [Sequence[AttributionRequest], Sequence[AttributionResponse], float], None
]
pipeline_observer: ContextVar[PipelineObserver | None] = ContextVar(
    "pipeline_observer", default=None
)
# The checkpoint of the job a lane thread is running (its deadline, and for a heavy job the gate):
# `AttributionService.attribute_sync` hands it to the pipeline (a subclass that replaces
# `attribute_sync` may ignore it).
running_checkpoint: ContextVar[Checkpoint | None] = ContextVar("running_checkpoint", default=None)
# Seconds a client is told to wait when the heavy lane is full.
HEAVY_RETRY_AFTER_S = 5


def _finish(
    doc: Doc, req: AttributionRequest, markup: HtmlText | None, info: ModelInfo
) -> AttributionResponse:
    plain = markup.text if markup is not None else req.text
    response = doc_to_response(doc, plain, doc_id=request_id(req), info=info, types=req.quote_types)
    if markup is not None:
        response = map_offsets(response, markup.to_source, source=req.text)
    if req.offsets == "utf16":
        response = map_offsets(response, utf16_offsets(req.text))
    return response


def request_id(request: AttributionRequest) -> str:
    return request.id if request.id is not None else f"doc-{uuid.uuid4().hex[:12]}"


def attribute_requests(
    nlp: Language,
    requests: Iterable[AttributionRequest],
    *,
    batch_size: int = 16,
    checkpoint: Callable[[int], None] | None = None,
) -> Iterator[AttributionResponse]:
    """Run the pipeline over many articles, answers in input order: `nlp.pipe` in batches of at
    most `batch_size` documents and one piece's tokens, a longer text in pieces joined before our
    components (`app.pipeline.pipe_in_pieces`); `checkpoint` (a `Deadline`) may stop the work
    between pieces.

    Single-process by design: our Span extensions hold dataclasses, which spaCy's
    `n_process` path cannot serialise; `quotes attribute --processes N` forks whole pipelines.
    """
    info = model_info(nlp)

    def texts() -> Iterator[tuple[str, tuple[AttributionRequest, HtmlText | None]]]:
        for req in requests:
            markup = HtmlText.parse(req.text) if req.format == "html" else None
            plain = markup.text if markup is not None else req.text
            yield nlp_safe_text(plain), (req, markup)

    docs = pipe_in_pieces(nlp, texts(), batch_size=batch_size, checkpoint=checkpoint)
    for doc, (req, markup) in docs:
        yield _finish(doc, req, markup, info)


@dataclass
class AttributionService:
    """The loaded pipeline plus the lanes, admission control and deadlines that serve it.

    Light requests (at most `heavy_tokens` estimated tokens) run in `worker_threads` threads,
    at most `worker_threads + max_queue` admitted; heavier ones run one at a time in the heavy
    lane, at most `heavy_queue_tokens` admitted (`heavy_tokens=0`: one lane for everything).
    """

    nlp: Language
    worker_threads: int = 1
    max_queue: int = 16
    timeout_s: float = 15.0
    batch_size: int = 16
    heavy_tokens: int = MAX_WHOLE_TOKENS
    heavy_queue_tokens: int = 400_000

    def __post_init__(self) -> None:
        self.info = model_info(self.nlp)
        self._lock = threading.Lock()
        self._admitted = 0  # requests running or waiting, both lanes
        self._light = 0  # of them in the light lane
        self._heavy_cost = 0  # estimated tokens running or waiting in the heavy lane
        self._light_lane = Lane("light", self.worker_threads, self._run)
        self._heavy_lane: Lane | None = None
        self._gate: Gate | None = None
        if self.heavy_tokens > 0:
            self._heavy_lane = Lane("heavy", 1, self._run)
            self._gate = Gate(light_pending=lambda: self._light)

    @property
    def capacity(self) -> int:
        """Light requests admitted at most (running or waiting)."""
        return self.worker_threads + self.max_queue

    @property
    def queue_depth(self) -> int:
        """Requests admitted and waiting for a lane thread."""
        heavy = self._admitted - self._light
        return max(0, self._light - self.worker_threads) + max(0, heavy - 1)

    def attribute_sync(self, requests: Sequence[AttributionRequest]) -> list[AttributionResponse]:
        answers = attribute_requests(
            self.nlp, requests, batch_size=self.batch_size, checkpoint=running_checkpoint.get()
        )
        return list(answers)

    async def attribute(self, requests: Sequence[AttributionRequest]) -> list[AttributionResponse]:
        """Run the pipeline in a lane thread; 503 when its lane is full, 504 past the deadline."""
        job = self._admit(list(requests))
        try:
            responses, seconds = await asyncio.wait_for(
                asyncio.wrap_future(job.future), timeout=job.deadline.remaining()
            )
        except TimeoutError as exc:
            job.deadline.cancel()  # a running job stops at its next checkpoint
            raise PipelineTimeout(self.timeout_s) from exc
        observer = pipeline_observer.get()
        if observer is not None:
            observer(requests, responses, seconds)
        return responses

    def _admit(self, requests: list[AttributionRequest]) -> Job:
        cost = request_cost(requests)
        heavy = self._heavy_lane is not None and cost > self.heavy_tokens
        job = Job(requests, cost, Deadline(self.timeout_s, cost), heavy=heavy)
        with self._lock:
            if not heavy and self._light >= self.capacity:
                raise ServiceBusy(retry_after_s=1)
            if heavy and self._heavy_cost and self._heavy_cost + cost > self.heavy_queue_tokens:
                raise ServiceBusy(
                    retry_after_s=HEAVY_RETRY_AFTER_S,
                    reason=(
                        f"the lane for long articles is full ({self._heavy_cost} estimated tokens "
                        f"admitted, this one {cost}, the limit {self.heavy_queue_tokens}: "
                        "QUOTES_HEAVY_QUEUE_TOKENS)"
                    ),
                )
            self._admitted += 1
            self._light += not heavy
            self._heavy_cost += cost if heavy else 0
        # The slot is freed when the work really ends (or when a job still waiting is cancelled).
        job.future.add_done_callback(lambda _: self._release(job))
        lane = self._heavy_lane if heavy else self._light_lane
        assert lane is not None
        lane.submit(job)
        return job

    def _release(self, job: Job) -> None:
        with self._lock:
            self._admitted -= 1
            self._light -= not job.heavy
            self._heavy_cost -= job.cost if job.heavy else 0
        if self._gate is not None:
            self._gate.notify()

    def _run(self, job: Job) -> Result:
        """A lane thread runs `job`: the pipeline, inside the gate, with the job's checkpoint."""
        started = time.perf_counter()
        turn: HeavyTurn | LightTurn
        checkpoint: Checkpoint
        if job.heavy:
            assert self._gate is not None
            turn = checkpoint = HeavyTurn(self._gate, job.deadline)
        else:
            turn, checkpoint = LightTurn(self._gate), job.deadline
        token = running_checkpoint.set(checkpoint)
        try:
            with turn:
                responses = self.attribute_sync(job.requests)
        finally:
            running_checkpoint.reset(token)
            if job.cost > MAX_WHOLE_TOKENS:
                release_memory()
        return responses, time.perf_counter() - started

    def ready_check(self) -> bool:
        """The pipeline answers a tiny document."""
        doc = self.nlp('"Ready," she said.')
        return QUOTES_KEY in doc.spans

    def close(self) -> None:
        self._light_lane.close()
        if self._heavy_lane is not None:
            self._heavy_lane.close()
