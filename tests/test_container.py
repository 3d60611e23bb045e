"""The container recipe: hadolint-clean, and built the same way as .ci/run installs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCKERFILE = ROOT / "Dockerfile"


def _hadolint() -> str:
    found = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(found).exists():
        pytest.fail("hadolint is not installed (it is in the test extra: uv sync --extra test)")
    return found


def test_dockerfile_passes_hadolint_without_warnings() -> None:
    result = subprocess.run(
        [_hadolint(), "--failure-threshold", "warning", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_installs_from_the_lock_runs_non_root_and_checks_health() -> None:
    recipe = DOCKERFILE.read_text(encoding="utf-8")
    assert "uv sync --frozen" in recipe  # same lock as .ci/run
    assert re.search(r"^USER (?!root|0\b)\S+", recipe, re.MULTILINE)
    assert re.search(r"^HEALTHCHECK .*", recipe, re.MULTILINE)
    assert "/healthz" in recipe
    assert (ROOT / ".dockerignore").is_file()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "uv sync --frozen" in ci or "make test" in ci


def test_uv_version_pinned_alike_in_dockerfile_and_makefile() -> None:
    docker_uv = re.search(r"uv==([\d.]+)", DOCKERFILE.read_text(encoding="utf-8"))
    make_uv = re.search(r"UV_VERSION := ([\d.]+)", (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert docker_uv and make_uv
    assert docker_uv.group(1) == make_uv.group(1)
