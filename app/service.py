"""Doc -> response conversion and the pipeline runner shared by the API, the CLI and Ray.

The HTTP layer, the CLI and the Ray runner all call `attribute_requests`, so their answers are
identical. `AttributionService` adds what a server needs on top: the pipeline runs in worker
threads off the event loop, behind a bounded admission queue and a per-request time limit.
"""

from __future__ import annotations

import asyncio
import bisect
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
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
from app.html_input import HtmlText
from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.types import CharSpan

# Lone UTF-16 surrogates cannot be encoded for spaCy's string store; each is replaced by U+FFFD,
# one code point for one, so every offset still indexes the client's text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


# Code points outside the BMP: two UTF-16 code units each.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# Called after each `AttributionService.attribute` with the requests, the answers and the seconds
# the pipeline itself took (queue wait excluded); the HTTP layer sets it per request for metrics
# and the access log. Context-local, so a service shared by several apps reports to the right one.
PipelineObserver = Callable[
    [Sequence[AttributionRequest], Sequence[AttributionResponse], float], None
]
pipeline_observer: ContextVar[PipelineObserver | None] = ContextVar(
    "pipeline_observer", default=None
)


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


OffsetMap = Callable[[int, int], tuple[int, int]]


def _map_span(span: TextSpan | None, mapping: OffsetMap, source: str | None) -> TextSpan | None:
    if span is None:
        return None
    start, end = mapping(span.start, span.end)
    text = span.text if source is None else source[start:end]
    return TextSpan(text=text, start=start, end=end)


def map_offsets(
    response: AttributionResponse, mapping: OffsetMap, *, source: str | None = None
) -> AttributionResponse:
    """`response` with every (start, end) passed through `mapping`; with `source`, every `text`
    is re-sliced from it (HTML input: the raw markup slice)."""
    quotes = []
    for quote in response.quotes:
        start, end = mapping(quote.start, quote.end)
        speaker = quote.speaker
        if speaker is not None and speaker.mention is not None:
            speaker = speaker.model_copy(
                update={"mention": _map_span(speaker.mention, mapping, source)}
            )
        update = {
            "start": start,
            "end": end,
            "segments": [_map_span(s, mapping, source) for s in quote.segments],
            "speaker": speaker,
            "cue": _map_span(quote.cue, mapping, source),
        }
        if source is not None:
            update["text"] = source[start:end]
        quotes.append(quote.model_copy(update=update))
    return response.model_copy(update={"quotes": quotes})


def utf16_offsets(text: str) -> OffsetMap:
    """Code point offsets of `text` -> UTF-16 code unit offsets (JavaScript string indices)."""
    astral = [match.start() for match in _ASTRAL.finditer(text)]

    def mapping(start: int, end: int) -> tuple[int, int]:
        return start + bisect.bisect_left(astral, start), end + bisect.bisect_left(astral, end)

    return mapping


def _finish(
    doc: Doc, req: AttributionRequest, markup: HtmlText | None, info: ModelInfo
) -> AttributionResponse:
    plain = markup.text if markup is not None else req.text
    response = doc_to_response(
        doc, plain, doc_id=request_id(req), info=info, include_non_speech=req.include_non_speech
    )
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
