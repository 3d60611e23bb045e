"""Operations: JSON logs, request ids, Prometheus metrics and the request body size guard.

- `configure_logging(settings)`: one JSON object a line on stderr for the app's and uvicorn's
  loggers (uvicorn's own access log is turned off: `RequestObservability` writes one line a
  request instead, with the request id, status, duration, text length and quote count, and the
  article text only when `QUOTES_LOG_TEXT` is true).
- `RequestObservability`: a pure ASGI middleware that sets and echoes `X-Request-ID`, counts and
  times every request, and logs it.
- `Metrics`: the app's own `CollectorRegistry` (one per app, so nothing is shared between apps or
  written to disk; no multiprocess directory is needed), served by `GET /metrics`.
- `BodySizeLimit`: refuses a body over the limit with 413 from its Content-Length alone, before
  reading it.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import choose_encoder
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem, service_error_response
from app.api.schemas import AttributionRequest, AttributionResponse
from app.errors import BodyTooLarge
from app.service import pipeline_observer
from app.settings import Settings

REQUEST_ID_HEADER = "X-Request-ID"
# A client's request id is kept when it is this sane; otherwise a new one is made.
_CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
# Route label of requests that matched no route (so random paths cannot blow up the label set).
UNMATCHED_ROUTE = "<unmatched>"
# Article text logged per request when QUOTES_LOG_TEXT is on, at most.
LOGGED_TEXT_CHARS = 2000

HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
PIPELINE_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)

access_logger = logging.getLogger("app.access")


@dataclass
class RequestInfo:
    """What the access log line says about one request; the route fills in the document part."""

    request_id: str
    documents: int | None = None
    text_chars: int | None = None
    quotes: int | None = None
    text: str | None = None


current_request: ContextVar[RequestInfo | None] = ContextVar("current_request", default=None)


# -- logging ------------------------------------------------------------------------------------
_RECORD_FIELDS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}


class JsonFormatter(logging.Formatter):
    """One JSON object a line: ts, level, logger, message, request_id, and any `extra=` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        info = current_request.get()
        if info is not None:
            entry["request_id"] = info.request_id
        for key, value in vars(record).items():
            if key not in _RECORD_FIELDS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        # ASCII escapes: a lone surrogate or odd byte in a path can never break the log stream
        return json.dumps(entry, ensure_ascii=True, default=str)


def configure_logging(settings: Settings) -> None:
    """JSON lines on stderr for the `app` and `uvicorn` loggers; safe to call more than once."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_quotes_json", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler._quotes_json = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    logging.getLogger("app").setLevel(settings.log_level)
    for name in ("uvicorn", "uvicorn.error"):
        server_logger = logging.getLogger(name)
        server_logger.handlers.clear()
        server_logger.propagate = True
        server_logger.setLevel(settings.log_level)
    uvicorn_access = logging.getLogger("uvicorn.access")  # replaced by our app.access line
    uvicorn_access.handlers.clear()
    uvicorn_access.propagate = False
    uvicorn_access.disabled = True


# -- metrics ------------------------------------------------------------------------------------
class Metrics:
    """The app's Prometheus metrics in its own registry."""

    def __init__(self, queue_depth: Callable[[], float]) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "quotes_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "quotes_http_request_duration_seconds",
            "Time from request to the end of the response, by route template and method.",
            ["route", "method"],
            buckets=HTTP_BUCKETS,
            registry=self.registry,
        )
        self.pipeline = Histogram(
            "quotes_pipeline_duration_seconds",
            "Time the NLP pipeline spent on one request (queue wait excluded).",
            buckets=PIPELINE_BUCKETS,
            registry=self.registry,
        )
        self.documents = Counter(
            "quotes_documents",
            "Documents attributed by the pipeline.",
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "quotes_queue_depth",
            "Requests admitted and waiting for a pipeline thread.",
            registry=self.registry,
        )
        self.queue_depth.set_function(queue_depth)
        self.in_flight = Gauge(
            "quotes_http_requests_in_flight",
            "HTTP requests being answered now.",
            registry=self.registry,
        )

    def render(self, accept: str | None) -> tuple[bytes, str]:
        """The exposition in the format `accept` asks for (Prometheus text or OpenMetrics)."""
        encoder, content_type = choose_encoder(accept or "")
        data: bytes = encoder(self.registry)
        return data, str(content_type)


