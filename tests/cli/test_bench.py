"""`quotes bench`: bad option values are usage errors (exit code 2) before anything runs."""

from __future__ import annotations

import pytest

from app.cli import main


def test_bad_worker_list_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--workers", "0", "--no-http"]) == 2
    assert "--workers" in capsys.readouterr().err
