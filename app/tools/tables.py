"""Aligned plain-text tables and Markdown tables for the tools' reports."""

from __future__ import annotations

from collections.abc import Sequence


def render_rows(
    header: Sequence[str], body: Sequence[Sequence[str]], *, numeric: bool = True
) -> str:
    """Aligned plain-text table; the first column left-aligned, the others right-aligned when
    `numeric`, else left-aligned too."""
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (
            cell.rjust(w) if numeric else cell.ljust(w)
            for cell, w in zip(row[1:], widths[1:], strict=True)
        )
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in body)])


def render_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Aligned plain-text table of any values (`fmt_cell`), first column left, the rest right."""
    return render_rows([str(c) for c in header], [[fmt_cell(c) for c in row] for row in rows])


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(fmt_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def fmt_cell(value: object) -> str:
    """A float with 3 decimals (1 from 10 up), None as '-', anything else as str()."""
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return "-" if value is None else str(value)
