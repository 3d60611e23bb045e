"""HTTP, CLI and Ray give identical answers for the same articles."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from app.cli import main
from tests.batch import TEXTS, read_jsonl, write_lines

ARTICLES = [{"id": doc_id, "text": text} for doc_id, text in TEXTS.items()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = [json.dumps(article, ensure_ascii=False) for article in ARTICLES]
    return write_lines(tmp_path_factory.mktemp("agree") / "articles.jsonl", lines)


@pytest.fixture(scope="module")
def cli_records(corpus: Path, nlp: Language) -> Iterator[list[dict[str, object]]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.pipeline.build_pipeline", lambda *_: nlp)
        out = corpus.with_name("cli.jsonl")
        assert main(["attribute", str(corpus), "-o", str(out), "-q"]) == 0
        yield read_jsonl(out)


def test_http_equals_cli(client: TestClient, cli_records: list[dict[str, object]]) -> None:
    http = []
    for article in ARTICLES:
        response = client.post("/v1/attributions", json=article)
        assert response.status_code == 200, response.text
        http.append(response.json())
    assert http == cli_records


def test_http_batch_equals_cli(client: TestClient, cli_records: list[dict[str, object]]) -> None:
    response = client.post("/v1/attributions/batch", json={"documents": ARTICLES})
    assert response.status_code == 200, response.text
    assert [item["result"] for item in response.json()["results"]] == cli_records


@pytest.mark.ray
@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="Ray is not installed")
def test_ray_equals_cli(corpus: Path, cli_records: list[dict[str, object]]) -> None:
    out = corpus.with_name("ray.jsonl")
    argv = ["attribute", str(corpus), "-o", str(out), "--engine", "ray", "--actors", "2", "-q"]
    assert main(argv) == 0
    assert read_jsonl(out) == cli_records
