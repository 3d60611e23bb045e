"""The scheduling parts on their own: cost estimates, deadlines, a lane's order, the gate."""

from __future__ import annotations

import threading
import time

import pytest
import spacy

from app.errors import PipelineTimeout
from app.schemas import AttributionRequest
from app.service import lanes
from app.service.lanes import (
    PER_DOCUMENT_TOKENS,
    Deadline,
    Gate,
    HeavyTurn,
    Job,
    Lane,
    LightTurn,
    Result,
    estimate_tokens,
    request_cost,
)
from tests.conftest import SEEDS_DIR


@pytest.mark.parametrize(
    ("text", "tolerance"),
    [
        ((SEEDS_DIR / "sanctuary-cities.txt").read_text(encoding="utf-8"), 0.1),
        ("😀😀 Wow 😀 great😀! said Ann 😀. " * 20, 0.05),
        ("ab\n" * 50, 0.0),
    ],
)
def test_the_estimate_is_near_the_tokenizers_count(text: str, tolerance: float) -> None:
    tokens = len(spacy.blank("en").make_doc(text))
    assert abs(estimate_tokens(text) - tokens) <= tolerance * tokens


def test_a_requests_cost_adds_a_little_per_document() -> None:
    requests = [AttributionRequest(text="a b c"), AttributionRequest(text="")]
    assert request_cost(requests) == 3 + 2 * PER_DOCUMENT_TOKENS


# -- deadlines ---------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(lanes.time, "monotonic", fake)
    return fake


def test_a_deadline_raises_once_it_has_passed(clock: Clock) -> None:
    deadline = Deadline(2.0, expected_tokens=100)
    deadline(10)
    assert deadline.remaining() == 2.0
    clock.now += 2.0
    with pytest.raises(PipelineTimeout) as error:
        deadline(0)
    assert error.value.detail == "the article took longer than 2 s (QUOTES_REQUEST_TIMEOUT_S)"


def test_a_cancelled_deadline_raises_at_the_next_checkpoint(clock: Clock) -> None:
    deadline = Deadline(10.0, expected_tokens=100)
    deadline.cancel()
    with pytest.raises(PipelineTimeout):
        deadline(0)


def test_the_pace_stops_a_job_that_cannot_finish_in_time(clock: Clock) -> None:
    deadline = Deadline(10.0, expected_tokens=20_000)
    deadline.start()
    for _ in range(2):  # the first batch (it also tokenized the text), then too little to judge
        clock.now += 1.0
        deadline(1000)
    clock.now += 1.0
    with pytest.raises(PipelineTimeout) as error:
        deadline(1000)  # 2,000 tokens in 2 s since the first batch: 17 s to go, 7 s left
    assert error.value.detail == (
        "the article would take about 20 s, longer than 10 s (QUOTES_REQUEST_TIMEOUT_S); "
        "stopped after 3.0 s"
    )


def test_the_pace_is_judged_over_more_tokens_for_a_longer_job(clock: Clock) -> None:
    deadline = Deadline(10.0, expected_tokens=40_000)  # judged over 4,000 tokens
    deadline.start()
    for _ in range(4):
        clock.now += 1.0
        deadline(1000)
    clock.now += 1.0
    with pytest.raises(PipelineTimeout):
        deadline(1000)


def test_the_pace_lets_a_job_that_will_make_it_go_on(clock: Clock) -> None:
    deadline = Deadline(10.0, expected_tokens=8_000)
    deadline.start()
    for _ in range(7):
        clock.now += 1.0
        deadline(1000)  # 8 s for 8,000 tokens: in time


# -- a lane ------------------------------------------------------------------------------------


def job(cost: int, limit_s: float = 10.0) -> Job:
    return Job([AttributionRequest(text="x")], cost, Deadline(limit_s, cost))


