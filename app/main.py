"""The application factory: `create_app(settings)` builds the FastAPI app around one pipeline."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app.api.errors import install_error_handlers
from app.api.routes import attributions, health
from app.pipeline import build_pipeline
from app.service import AttributionService
from app.settings import Settings, get_settings

API_DESCRIPTION = """\
Finds every quotation in a news article and resolves who said it.

Offsets (`start`, `end`) are Python string indices (Unicode code points) into the `text` exactly as
sent; `text == input[start:end]` for every quote, mention and cue.
"""


def load_service(settings: Settings) -> AttributionService:
    """Load the NLP pipeline once; the service owns it for the life of the process."""
    nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    return AttributionService(
        nlp,
        worker_threads=settings.worker_threads,
        max_queue=settings.max_queue,
        timeout_s=settings.request_timeout_s,
        batch_size=settings.batch_size,
    )


def create_app(settings: Settings | None = None, service: AttributionService | None = None) -> FastAPI:
    """Build the app. `service` lets tests share one loaded pipeline between apps."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = service is None
        app.state.service = service or await run_in_threadpool(load_service, settings)
        try:
            yield
        finally:
            if owned:
                app.state.service.close()
            app.state.service = None

    app = FastAPI(
        title="Quote attribution service",
        version="0.1.0",
        description=API_DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.service = None
    install_error_handlers(app)
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    app.include_router(health.router)
    app.include_router(attributions.router)
    return app
