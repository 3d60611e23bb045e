"""The report of `quotes bench`: an aligned text report and BENCHMARKS.md."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.tools.tables import markdown_table, render_table


def throughput_rows(t: dict[str, Any]) -> list[list[object]]:
    rows: list[list[object]] = []
    for name in ("base", "full"):
        r = t[name]
        rows.append(
            [
                name,
                r["median_s"],
                r["articles_per_s"],
                r["words_per_s"],
                r["load_s"],
                r["peak_rss_mb"],
            ]
        )
    return rows


THROUGHPUT_HEADER = ["pipeline", "median s", "articles/s", "words/s", "load s", "peak RSS MB"]
COMPONENT_HEADER = ["component", "ms / seed article", "share of base pipeline"]
HTTP_HEADER = [
    "workers",
    "in flight",
    "requests",
    "errors",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "cold start s",
    "peak RSS MB",
]


def component_rows(t: dict[str, Any]) -> list[list[object]]:
    seed = t["seed_components"]
    rows: list[list[object]] = [["base pipeline (all)", seed["base_pipeline_ms"], 1.0]]
    rows += [[name, ms, seed["share_of_base"][name]] for name, ms in seed["ours_ms"].items()]
    return rows


def http_rows(http: Sequence[dict[str, Any]]) -> list[list[object]]:
    return [
        [
            h["workers"],
            load["concurrency"],
            load["requests"],
            load["errors"],
            load["rps"],
            load["p50_ms"],
            load["p95_ms"],
            load["p99_ms"],
            h["cold_start_s"],
            h["peak_rss_mb"],
        ]
        for h in http
        for load in h["loads"]
    ]


ARCHIVE_HEADER = ("path", "articles", "articles/s", "first result s", "wall s")


def archive_rows(rows: Sequence[dict[str, Any]]) -> list[list[object]]:
    return [
        [r["path"], r["articles"], r["articles_per_s"], r["first_result_s"], r["wall_s"]]
        for r in rows
    ]


SCALING_HEADER = [
    "text",
    "chars",
    "tokens",
    "quotes",
    "seconds",
    "ms / 1k chars",
    "peak RSS MB",
    "growth MB",
]


def scaling_rows(scaling: dict[str, Any]) -> list[list[object]]:
    return [
        [
            kind["kind"],
            row["chars"],
            row["tokens"],
            row["quotes"],
            row["seconds"],
            round(1000 * row["seconds"] / (row["chars"] / 1000), 1),
            row["peak_rss_mb"],
            round(row["peak_rss_mb"] - row["rss_before_mb"], 1),
        ]
        for kind in scaling["kinds"]
        for row in kind["rows"]
    ]


def scaling_lines(scaling: dict[str, Any]) -> list[str]:
    lines = []
    for s in scaling["summary"]:
        longest = f"{s['longest_chars']:,}"
        ratio = (
            f"{s['ratio_to_15k']}x its first 15,000 (10x would be proportional)"
            if s["ratio_to_15k"] is not None
            else "(no 15,000-character run)"
        )
        lines.append(
            f"{s['kind']}: {longest} characters take {ratio}; time per character "
            f"{s['per_char_ratio']}x that at 10,000: {s['verdict']}; memory "
            f"+{s['memory_growth_mb']} MB at {longest}"
        )
    return lines


MIXED_HEADER = [
    "requests",
    "sent",
    "statuses",
    "200/s",
    "p50 ms (200)",
    "p95 ms (200)",
    "p99 ms (200)",
    "max s (all)",
]


def mixed_rows(mixed: dict[str, Any]) -> list[list[object]]:
    rows: list[list[object]] = []
    for name in ("ordinary", "heavy"):
        c = mixed[name]
        statuses = " ".join(f"{status}:{n}" for status, n in c["statuses"].items())
        rows.append(
            [
                name,
                c["requests"],
                statuses,
                c["ok_per_s"],
                c["ok_p50_ms"],
                c["ok_p95_ms"],
                c["ok_p99_ms"],
                round(c["max_ms"] / 1000, 2),
            ]
        )
    return rows


def mixed_lines(mixed: dict[str, Any]) -> list[str]:
    rss = mixed["rss_mb"]
    after = mixed.get("after_long_article") or {}
    answers = " ".join(f"{status}/{seconds:g}s" for status, seconds in mixed["heavy"]["answers"])
    lines = [
        f"{mixed['concurrency']} ordinary clients (the ~600-word article) and "
        f"{mixed['heavy_concurrency']} heavy ones (150,000 characters of emoji-rich quotes, then "
        f"of short lines, in turn) for {mixed['seconds']:g} s",
        f"heavy answers (status/seconds, in order): {answers or 'none'}",
        f"server memory (VmRSS of the process tree): start {rss['start']} MB, peak {rss['peak']} "
        f"MB, after the load {rss['after']} MB",
    ]
    if after:
        lines.append(
            f"then one 170,000-character prose article: {after['status']} in "
            f"{after['seconds']} s, memory after it {after['rss_after_mb']} MB"
        )
    checks = mixed.get("checks", {})
    if checks:
        lines.append(
            "targets: " + "; ".join(f"{k}: {'yes' if ok else 'NO'}" for k, ok in checks.items())
        )
    return lines


def summary_lines(t: dict[str, Any]) -> list[str]:
    return [
        f"corpus: {t['articles']} articles, {t['words']} words "
        f"({t['corpus_passes']} pass(es) over the files); "
        f"median of {t['runs']} runs on one CPU",
        f"overhead ratio base/full: {t['overhead_ratio']:.3f} (target >= 0.90); "
        f"through the service path: {t['service_ratio']:.3f}",
        *_ratio_spread(t),
    ]


def _ratio_spread(t: dict[str, Any]) -> list[str]:
    """The CPU-time ratio and the paired per-round ratios (reports written before they were
    measured have neither)."""
    if "cpu_overhead_ratio" not in t:
        return []
    paired = sorted(t["paired_ratios"])
    lines = [
        f"from CPU time: {t['cpu_overhead_ratio']:.3f}; paired passes (base/full of each "
        f"interleaved pass): median {paired[len(paired) // 2]:.3f}, "
        f"range {paired[0]:.3f}-{paired[-1]:.3f}"
    ]
    if "in_pass_ratio" in t:
        lines.append(
            f"within each full pass (its CPU time less our components' share of it): "
            f"{t['in_pass_ratio']:.3f}"
        )
    return lines


def format_report(report: dict[str, Any]) -> str:
    t = report["throughput"]
    parts = [*summary_lines(t), "", render_table(THROUGHPUT_HEADER, throughput_rows(t)), ""]
    parts += ["seed article, each component alone (target for quote_finder < 5% of base):"]
    parts += [render_table(COMPONENT_HEADER, component_rows(t))]
    if report.get("http"):
        parts += ["", f"HTTP: POST /v1/attributions, {report['http_article_words']}-word article"]
        parts += [render_table(HTTP_HEADER, http_rows(report["http"]))]
    if report.get("archive"):
        parts += ["", f"archive: quotes attribute over {report['archive_corpus']}"]
        parts += [render_table(ARCHIVE_HEADER, archive_rows(report["archive"]))]
    if report.get("scaling"):
        parts += ["", "scaling (service path, one CPU):", *scaling_lines(report["scaling"])]
        parts += [render_table(SCALING_HEADER, scaling_rows(report["scaling"]))]
    if report.get("mixed"):
        parts += ["", "mixed load (quotes serve, 1 worker, default settings):"]
        parts += [*mixed_lines(report["mixed"])]
        parts += [render_table(MIXED_HEADER, mixed_rows(report["mixed"]))]
    return "\n".join(parts)


def format_markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    t = report["throughput"]
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `{report['command']}` on {report['date']}. Regenerate with the same "
        "command; figures from a shared machine vary by a few percent between runs.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; Python {m['python']}, "
        f"spaCy {m['spacy']}, model `{report['model']}`.",
        "",
        "## Throughput (one CPU)",
        "",
        *(f"- {line}" for line in summary_lines(t)),
        "",
        markdown_table(THROUGHPUT_HEADER, throughput_rows(t)),
        "",
        "## Components on the seed article",
        "",
        markdown_table(COMPONENT_HEADER, component_rows(t)),
    ]
    if report.get("http"):
        lines += [
            "",
            "## HTTP",
            "",
            f"`POST /v1/attributions` with a {report['http_article_words']}-word article, "
            "from a separate load-generator process (`python -m app.tools.loadgen`), bounded to "
            f"{report['http_seconds']} s and {report['max_requests']} requests per level.",
            "",
            markdown_table(HTTP_HEADER, http_rows(report["http"])),
        ]
    if report.get("archive"):
        lines += [
            "",
            "## Archives (`quotes attribute`)",
            "",
            f"The same corpus ({report['archive_corpus']}) through each archive path, each run "
            "in a fresh process; articles/s counts from the first article read (pipeline "
            "loading excluded, Ray actor start-up included); wall s is the whole command.",
            "",
            markdown_table(ARCHIVE_HEADER, archive_rows(report["archive"])),
        ]
    if report.get("scaling"):
        sc = report["scaling"]
        lines += [
            "",
            "## Scaling with the article",
            "",
            "One article at a time through the service path (`attribute_requests`: texts over "
            "5,000 tokens are parsed in pieces of 1,000), in a child process per kind of text "
            f"pinned to one CPU; seconds are the median of {sc['runs']} run(s); peak RSS is the "
            "process's VmHWM during the run (reset before it), growth is that peak over the "
            "resident memory before the run. Prose is the seed article repeated; the other two "
            "are the hostile shapes of issue 17.",
            "",
            *(f"- {line}" for line in scaling_lines(sc)),
            "",
            markdown_table(SCALING_HEADER, scaling_rows(sc)),
        ]
    if report.get("mixed"):
        lines += [
            "",
            "## Mixed load: heavy and ordinary articles at once",
            "",
            "`quotes serve` with one worker and default settings; the load from a separate "
            "process (`python -m app.tools.bench.mixed_load`).",
            "",
            *(f"- {line}" for line in mixed_lines(report["mixed"])),
            "",
            markdown_table(MIXED_HEADER, mixed_rows(report["mixed"])),
        ]
    lines += ["", METHOD_MD]
    return "\n".join(lines) + "\n"


METHOD_MD = """## Method

