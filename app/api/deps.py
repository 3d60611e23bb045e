"""Dependencies injected into the routes (tests override them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.errors import NotReady
from app.service import AttributionService
from app.settings import Settings


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_service(request: Request) -> AttributionService:
    service: AttributionService | None = getattr(request.app.state, "service", None)
    if service is None:
        raise NotReady()
    return service


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
ServiceDep = Annotated[AttributionService, Depends(get_service)]
