"""The size and emptiness rules applied before the pipeline runs, by every entry point.

The HTTP routes, the reading view, the archive CLI and the Ray actors all call these, so a text
is refused (or accepted) for the same reason everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import BatchTooLarge, EmptyText, TextTooLong
from app.schemas import AttributionRequest
from app.settings import Settings


def check_document(request: AttributionRequest, settings: Settings, *, field: str = "text") -> None:
    if len(request.text) > settings.max_text_chars:
        raise TextTooLong(len(request.text), settings.max_text_chars, field=field)
    if not request.text.strip():
        raise EmptyText(field=field)


def check_batch(requests: Sequence[AttributionRequest], settings: Settings) -> None:
    if len(requests) > settings.max_batch_documents:
        raise BatchTooLarge(
            f"batch has {len(requests)} documents; the limit is {settings.max_batch_documents} "
            "(QUOTES_MAX_BATCH_DOCUMENTS)",
            field="documents",
        )
    total = sum(len(r.text) for r in requests)
    if total > settings.max_batch_chars:
        raise BatchTooLarge(
            f"batch has {total} characters; the limit is {settings.max_batch_chars} "
            "(QUOTES_MAX_BATCH_CHARS)",
            field="documents",
        )
