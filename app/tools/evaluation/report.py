"""The figures of `quotes evaluate` as an aligned table (one column per system) or a JSON report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.tools.evaluation.gold import GoldDoc
from app.tools.evaluation.scoring import ErrorCase, SystemResult, text_head, worst_errors
from app.tools.tables import render_rows


def metric_rows(m: dict[str, Any]) -> list[tuple[str, float | int | None]]:
    """Flatten one system's metrics into (label, value) rows, in display order."""
    rows: list[tuple[str, float | int | None]] = []
    for key, label in (
        ("quotes_exact", "quotes exact"),
        ("quotes_overlap", "quotes overlap"),
        ("pairs", "pairs (quote+speaker)"),
    ):
        block = m[key]
        rows += [
            (f"{label} P", block["precision"]),
            (f"{label} R", block["recall"]),
            (f"{label} F1", block["f1"]),
        ]
        if key == "quotes_overlap":
            att = m["attribution"]
            rows += [("attribution accuracy", att["accuracy"]), ("attributed (n)", att["total"])]
            pron = m["pronoun_speakers"]
            rows += [
                ("pronoun-speaker accuracy", pron["accuracy"]),
                ("pronoun speakers (n)", pron["total"]),
            ]
            calib = m["calibration"]
            rows.append(("confidence ECE", calib["ece"]))
            for band in calib["bands"]:
                label = f"acc at conf {band['low']:.2f}-{band['high']:.2f}"
                rows += [(f"{label} n", band["count"]), (label, band["accuracy"])]
    for kind, block in m["by_resolution"].items():
        rows += [
            (f"resolution {kind} n", block["count"]),
            (f"resolution {kind} acc", block["accuracy"]),
        ]
    for kind, block in m["recall_by_gold_type"].items():
        rows.append((f"recall {kind} quotes", block["recall"]))
    rows += [
        ("gold quotes", m["quotes_overlap"]["gold"]),
        ("predicted quotes", m["quotes_overlap"]["predicted"]),
    ]
    return rows


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _delta(a: float | int, b: float | int) -> str:
    if isinstance(a, int) and isinstance(b, int):
        return f"{a - b:+d}"
    return f"{a - b:+.3f}"


def format_table(systems: dict[str, dict[str, Any]]) -> str:
    """Aligned text table: one column per system, plus `delta` (first - second) for two."""
    names = list(systems)
    per_system = {name: dict(metric_rows(m)) for name, m in systems.items()}
    labels = [label for label, _ in metric_rows(systems[names[0]])]
    header = ["metric", *names] + (["delta"] if len(names) == 2 else [])
    body: list[list[str]] = []
    for label in labels:
        values = [per_system[name].get(label) for name in names]
        row = [label, *(_cell(v) for v in values)]
        if len(names) == 2:
            a, b = values
            row.append(_delta(a, b) if a is not None and b is not None else "-")
        body.append(row)
    return render_rows(header, body)


def format_errors(errors: Sequence[ErrorCase]) -> str:
    header = ["kind", "doc", "quote", "gold speaker", "predicted"]
    body = [
        [e.kind, text_head(e.doc_id, 40), e.quote, str(e.gold_speaker), str(e.pred_speaker)]
        for e in errors
    ]
    return render_rows(header, body, numeric=False) if body else "no errors"


def build_report(
    gold_path: Path, docs: Sequence[GoldDoc], results: dict[str, SystemResult], n_errors: int
) -> dict[str, Any]:
    return {
        "gold": str(gold_path),
        "documents": len(docs),
        "systems": {name: r.metrics for name, r in results.items()},
        "errors": {
            name: [asdict(e) for e in worst_errors(r.errors, n_errors)]
            for name, r in results.items()
        },
    }
