"""The application factory: `create_app(settings)` builds the FastAPI app around one pipeline."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from app.api.auth import RequireApiKey, load_api_keys
from app.api.errors import SafeJSONResponse, install_error_handlers
from app.api.logs import configure_logging
from app.api.metrics import Metrics
from app.api.middleware import BodySizeLimit, RequestObservability
from app.api.routes import attributions, health, metrics
from app.pipeline import build_pipeline
from app.service.runner import AttributionService
from app.settings import Settings, get_settings
from app.web import routes as web_routes

API_DESCRIPTION = """\
Finds every quotation in a news article and resolves who said it.

Offsets (`start`, `end`) are Python string indices (Unicode code points) into the `text` exactly as
sent; `text == input[start:end]` for every quote, mention and cue. JavaScript clients can ask
for UTF-16 code unit offsets instead with `"offsets": "utf16"`. With `"format": "html"` the offsets
index the HTML as sent and every `text` is that raw slice (it may hold tags).

Errors are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and,
when one field is at fault, `errors: [{field, message}]`. Every answer carries `X-Request-ID`.
"""
BATCH_PATH = "/v1/attributions/batch"


def load_service(settings: Settings) -> AttributionService:
    """Load the NLP pipeline once; the service owns it for the life of the process."""
    nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    return AttributionService(
        nlp,
        worker_threads=settings.worker_threads,
        max_queue=settings.max_queue,
        timeout_s=settings.request_timeout_s,
        batch_size=settings.batch_size,
        heavy_tokens=settings.heavy_tokens,
        heavy_queue_tokens=settings.heavy_queue_tokens,
    )


def create_app(
    settings: Settings | None = None, service: AttributionService | None = None
) -> FastAPI:
    """Build the app. `service` lets tests share one loaded pipeline between apps."""
    settings = settings or get_settings()
    configure_logging(settings)
    api_keys = load_api_keys(settings)  # a bad key setting stops start-up here

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

    open_docs = not api_keys  # with API keys, the docs and the schema need a key too
    app = FastAPI(
        title="Quote attribution service",
        version="0.1.0",
        description=API_DESCRIPTION,
        lifespan=lifespan,
        default_response_class=SafeJSONResponse,
        openapi_url="/openapi.json" if open_docs else None,
        docs_url="/docs" if open_docs else None,
        redoc_url="/redoc" if open_docs else None,
    )
    app.state.settings = settings
    app.state.service = None
    app.state.api_keys = api_keys
    app.state.metrics = Metrics(queue_depth=lambda: getattr(app.state.service, "queue_depth", 0))
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(
        metrics.router, dependencies=[RequireApiKey] if settings.metrics_require_key else []
    )
    if not open_docs:
        _add_protected_docs(app)
    app.include_router(attributions.router)
    if settings.reading_view:
        app.include_router(web_routes.router, dependencies=[RequireApiKey])
    _add_middleware(app, settings)
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Each added one wraps the ones before: a request meets the request id + log + metrics
    layer first, then CORS, then the body size guard, then FastAPI's routing."""
    app.add_middleware(
        BodySizeLimit,
        limit_for_path=lambda path: settings.body_limit(batch=path.rstrip("/") == BATCH_PATH),
    )
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["*"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    paths = frozenset(getattr(route, "path", "") for route in app.routes)
    app.add_middleware(
        RequestObservability, metrics=app.state.metrics, log_text=settings.log_text, paths=paths
    )


def _add_protected_docs(app: FastAPI) -> None:
    """/openapi.json, /docs and /redoc behind the API keys (FastAPI's own ones are open)."""

    @app.get("/openapi.json", include_in_schema=False, dependencies=[RequireApiKey])
    async def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, dependencies=[RequireApiKey])
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=app.title)

    @app.get("/redoc", include_in_schema=False, dependencies=[RequireApiKey])
    async def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title=app.title)