- Throughput: `spacy.load(model)` (base) and `build_pipeline` (full) each run in a child process
  pinned to one CPU with `OMP/OPENBLAS/MKL/BLIS_NUM_THREADS=1`, `nlp.pipe(batch_size=16)` over
  the corpus after a warm-up; median of the runs. `overhead ratio` = base time / full time;
  the service path adds the Doc -> response conversion (`attribute_requests`). Each pass is
  timed in slices of 16 texts, the three taking turns on every slice (base, full, service, then
  service, full, base, ...), so that a machine whose speed drifts (a shared VM's CPU time for one
  identical pass varies by tens of percent) weighs on all three alike: their slices of one pass
  run seconds apart, not a whole pass apart. Each pass also records its process's CPU time: the
  ratio from CPU time leaves out what other processes on the machine took; the paired ratios are
  base/full of each pass's two interleaved timings, whose spread shows the machine's noise; the
  ratio within each full pass is its CPU time less the CPU time of our components in it, over
  its CPU time (median over the passes): the machine's drift between passes cannot reach it.
- Components: the tokenizer and each pipe timed alone on copies of the seed article's doc
  (median of 20 calls); shares are relative to the whole base pipeline.
- HTTP: `quotes serve --workers N` on 127.0.0.1; cold start = until `/readyz` answers and every
  worker has logged its start-up; load at one request in flight per worker (and more when
  asked); peak RSS = VmHWM summed over the server's processes. Each worker listens on its own
  socket, the kernel spreads connections over them, and a worker with at least 2 more requests
  in flight than another asks its client to reconnect (`app/serving.py`).
- Scaling: `python -m app.tools.bench.scaling --child KIND` per kind of text
  (`app/tools/bench/hostile.py`), one CPU, the first N characters of one long text per size.
- Mixed load: heavy clients post 150,000-character hostile articles while ordinary clients post
  the ~600-word article, closed loops for the stated seconds; memory is VmRSS summed over the
  server's process tree, sampled every 0.2 s; "after" is 2 s after the last answer.
- Evaluation figures come from `quotes evaluate GOLD.jsonl --baseline textacy`; see the
  definitions in `app/tools/evaluation/scoring.py`.
"""
