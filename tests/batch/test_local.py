"""The local engine through `quotes attribute`: order, resume, bad lines, stdin, processes, and a
real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from app.cli import main
from app.schemas import AttributionResponse
from tests.batch import (
    EXPECTED_ERROR_LINES,
    EXPECTED_IDS,
    TEXTS,
    corpus_lines,
    read_jsonl,
    summary_count,
    write_lines,
)
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def shared_pipeline(nlp: Language) -> Iterator[None]:
    """In-process CLI runs reuse the session's pipeline instead of loading their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.pipeline.build_pipeline", lambda *_: nlp)
        yield


def run_cli(*args: str | Path) -> int:
    return main(["attribute", *map(str, args), "--quiet"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_lines(tmp_path_factory.mktemp("corpus") / "articles.jsonl", corpus_lines())


@pytest.fixture(scope="module")
def baseline(corpus: Path, shared_pipeline: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One reference run with one process."""
    out = tmp_path_factory.mktemp("baseline") / "out.jsonl"
    assert run_cli(corpus, "-o", out) == 0
    return out


def test_output_lines_are_responses_in_input_order(baseline: Path) -> None:
    records = read_jsonl(baseline)
    assert [r["id"] for r in records] == EXPECTED_IDS
    for record in records:
        response = AttributionResponse.model_validate(record)
        text = TEXTS["senator" if response.id == "line-3" else response.id]
        for quote in response.quotes:
            assert text[quote.start : quote.end] == quote.text
    # the seed article and the hand-written ones do have attributed quotes
    by_id = {r["id"]: AttributionResponse.model_validate(r) for r in records}
    assert by_id["seed"].quotes and by_id["mayor"].quotes
    assert by_id["noquotes"].quotes == []


def test_output_line_is_the_model_dump_json(baseline: Path) -> None:
    for line in baseline.read_text(encoding="utf-8").splitlines():
        assert AttributionResponse.model_validate_json(line).model_dump_json() == line


def test_bad_lines_go_to_the_errors_file_with_line_numbers(baseline: Path) -> None:
    errors = read_jsonl(baseline.with_name("out.jsonl.errors.jsonl"))
    assert {e["line"]: e["id"] for e in errors} == EXPECTED_ERROR_LINES
    messages = {e["line"]: str(e["error"]) for e in errors}
    assert messages[5].startswith("invalid JSON")
    assert "missing text" in messages[6]
    assert "must be a string" in messages[7]
    assert "QUOTES_MAX_TEXT_CHARS" in messages[8]
    assert "empty" in messages[10]
    assert "not a JSON object" in messages[11]


def test_resume_skips_done_ids_and_redoes_a_truncated_line(
    baseline: Path,
    corpus: Path,
    shared_pipeline: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = baseline.read_bytes().splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    # three complete lines survive, the fourth was cut mid-write by a "crash"
    out.write_bytes(b"".join(lines[:3]) + lines[3][:40])
    assert run_cli(corpus, "-o", out) == 0
    stderr = capsys.readouterr().err
    assert out.read_bytes() == baseline.read_bytes()
    assert summary_count(stderr, "skipped") == 3
    assert summary_count(stderr, "attributed") == len(EXPECTED_IDS) - 3
    assert summary_count(stderr, "errors") == len(EXPECTED_ERROR_LINES)
    # a second rerun has nothing left to do
    assert run_cli(corpus, "-o", out) == 0
    stderr = capsys.readouterr().err
    assert summary_count(stderr, "attributed") == 0
    assert summary_count(stderr, "skipped") == len(EXPECTED_IDS)
    assert out.read_bytes() == baseline.read_bytes()


def test_stdin_input(
    baseline: Path,
    corpus: Path,
    shared_pipeline: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(corpus.read_bytes())))
    out = tmp_path / "out.jsonl"
    assert run_cli("-", "-o", out) == 0
    assert out.read_bytes() == baseline.read_bytes()


def test_two_processes_equal_one(
    baseline: Path, corpus: Path, shared_pipeline: None, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    assert run_cli(corpus, "-o", out, "--processes", "2", "--batch-size", "2") == 0
    assert out.read_bytes() == baseline.read_bytes()


def test_custom_fields_and_small_batches(
    shared_pipeline: None, tmp_path: Path, baseline: Path
) -> None:
    renamed = [
        json.dumps({"doc": doc_id, "body": text})
        for doc_id, text in TEXTS.items()
        if doc_id != "senator"
    ]
    source = write_lines(tmp_path / "renamed.jsonl", renamed)
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "bad.jsonl"
    args = ("--text-field", "body", "--id-field", "doc", "--batch-size", "2", "--errors", errors)
    assert run_cli(source, "-o", out, *args) == 0
    expected = [r for r in read_jsonl(baseline) if r["id"] != "line-3"]
    assert read_jsonl(out) == expected
    assert not errors.exists()


def test_real_subprocess(baseline: Path, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "attribute", str(corpus), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == baseline.read_bytes()
    assert summary_count(done.stderr, "attributed") == len(EXPECTED_IDS)
    assert "\r" not in done.stderr  # no progress bar when stderr is not a terminal
