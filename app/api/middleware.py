"""Pure ASGI middleware: request ids, the access log line and request metrics; the body size guard.

- `RequestObservability` sets and echoes `X-Request-ID`, counts and times every request in the
  app's `Metrics`, and writes one JSON access line a request (`app.api.logs`).
- `BodySizeLimit` refuses a body over the limit with 413 from its Content-Length alone, before
  reading it.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem, service_error_response
from app.api.logs import LOGGED_TEXT_CHARS, RequestInfo, access_logger, current_request
from app.api.metrics import Metrics
from app.errors import BodyTooLarge
from app.schemas import AttributionRequest, AttributionResponse
from app.service.runner import pipeline_observer

REQUEST_ID_HEADER = "X-Request-ID"
# A client's request id is kept when it is this sane; otherwise a new one is made.
_CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
# Route label of requests that matched no route (so random paths cannot blow up the label set).
UNMATCHED_ROUTE = "<unmatched>"


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
