"""The `types` request option: which quote types an answer holds, reported speech among them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

URL = "/v1/attributions"
ARTICLE = (
    'The council met on Monday. "We will not back down," Mayor Ann Lee said.\n\n'
    'Lee said the old plan was "dead on arrival." The so-called "reform" was dropped.'
)


def post(client: TestClient, **payload: Any) -> dict[str, Any]:
    response = client.post(URL, json={"text": ARTICLE, **payload})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def kinds(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(q["type"], q["text"]) for q in body["quotes"]]


@pytest.mark.full_model
def test_default_answer_holds_quotations_only(client: TestClient) -> None:
    assert kinds(post(client)) == [
        ("direct", "We will not back down,"),
        ("partial", "dead on arrival."),
    ]


@pytest.mark.full_model
def test_reported_speech_on_request_linked_to_its_fragment(client: TestClient) -> None:
    body = post(client, types=["direct", "partial", "indirect"])
    assert kinds(body) == [
        ("direct", "We will not back down,"),
        ("indirect", 'the old plan was "dead on arrival."'),
        ("partial", "dead on arrival."),
    ]
    report, fragment = body["quotes"][1], body["quotes"][2]
    assert report["fragments"] == [fragment["id"]] and fragment["part_of"] == report["id"]
    assert report["speaker"]["name"] == fragment["speaker"]["name"] == "Ann Lee"
    assert report["cue"]["text"] == fragment["cue"]["text"] == "said"
    # a fragment keeps no link when its report is not asked for
    assert post(client)["quotes"][1]["part_of"] is None


@pytest.mark.full_model
def test_speaker_ids_follow_the_answered_quotes(client: TestClient) -> None:
    only_reported = post(client, types=["indirect"])
    assert kinds(only_reported) == [("indirect", 'the old plan was "dead on arrival."')]
    assert [(s["id"], s["name"], s["quotes"]) for s in only_reported["speakers"]] == [
        ("e1", "Ann Lee", ["q1"])
    ]
    assert only_reported["quotes"][0]["speaker"]["entity"] == "e1"


@pytest.mark.full_model
def test_include_non_speech_adds_scare_and_title(client: TestClient) -> None:
    assert ("scare", "reform") in kinds(post(client, include_non_speech=True))
    assert kinds(post(client, types=["scare"])) == [("scare", "reform")]


@pytest.mark.parametrize("types", [["direct", "rumour"], [], "direct"])
def test_unknown_types_are_a_422_naming_the_allowed_ones(make_client: Any, types: Any) -> None:
    response = make_client().post(URL, json={"text": ARTICLE, "types": types})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert any(e["field"].startswith("types") for e in body["errors"])
    if types == ["direct", "rumour"]:
        message = " ".join(e["message"] for e in body["errors"])
        for allowed in ("direct", "partial", "indirect", "scare", "title", "unclosed"):
            assert allowed in message


@pytest.mark.full_model
def test_batch_documents_choose_their_types(client: TestClient) -> None:
    response = client.post(
        "/v1/attributions/batch",
        json={"documents": [{"text": ARTICLE}, {"text": ARTICLE, "types": ["indirect"]}]},
    )
    assert response.status_code == 200
    first, second = (r["result"] for r in response.json()["results"])
    assert {q["type"] for q in first["quotes"]} == {"direct", "partial"}
    assert {q["type"] for q in second["quotes"]} == {"indirect"}


@pytest.mark.full_model
def test_a_report_of_speech_that_did_not_happen_is_flagged_declined(client: TestClient) -> None:
    text = (
        "Mayor Ann Lee said the old plan was dead. Her office did not respond to our emails "
        "on Tuesday. The clerk declined to say how many staff were cut."
    )
    response = client.post(URL, json={"text": text, "types": ["indirect"]})
    assert response.status_code == 200, response.text
    reports = [(q["text"], q["declined"]) for q in response.json()["quotes"]]
    assert reports == [
        ("the old plan was dead", False),
        ("our emails", True),
        ("how many staff were cut", True),
    ]


@pytest.mark.full_model
def test_an_unclosed_passage_continuing_a_quotation_has_its_speaker(client: TestClient) -> None:
    text = (
        "For Wanda Sutherland of Sheet Harbour, the wait was personal.\n\n"
        '"He calls it his backup list," she said, laughing. "It is not funny. But you laugh.\n\n'
        "The province said it would hire 40 paramedics.\n\n"
        '"A mark nobody closes, and no quotation before it\n'
    )
    response = client.post(URL, json={"text": text, "types": ["direct", "unclosed"]})
    assert response.status_code == 200, response.text
    found = [
        (q["type"], q["text"], q["speaker"] and q["speaker"]["name"])
        for q in response.json()["quotes"]
    ]
    assert found == [
        ("direct", "He calls it his backup list,", "Wanda Sutherland"),
        ("unclosed", "It is not funny. But you laugh.", "Wanda Sutherland"),
        ("unclosed", "A mark nobody closes, and no quotation before it", None),
    ]
