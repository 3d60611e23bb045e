"""`quotes bench`: bad option values are usage errors (exit code 2) before anything runs."""

from __future__ import annotations

import pytest

from app.cli import main


def test_bad_worker_list_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--workers", "0", "--no-http"]) == 2
    assert "--workers" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--scaling-sizes", "1000,x"], "--scaling-sizes"),
        (["--mixed-clients", "2"], "--mixed-clients"),
        (["--mixed-clients", "2,0"], "--mixed-clients"),
        (["--scaling-runs", "0"], "--scaling-runs"),
    ],
)
def test_bad_scaling_and_mixed_options_are_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    assert main(["bench", "--no-http", *argv]) == 2
    assert named in capsys.readouterr().err
