"""Doc -> response conversion and the pipeline runner shared by the API, the CLI and Ray.

The HTTP layer, the CLI and the Ray runner all call `attribute_requests`, so their answers are
identical. `AttributionService` adds what a server needs on top: the pipeline runs in worker
threads off the event loop, behind a bounded admission queue and a per-request time limit.
"""

from __future__ import annotations

import asyncio
import re
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from app.api.schemas import (
    AttributionRequest,
    AttributionResponse,
    ModelInfo,
    QuoteOut,
    Speaker,
    SpeakerOut,
    TextSpan,
)
from app.errors import PipelineTimeout, ServiceBusy
from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.types import CharSpan

# Lone UTF-16 surrogates cannot be encoded for spaCy's string store; each is replaced by U+FFFD,
# one code point for one, so every offset still indexes the client's text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def nlp_safe_text(text: str) -> str:
    """The text the pipeline reads: same length as `text`, lone surrogates replaced."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def model_info(nlp: Language) -> ModelInfo:
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}",
        version=str(meta.get("version", "0.0.0")),
        components=list(nlp.pipe_names),
    )


def _text_span(source: str, span: CharSpan | None) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(text=source[span.start : span.end], start=span.start, end=span.end)


def doc_to_response(
    doc: Doc, source: str, *, doc_id: str, info: ModelInfo, include_non_speech: bool = False
) -> AttributionResponse:
    """Convert an annotated Doc to the API's answer; every text is sliced from `source`."""
    quotes: list[QuoteOut] = []
    quote_ids_by_entity: dict[str, list[str]] = {}
    for span in doc.spans[QUOTES_KEY] if QUOTES_KEY in doc.spans else ():
        quote = span._.quote
        if quote is None or not (quote.is_speech or include_non_speech):
            continue
        quote_id = f"q{len(quotes) + 1}"
        attribution = span._.attribution if quote.is_speech else None
        speaker: Speaker | None = None
        if attribution is not None and (attribution.mention or attribution.name):
            speaker = Speaker(
                name=attribution.name,
                mention=_text_span(source, attribution.mention),
                entity=attribution.entity_id,
                resolution=attribution.resolution,
            )
            if attribution.entity_id is not None:
                quote_ids_by_entity.setdefault(attribution.entity_id, []).append(quote_id)
        quotes.append(
            QuoteOut(
                id=quote_id,
                text=source[quote.start : quote.end],
                start=quote.start,
                end=quote.end,
                type=quote.type,
                segments=[
                    TextSpan(text=source[s.start : s.end], start=s.start, end=s.end)
                    for s in quote.segments
                ],
                speaker=speaker,
                cue=_text_span(source, attribution.cue) if attribution else None,
                confidence=round(attribution.confidence, 4) if attribution else 0.0,
            )
        )
    speakers = [
        SpeakerOut(
            id=entity.id,
            name=entity.name,
            kind=entity.kind,
            role=entity.role,
            aliases=list(entity.aliases),
            quotes=quote_ids_by_entity[entity.id],
        )
        for entity in doc._.speakers
        if entity.id in quote_ids_by_entity
    ]
    return AttributionResponse(id=doc_id, quotes=quotes, speakers=speakers, model=info)


def request_id(request: AttributionRequest) -> str:
    return request.id if request.id is not None else f"doc-{uuid.uuid4().hex[:12]}"


def attribute_requests(
    nlp: Language, requests: Iterable[AttributionRequest], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[AttributionResponse]:
    """Run the pipeline over many articles with `nlp.pipe`, answers in input order."""
    info = model_info(nlp)
    pending = list(requests) if n_process > 1 else requests

    def texts() -> Iterator[tuple[str, AttributionRequest]]:
        for req in pending:
            yield nlp_safe_text(req.text), req

    docs = nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, req in docs:
        yield doc_to_response(
            doc,
            req.text,
            doc_id=request_id(req),
            info=info,
            include_non_speech=req.include_non_speech,
        )


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
        work = self._executor.submit(self.attribute_sync, list(requests))
        work.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(work), timeout=self.timeout_s)
        except TimeoutError as exc:
            raise PipelineTimeout(self.timeout_s) from exc

    def _release(self, _: object) -> None:
        with self._lock:
            self._admitted -= 1

    def ready_check(self) -> bool:
        """The pipeline answers a tiny document."""
        doc = self.nlp('"Ready," she said.')
        return QUOTES_KEY in doc.spans

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)
