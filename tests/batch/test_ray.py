"""The Ray Data engine: a local Ray instance (2 CPUs, 2 actors) gives the CLI's results."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from app.cli import main
from tests.batch import TEXTS, read_jsonl, summary_count, write_lines

pytestmark = [
    pytest.mark.ray,
    pytest.mark.skipif(
        importlib.util.find_spec("ray") is None,
        reason="Ray is not installed (optional extra: pip install 'quote-attribution[ray]')",
    ),
]

# Ray's JSON reader needs consistent column types, so the bad rows here are null/blank texts.
RAY_LINES = [json.dumps({"id": doc_id, "text": text}) for doc_id, text in TEXTS.items()] + [
    json.dumps({"id": "notext", "body": "x"}),
    json.dumps({"id": "empty", "text": "  "}),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_lines(tmp_path_factory.mktemp("ray") / "articles.jsonl", RAY_LINES)


@pytest.fixture(scope="module")
def cli_output(corpus: Path, nlp: Language) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.pipeline.build_pipeline", lambda *_: nlp)
        out = corpus.with_name("cli.jsonl")
        assert main(["attribute", str(corpus), "-o", str(out), "--quiet"]) == 0
        yield out


def test_ray_matches_the_cli(
    corpus: Path, cli_output: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = corpus.with_name("ray.jsonl")
    argv = ["attribute", str(corpus), "-o", str(out), "--engine", "ray", "--actors", "2", "-q"]
    assert main(argv) == 0
    stderr = capsys.readouterr().err
    by_id = {r["id"]: r for r in read_jsonl(out)}
    assert by_id == {r["id"]: r for r in read_jsonl(cli_output)}
    assert list(by_id) == list(TEXTS)  # input order is kept too
    assert out.read_bytes() == cli_output.read_bytes()
    errors = read_jsonl(out.with_name("ray.jsonl.errors.jsonl"))
    assert {e["id"]: e["line"] for e in errors} == {"notext": None, "empty": None}
    assert summary_count(stderr, "attributed") == len(TEXTS)

    # resume: ids already in the output are not attributed again
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:4]))
    assert main(argv) == 0
    stderr = capsys.readouterr().err
    assert summary_count(stderr, "skipped") == 4
    assert summary_count(stderr, "attributed") == len(TEXTS) - 4
    assert out.read_bytes() == cli_output.read_bytes()


def test_ray_missing_ray_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from app.batch.output import UsageError
    from app.batch.ray import import_ray

    real_import = builtins.__import__

    def no_ray(name: str, *args: object, **kwargs: object) -> object:
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(UsageError, match=r"quote-attribution\[ray\]"):
        import_ray()
