"""Dependencies injected into the routes (tests override them)."""

from __future__ import annotations

import email.message
from typing import Annotated

from fastapi import Depends, Request

from app.errors import NotReady, UnsupportedMediaType
from app.service.runner import AttributionService
from app.settings import Settings


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_service(request: Request) -> AttributionService:
    service: AttributionService | None = getattr(request.app.state, "service", None)
    if service is None:
        raise NotReady()
    return service


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


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
ServiceDep = Annotated[AttributionService, Depends(get_service)]
