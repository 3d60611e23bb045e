"""Golden tests: every seed article's answer through the HTTP API equals its expected JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import SEEDS_DIR

SEED_CASES = sorted(SEEDS_DIR.glob("*.json"))


def _load(path: Path) -> tuple[str, dict[str, Any]]:
    expected = json.loads(path.read_text(encoding="utf-8"))
    text = (SEEDS_DIR / expected["article"]).read_text(encoding="utf-8")
    return text, expected


@pytest.mark.full_model
@pytest.mark.parametrize("case", SEED_CASES, ids=[p.stem for p in SEED_CASES])
def test_seed_quotes_and_speakers(client: TestClient, case: Path) -> None:
    text, expected = _load(case)
    response = client.post("/v1/attributions", json={"id": case.stem, "text": text})
    assert response.status_code == 200
    body = response.json()
    got = [(q["start"], q["end"], q["text"], q["type"]) for q in body["quotes"]]
    want = [(q["start"], q["end"], q["text"], q["type"]) for q in expected["quotes"]]
    assert got == want
    for quote, gold in zip(body["quotes"], expected["quotes"], strict=True):
        speaker = quote["speaker"]
        name = speaker["name"] if speaker else None
        kinds = {s["id"]: s["kind"] for s in body["speakers"]}
        kind = kinds.get(speaker["entity"]) if speaker else None
        if kind is None or kind != gold.get("or_kind"):
            assert name == gold["speaker"], quote["text"]
            mention = speaker["mention"]["text"] if speaker and speaker["mention"] else None
            assert mention == gold["mention"], quote["text"]
        if speaker and speaker["mention"]:
            m = speaker["mention"]
            assert text[m["start"] : m["end"]] == m["text"]
    roles = {s["name"]: s["role"] for s in body["speakers"]}
    for gold in expected["quotes"]:
        if "role" in gold:
            assert roles[gold["speaker"]] == gold["role"]


@pytest.mark.full_model
@pytest.mark.parametrize("case", SEED_CASES, ids=[p.stem for p in SEED_CASES])
def test_seed_non_speech_quotes_only_on_request(client: TestClient, case: Path) -> None:
    text, expected = _load(case)
    plain = client.post("/v1/attributions", json={"text": text}).json()
    everything = client.post(
        "/v1/attributions", json={"text": text, "include_non_speech": True}
    ).json()
    non_speech = {(q["text"], q["type"]) for q in expected["not_speech"]}
    assert non_speech.isdisjoint((q["text"], q["type"]) for q in plain["quotes"])
    assert non_speech <= {(q["text"], q["type"]) for q in everything["quotes"]}
    for quote in everything["quotes"]:
        if quote["type"] in {"scare", "title"}:
            assert quote["speaker"] is None
