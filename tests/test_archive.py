"""`quotes attribute`: order, resume, bad lines, stdin, processes, and a real subprocess."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from app.api.schemas import AttributionResponse
from app.archive import LineError, done_ids, parse_line
from app.cli import main
from app.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = (ROOT / "seeds" / "sanctuary-cities.txt").read_text(encoding="utf-8")

# Hand-written articles (ids -> text): attributed quotes, a two-paragraph article, no quotes at all,
# curly quotes with characters outside the BMP (offsets are code points).
TEXTS: dict[str, str] = {
    "seed": SEED_TEXT,
    "mayor": (
        'The mayor was blunt. "We will not close the shelter," said Maria Lopez, the mayor of '
        'the city. "Families depend on it." Lopez spoke at a news conference on Tuesday.'
    ),
    "senator": (
        '"The numbers do not add up," Senator Tom Becker told reporters on Monday.\n\n'
        'Becker added that the committee would "look closely at every line" of the budget.'
    ),
    "farmer": (
        "According to the report, the river rose four feet overnight. \u201cI have never seen "
        "anything like it,\u201d said Jane Okafor, a farmer who has lived near the river for 40 "
        "years. She said her family lost most of the harvest."
    ),
    "noquotes": (
        "The council meets every second Thursday. The agenda is published a week in advance."
    ),
    "curly": (
        "\u201cThis is a test of curly quotes \U0001f389 and nothing more,\u201d "
        "said Ana M\u00fcller."
    ),
}

TOO_LONG = Settings().max_text_chars + 1


def corpus_lines() -> list[str]:
    """The CLI corpus: good articles (one without an id) mixed with every kind of bad line."""
    good = {doc_id: json.dumps({"id": doc_id, "text": text}) for doc_id, text in TEXTS.items()}
    return [
        good["seed"],  # 1
        good["mayor"],  # 2
        json.dumps({"text": TEXTS["senator"], "section": "politics"}),  # 3: no id -> "line-3"
        "",  # 4: blank, skipped silently
        '{"id": "broken", "text": "unterminated',  # 5: invalid JSON
        json.dumps({"id": "notext", "body": "x"}),  # 6: missing text
        json.dumps({"id": "wrongtype", "text": 42}),  # 7: text not a string
        json.dumps({"id": "toolong", "text": "a" * TOO_LONG}),  # 8: over max_text_chars
        good["farmer"],  # 9
        json.dumps({"id": "empty", "text": "   "}),  # 10: whitespace only
        "[1, 2]",  # 11: not an object
        good["noquotes"],  # 12
        json.dumps({"id": "curly", "text": TEXTS["curly"]}, ensure_ascii=False),  # 13: raw UTF-8
    ]


EXPECTED_IDS = ["seed", "mayor", "line-3", "farmer", "noquotes", "curly"]
EXPECTED_ERROR_LINES = {5: None, 6: "notext", 7: "wrongtype", 8: "toolong", 10: "empty", 11: None}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary_count(stderr: str, label: str) -> int:
    match = re.search(rf"(\d+) {label}", stderr)
    assert match, f"no '{label}' count in: {stderr!r}"
    return int(match.group(1))


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


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(tmp_path / "nope.jsonl", "-o", tmp_path / "out.jsonl") == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_bad_option_value_is_a_usage_error(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [])
    assert run_cli(source, "-o", tmp_path / "out.jsonl", "--processes", "0") == 2


def test_parse_line_defaults_the_id_to_the_line_number() -> None:
    settings = Settings()
    parsed = parse_line(17, b'{"text": "Hi."}\n', settings=settings)
    assert parsed is not None and not isinstance(parsed, LineError)
    assert parsed.id == "line-17"
    assert parse_line(3, b"  \n", settings=settings) is None
    numeric = parse_line(4, b'{"id": 7, "text": "Hi."}', settings=settings)
    assert numeric is not None and not isinstance(numeric, LineError) and numeric.id == "7"
    assert parse_line(5, b'{"text": "\xff"}', settings=settings) == LineError(
        5, None, "line is not UTF-8: invalid start byte at byte 10"
    )


def test_done_ids_cuts_a_truncated_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a"}\n{"id": "b"}\n{"id": "c", "quo')
    assert done_ids(out) == {"a", "b"}
    assert out.read_bytes() == b'{"id": "a"}\n{"id": "b"}\n'


def test_done_ids_refuses_a_foreign_file(tmp_path: Path) -> None:
    from app.archive import UsageError

    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a"}\nnot json\n{"id": "c"}\n')
    with pytest.raises(UsageError, match="not an output record"):
        done_ids(out)
    assert out.read_bytes() == b'{"id": "a"}\nnot json\n{"id": "c"}\n'


def test_an_article_that_breaks_the_pipeline_becomes_an_error_line() -> None:
    import spacy
    from spacy.tokens import Doc

    import app.pipeline.extensions  # noqa: F401 - the extensions doc_to_response reads
    from app.api.schemas import AttributionRequest
    from app.archive import Article, attribute_batch

    @spacy.Language.component("archive_test_boom")
    def boom(doc: Doc) -> Doc:
        if "BOOM" in doc.text:
            raise RuntimeError("component failed")
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("archive_test_boom")
    batch = [
        Article(n, AttributionRequest(id=doc_id, text=text))
        for n, (doc_id, text) in enumerate([("a", "Fine."), ("b", "BOOM here."), ("c", "Ok.")], 1)
    ]
    lines = attribute_batch(nlp, batch, batch_size=8)
    assert [AttributionResponse.model_validate_json(x).id for x in lines if isinstance(x, str)] == [
        "a",
        "c",
    ]
    assert lines[1] == LineError(2, "b", "pipeline error: RuntimeError: component failed")
