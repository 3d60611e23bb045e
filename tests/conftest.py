"""Shared fixtures: one loaded pipeline for the session, and apps built around it.

Markers: a test that uses the full English pipeline (the session's `nlp` fixture, or any fixture
built on it, such as `service` and `client`) is marked `full_model` here, automatically, so none
can use it unmarked (`-m "not full_model"` runs the fast suite). `ray` and `browser` tests mark
themselves.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import spacy
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from spacy.language import Language

from app.main import create_app
from app.pipeline import build_pipeline
from app.schemas import AttributionRequest, AttributionResponse, QuoteOut
from app.service.runner import AttributionService
from app.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
# The session fixture that loads the full pipeline; every test that depends on it is `full_model`.
FULL_MODEL_FIXTURE = "nlp"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `full_model` every test whose fixtures (direct or indirect) include the full model."""
    for item in items:
        if FULL_MODEL_FIXTURE in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.full_model)


@pytest.fixture(scope="session")
def settings() -> Settings:
    # answers must not depend on the test machine's load: a 100,000-character article on a busy
    # CI core can pass the 15 s default (the time limit has tests of its own, with small limits)
    return Settings(request_timeout_s=120.0)


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    """The full pipeline (base English model + our components), loaded once."""
    return build_pipeline(settings.model_name, settings.pipeline_config)


@pytest.fixture(scope="session")
def service(nlp: Language, settings: Settings) -> Iterator[AttributionService]:
    svc = AttributionService(nlp, worker_threads=1, max_queue=settings.max_queue)
    yield svc
    svc.close()


@pytest.fixture
def client(settings: Settings, service: AttributionService) -> Iterator[TestClient]:
    """A TestClient on an app that shares the session's pipeline."""
    with TestClient(create_app(settings, service=service)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS_DIR / "sanctuary-cities.txt").read_text(encoding="utf-8")


# -- apps without NLP: the real service machinery around a canned pipeline ----------------------
_FAKE_QUOTE = re.compile(r'"([^"]+)"')


@dataclass
class FakeService(AttributionService):
    """The real thread pool, admission control and time limit around a canned "pipeline": every
    `"..."` of the text is a direct quote. `delay_s` makes each call take that long; with
    `cpu_bound`, by spinning in Python (holding the GIL like real NLP) instead of sleeping;
    `fail` makes it raise (a bug)."""

    delay_s: float = 0.0
    cpu_bound: bool = False
    fail: bool = False

    def attribute_sync(self, requests: Sequence[AttributionRequest]) -> list[AttributionResponse]:
        if self.delay_s:
            if self.cpu_bound:
                end = time.perf_counter() + self.delay_s
                while time.perf_counter() < end:
                    sum(range(1000))
            else:
                time.sleep(self.delay_s)
        if self.fail:
            raise RuntimeError("canned pipeline failure")
        return [self.canned(index, req) for index, req in enumerate(requests)]

    def canned(self, index: int, request: AttributionRequest) -> AttributionResponse:
        quotes = [
            QuoteOut(
                id=f"q{n + 1}",
                text=match.group(1),
                start=match.start(1),
                end=match.end(1),
                type="direct",
                segments=[],
                speaker=None,
                cue=None,
                confidence=0.0,
            )
            for n, match in enumerate(_FAKE_QUOTE.finditer(request.text))
        ]
        doc_id = request.id if request.id is not None else f"doc-{index}"
        return AttributionResponse(id=doc_id, quotes=quotes, speakers=[], model=self.info)

    def ready_check(self) -> bool:
        return True


@pytest.fixture(scope="session")
def bare_english() -> Language:
    """`spacy.blank("en")`: the vocab a FakeService needs (pipeline tests have their own
    `blank_nlp` with components added)."""
    return spacy.blank("en")


@pytest.fixture
def make_fake_service(bare_english: Language) -> Iterator[Callable[..., FakeService]]:
    """Build `FakeService`s (closed at teardown): `make_fake_service(delay_s=0.5, max_queue=0)`."""
    made: list[FakeService] = []

    def make(**kwargs: Any) -> FakeService:
        made.append(FakeService(bare_english, **kwargs))
        return made[-1]

    yield make
    for svc in made:
        svc.close()


@pytest.fixture
def make_client(
    make_fake_service: Callable[..., FakeService],
) -> Iterator[Callable[..., TestClient]]:
    """A TestClient on an app with other settings: `make_client(max_text_chars=10)`; the service
    is a `FakeService` unless `service=` is given."""
    clients: list[TestClient] = []

    def make(
        *,
        service: AttributionService | None = None,
        raise_server_exceptions: bool = True,
        **settings: Any,
    ) -> TestClient:
        app = create_app(Settings(**settings), service=service or make_fake_service())
        client = TestClient(app, raise_server_exceptions=raise_server_exceptions)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def live_server() -> Iterator[Callable[[FastAPI], str]]:
    """Serve an app with a real uvicorn in a thread on 127.0.0.1 (a free port); gives its URL."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def serve(app: FastAPI) -> str:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None, lifespan="on")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield serve
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)
