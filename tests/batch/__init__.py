"""Tests of the archive engines, and the articles and file helpers they share."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.settings import Settings
from tests.conftest import ROOT

SEED_TEXT = (ROOT / "seeds" / "sanctuary-cities.txt").read_text(encoding="utf-8")

# Hand-written articles (ids -> text): attributed quotes, a two-paragraph article, no quotes at all,
# curly quotes with characters outside the BMP (offsets are code points).
TEXTS: dict[str, str] = {
    "seed": SEED_TEXT,
    "mayor": (
        'The mayor was blunt. "We will not close the shelter," said Maria Lopez, the mayor of '
        'the city. "Families depend on it." Lopez spoke at a news conference on Tuesday.'
    ),
    "senator": (
        '"The numbers do not add up," Senator Tom Becker told reporters on Monday.\n\n'
        'Becker added that the committee would "look closely at every line" of the budget.'
    ),
    "farmer": (
        "According to the report, the river rose four feet overnight. \u201cI have never seen "
        "anything like it,\u201d said Jane Okafor, a farmer who has lived near the river for 40 "
        "years. She said her family lost most of the harvest."
    ),
    "noquotes": (
        "The council meets every second Thursday. The agenda is published a week in advance."
    ),
    "curly": (
        "\u201cThis is a test of curly quotes \U0001f389 and nothing more,\u201d "
        "said Ana M\u00fcller."
    ),
}

TOO_LONG = Settings().max_text_chars + 1


def corpus_lines() -> list[str]:
    """The CLI corpus: good articles (one without an id) mixed with every kind of bad line."""
    good = {doc_id: json.dumps({"id": doc_id, "text": text}) for doc_id, text in TEXTS.items()}
    return [
        good["seed"],  # 1
        good["mayor"],  # 2
        json.dumps({"text": TEXTS["senator"], "section": "politics"}),  # 3: no id -> "line-3"
        "",  # 4: blank, skipped silently
        '{"id": "broken", "text": "unterminated',  # 5: invalid JSON
        json.dumps({"id": "notext", "body": "x"}),  # 6: missing text
        json.dumps({"id": "wrongtype", "text": 42}),  # 7: text not a string
        json.dumps({"id": "toolong", "text": "a" * TOO_LONG}),  # 8: over max_text_chars
        good["farmer"],  # 9
        json.dumps({"id": "empty", "text": "   "}),  # 10: whitespace only
        "[1, 2]",  # 11: not an object
        good["noquotes"],  # 12
        json.dumps({"id": "curly", "text": TEXTS["curly"]}, ensure_ascii=False),  # 13: raw UTF-8
    ]


EXPECTED_IDS = ["seed", "mayor", "line-3", "farmer", "noquotes", "curly"]
EXPECTED_ERROR_LINES = {5: None, 6: "notext", 7: "wrongtype", 8: "toolong", 10: "empty", 11: None}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary_count(stderr: str, label: str) -> int:
    match = re.search(rf"(\d+) {label}", stderr)
    assert match, f"no '{label}' count in: {stderr!r}"
    return int(match.group(1))