def test_a_lane_runs_the_cheapest_waiting_job_first() -> None:
    release = threading.Event()
    order: list[int] = []

    def run(j: Job) -> Result:
        if j.cost == 100:
            release.wait(5)
        order.append(j.cost)
        return [], 0.0

    lane = Lane("test", 1, run)
    try:
        first = job(100)
        lane.submit(first)
        time.sleep(0.05)  # the first job holds the only thread
        waiting = [job(30), job(10), job(20)]
        for j in waiting:
            lane.submit(j)
        release.set()
        for j in [first, *waiting]:
            j.future.result(timeout=5)
    finally:
        lane.close()
    assert order == [100, 10, 20, 30]


def test_a_lane_skips_cancelled_jobs_and_times_out_late_ones() -> None:
    ran: list[int] = []
    lane = Lane("test", 1, lambda j: (ran.append(j.cost), ([], 0.0))[1])
    try:
        cancelled, late = job(1), job(2, limit_s=0.0)
        assert cancelled.future.cancel()
        lane.submit(cancelled)
        lane.submit(late)
        with pytest.raises(PipelineTimeout):
            late.future.result(timeout=5)
    finally:
        lane.close()
    assert ran == []


def test_a_closed_lane_takes_no_more_jobs() -> None:
    lane = Lane("test", 1, lambda j: ([], 0.0))
    lane.close()
    with pytest.raises(RuntimeError, match="closed"):
        lane.submit(job(1))


# -- the gate ----------------------------------------------------------------------------------


def test_a_light_job_waits_for_the_heavy_step_in_progress() -> None:
    gate = Gate(light_pending=lambda: 1)
    events: list[str] = []
    with HeavyTurn(gate, Deadline(10.0, 0)):

        def light() -> None:
            with LightTurn(gate):
                events.append("light")

        thread = threading.Thread(target=light)
        thread.start()
        time.sleep(0.1)
        events.append("heavy step done")
    thread.join(5)
    assert events == ["heavy step done", "light"]


def test_the_heavy_lane_gives_way_to_light_jobs_then_takes_its_share() -> None:
    gate = Gate(light_pending=lambda: 1, heavy_share=0.5)  # light jobs always waiting
    events: list[tuple[str, float]] = []

    def light() -> None:
        with LightTurn(gate):
            events.append(("light runs", time.monotonic()))
            time.sleep(0.05)

    with HeavyTurn(gate, Deadline(10.0, 0)) as turn:
        thread = threading.Thread(target=light)
        thread.start()
        # a heavy step of 0.5 s (long enough that the light thread, waiting since the start,
        # is surely scheduled within the 0.5 s it is then owed, on a loaded machine too)
        time.sleep(0.5)
        step_end = time.monotonic()
        turn(0)  # between two steps: the light job runs, then light has 0.5 s more
        events.append(("heavy back", time.monotonic()))
    thread.join(5)
    assert [name for name, _ in events] == ["light runs", "heavy back"]
    assert events[1][1] - step_end >= 0.45


def test_the_heavy_lane_does_not_wait_when_no_light_job_does() -> None:
    gate = Gate(light_pending=lambda: 0, heavy_share=0.5)
    with HeavyTurn(gate, Deadline(10.0, 0)) as turn:
        time.sleep(0.6)  # a light job waiting would be owed 0.6 s now
        started = time.monotonic()
        turn(0)
        assert time.monotonic() - started < 0.3  # wide: the CI machine is shared


def test_a_heavy_job_waiting_for_its_turn_times_out() -> None:
    gate = Gate(light_pending=lambda: 1)
    gate.enter_light()  # a light job runs (and keeps running)
    try:
        started = time.monotonic()
        with pytest.raises(PipelineTimeout):
            gate.enter_heavy(Deadline(0.2, 0))
        assert time.monotonic() - started < 2
    finally:
        gate.exit_light()


def test_a_bad_share_is_refused() -> None:
    with pytest.raises(ValueError):
        Gate(light_pending=lambda: 0, heavy_share=1.0)
