"""The README stays true: its two set-up commands, its configuration table, the CI entry point."""

from __future__ import annotations

import re

from app.settings import settings_table
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_configuration_table_lists_every_setting_as_the_code_defines_it() -> None:
    match = re.search(
        r"<!-- settings-table:start[^>]*-->\n(.*?)\n<!-- settings-table:end -->", README, re.S
    )
    assert match is not None
    assert match.group(1) == settings_table()


def test_top_of_readme_has_exactly_the_run_and_test_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert [c for c in commands if c] == ["make run", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in ci
    assert re.search(r"^make test$", ci, re.M)
