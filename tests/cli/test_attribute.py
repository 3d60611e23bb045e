"""`quotes attribute`: usage errors stop the run with exit code 2 before any work."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.batch.output import UsageError
from app.cli import main
from app.cli.attribute import parse_types
from tests.batch import write_lines


def run_cli(*args: str | Path) -> int:
    return main(["attribute", *map(str, args), "--quiet"])


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(tmp_path / "nope.jsonl", "-o", tmp_path / "out.jsonl") == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_bad_option_value_is_a_usage_error(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [])
    assert run_cli(source, "-o", tmp_path / "out.jsonl", "--processes", "0") == 2


def test_types_option_names_the_allowed_types() -> None:

    assert parse_types("indirect, direct") == ["indirect", "direct"]
    assert parse_types(None) is None
    with pytest.raises(UsageError, match="one of direct, partial, indirect, scare, title"):
        parse_types("direct,rumour")
