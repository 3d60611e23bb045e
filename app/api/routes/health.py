"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from app.api.deps import ServiceDep
from app.errors import NotReady
from app.schemas import Health, Ready

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
async def healthz() -> Health:
    return Health(status="ok")


@router.get("/readyz", summary="The pipeline is loaded and answers a tiny document")
async def readyz(service: ServiceDep) -> Ready:
    if not await run_in_threadpool(service.ready_check):
        raise NotReady()
    return Ready(status="ready", model=service.info)
