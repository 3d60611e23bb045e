"""The `quotes` console script dispatches to one module per subcommand."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.cli import SUBCOMMANDS, build_parser, main
from tests.conftest import ROOT


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name in ("serve", "attribute", "evaluate", "bench", "show", "train"):
        assert name in out
    assert set(SUBCOMMANDS) == {"serve", "attribute", "evaluate", "bench", "show", "train"}


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["transmogrify"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'transmogrify'" in capsys.readouterr().err


def test_serve_parses_host_port_workers() -> None:
    args = build_parser("serve").parse_args(["serve", "--port", "9001", "--workers", "2"])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 9001, 2)


def test_only_the_chosen_subcommand_is_imported() -> None:
    """`quotes --help` loads no subcommand (nor spaCy); `quotes serve ...` loads only its own."""
    probe = (
        "import sys\n"
        "from app.cli import build_parser\n"
        "build_parser(None)\n"
        "print(sorted(m for m in sys.modules if m.startswith('app.') or m == 'spacy'))\n"
        "build_parser('serve')\n"
        "print(sorted(m for m in sys.modules if m.startswith('app.cli.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    without, with_serve = done.stdout.splitlines()
    assert without == "['app.cli']"
    assert with_serve == "['app.cli.serve']"


def test_python_dash_m_runs_the_console_script() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "serve" in done.stdout and "attribute" in done.stdout
