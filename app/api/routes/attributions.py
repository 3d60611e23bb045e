"""POST /v1/attributions and its batch form: HTTP <-> service, no NLP here."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends

from app.api.auth import RequireApiKey
from app.api.deps import ServiceDep, SettingsDep, require_json
from app.api.examples import attribution_examples
from app.errors import ServiceError
from app.schemas import (
    AttributionRequest,
    AttributionResponse,
    BatchItem,
    BatchRequest,
    BatchResponse,
    DocumentError,
    Problem,
)
from app.service.limits import check_batch, check_document

# Error answers every route here can give, documented in the OpenAPI schema.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {"application/problem+json": {}}, "description": text}
    for status, text in {
        401: "API keys are configured and the request has none that matches",
        413: "text, batch or body over the configured limits",
        415: "the body is not application/json",
        422: "the body does not match the schema, or the text is empty",
        503: (
            "every pipeline worker is busy and the queue is full, or the lane for long "
            "articles is full (see Retry-After)"
        ),
        504: "the article took (or, by its pace, would take) longer than QUOTES_REQUEST_TIMEOUT_S",
    }.items()
}

# An API key when keys are configured (401 first), then a JSON body (415), then the body's schema.
router = APIRouter(
    prefix="/v1/attributions",
    tags=["attributions"],
    dependencies=[RequireApiKey, Depends(require_json)],
    responses=PROBLEM_RESPONSES,
)


@router.post("", summary="Find the quotes of one article and their speakers")
async def attribute(
    request: Annotated[AttributionRequest, Body(openapi_examples=attribution_examples())],
    service: ServiceDep,
    settings: SettingsDep,
) -> AttributionResponse:
    check_document(request, settings)
    (response,) = await service.attribute([request])
    return response


@router.post("/batch", summary="Attribute several articles; answers in input order")
async def attribute_batch(
    batch: BatchRequest, service: ServiceDep, settings: SettingsDep
) -> BatchResponse:
    check_batch(batch.documents, settings)
    items: list[BatchItem | None] = [None] * len(batch.documents)
    accepted: list[tuple[int, AttributionRequest]] = []
    for index, document in enumerate(batch.documents):
        try:
            check_document(document, settings, field=f"documents.{index}.text")
        except ServiceError as exc:
            items[index] = BatchItem(
                ok=False,
                error=DocumentError(
                    id=document.id, status=exc.status, title=exc.title, detail=exc.detail
                ),
            )
        else:
            accepted.append((index, document))
    if accepted:
        responses = await service.attribute([document for _, document in accepted])
        for (index, _), response in zip(accepted, responses, strict=True):
            items[index] = BatchItem(ok=True, result=response)
    return BatchResponse(results=[item for item in items if item is not None])
