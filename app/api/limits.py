"""Request checks that need the settings (sizes, empty text): applied before the pipeline runs."""

from __future__ import annotations

import email.message
from collections.abc import Sequence

from fastapi import Request

from app.api.schemas import AttributionRequest
from app.errors import BatchTooLarge, EmptyText, TextTooLong, UnsupportedMediaType
from app.settings import Settings


def is_json_media_type(content_type: str | None) -> bool:
    """`application/json` or `application/<anything>+json`, parameters (charset) allowed."""
    if not content_type:
        return False
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


async def require_json(request: Request) -> None:
    """415 for a JSON route's body sent as anything but JSON (text/plain, a form, none)."""
    content_type = request.headers.get("content-type")
    if not is_json_media_type(content_type):
        raise UnsupportedMediaType(content_type)


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
