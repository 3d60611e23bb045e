"""The pipeline runner shared by the API, the CLI and Ray, and the server's admission control.

The HTTP layer, the CLI and the Ray runner all call `attribute_requests`, so their answers are
identical. `AttributionService` adds what a server needs on top: the pipeline runs in worker
threads off the event loop, behind a bounded admission queue and a per-request time limit.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from app.errors import PipelineTimeout, ServiceBusy
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

# Called after each `AttributionService.attribute` with the requests, the answers and the seconds
# the pipeline itself took (queue wait excluded); the HTTP layer sets it per request for metrics
# and the access log. Context-local, so a service shared by several apps reports to the right one.
PipelineObserver = Callable[
    [Sequence[AttributionRequest], Sequence[AttributionResponse], float], None
]
pipeline_observer: ContextVar[PipelineObserver | None] = ContextVar(
    "pipeline_observer", default=None
)


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
) -> Iterator[AttributionResponse]:
    """Run the pipeline over many articles with `nlp.pipe`, answers in input order.

    Single-process by design: our Span extensions hold dataclasses, which spaCy's
    `n_process` path cannot serialise; `quotes attribute --processes N` forks whole pipelines.
    """
    info = model_info(nlp)

    def texts() -> Iterator[tuple[str, tuple[AttributionRequest, HtmlText | None]]]:
        for req in requests:
            markup = HtmlText.parse(req.text) if req.format == "html" else None
            plain = markup.text if markup is not None else req.text
            yield nlp_safe_text(plain), (req, markup)

    docs = nlp.pipe(texts(), as_tuples=True, batch_size=batch_size)
    for doc, (req, markup) in docs:
        yield _finish(doc, req, markup, info)


@dataclass
class AttributionService:
    """The loaded pipeline plus the thread pool and admission control that serve it."""

    nlp: Language
    worker_threads: int = 1
    max_queue: int = 16
    timeout_s: float = 30.0
    batch_size: int = 16

    def __post_init__(self) -> None:
        self.info = model_info(self.nlp)
        self._executor = ThreadPoolExecutor(self.worker_threads, thread_name_prefix="nlp")
        self._admitted = 0  # requests running or waiting for a pipeline thread
        self._lock = threading.Lock()

    @property
    def capacity(self) -> int:
        return self.worker_threads + self.max_queue

    @property
    def queue_depth(self) -> int:
        return max(0, self._admitted - self.worker_threads)

    def attribute_sync(self, requests: Sequence[AttributionRequest]) -> list[AttributionResponse]:
        return list(attribute_requests(self.nlp, requests, batch_size=self.batch_size))

    async def attribute(self, requests: Sequence[AttributionRequest]) -> list[AttributionResponse]:
        """Run the pipeline in a worker thread; 503 when the queue is full, 504 past the limit."""
        with self._lock:
            if self._admitted >= self.capacity:
                raise ServiceBusy(retry_after_s=1)
            self._admitted += 1
        # The slot is freed when the work really ends (a timed-out job still holds its thread).
        work = self._executor.submit(self._timed_attribute, list(requests))
        work.add_done_callback(self._release)
        try:
            responses, seconds = await asyncio.wait_for(
                asyncio.wrap_future(work), timeout=self.timeout_s
            )
        except TimeoutError as exc:
            raise PipelineTimeout(self.timeout_s) from exc
        observer = pipeline_observer.get()
        if observer is not None:
            observer(requests, responses, seconds)
        return responses

    def _timed_attribute(
        self, requests: list[AttributionRequest]
    ) -> tuple[list[AttributionResponse], float]:
        started = time.perf_counter()
        responses = self.attribute_sync(requests)
        return responses, time.perf_counter() - started

    def _release(self, _: object) -> None:
        with self._lock:
            self._admitted -= 1

    def ready_check(self) -> bool:
        """The pipeline answers a tiny document."""
        doc = self.nlp('"Ready," she said.')
        return QUOTES_KEY in doc.spans

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)