router = APIRouter(tags=["operations"])


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    registry: Metrics = request.app.state.metrics
    body, content_type = registry.render(request.headers.get("accept"))
    return Response(body, media_type=content_type)


# -- middleware ---------------------------------------------------------------------------------
def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate: str = bytes(value).decode("latin-1")
            if _CLIENT_REQUEST_ID.fullmatch(candidate):
                return candidate
            break
    return uuid.uuid4().hex


def _route_label(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class RequestObservability:
    """Pure ASGI: X-Request-ID, one JSON access line and the request metrics per HTTP request."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics, log_text: bool, paths: frozenset[str]):
        self.app = app
        self.metrics = metrics
        self.log_text = log_text
        self.paths = paths  # route paths without parameters, to label requests refused early

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        info = RequestInfo(request_id=_request_id(scope))
        current_request.set(info)  # each request runs in its own task: no reset needed
        pipeline_observer.set(self._observe_pipeline)
        status = 500
        response_started = False
        header = (REQUEST_ID_HEADER.lower().encode("latin-1"), info.request_id.encode("latin-1"))

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = int(message["status"])
                response_started = True
                message = {**message, "headers": [*message.get("headers", ()), header]}
            await send(message)

        self.metrics.in_flight.inc()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            if not response_started:  # answer here so the 500 carries the request id too
                status = 500
                response = problem(
                    500, "Internal error", "the service failed on this request", code="internal"
                )
                await response(scope, receive, send_with_id)
            raise  # the app's error handler logs the traceback
        finally:
            self.metrics.in_flight.dec()
            self._record(scope, info, status, time.perf_counter() - started)

    def _observe_pipeline(
        self,
        requests: Sequence[AttributionRequest],
        responses: Sequence[AttributionResponse],
        seconds: float,
    ) -> None:
        self.metrics.pipeline.observe(seconds)
        self.metrics.documents.inc(len(requests))
        info = current_request.get()
        if info is None:
            return
        info.documents = (info.documents or 0) + len(requests)
        info.text_chars = (info.text_chars or 0) + sum(len(r.text) for r in requests)
        info.quotes = (info.quotes or 0) + sum(len(r.quotes) for r in responses)
        if self.log_text:
            joined = "\n\n".join(r.text for r in requests)
            info.text = joined[:LOGGED_TEXT_CHARS]

    def _record(self, scope: Scope, info: RequestInfo, status: int, seconds: float) -> None:
        path: str = scope.get("path", "")
        route = _route_label(scope)
        if route == UNMATCHED_ROUTE and path in self.paths:
            route = path
        method: str = scope.get("method", "")
        self.metrics.requests.labels(route, method, str(status)).inc()
        self.metrics.latency.labels(route, method).observe(seconds)
        fields: dict[str, Any] = {
            "method": method,
            "path": path,
            "route": route,
            "status": status,
            "duration_ms": round(seconds * 1000, 2),
        }
        for name in ("documents", "text_chars", "quotes", "text"):
            value = getattr(info, name)
            if value is not None:
                fields[name] = value
        access_logger.info("request", extra=fields)


class BodySizeLimit:
    """Pure ASGI: 413 for a body over the limit, from Content-Length before reading it; a body
    without Content-Length (chunked) is counted as it streams and refused once past the limit."""

    def __init__(self, app: ASGIApp, *, limit_for_path: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for_path = limit_for_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for_path(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None:
            if declared > limit:
                await service_error_response(BodyTooLarge(limit))(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        # No Content-Length: read the stream here (it would be read whole anyway) up to the limit.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left: let the app see that
                await self.app(scope, _replay(message, receive), send)
                return
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await service_error_response(BodyTooLarge(limit))(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay(body, receive), send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(first: Message, receive: Receive) -> Receive:
    """A `receive` that gives `first` once, then passes through to the server's `receive`."""
    pending: list[Message] = [first]

    async def replay() -> Message:
        if pending:
            return pending.pop()
        return await receive()

    return replay
