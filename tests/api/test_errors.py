"""Bad input and failures: problem+json with an exact status and the offending field."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.conftest import FakeService

PROBLEM = "application/problem+json"
URL = "/v1/attributions"
TYPE = "https://quotes.invalid/problems/"


def assert_problem(
    response: httpx.Response, status: int, code: str, title: str, field: str | None
) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["type"] == TYPE + code
    assert body["title"] == title
    assert body["status"] == status
    assert isinstance(body["detail"], str) and body["detail"]
    if field is None:
        assert "errors" not in body
    else:
        assert body["errors"][0]["field"] == field
    assert "Traceback" not in response.text
    assert len(response.headers["x-request-id"]) == 32
    return body


@pytest.fixture
def fake_client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


# -- content type and JSON ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "headers",
    [
        {"content-type": "text/plain"},
        {"content-type": "application/x-www-form-urlencoded"},
        {"content-type": "multipart/form-data; boundary=x"},
        {},
    ],
    ids=["text-plain", "form", "multipart", "none"],
)
def test_a_body_that_is_not_json_is_415(fake_client: TestClient, headers: dict[str, str]) -> None:
    response = fake_client.post(URL, content=b'{"text": "x"}', headers=headers)
    body = assert_problem(
        response, 415, "unsupported-media-type", "Unsupported media type", "content-type"
    )
    sent = f"'{headers['content-type']}'" if headers else "no Content-Type"
    assert body["detail"] == (
        f"the body must be JSON sent as 'Content-Type: application/json'; got {sent}"
    )


def test_json_with_charset_and_plus_json_are_accepted(fake_client: TestClient) -> None:
    for content_type in ("application/json; charset=utf-8", "application/vnd.quotes+json"):
        response = fake_client.post(
            URL, content=b'{"text": "\\"Hi,\\" she said."}', headers={"content-type": content_type}
        )
        assert response.status_code == 200
        assert response.json()["quotes"][0]["text"] == "Hi,"


@pytest.mark.parametrize(
    ("raw", "position", "reason"),
    [
        (b'{"text": "unclosed', 9, "Unterminated string starting at"),
        (b'{"text": "a",}', 13, "Expecting property name enclosed in double quotes"),
        (b"[1, 2", 5, "Expecting ',' delimiter"),
    ],
)
def test_malformed_json_is_422_on_body(
    fake_client: TestClient, raw: bytes, position: int, reason: str
) -> None:
    response = fake_client.post(URL, content=raw, headers={"content-type": "application/json"})
    body = assert_problem(response, 422, "invalid-request", "Invalid request", "body")
    assert body["errors"] == [
        {"field": "body", "message": f"malformed JSON at character {position}: {reason}"}
    ]


def test_invalid_utf8_body_is_a_4xx_problem(fake_client: TestClient) -> None:
    response = fake_client.post(
        URL, content=b'{"text": "\xff\xfe"}', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 400, "bad-request", "Bad request", "body")
    assert body["detail"] == "There was an error parsing the body"


# -- schema -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "text", "Field required"),
        ({"id": "a"}, "text", "Field required"),
        ({"text": "x", "colour": "red"}, "colour", "Extra inputs are not permitted"),
        ({"text": 5}, "text", "Input should be a valid string"),
        ({"text": None}, "text", "Input should be a valid string"),
        ({"text": ["a"]}, "text", "Input should be a valid string"),
        ({"text": "x", "id": 7}, "id", "Input should be a valid string"),
        ({"text": "x", "id": "i" * 257}, "id", "String should have at most 256 characters"),
        (
            {"text": "x", "include_non_speech": "maybe"},
            "include_non_speech",
            "Input should be a valid boolean, unable to interpret input",
        ),
        ({"text": "x", "format": "xml"}, "format", "Input should be 'text' or 'html'"),
        ({"text": "x", "offsets": "bytes"}, "offsets", "Input should be 'codepoint' or 'utf16'"),
        (
            [{"text": "x"}],
            "body",
            "Input should be a valid dictionary or object to extract fields from",
        ),
        ("text", "body", "Input should be a valid dictionary or object to extract fields from"),
    ],
)
def test_schema_violations_are_422_naming_the_field(
    fake_client: TestClient, payload: Any, field: str, message: str
) -> None:
    response = fake_client.post(URL, json=payload)
    body = assert_problem(response, 422, "invalid-request", "Invalid request", field)
    assert body["errors"][0] == {"field": field, "message": message}
    assert body["detail"] == f"{field}: {message}"


def test_several_violations_are_all_listed(fake_client: TestClient) -> None:
    response = fake_client.post(URL, json={"text": 1, "format": "pdf", "x": 0})
    body = assert_problem(response, 422, "invalid-request", "Invalid request", "text")
    assert [e["field"] for e in body["errors"]] == ["text", "format", "x"]
    assert body["detail"] == "text: Input should be a valid string (and 2 more)"


@pytest.mark.parametrize("text", ["", " ", "\n\r\t  \u3000", "\u00a0\u2003"])
def test_empty_or_blank_text_is_422(fake_client: TestClient, text: str) -> None:
    body = assert_problem(
        fake_client.post(URL, json={"text": text}), 422, "empty-text", "Empty text", "text"
    )
    assert body["detail"] == "text is empty or only whitespace; send the article's text"


def test_text_over_the_default_limit_is_413(fake_client: TestClient) -> None:
    response = fake_client.post(URL, json={"text": "a" * 200_001})
    body = assert_problem(response, 413, "text-too-long", "Text too long", "text")
    assert body["detail"] == (
        "text has 200001 characters; the limit is 200000 (QUOTES_MAX_TEXT_CHARS)"
    )
    assert fake_client.post(URL, json={"text": "a" * 200_000}).status_code == 200


def test_text_limit_is_configurable_and_counts_code_points(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(max_text_chars=10)
    assert client.post(URL, json={"text": "😀" * 10}).status_code == 200
    body = assert_problem(
        client.post(URL, json={"text": "😀" * 11}), 413, "text-too-long", "Text too long", "text"
    )
    assert body["detail"] == "text has 11 characters; the limit is 10 (QUOTES_MAX_TEXT_CHARS)"


# -- raw body size ------------------------------------------------------------------------------
def test_body_over_the_limit_is_413_from_content_length_alone(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(max_text_chars=100)  # limit: 100 * 12 + 65536 bytes
    limit = 100 * 12 + 65536
    received: list[int] = []

    def body() -> Iterator[bytes]:  # would be read in chunks if the server wanted it
        for _ in range(100):
            received.append(1)
            yield b" " * 1024

    response = client.post(
        URL,
        content=body(),
        headers={"content-type": "application/json", "content-length": str(limit + 1)},
    )
    problem = assert_problem(response, 413, "body-too-large", "Request body too large", "body")
    assert problem["detail"] == (
        f"the request body is larger than {limit} bytes (QUOTES_MAX_BODY_BYTES)"
    )


def test_streamed_body_without_length_is_cut_at_the_limit(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(max_body_bytes=4096)

    def body() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 1024
        yield b'"}'

    response = client.post(URL, content=body(), headers={"content-type": "application/json"})
    assert_problem(response, 413, "body-too-large", "Request body too large", "body")

    def small() -> Iterator[bytes]:
        yield b'{"text": "\\"Hi,\\" '
        yield b'she said."}'

    ok = client.post(URL, content=small(), headers={"content-type": "application/json"})
    assert ok.status_code == 200
    assert ok.json()["quotes"][0]["text"] == "Hi,"


# -- routing ------------------------------------------------------------------------------------
def test_unknown_path_and_wrong_method_are_problems(fake_client: TestClient) -> None:
    body = assert_problem(fake_client.get("/nope"), 404, "not-found", "Not found", None)
    assert body["detail"] == "Not Found"
    response = fake_client.get(URL)
    body = assert_problem(response, 405, "method-not-allowed", "Method not allowed", None)
    assert response.headers["allow"] == "POST"


# -- failures of the service --------------------------------------------------------------------
def test_a_bug_is_a_500_problem_without_traceback(
    make_client: Callable[..., TestClient], make_fake_service: Callable[..., FakeService]
) -> None:
    client = make_client(service=make_fake_service(fail=True), raise_server_exceptions=False)
    response = client.post(URL, json={"text": '"Hi," she said.'})
    body = assert_problem(response, 500, "internal", "Internal error", None)
    assert body["detail"] == "the service failed on this request"
    assert "canned pipeline failure" not in response.text


def test_pipeline_over_the_time_limit_is_504(
    make_client: Callable[..., TestClient], make_fake_service: Callable[..., FakeService]
) -> None:
    service = make_fake_service(delay_s=0.5, timeout_s=0.05)
    client = make_client(service=service)
    body = assert_problem(
        client.post(URL, json={"text": '"Hi," she said.'}), 504, "timeout", "Pipeline timeout", None
    )
    assert body["detail"] == "the article took longer than 0.05 s (QUOTES_REQUEST_TIMEOUT_S)"


def test_full_queue_is_503_with_retry_after(
    make_fake_service: Callable[..., FakeService], live_server: Callable[..., str]
) -> None:
    service = make_fake_service(delay_s=1.0, worker_threads=1, max_queue=0)
    url = live_server(create_app(Settings(), service=service))
    results: list[httpx.Response] = []

    def first() -> None:
        results.append(httpx.post(url + URL, json={"text": '"A," she said.'}, timeout=10))

    thread = threading.Thread(target=first)
    thread.start()
    try:
        for _ in range(200):  # wait until the slow request holds the only worker
            if service.queue_depth == 0 and service._admitted == 1:
                break
            threading.Event().wait(0.005)
        assert service._admitted == 1
        busy = httpx.post(url + URL, json={"text": '"B," she said.'}, timeout=10)
    finally:
        thread.join(timeout=10)
    body = assert_problem(busy, 503, "busy", "Service busy", None)
    assert busy.headers["retry-after"] == "1"
    assert body["detail"] == (
        "all pipeline workers are busy and the queue is full; retry after 1 s"
    )
    assert [r.status_code for r in results] == [200]
    assert results[0].json()["quotes"][0]["text"] == "A,"


def test_batch_route_errors_are_problems_too(fake_client: TestClient) -> None:
    response = fake_client.post(URL + "/batch", content=b"x", headers={"content-type": "text/csv"})
    assert_problem(
        response, 415, "unsupported-media-type", "Unsupported media type", "content-type"
    )
    response = fake_client.post(URL + "/batch", json={"documents": "x"})
    assert_problem(response, 422, "invalid-request", "Invalid request", "documents")


def test_a_lone_surrogate_in_a_field_name_is_422_not_500(fake_client: TestClient) -> None:
    raw = json.dumps({"text": "x", "\ud800": 1}).encode()
    response = fake_client.post(URL, content=raw, headers={"content-type": "application/json"})
    body = assert_problem(response, 422, "invalid-request", "Invalid request", "body")
    assert body["errors"][0]["message"] == (
        "Input should be a valid string, unable to parse raw data as a unicode string"
    )
