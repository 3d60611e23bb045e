"""The `quotes` console script dispatches to one module per subcommand."""

from __future__ import annotations

import pytest

from app.cli import SUBCOMMANDS, build_parser, main


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name in ("serve", "attribute", "evaluate", "bench", "show"):
        assert name in out
    assert set(SUBCOMMANDS) == {"serve", "attribute", "evaluate", "bench", "show"}


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["transmogrify"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'transmogrify'" in capsys.readouterr().err


def test_serve_parses_host_port_workers() -> None:
    args = build_parser("serve").parse_args(["serve", "--port", "9001", "--workers", "2"])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 9001, 2)
