"""The app's Prometheus metrics, in its own `CollectorRegistry`.

One registry per app, so nothing is shared between apps or written to disk (no multiprocess
directory is needed); each worker process keeps its own. `GET /metrics` (`app.api.routes.metrics`)
serves it; `app.api.middleware.RequestObservability` fills it.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import choose_encoder

HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
PIPELINE_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    """The app's Prometheus metrics in its own registry."""

    def __init__(self, queue_depth: Callable[[], float]) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "quotes_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "quotes_http_request_duration_seconds",
            "Time from request to the end of the response, by route template and method.",
            ["route", "method"],
            buckets=HTTP_BUCKETS,
            registry=self.registry,
        )
        self.pipeline = Histogram(
            "quotes_pipeline_duration_seconds",
            "Time the NLP pipeline spent on one request (queue wait excluded).",
            buckets=PIPELINE_BUCKETS,
            registry=self.registry,
        )
        self.documents = Counter(
            "quotes_documents",
            "Documents attributed by the pipeline.",
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "quotes_queue_depth",
            "Requests admitted and waiting for a pipeline thread.",
            registry=self.registry,
        )
        self.queue_depth.set_function(queue_depth)
        self.in_flight = Gauge(
            "quotes_http_requests_in_flight",
            "HTTP requests being answered now.",
            registry=self.registry,
        )

    def render(self, accept: str | None) -> tuple[bytes, str]:
        """The exposition in the format `accept` asks for (Prometheus text or OpenMetrics)."""
        encoder, content_type = choose_encoder(accept or "")
        data: bytes = encoder(self.registry)
        return data, str(content_type)
