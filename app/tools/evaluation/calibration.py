"""How well confidence means probability: expected calibration error, reliability bins and
accuracy by confidence band, and the reliability diagram (`quotes evaluate --plot`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Equal-width bins of the reliability diagram and the ECE.
ECE_BINS = 10
# Bands a newsroom may act on: review everything below 0.5, spot-check 0.5-0.8, trust above.
BANDS: tuple[tuple[float, float], ...] = (
    (0.0, 0.5),
    (0.5, 0.7),
    (0.7, 0.85),
    (0.85, 0.95),
    (0.95, 1.0),
)


def _bin_rows(
    pairs: Sequence[tuple[float, bool]], edges: Sequence[tuple[float, float]]
) -> list[dict[str, Any]]:
    rows = []
    for k, (lo, hi) in enumerate(edges):
        last = k == len(edges) - 1
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (last and c == hi)]
        n = len(inside)
        rows.append(
            {
                "low": lo,
                "high": hi,
                "count": n,
                "accuracy": sum(ok for _, ok in inside) / n if n else None,
                "mean_confidence": sum(c for c, _ in inside) / n if n else None,
            }
        )
    return rows


def reliability(pairs: Sequence[tuple[float, bool]], bins: int = ECE_BINS) -> dict[str, Any]:
    """ECE = sum over equal-width bins of (bin share) x |accuracy - mean confidence|; None
    without any confidence to judge."""
    edges = [(k / bins, (k + 1) / bins) for k in range(bins)]
    rows = _bin_rows(pairs, edges)
    total = len(pairs)
    ece = (
        sum(
            r["count"] / total * abs(r["accuracy"] - r["mean_confidence"])
            for r in rows
            if r["count"]
        )
        if total
        else None  # no attributed quotes: undefined, shown as "-" (not a perfect 0.000)
    )
    return {"ece": ece, "count": total, "bins": rows, "bands": _bin_rows(pairs, BANDS)}


def plot_reliability(systems: dict[str, dict[str, Any]], path: Path) -> None:
    """A reliability diagram (accuracy per confidence bin against the diagonal) as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(5.5, 5.5), dpi=120)
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1, label="perfect")
    for name, calib in systems.items():
        bins = [b for b in calib["bins"] if b["count"]]
        axes.plot(
            [b["mean_confidence"] for b in bins],
            [b["accuracy"] for b in bins],
            marker="o",
            label=f"{name} (ECE {_ece_text(calib['ece'])}, n={calib['count']})",
        )
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_xlabel("confidence")
    axes.set_ylabel("share of speakers right")
    axes.set_title("Reliability of the attribution confidence")
    axes.legend(loc="upper left", fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def _ece_text(ece: float | None) -> str:
    return "-" if ece is None else f"{ece:.3f}"
