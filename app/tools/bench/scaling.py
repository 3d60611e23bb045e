"""How time and memory grow with the article: one child process per kind of text (prose, emoji-rich
quotes, short lines; `app.tools.bench.hostile`), pinned to one CPU, each size run through the
service path (`attribute_requests`, which parses long texts in pieces).

`python -m app.tools.bench.scaling --child KIND --sizes 1000,10000 --runs N` is the child: it
loads the pipeline, warms it up, and for every size (smallest first) runs the first `size`
characters of the kind's text `runs` times; its peak resident memory is reset before each run
(`/proc/self/clear_refs`), so each run's peak is its own. It prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.tools.bench import progress
from app.tools.bench.hostile import KINDS
from app.tools.bench.machine import pin_to_one_cpu, single_core_env
from app.tools.server import ROOT, status_kb

CHILD_MODULE = "app.tools.bench.scaling"
DEFAULT_SIZES = (1_000, 10_000, 15_000, 50_000, 150_000)
# The yardstick: the longest text against the text of this many characters it starts with.
RATIO_BASE_CHARS = 15_000
# Time per character at the longest size within this factor of the 10,000-character one: linear.
LINEAR_TOLERANCE = 1.25


def reset_peak_rss() -> bool:
    """Reset this process's VmHWM to its current RSS (Linux); False where that is not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def child_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {CHILD_MODULE}")
    parser.add_argument("--child", choices=sorted(KINDS), required=True)
    parser.add_argument("--sizes", required=True, help="comma-separated character counts")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    pin_to_one_cpu()
    from app.pipeline import build_pipeline
    from app.schemas import AttributionRequest
    from app.service.runner import attribute_requests
    from app.settings import Settings

    settings = Settings()
    nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    list(attribute_requests(nlp, [AttributionRequest(text='"Ready," she said.')]))
    sizes = sorted(int(s) for s in args.sizes.split(","))
    text = KINDS[args.child](max(sizes))
    rows: list[dict[str, Any]] = []
    for size in sizes:
        request = AttributionRequest(text=text[:size])
        seconds: list[float] = []
        peaks: list[float] = []
        for _ in range(args.runs):
            exact = reset_peak_rss()
            before = status_kb(os.getpid(), "VmRSS")
            started = time.perf_counter()
            (response,) = attribute_requests(nlp, [request])
            seconds.append(time.perf_counter() - started)
            peaks.append(status_kb(os.getpid(), "VmHWM") / 1024)
        rows.append(
            {
                "chars": size,
                "tokens": len(nlp.make_doc(request.text)),
                "quotes": len(response.quotes),
                "seconds": round(statistics.median(seconds), 3),
                "peak_rss_mb": round(max(peaks), 1),
                "rss_before_mb": round(before / 1024, 1),
                "peak_exact": exact,
            }
        )
    print(json.dumps({"kind": args.child, "runs": args.runs, "rows": rows}))
    return 0


def measure_kind(kind: str, sizes: Sequence[int], runs: int) -> dict[str, Any]:
    command = [sys.executable, "-m", CHILD_MODULE, "--child", kind]
    command += ["--sizes", ",".join(str(s) for s in sizes), "--runs", str(runs)]
    progress(f"scaling: {kind}, {len(sizes)} sizes up to {max(sizes)} characters, {runs} run(s)")
    done = subprocess.run(
        command, env=single_core_env(), cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"scaling child ({kind}) failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def summarize_kind(result: dict[str, Any]) -> dict[str, Any]:
    """Per-character time against the 10k row, the longest against its first 15k, a verdict."""
    rows = result["rows"]
    by_chars = {row["chars"]: row for row in rows}
    longest = max(rows, key=lambda row: row["chars"])
    summary: dict[str, Any] = {"kind": result["kind"], "longest_chars": longest["chars"]}
    reference = by_chars.get(10_000) or min(rows, key=lambda row: row["chars"])
    per_char = longest["seconds"] / longest["chars"]
    ref_per_char = reference["seconds"] / reference["chars"]
    summary["per_char_ratio"] = round(per_char / ref_per_char, 2) if ref_per_char else None
    base = by_chars.get(RATIO_BASE_CHARS)
    summary["ratio_to_15k"] = (
        round(longest["seconds"] / base["seconds"], 2) if base and base["seconds"] else None
    )
    summary["memory_growth_mb"] = round(longest["peak_rss_mb"] - longest["rss_before_mb"], 1)
    linear = summary["per_char_ratio"] is not None and summary["per_char_ratio"] <= (
        LINEAR_TOLERANCE
    )
    summary["verdict"] = "linear" if linear else "superlinear"
    return summary


def scaling_report(sizes: Sequence[int], runs: int) -> dict[str, Any]:
    results = [measure_kind(kind, sizes, runs) for kind in KINDS]
    return {
        "sizes": list(sizes),
        "runs": runs,
        "kinds": results,
        "summary": [summarize_kind(result) for result in results],
    }


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
