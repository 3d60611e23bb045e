"""The one lexicon reader, the table and pattern readers, and their config functions."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.util import registry

from app.pipeline.lexicon import entries, read_lexicon, read_patterns, read_table
from tests.pipeline.support import MODELS


def test_lexicon_lines_comments_case_and_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("# header\nSay\n\n  tell   me  # an inline note\nsay\n", encoding="utf8")
    assert read_lexicon(path) == ["say", "tell me"]
    assert entries(["Say", " tell  me ", "say", ""]) == ["say", "tell me"]
    assert entries(path) == ["say", "tell me"]


def test_table_rows_are_split_on_tabs(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text("# form\tgender\nMr.\tmale\nDr.\t-\n", encoding="utf8")
    assert read_table(path) == [("mr.", "male"), ("dr.", "-")]


def test_patterns_are_one_object_a_line(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('# comment\n{"label": "x", "pattern": [{"LOWER": "a"}]}\n\n', encoding="utf8")
    assert read_patterns(path) == [{"label": "x", "pattern": [{"LOWER": "a"}]}]
    path.write_text('{"pattern": []}\n', encoding="utf8")
    with pytest.raises(ValueError, match=r"p\.jsonl:1"):
        read_patterns(path)


def test_config_functions_are_registered() -> None:
    reader = registry.misc.get("quotes.lexicon.v1")
    assert reader(MODELS / "cue_verbs.txt")[:2] == ["say", "tell"]
    assert registry.misc.get("quotes.table.v1")(MODELS / "honorifics.tsv")[0] == ("mr.", "male")
    assert registry.misc.get("quotes.patterns.v1")(MODELS / "patterns" / "cue_phrases.jsonl")


def test_every_lexicon_file_has_a_header_and_entries() -> None:
    for path in sorted(MODELS.glob("*.txt")) + sorted(MODELS.glob("*.tsv")):
        assert path.read_text(encoding="utf8").startswith("#"), path.name
        assert len(read_lexicon(path)) > 5, path.name
