"""JSON log lines: one object a line on stderr, with the request id of the request being served.

`configure_logging(settings)` sets up the app's and uvicorn's loggers (uvicorn's own access log is
turned off: `app.api.middleware.RequestObservability` writes one line a request instead, with the
request id, status, duration, text length and quote count, and the article text only when
`QUOTES_LOG_TEXT` is true). `current_request` holds what that line says about the request.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.settings import Settings

# Article text logged per request when QUOTES_LOG_TEXT is on, at most.
LOGGED_TEXT_CHARS = 2000

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

# Attributes every LogRecord has; the others come from `extra=` and go into the line.
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
