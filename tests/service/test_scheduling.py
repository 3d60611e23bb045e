"""The service's lanes, admission by cost and deadlines, on a blank pipeline whose one "base"
component takes a fixed time per token (so pieces, checkpoints and the gate are the real ones)."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import spacy
from fastapi.testclient import TestClient
from spacy.language import Language
from spacy.tokens import Doc

from app.errors import PipelineTimeout, ServiceBusy
from app.schemas import AttributionRequest
from app.service.runner import AttributionService

SLOW = "test_slow_tokens"
SECONDS_PER_TOKEN = 0.0002  # a 1,000-token piece: 0.2 s
LONG = AttributionRequest(text="x " * 6000)  # 6,000 tokens: 6 pieces, 1.2 s
LIGHT = AttributionRequest(text='"Hi," she said.')
URL = "/v1/attributions"


class SlowTokens:
    """Sleeps a fixed time per token (sleeping, like NLP kernels outside the GIL, leaves the
    interpreter to the other threads: only the gate keeps the lanes apart); records each call."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, int]] = []

    def __call__(self, doc: Doc) -> Doc:
        self.calls.append((time.monotonic(), len(doc)))
        time.sleep(SECONDS_PER_TOKEN * len(doc))
        return doc


@Language.factory(SLOW)
def make_slow(nlp: Language, name: str) -> SlowTokens:
    return SlowTokens()


@pytest.fixture
def make_service() -> Iterator[Callable[..., AttributionService]]:
    made: list[AttributionService] = []

    def make(**kwargs: Any) -> AttributionService:
        nlp = spacy.blank("en")
        nlp.add_pipe(SLOW)
        made.append(AttributionService(nlp, **kwargs))
        return made[-1]

    yield make
    for service in made:
        service.close()


def slow(service: AttributionService) -> SlowTokens:
    component = service.nlp.get_pipe(SLOW)
    assert isinstance(component, SlowTokens)
    return component


async def timed(service: AttributionService, request: AttributionRequest) -> tuple[str, float]:
    started = time.monotonic()
    try:
        await service.attribute([request])
    except (PipelineTimeout, ServiceBusy) as exc:
        return f"{exc.status} {exc.detail}", time.monotonic() - started
    return "200", time.monotonic() - started


def test_ordinary_requests_flow_while_a_heavy_one_runs(
    make_service: Callable[..., AttributionService],
) -> None:
    service = make_service()

    async def scenario() -> tuple[tuple[str, float], list[tuple[str, float]]]:
        heavy = asyncio.create_task(timed(service, LONG))
        await asyncio.sleep(0.1)
        light = [await timed(service, LIGHT) for _ in range(5)]
        return await heavy, light

    (heavy_status, heavy_s), light = asyncio.run(scenario())
    assert heavy_status == "200" and heavy_s < 5
    assert [status for status, _ in light] == ["200"] * 5
    # each waits at most for the heavy step in progress (0.2 s), never for the whole job (1.2 s)
    assert max(seconds for _, seconds in light) < 0.6


def test_a_heavy_job_past_its_deadline_stops_within_a_step(
    make_service: Callable[..., AttributionService],
) -> None:
    service = make_service(timeout_s=0.3)  # late before its pace can be judged (2 pieces)

    status, seconds = asyncio.run(timed(service, LONG))
    assert status.startswith("504 the article took longer than 0.3 s")
    assert 0.25 < seconds < 0.9  # not the whole job (1.2 s); wide: the CI machine is shared
    time.sleep(0.5)
    calls = slow(service).calls
    assert len(calls) == 2  # the piece in progress at the deadline was the last one
    assert service._admitted == 0  # the work has ended, and its slot is free


def test_a_job_its_pace_shows_too_slow_is_stopped_early(
    make_service: Callable[..., AttributionService],
) -> None:
    service = make_service(timeout_s=2.0)
    long = AttributionRequest(text="x " * 20_000)  # 4 s of work

    status, seconds = asyncio.run(timed(service, long))
    assert re.match(r"504 the article would take about [4-9] s, longer than 2 s", status), status
    assert seconds < 1.5  # judged after 2,000 tokens (0.4 s), not at the deadline


def test_the_heavy_lane_admits_by_cost(make_service: Callable[..., AttributionService]) -> None:
    service = make_service(heavy_queue_tokens=10_000)

    async def scenario() -> list[tuple[str, float]]:
        first = asyncio.create_task(timed(service, LONG))
        await asyncio.sleep(0.05)
        second = await timed(service, LONG)  # 6,000 + 6,000 tokens > 10,000
        light = await timed(service, LIGHT)  # the other lane is open
        return [await first, second, light]

    first, second, light = asyncio.run(scenario())
    assert first[0] == "200" and light[0] == "200"
    assert second[0] == (
        "503 the lane for long articles is full (6016 estimated tokens admitted, this one 6016, "
        "the limit 10000: QUOTES_HEAVY_QUEUE_TOKENS); retry after 5 s"
    )
    assert second[1] < 0.6  # refused at once, not after the first job (1.2 s)


def test_an_idle_heavy_lane_takes_any_request(
    make_service: Callable[..., AttributionService],
) -> None:
    service = make_service(heavy_queue_tokens=100)
    assert asyncio.run(timed(service, LONG))[0] == "200"


def test_no_heavy_lane_runs_everything_in_pieces_in_the_light_one(
    make_service: Callable[..., AttributionService],
) -> None:
    service = make_service(heavy_tokens=0)
    assert asyncio.run(timed(service, LONG))[0] == "200"
    assert max(tokens for _, tokens in slow(service).calls) <= 1000  # in pieces all the same


def test_queue_depth_counts_waiting_jobs_in_both_lanes(
    make_service: Callable[..., AttributionService],
) -> None:
    service = make_service(max_queue=4)
    depths: list[int] = []

    async def scenario() -> None:
        jobs = [asyncio.create_task(timed(service, LONG)) for _ in range(2)]
        jobs += [asyncio.create_task(timed(service, LIGHT)) for _ in range(3)]
        await asyncio.sleep(0.1)
        depths.append(service.queue_depth)
        await asyncio.gather(*jobs)
        depths.append(service.queue_depth)

    asyncio.run(scenario())
    assert depths[0] >= 1 and depths[-1] == 0
    assert service._admitted == 0


def test_the_http_answers_name_the_lane_and_the_pace(
    make_service: Callable[..., AttributionService],
    make_client: Callable[..., TestClient],
) -> None:
    service = make_service(timeout_s=2.0, heavy_queue_tokens=10_000)
    client = make_client(service=service)
    results: list[httpx.Response] = []
    first = threading.Thread(
        target=lambda: results.append(client.post(URL, json={"text": "x " * 20_000}))
    )
    first.start()
    deadline = time.monotonic() + 5
    while service._admitted == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    busy = client.post(URL, json={"text": LONG.text})
    first.join(10)
    assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
    assert busy.headers["content-type"] == "application/problem+json"
    assert "QUOTES_HEAVY_QUEUE_TOKENS" in busy.json()["detail"]
    (slow_answer,) = results
    assert slow_answer.status_code == 504
    assert slow_answer.json()["detail"].startswith("the article would take about")
