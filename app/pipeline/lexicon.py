"""The one reader of the word lists under `models/` (lexicons are data, not code).

A lexicon file holds one entry a line; `#` starts a comment; blank lines are skipped; entries are
lower-cased with inner whitespace collapsed; order is kept and duplicates dropped. A table (`.tsv`)
holds tab-separated columns. The readers are also registered with spaCy's config system, so
`models/pipeline.cfg` names a lexicon as `@misc = "quotes.lexicon.v1"` with its `path`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.util import registry

# What a component's initialize() accepts for a lexicon: a file, or the entries themselves.
LexiconSource = Path | str | Iterable[str]


def read_lexicon(path: Path | str) -> list[str]:
    """The entries of a lexicon file, in file order, lower-cased, without duplicates."""
    seen: dict[str, None] = {}
    for line in Path(path).read_text(encoding="utf8").splitlines():
        entry = " ".join(line.split("#", 1)[0].split()).lower()
        if entry:
            seen.setdefault(entry, None)
    return list(seen)


def read_table(path: Path | str) -> list[tuple[str, ...]]:
    """The rows of a tab-separated lexicon file, each cell stripped and lower-cased."""
    rows: list[tuple[str, ...]] = []
    for line in Path(path).read_text(encoding="utf8").splitlines():
        body = line.split("#", 1)[0]
        if body.strip():
            rows.append(tuple(" ".join(cell.split()).lower() for cell in body.split("\t")))
    return rows


def read_patterns(path: Path | str) -> list[dict[str, Any]]:
    """spaCy patterns kept as data: one JSON object a line (`{"label": ..., "pattern": [...]}`,
    as spaCy's span_ruler reads them); blank lines and `#` comment lines skipped."""
    patterns: list[dict[str, Any]] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern = json.loads(line)
        if not isinstance(pattern, dict) or "label" not in pattern or "pattern" not in pattern:
            raise ValueError(f"{path}:{number}: a pattern is an object with a label and a pattern")
        patterns.append(pattern)
    return patterns


def read_json(path: Path | str) -> dict[str, Any]:
    """Fitted parameters kept as data (`models/*.json`): one JSON object."""
    data = json.loads(Path(path).read_text(encoding="utf8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected one JSON object")
    return data


def entries(source: LexiconSource) -> list[str]:
    """A lexicon given as a path (read from disk) or as entries (normalised like a file's)."""
    if isinstance(source, str | Path):
        return read_lexicon(source)
    seen: dict[str, None] = {}
    for item in source:
        entry = " ".join(item.split()).lower()
        if entry:
            seen.setdefault(entry, None)
    return list(seen)


def read_lexicons(paths: Iterable[Path | str]) -> list[str]:
    """The union of several lexicon files, in order (`quotes.lexicons.v1`)."""
    seen: dict[str, None] = {}
    for path in paths:
        for entry in read_lexicon(path):
            seen.setdefault(entry, None)
    return list(seen)


# Config functions: `@misc = "quotes.lexicon.v1"` with `path = ${paths.models}/x.txt`.
registry.misc.register("quotes.lexicon.v1", func=read_lexicon)
registry.misc.register("quotes.lexicons.v1", func=read_lexicons)
registry.misc.register("quotes.table.v1", func=read_table)
registry.misc.register("quotes.patterns.v1", func=read_patterns)
registry.misc.register("quotes.json.v1", func=read_json)
