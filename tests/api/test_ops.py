"""Operations: request ids, JSON logs, Prometheus metrics, a free event loop, graceful shutdown."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app.api.logs import JsonFormatter
from app.main import create_app
from app.settings import Settings
from tests.conftest import FakeService

ROOT = Path(__file__).resolve().parents[2]
URL = "/v1/attributions"
BODY = {"text": '"Hi," she said. "Bye," he said.'}


# -- request ids --------------------------------------------------------------------------------
def test_a_sane_client_request_id_is_echoed(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    for request_id in ("abc-123_X.y", "r" * 128):
        response = client.post(URL, json=BODY, headers={"X-Request-ID": request_id})
        assert response.headers["x-request-id"] == request_id


@pytest.mark.parametrize("sent", ["r" * 129, "has space", "semi;colon", "", "é"])
def test_an_odd_client_request_id_is_replaced(
    make_client: Callable[..., TestClient], sent: str
) -> None:
    response = make_client().get("/healthz", headers={"X-Request-ID": sent.encode("utf-8")})
    echoed = response.headers["x-request-id"]
    assert echoed != sent and len(echoed) == 32 and int(echoed, 16) >= 0


def test_every_answer_carries_a_request_id(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    responses = [
        client.get("/healthz"),
        client.get("/nope"),
        client.post(URL, json={"text": ""}),
        client.get("/metrics"),
    ]
    ids = [r.headers["x-request-id"] for r in responses]
    assert [len(i) for i in ids] == [32, 32, 32, 32] and len(set(ids)) == 4


# -- logs ---------------------------------------------------------------------------------------
def _access_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == "app.access"]


def test_one_json_access_line_per_request_without_text(
    make_client: Callable[..., TestClient], caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client()
    caplog.set_level(logging.INFO, logger="app.access")
    client.post(URL, json=BODY, headers={"X-Request-ID": "req-1"})
    client.get("/healthz", headers={"X-Request-ID": "req-2"})
    lines = _access_lines(caplog)
    assert len(lines) == 2
    first, second = lines
    assert isinstance(first["ts"], str) and isinstance(first["duration_ms"], float)
    del first["ts"], first["duration_ms"], second["ts"], second["duration_ms"]
    assert first == {
        "level": "INFO",
        "logger": "app.access",
        "message": "request",
        "method": "POST",
        "path": "/v1/attributions",
        "route": "/v1/attributions",
        "status": 200,
        "documents": 1,
        "text_chars": len(BODY["text"]),
        "quotes": 2,
    }
    assert second == {
        "level": "INFO",
        "logger": "app.access",
        "message": "request",
        "method": "GET",
        "path": "/healthz",
        "route": "/healthz",
        "status": 200,
    }
    assert "she said" not in caplog.text


def test_log_text_puts_the_text_in_the_line(
    make_client: Callable[..., TestClient], caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(log_text=True)
    caplog.set_level(logging.INFO, logger="app.access")
    client.post(URL, json=BODY)
    (line,) = _access_lines(caplog)
    assert line["text"] == BODY["text"]


def test_json_lines_carry_the_request_id_while_a_request_runs(
    make_client: Callable[..., TestClient],
) -> None:
    lines: list[str] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(JsonFormatter().format(record))

    handler = Capture()
    logger = logging.getLogger("app.access")
    logger.addHandler(handler)
    try:
        make_client().get("/healthz", headers={"X-Request-ID": "trace-me"})
    finally:
        logger.removeHandler(handler)
    (line,) = lines
    assert json.loads(line)["request_id"] == "trace-me"


def test_an_unhandled_error_is_logged_with_its_request_id(
    make_client: Callable[..., TestClient],
    make_fake_service: Callable[..., FakeService],
) -> None:
    lines: list[dict[str, object]] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(json.loads(JsonFormatter().format(record)))

    handler = Capture()
    logging.getLogger("app").addHandler(handler)
    try:
        client = make_client(service=make_fake_service(fail=True), raise_server_exceptions=False)
        response = client.post(URL, json=BODY, headers={"X-Request-ID": "bug-1"})
    finally:
        logging.getLogger("app").removeHandler(handler)
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "bug-1"
    by_logger = {str(line["logger"]): line for line in lines}
    assert by_logger["app.access"]["status"] == 500
    error = by_logger["app.errors"]
    assert error["request_id"] == "bug-1" and error["message"] == "unhandled error"
    assert "RuntimeError: canned pipeline failure" in str(error["exc"])


# -- metrics ------------------------------------------------------------------------------------
def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_metrics_count_each_request_exactly(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    client.post(URL, json=BODY)
    client.post(URL, json={"text": " "})
    client.get("/nope/123")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
    samples = _samples(response.text)

    def requests(route: str, method: str, status: str) -> float:
        key = tuple(sorted({"route": route, "method": method, "status": status}.items()))
        return samples.get(("quotes_http_requests_total", key), 0.0)

    assert requests("/v1/attributions", "POST", "200") == 1.0
    assert requests("/v1/attributions", "POST", "422") == 1.0
    assert requests("<unmatched>", "GET", "404") == 1.0
    assert requests("/metrics", "GET", "200") == 0.0  # counted when it ends, after rendering
    post = (("method", "POST"), ("route", "/v1/attributions"))
    assert samples[("quotes_http_request_duration_seconds_count", post)] == 2.0
    assert samples[("quotes_pipeline_duration_seconds_count", ())] == 1.0
    assert samples[("quotes_documents_total", ())] == 1.0
    assert samples[("quotes_queue_depth", ())] == 0.0
    assert samples[("quotes_http_requests_in_flight", ())] == 1.0  # the /metrics request itself
    again = _samples(client.get("/metrics").text)
    key = tuple(sorted({"route": "/metrics", "method": "GET", "status": "200"}.items()))
    assert again[("quotes_http_requests_total", key)] == 1.0


def test_each_app_has_its_own_registry(make_client: Callable[..., TestClient]) -> None:
    first, second = make_client(), make_client()
    first.post(URL, json=BODY)
    samples = _samples(second.get("/metrics").text)
    key = tuple(sorted({"route": "/v1/attributions", "method": "POST", "status": "200"}.items()))
    assert ("quotes_http_requests_total", key) not in samples


def test_metrics_speak_openmetrics_when_asked(make_client: Callable[..., TestClient]) -> None:
    response = make_client().get("/metrics", headers={"Accept": "application/openmetrics-text"})
    assert response.headers["content-type"].startswith("application/openmetrics-text")
    assert response.text.endswith("# EOF\n")


# -- the event loop stays free while the pipeline is busy ---------------------------------------
def test_healthz_answers_fast_while_every_worker_is_busy(
    make_fake_service: Callable[..., FakeService], live_server: Callable[..., str]
) -> None:
    # blocking work in the pool threads (sleeping: the machine's other cores are not ours to
    # take, and a spinning fake measures GIL contention, not whether the loop is blocked)
    service = make_fake_service(delay_s=2.0, worker_threads=2, max_queue=4)
    url = live_server(create_app(Settings(), service=service))
    statuses: list[int] = []

    def post() -> None:
        statuses.append(httpx.post(url + URL, json=BODY, timeout=30).status_code)

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    with httpx.Client(base_url=url, timeout=5) as probe:
        probe.get("/healthz")  # connection set up outside the timings
        deadline = time.monotonic() + 5
        while service._admitted < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert service._admitted == 4 and service.queue_depth == 2
        timings = []
        for _ in range(10):
            started = time.perf_counter()
            response = probe.get("/healthz")
            timings.append(time.perf_counter() - started)
            assert response.json() == {"status": "ok"}
            time.sleep(0.02)
        assert service._admitted == 4  # still saturated during every probe
        # no job had finished, so every probe was answered while the pool was blocked; a probe
        # queued behind the work would have waited for a 2 s job (wall-clock margins stay wide:
        # the CI machine is shared and a pause of a few hundred ms is not a blocked loop)
        assert statuses == []
    for thread in threads:
        thread.join(timeout=30)
    assert statuses == [200, 200, 200, 200]
    assert max(timings) < 1.0, timings


# -- graceful shutdown --------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.full_model
def test_sigterm_lets_the_request_in_flight_finish(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "QUOTES_LOG_LEVEL": "WARNING"}
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            try:
                if httpx.get(base + "/readyz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not become ready"
            time.sleep(0.2)
        sentence = 'The mayor spoke at length. "We will fight this in court," Garcetti said. '
        text = sentence * 600  # ~45,000 characters: a few seconds of pipeline time
        result: list[httpx.Response] = []
        thread = threading.Thread(
            target=lambda: result.append(httpx.post(base + URL, json={"text": text}, timeout=120))
        )
        thread.start()
        time.sleep(1.0)  # the request is in the pipeline now
        assert not result, "the request finished before SIGTERM; make the text longer"
        server.send_signal(signal.SIGTERM)
        thread.join(timeout=120)
        # uvicorn re-raises the signal once it has shut down gracefully
        assert server.wait(timeout=60) in (0, -signal.SIGTERM)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        log.close()
    (response,) = result
    assert response.status_code == 200
    quotes = response.json()["quotes"]
    assert len(quotes) == 600
    assert {q["text"] for q in quotes} == {"We will fight this in court,"}
