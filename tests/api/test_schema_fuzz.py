"""Fuzzing: schemathesis over the OpenAPI schema (never a 5xx); random texts, real pipeline."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.main import create_app
from app.settings import Settings
from tests.conftest import FakeService

ALL_TYPES = ("direct", "partial", "indirect", "scare", "title")

schemathesis = pytest.importorskip("schemathesis")  # schemathesis==4.32.5 (test extra)
import spacy  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

# The app under fuzz: no NLP (a canned service) and small limits so the size paths are reached.
_service = FakeService(spacy.blank("en"), worker_threads=2, max_queue=64)
_app = create_app(
    Settings(max_text_chars=2_000, max_batch_documents=4, max_batch_chars=4_000), service=_service
)
_app.state.service = _service  # schemathesis calls the app without running its lifespan
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_request_the_schema_allows_or_breaks_gets_a_5xx(case: Any) -> None:
    response = case.call_and_validate(checks=[not_a_server_error])
    assert response.status_code < 500
    if response.status_code >= 400:
        assert response.headers["content-type"] == ["application/problem+json"]
        body = json.loads(response.content)
        assert body["status"] == response.status_code and body["title"] and body["detail"]
        assert "Traceback" not in response.text


# -- random texts through the real pipeline -----------------------------------------------------
_ALPHABET = st.one_of(
    st.sampled_from(list('"“”‘’«»\'"  \n\r\t.,:;!?—-')),
    st.sampled_from(["said", "says", "told", "Garcetti", "she", "he", "the mayor", "according to"]),
    # the shapes of a pasted page: a dateline, furniture, a caption's credit, interview marks
    st.sampled_from(["WASHINGTON (AP) — ", "Article content", "READ MORE:", "(Jane Doe/CBC)"]),
    st.sampled_from(["Q:", "A:", ", say ", "minister says", "Duration 2:14", "The", "It"]),
    st.characters(codec=None, categories=("L", "N", "P", "Z", "S", "Cc", "Cf", "Cs", "Mn")),
)
_TEXTS = st.lists(_ALPHABET, min_size=1, max_size=80).map("".join).filter(lambda t: t.strip())


@pytest.mark.full_model
@given(text=_TEXTS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_random_texts_get_offsets_that_index_them(client: TestClient, text: str) -> None:
    response = client.post(
        "/v1/attributions",
        content=json.dumps({"text": text, "types": list(ALL_TYPES)}).encode("ascii"),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text
    body = json.loads(response.content)
    for quote in body["quotes"]:
        spans = [quote, *quote["segments"]]
        if quote["speaker"] and quote["speaker"]["mention"]:
            spans.append(quote["speaker"]["mention"])
        if quote["cue"]:
            spans.append(quote["cue"])
        for span in spans:
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"]
