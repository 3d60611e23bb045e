"""POST /v1/attributions/batch: bounded size, answers in order, per-document errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

URL = "/v1/attributions/batch"
PROBLEM = "application/problem+json"


def _problem(response: Any, status: int, code: str, detail: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    assert response.json() == {
        "type": f"https://quotes.invalid/problems/{code}",
        "title": "Batch too large" if status == 413 else "Invalid request",
        "status": status,
        "detail": detail,
        "errors": [{"field": "documents", "message": detail.removeprefix("documents: ")}],
    }


def test_batch_answers_in_input_order(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    response = client.post(
        URL,
        json={
            "documents": [{"id": "a", "text": '"One," he said.'}, {"id": "b", "text": 'x "Two"'}]
        },
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["ok"], r["result"]["id"], r["error"]) for r in results] == [
        (True, "a", None),
        (True, "b", None),
    ]
    assert [
        [(q["text"], q["start"], q["end"]) for q in r["result"]["quotes"]] for r in results
    ] == [
        [("One,", 1, 5)],
        [("Two", 3, 6)],
    ]


def test_one_bad_document_gives_an_error_item_not_a_failed_batch(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(max_text_chars=20)
    documents = [
        {"id": "good", "text": '"Hi," she said.'},
        {"id": "blank", "text": "   "},
        {"id": "long", "text": "x" * 21},
        {"text": '"Bye."'},
    ]
    response = client.post(URL, json={"documents": documents})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["ok"] for r in results] == [True, False, False, True]
    assert results[1] == {
        "ok": False,
        "result": None,
        "error": {
            "id": "blank",
            "status": 422,
            "title": "Empty text",
            "detail": "text is empty or only whitespace; send the article's text",
        },
    }
    assert results[2]["error"] == {
        "id": "long",
        "status": 413,
        "title": "Text too long",
        "detail": "text has 21 characters; the limit is 20 (QUOTES_MAX_TEXT_CHARS)",
    }
    assert results[0]["result"]["quotes"][0]["text"] == "Hi,"
    assert results[3]["result"]["quotes"][0]["text"] == "Bye."


def test_all_documents_bad_still_answers_200(make_client: Callable[..., TestClient]) -> None:
    response = make_client().post(URL, json={"documents": [{"text": ""}, {"text": "\n"}]})
    assert response.status_code == 200
    assert [r["error"]["status"] for r in response.json()["results"]] == [422, 422]


def test_too_many_documents_is_413(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_batch_documents=2)
    response = client.post(URL, json={"documents": [{"text": "a"}] * 3})
    _problem(
        response,
        413,
        "batch-too-large",
        "batch has 3 documents; the limit is 2 (QUOTES_MAX_BATCH_DOCUMENTS)",
    )
    assert client.post(URL, json={"documents": [{"text": "a"}] * 2}).status_code == 200


def test_too_many_characters_is_413(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_batch_chars=10)
    response = client.post(URL, json={"documents": [{"text": "a" * 6}, {"text": "b" * 5}]})
    _problem(
        response,
        413,
        "batch-too-large",
        "batch has 11 characters; the limit is 10 (QUOTES_MAX_BATCH_CHARS)",
    )


def test_empty_batch_is_422(make_client: Callable[..., TestClient]) -> None:
    response = make_client().post(URL, json={"documents": []})
    _problem(
        response,
        422,
        "invalid-request",
        "documents: List should have at least 1 item after validation, not 0",
    )


def test_a_schema_error_inside_a_document_names_its_index(
    make_client: Callable[..., TestClient],
) -> None:
    response = make_client().post(URL, json={"documents": [{"text": "a"}, {"txt": "b"}]})
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"] == [
        {"field": "documents.1.text", "message": "Field required"},
        {"field": "documents.1.txt", "message": "Extra inputs are not permitted"},
    ]


def test_batch_body_limit_follows_the_batch_character_limit(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(max_text_chars=10, max_batch_chars=20_000, max_batch_documents=1000)
    single_limit = 10 * 12 + 65536
    documents = [{"text": "a" * 10}] * 1000  # ~ 20 kB of JSON text, over neither limit
    payload: dict[str, Any] = {"documents": documents}
    big = b" " * single_limit + json.dumps(payload).encode()
    response = client.post(URL, content=big, headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1000
    single = client.post(
        "/v1/attributions",
        content=b" " * single_limit + b'{"text": "a"}',
        headers={"content-type": "application/json"},
    )
    assert single.status_code == 413
    assert single.json()["title"] == "Request body too large"


@pytest.mark.full_model
def test_real_pipeline_batch_offsets_index_each_text(client: TestClient) -> None:
    texts = ['"We will fight," Garcetti said.', "No quotes here.", '“Yes,” she said. 😀 "No."']
    response = client.post(URL, json={"documents": [{"text": t} for t in texts]})
    assert response.status_code == 200
    for text, item in zip(texts, response.json()["results"], strict=True):
        assert item["ok"] is True
        for quote in item["result"]["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
    first = response.json()["results"][0]["result"]["quotes"][0]
    assert (first["text"], first["start"], first["end"]) == ("We will fight,", 1, 15)
    assert first["speaker"]["mention"] == {"text": "Garcetti", "start": 17, "end": 25}
