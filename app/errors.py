"""Domain errors with stable codes; `app.api.errors` maps them to problem+json responses."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of the errors a client can cause or must retry; never a bug."""

    status: int = 400
    code: str = "bad-request"
    title: str = "Bad request"

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class TextTooLong(ServiceError):
    status = 413
    code = "text-too-long"
    title = "Text too long"

    def __init__(self, length: int, limit: int, *, field: str = "text") -> None:
        super().__init__(
            f"text has {length} characters; the limit is {limit} (QUOTES_MAX_TEXT_CHARS)",
            field=field,
        )


class EmptyText(ServiceError):
    status = 422
    code = "empty-text"
    title = "Empty text"

    def __init__(self, *, field: str = "text") -> None:
        super().__init__("text is empty or only whitespace; send the article's text", field=field)


class BatchTooLarge(ServiceError):
    status = 413
    code = "batch-too-large"
    title = "Batch too large"


class ServiceBusy(ServiceError):
    status = 503
    code = "busy"
    title = "Service busy"

    def __init__(self, retry_after_s: int, *, reason: str | None = None) -> None:
        why = reason or "all pipeline workers are busy and the queue is full"
        super().__init__(f"{why}; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


class PipelineTimeout(ServiceError):
    status = 504
    code = "timeout"
    title = "Pipeline timeout"

    def __init__(
        self, limit_s: float, *, projected_s: float | None = None, elapsed_s: float = 0.0
    ) -> None:
        if projected_s is None:
            detail = f"the article took longer than {limit_s:g} s (QUOTES_REQUEST_TIMEOUT_S)"
        else:  # stopped early: the pipeline's own pace said it could not finish in time
            detail = (
                f"the article would take about {projected_s:.0f} s, longer than {limit_s:g} s "
                f"(QUOTES_REQUEST_TIMEOUT_S); stopped after {elapsed_s:.1f} s"
            )
        super().__init__(detail)


class NotReady(ServiceError):
    status = 503
    code = "not-ready"
    title = "Not ready"

    def __init__(self) -> None:
        super().__init__("the NLP pipeline is not loaded yet")


class Unauthorized(ServiceError):
    status = 401
    code = "unauthorized"
    title = "Unauthorized"


class UnsupportedMediaType(ServiceError):
    status = 415
    code = "unsupported-media-type"
    title = "Unsupported media type"

    def __init__(self, content_type: str | None) -> None:
        sent = f"'{content_type}'" if content_type else "no Content-Type"
        super().__init__(
            f"the body must be JSON sent as 'Content-Type: application/json'; got {sent}",
            field="content-type",
        )


class BodyTooLarge(ServiceError):
    status = 413
    code = "body-too-large"
    title = "Request body too large"

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(
            f"the request body is larger than {limit_bytes} bytes (QUOTES_MAX_BODY_BYTES)",
            field="body",
        )
