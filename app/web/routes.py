"""The reading view's routes: `GET /` (the form), `POST /` (the annotated article), its stylesheet.

Plain HTML forms, no JavaScript. The result is built from the same `AttributionService.attribute`
answer and the same `check_document` limits as `POST /v1/attributions`, so the page and the JSON
API can never disagree. Every page is sent with a strict Content-Security-Policy.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from app.errors import NotReady, ServiceBusy, ServiceError
from app.pipeline.types import QuoteType
from app.schemas import AttributionRequest
from app.service.limits import check_document
from app.service.runner import AttributionService
from app.settings import Settings
from app.web.render import STATIC_DIR, STYLESHEET, render_form_page, render_result_page

router = APIRouter(tags=["reading view"], include_in_schema=False)

# Only our own stylesheet; no scripts at all; the form posts back to us; no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# The files under /static/ that exist, by name (nothing else is readable there).
STATIC_FILES: dict[str, str] = {STYLESHEET: "text/css; charset=utf-8"}


def _page(html: str, status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    response.headers["Cache-Control"] = "no-store"  # pages can hold unpublished article text
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def page_settings(request: Request) -> Settings:
    """The app's settings (set by `app.main.create_app`, like the JSON API's)."""
    settings: Settings = request.app.state.settings
    return settings


def page_service(request: Request) -> AttributionService | None:
    """The loaded service, or None before the pipeline is loaded (the page says so)."""
    service: AttributionService | None = getattr(request.app.state, "service", None)
    return service


# The types the reading view asks for: the API's default ones ("reported" ticked adds indirect).
READING_TYPES: tuple[QuoteType, ...] = ("direct", "partial")

PageSettings = Annotated[Settings, Depends(page_settings)]
PageService = Annotated[AttributionService | None, Depends(page_service)]


@router.get("/", response_class=HTMLResponse, summary="The reading view: paste an article")
async def form_page(settings: PageSettings) -> HTMLResponse:
    return _page(render_form_page(max_chars=settings.max_text_chars))


@router.post("/", response_class=HTMLResponse, summary="The reading view of the posted article")
async def result_page(
    settings: PageSettings,
    service: PageService,
    text: Annotated[str, Form()] = "",
    reported: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    # Browsers send a textarea's line breaks as CRLF; the article's own are LF.
    text = text.replace("\r\n", "\n")
    types: list[QuoteType] | None = [*READING_TYPES, "indirect"] if reported else None
    document = AttributionRequest(text=text, types=types)
    try:
        check_document(document, settings)
        if service is None:
            raise NotReady()
        (response,) = await service.attribute([document])
    except ServiceError as exc:
        headers = {"Retry-After": str(exc.retry_after_s)} if isinstance(exc, ServiceBusy) else None
        page = render_form_page(
            text=text,
            error=exc.detail,
            max_chars=settings.max_text_chars,
            reported=bool(reported),
        )
        return _page(page, exc.status, headers)
    return _page(render_result_page(text, response))


@router.get("/static/{name}", summary="The reading view's stylesheet")
async def static_file(name: str) -> Response:
    media_type = STATIC_FILES.get(name)
    if media_type is None:
        return Response("not found", status_code=404, media_type="text/plain")
    body = (STATIC_DIR / name).read_bytes()
    response = Response(body, media_type=media_type, headers=SECURITY_HEADERS)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
