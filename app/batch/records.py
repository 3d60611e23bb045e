"""Input records of an archive run: a valid article or a bad line, and the errors file.

Both engines (`app.batch.local`, `app.batch.ray`) validate each record with `check_record`, as the
HTTP API validates a request body (the same `check_document` limits), so a text is refused for the
same reason everywhere. A bad record is a `LineError`: written to the errors file (`ErrorLog`),
never a reason to stop the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from app.errors import ServiceError
from app.pipeline.types import QuoteType
from app.schemas import AttributionRequest
from app.service.limits import check_document
from app.settings import Settings

# Longest accepted id, as in the API's AttributionRequest.
MAX_ID_CHARS = 256


@dataclass(frozen=True, slots=True)
class Article:
    """A valid input line, ready for the pipeline."""

    line: int | None  # None when the engine cannot know it (Ray reads rows, not lines)
    request: AttributionRequest

    @property
    def id(self) -> str:
        assert self.request.id is not None  # parse_record always sets one
        return self.request.id


@dataclass(frozen=True, slots=True)
class LineError:
    """A bad input line: written to the errors file, never stops the run."""

    line: int | None
    id: str | None
    error: str

    def to_json(self) -> str:
        return json.dumps(
            {"line": self.line, "id": self.id, "error": self.error}, ensure_ascii=False
        )


def check_record(
    raw_id: Any,
    raw_text: Any,
    *,
    line: int | None,
    default_id: str | None,
    settings: Settings,
    text_field: str = "text",
    types: Sequence[QuoteType] | None = None,
) -> Article | LineError:
    """Validate a record's id and text as the API does; a missing id becomes `default_id`."""
    doc_id: str | None
    if raw_id is None:
        doc_id = default_id
    elif isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        return LineError(line, None, f"id must be a string, got {type(raw_id).__name__}")
    else:
        doc_id = str(raw_id)
    if doc_id is None:
        return LineError(line, None, "missing id (required by this engine: it is the join key)")
    if len(doc_id) > MAX_ID_CHARS:
        return LineError(line, doc_id[:MAX_ID_CHARS], f"id longer than {MAX_ID_CHARS} characters")
    if raw_text is None:
        return LineError(line, doc_id, f"missing text field {text_field!r}")
    if not isinstance(raw_text, str):
        return LineError(line, doc_id, f"text must be a string, got {type(raw_text).__name__}")
    try:
        request = AttributionRequest(id=doc_id, text=raw_text, types=list(types) if types else None)
        check_document(request, settings, field=text_field)
    except ServiceError as exc:
        return LineError(line, doc_id, exc.detail)
    except ValidationError as exc:  # pragma: no cover - the checks above mirror the schema
        return LineError(line, doc_id, str(exc.errors()[0]["msg"]))
    return Article(line, request)


def parse_line(
    line: int,
    raw: bytes,
    *,
    settings: Settings,
    text_field: str = "text",
    id_field: str = "id",
    types: Sequence[QuoteType] | None = None,
) -> Article | LineError | None:
    """One input line -> an article, an error, or None for a blank line (skipped silently)."""
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LineError(line, None, f"line is not UTF-8: {exc.reason} at byte {exc.start}")
    if not decoded.strip():
        return None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return LineError(line, None, f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return LineError(line, None, f"line is not a JSON object but {type(record).__name__}")
    return check_record(
        record.get(id_field),
        record.get(text_field),
        line=line,
        default_id=f"line-{line}",
        settings=settings,
        text_field=text_field,
        types=types,
    )


def read_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, raw line) pairs, streamed; split on b"\\n" only (JSON Lines)."""
    yield from enumerate(stream, start=1)


class ErrorLog:
    """The errors file, created on the first bad line (and rewritten on every run)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._stream: IO[str] | None = None
        if path.exists():
            path.unlink()  # bad lines are found again on every run: the new file is complete

    def write(self, error: LineError) -> None:
        if self._stream is None:
            self._stream = self.path.open("w", encoding="utf-8")
        self._stream.write(error.to_json() + "\n")
        self._stream.flush()
        self.count += 1

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
