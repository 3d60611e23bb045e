"""The layout table: every layout declared once, everything else derived from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.pipeline.speakers import table
from app.pipeline.speakers.table import (
    BY_NAME,
    LAYOUT_PRIORS,
    LAYOUTS,
    LOCAL_LAYOUTS,
    PRIORITY,
    REPORTED_LAYOUTS,
    markdown_table,
)


def test_names_are_unique_and_derived_tables_follow_the_entries() -> None:
    names = [layout.name for layout in LAYOUTS]
    assert len(names) == len(set(names))
    assert set(BY_NAME) == set(names)
    assert LOCAL_LAYOUTS == {layout.name for layout in LAYOUTS if layout.local}
    assert {"shared", "paragraph", "answer"} == set(names) - LOCAL_LAYOUTS  # borrowed mentions
    assert LAYOUT_PRIORS == {layout.name: layout.prior for layout in LAYOUTS}


def test_priors_are_probabilities_and_every_layout_has_an_example() -> None:
    for layout in LAYOUTS:
        assert 0.0 < layout.prior < 1.0, layout.name
        if layout not in REPORTED_LAYOUTS or layout.name == "reported_fragment":
            assert re.search(r"[\"“].+[\"”]", layout.example), layout.name


def test_every_layout_is_reachable_from_some_priority_list() -> None:
    used = {name for names in PRIORITY.values() for name in names}
    assert used == set(BY_NAME)


def test_an_unknown_name_in_a_priority_list_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(dict(PRIORITY), "direct", ("after",))  # a copy: harmless
    monkeypatch.setattr(table, "PRIORITY", {**PRIORITY, "direct": ("after", "nonesuch")})
    with pytest.raises(ValueError, match="nonesuch"):
        table._check_table()


def test_the_readme_shows_the_layout_table() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    match = re.search(
        r"<!-- layout-table:start[^>]*-->\n(.*?)\n<!-- layout-table:end -->", readme, re.S
    )
    assert match is not None, "README.md has no layout table block"
    assert match.group(1) == markdown_table()
