"""Every error leaves as `application/problem+json` (RFC 9457): type, title, status, detail."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import ServiceBusy, ServiceError

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE_BASE = "https://quotes.invalid/problems/"

logger = logging.getLogger("app.errors")


class SafeJSONResponse(JSONResponse):
    """JSON that survives lone surrogates (a client may send `"\\ud800"`; its offsets echo it back).

    UTF-8 cannot encode a lone surrogate, so such a body falls back to ASCII JSON with `\\uXXXX`
    escapes, which every JSON parser turns back into the same string.
    """

    def render(self, content: Any) -> bytes:
        try:
            return json.dumps(
                content, ensure_ascii=False, allow_nan=False, separators=(",", ":")
            ).encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(
                content, ensure_ascii=True, allow_nan=False, separators=(",", ":")
            ).encode("ascii")


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    code: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return SafeJSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc if part != "body") or "body"


def service_error_response(exc: ServiceError) -> JSONResponse:
    """The problem+json answer to a domain error (also used by middleware, outside the router)."""
    errors = [{"field": exc.field, "message": exc.detail}] if exc.field else None
    headers = {"Retry-After": str(exc.retry_after_s)} if isinstance(exc, ServiceBusy) else None
    if exc.status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return problem(exc.status, exc.title, exc.detail, code=exc.code, errors=errors, headers=headers)


async def _service_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServiceError)
    return service_error_response(exc)


def _validation_item(err: Any) -> dict[str, Any]:
    if err.get("type") == "json_invalid":  # loc is ("body", character position)
        loc = tuple(err.get("loc", ()))
        position = loc[-1] if len(loc) > 1 else "?"
        reason = (err.get("ctx") or {}).get("error", "invalid JSON")
        return {"field": "body", "message": f"malformed JSON at character {position}: {reason}"}
    return {"field": _field_path(err.get("loc", ())), "message": str(err.get("msg", "invalid"))}


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [_validation_item(err) for err in exc.errors()]
    first = errors[0] if errors else {"field": "body", "message": "invalid request"}
    detail = f"{first['field']}: {first['message']}"
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more)"
    return problem(422, "Invalid request", detail, code="invalid-request", errors=errors)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    title = {
        400: "Bad request",
        404: "Not found",
        405: "Method not allowed",
        413: "Content too large",
        415: "Unsupported media type",
    }.get(exc.status_code, "HTTP error")
    detail = str(exc.detail)
    # 400 is FastAPI failing to read the body (e.g. not UTF-8); the body is the offending field
    errors = [{"field": "body", "message": detail}] if exc.status_code in (400, 413) else None
    return problem(
        exc.status_code,
        title,
        detail,
        code=title.lower().replace(" ", "-"),
        errors=errors,
        headers=dict(exc.headers) if exc.headers else None,
    )


async def _unexpected_error(_: Request, exc: Exception) -> JSONResponse:
    # A bug: logged with its traceback for us, never shown to the client.
    logger.exception("unhandled error", exc_info=exc)
    return problem(500, "Internal error", "the service failed on this request", code="internal")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
