"""`quotes bench`: throughput of the base model vs our full pipeline, and HTTP latency.

- Throughput: the base English pipeline alone (`spacy.load`) and our full pipeline
  (`build_pipeline`) each run in a child process pinned to one CPU with BLAS/OpenMP threads set
  to 1, over the same corpus, `--runs` times after a warm-up; the median run is reported.
  `overhead ratio` = base time / full time (1.0 = our components cost nothing).
- Components: every pipe of the full pipeline timed alone on the seed article (on copies of the
  doc as the previous pipes left it), as a share of the base pipeline's time.
- HTTP: `quotes serve` on 127.0.0.1 (a free port) with 1 then 2 workers; cold start = seconds
  until /readyz answers and every worker has started; then `python -m app.loadgen` (a separate
  process) posts a ~600-word article with one request in flight per worker (and optionally more),
  bounded by `--http-seconds` and `--max-requests`. Peak RSS is VmHWM summed over the server's
  processes. The server is stopped at the end (SIGTERM, then SIGKILL after a grace period).

`python -m app.bench --child base|full ...` is the throughput child; not for direct use.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "sanctuary-cities.txt"
# Thread-pool sizes of the numeric libraries under spaCy: one, so a run uses one core.
SINGLE_THREAD_ENV: dict[str, str] = dict.fromkeys(
    "OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS BLIS_NUM_THREADS NUMEXPR_NUM_THREADS "
    "VECLIB_MAXIMUM_THREADS".split(),
    "1",
)
HTTP_ARTICLE_WORDS = 600
READY_TIMEOUT_S = 180.0
STOP_GRACE_S = 15.0
STARTUP_LINE = "Application startup complete"


# --- pure helpers -----------------------------------------------------------------------------


def article_of_words(text: str, words: int = HTTP_ARTICLE_WORDS) -> str:
    """Whole paragraphs of `text`, repeated as needed, until about `words` words (never cut
    inside a paragraph, so every quote keeps both marks)."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        raise ValueError("the article has no text")
    chosen: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            n = len(paragraph.split())
            if count + n > words and chosen and count >= words * 0.9:
                return "\n\n".join(chosen)
            chosen.append(paragraph)
            count += n
            if count >= words:
                break
    return "\n\n".join(chosen)


def read_corpus(paths: Sequence[Path]) -> list[str]:
    """Texts of .txt files (whole file) and .jsonl files (the `text` of every line)."""
    texts: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def repeat_to(texts: Sequence[str], min_words: int) -> tuple[list[str], int]:
    """The corpus repeated whole until it has at least `min_words` words: (texts, passes), so a
    timed run of a small corpus is long enough to measure."""
    words = word_count(texts)
    if words == 0:
        raise ValueError("the corpus has no words")
    passes = max(1, -(-min_words // words))
    return list(texts) * passes, passes


def word_count(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def median_run(runs: Sequence[float]) -> float:
    if not runs:
        raise ValueError("no runs to summarize")
    return float(statistics.median(runs))


def throughput(texts_count: int, words: int, seconds: float) -> dict[str, float]:
    return {
        "articles_per_s": round(texts_count / seconds, 3) if seconds > 0 else 0.0,
        "words_per_s": round(words / seconds, 1) if seconds > 0 else 0.0,
    }


def render_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Aligned plain-text table, first column left, the rest right."""
    cells = [[str(c) for c in header], *[[_fmt(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_fmt(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return "-" if value is None else str(value)


# --- the machine ------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    from spacy import about

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": mem_gb,
        "python": platform.python_version(),
        "spacy": about.__version__,
        "platform": platform.platform(),
    }


# --- processes and memory ---------------------------------------------------------------------


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (from /proc/*/stat parent ids)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return sorted(found)


def peak_rss_mb(pids: Sequence[int]) -> float:
    """Sum of VmHWM (peak resident set) over `pids`, in MB."""
    return round(sum(_status_kb(pid, "VmHWM") for pid in pids) / 1024, 1)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def single_core_env() -> dict[str, str]:
    return {**os.environ, **SINGLE_THREAD_ENV}


# --- throughput (child process) ---------------------------------------------------------------


def _pin_to_one_cpu() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def time_components(nlp: Any, text: str, repeats: int) -> dict[str, float]:
    """Median milliseconds per call of the tokenizer and of every pipe, on `text`."""
    timings: dict[str, list[float]] = {"tokenizer": []}
    for _ in range(repeats):
        start = time.perf_counter()
        nlp.make_doc(text)
        timings["tokenizer"].append(time.perf_counter() - start)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        samples = timings.setdefault(name, [])
        for _ in range(repeats):
            fresh = doc.copy()
            start = time.perf_counter()
            proc(fresh)
            samples.append(time.perf_counter() - start)
        doc = proc(doc)
    return {name: round(1000 * statistics.median(s), 3) for name, s in timings.items()}


def child_main(argv: Sequence[str]) -> int:
    """Measure one pipeline: load, warm up, `runs` timed passes over the corpus; print JSON."""
    parser = argparse.ArgumentParser(prog="python -m app.bench --child")
    parser.add_argument("--child", choices=["base", "full"], required=True)
    parser.add_argument("--texts", type=Path, required=True, help="JSON list of texts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--component-repeats", type=int, default=20)
    args = parser.parse_args(argv)
    cpu = _pin_to_one_cpu()
    import spacy

    from app.api.schemas import AttributionRequest
    from app.pipeline import build_pipeline
    from app.service import attribute_requests
    from app.settings import Settings

    settings = Settings()
    texts: list[str] = json.loads(args.texts.read_text(encoding="utf-8"))
    started = time.perf_counter()
    if args.child == "base":
        nlp = spacy.load(settings.model_name)
    else:
        nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    load_s = time.perf_counter() - started
    for _ in nlp.pipe(texts[:2]):
        pass  # warm-up
    runs: list[float] = []
    for _ in range(args.runs):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        runs.append(time.perf_counter() - started)
    result: dict[str, Any] = {
        "pipeline": args.child,
        "cpu": cpu,
        "components": list(nlp.pipe_names),
        "load_s": round(load_s, 3),
        "runs_s": [round(r, 4) for r in runs],
        "median_s": round(median_run(runs), 4),
        "component_ms": time_components(nlp, texts[0], args.component_repeats),
    }
    if args.child == "full":
        service_runs: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            requests = (AttributionRequest(text=t) for t in texts)
            for _ in attribute_requests(nlp, requests):
                pass
            service_runs.append(time.perf_counter() - started)
        result["service_median_s"] = round(median_run(service_runs), 4)
    result["peak_rss_mb"] = peak_rss_mb([os.getpid()])
    print(json.dumps(result))
    return 0


def measure_pipeline(kind: str, texts_file: Path, runs: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "app.bench", "--child", kind, "--texts", str(texts_file)]
    command += ["--runs", str(runs)]
    _progress(f"throughput: {kind} pipeline, {runs} runs")
    done = subprocess.run(
        command, env=single_core_env(), cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} throughput child failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def throughput_report(texts: Sequence[str], runs: int, min_words: int) -> dict[str, Any]:
    texts, passes = repeat_to(texts, min_words)
    words = word_count(texts)
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(list(texts)), encoding="utf-8")
        base = measure_pipeline("base", texts_file, runs)
        full = measure_pipeline("full", texts_file, runs)
    for result in (base, full):
        result.update(throughput(len(texts), words, result["median_s"]))
    base_ms = sum(base["component_ms"].values())
    ours = {n: ms for n, ms in full["component_ms"].items() if n not in base["component_ms"]}
    return {
        "articles": len(texts),
        "words": words,
        "corpus_passes": passes,
        "runs": runs,
        "base": base,
        "full": full,
        "overhead_ratio": round(base["median_s"] / full["median_s"], 3),
        "service_ratio": round(base["median_s"] / full["service_median_s"], 3),
        "seed_components": {
            "base_pipeline_ms": round(base_ms, 3),
            "ours_ms": ours,
            "share_of_base": {n: round(ms / base_ms, 4) for n, ms in ours.items()},
        },
    }


# --- HTTP -------------------------------------------------------------------------------------


def _get_ready(port: int) -> bool:
    import httpx

    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def wait_ready(proc: subprocess.Popen[bytes], port: int, log: Path, workers: int) -> float:
    """Seconds from now until /readyz answers and `workers` workers logged their start-up."""
    started = time.perf_counter()
    while time.perf_counter() - started < READY_TIMEOUT_S:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{_tail(log)}")
        if _get_ready(port) and _tail(log, 100_000).count(STARTUP_LINE) >= workers:
            return time.perf_counter() - started
        time.sleep(0.2)
    raise RuntimeError(f"server not ready after {READY_TIMEOUT_S} s:\n{_tail(log)}")


def _tail(log: Path, chars: int = 2000) -> str:
    try:
        return log.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            for pid in reversed(descendants(proc.pid)):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            proc.wait(timeout=STOP_GRACE_S)


def run_loadgen(
    port: int, body_file: Path, concurrency: int, seconds: float, max_requests: int
) -> dict[str, Any]:
    command = [sys.executable, "-m", "app.loadgen", "--url"]
    command += [f"http://127.0.0.1:{port}/v1/attributions", "--body-file", str(body_file)]
    command += ["--concurrency", str(concurrency), "--seconds", str(seconds)]
    command += ["--max-requests", str(max_requests), "--warmup", str(2 * concurrency)]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=seconds * 3 + 120
    )
    if done.returncode != 0:
        raise RuntimeError(f"load generator failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def http_report(
    workers: int, body_file: Path, seconds: float, max_requests: int, factors: Sequence[int]
) -> dict[str, Any]:
    """Start `quotes serve --workers N`, measure cold start, load it, read its peak RSS, stop it."""
    port = free_port()
    env = {**single_core_env(), "QUOTES_LOG_LEVEL": "INFO"}
    command = [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    _progress(f"http: {workers} worker(s) on port {port}")
    with tempfile.TemporaryDirectory(prefix="quotes-serve-") as tmp:
        log = Path(tmp) / "server.log"
        with log.open("wb") as log_file:
            proc = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
            )
            try:
                cold_start = wait_ready(proc, port, log, workers)
                loads = [
                    run_loadgen(port, body_file, workers * f, seconds, max_requests)
                    for f in factors
                ]
                pids = descendants(proc.pid)
                rss = peak_rss_mb(pids)
            finally:
                stop_server(proc)
    return {
        "workers": workers,
        "cold_start_s": round(cold_start, 2),
        "processes": len(pids),
        "peak_rss_mb": rss,
        "loads": loads,
    }


# --- report -----------------------------------------------------------------------------------


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


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


# --- archive paths (quotes attribute) -----------------------------------------------------------

ARCHIVE_HEADER = ("path", "articles", "articles/s", "first result s", "wall s")
# (label, extra `quotes attribute` arguments) for each archive path measured.
ARCHIVE_PATHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CLI, 1 process", ("--processes", "1")),
    ("CLI, 2 processes", ("--processes", "2")),
    ("Ray Data, 2 actors", ("--engine", "ray", "--actors", "2")),
)
_SUMMARY = re.compile(r"(\d+) attributed.*?([\d.]+) s, ([\d.]+) articles/s")
_FIRST_RESULT = re.compile(r"first result after ([\d.]+) s")


def parse_archive_summary(stderr: str) -> dict[str, float]:
    """The figures of `quotes attribute`'s closing summary line (pipeline loading excluded)."""
    lines = [line for line in stderr.splitlines() if _SUMMARY.search(line)]
    if not lines:
        raise ValueError(f"no 'quotes attribute' summary in its output: {stderr[-500:]!r}")
    summary = _SUMMARY.search(lines[-1])
    assert summary is not None
    first = _FIRST_RESULT.search(lines[-1])
    return {
        "articles": int(summary.group(1)),
        "seconds": float(summary.group(2)),
        "articles_per_s": float(summary.group(3)),
        "first_result_s": float(first.group(1)) if first else float("nan"),
    }


def archive_report(corpus: Path, *, with_ray: bool) -> list[dict[str, Any]]:
    """Run `quotes attribute` over `corpus` once per archive path, each in a fresh process."""
    rows = []
    for label, extra in ARCHIVE_PATHS:
        if "ray" in extra and not with_ray:
            continue
        _progress(f"archive: {label}")
        with tempfile.TemporaryDirectory(prefix="quotes-bench-archive-") as tmp:
            command = [
                sys.executable,
                "-m",
                "app.cli",
                "attribute",
                str(corpus),
                "-o",
                str(Path(tmp) / "out.jsonl"),
                "-q",
                *extra,
            ]
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            wall = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{shlex.join(command)} failed: {done.stderr[-1000:]}")
        rows.append({"path": label, **parse_archive_summary(done.stderr), "wall_s": wall})
    return rows


def archive_rows(rows: Sequence[dict[str, Any]]) -> list[list[object]]:
    return [
        [r["path"], r["articles"], r["articles_per_s"], r["first_result_s"], r["wall_s"]]
        for r in rows
    ]


def summary_lines(t: dict[str, Any]) -> list[str]:
    return [
        f"corpus: {t['articles']} articles, {t['words']} words "
        f"({t['corpus_passes']} pass(es) over the files); "
        f"median of {t['runs']} runs on one CPU",
        f"overhead ratio base/full: {t['overhead_ratio']:.3f} (target >= 0.90); "
        f"through the service path: {t['service_ratio']:.3f}",
    ]


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
            "from a separate load-generator process (`python -m app.loadgen`), bounded to "
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
    lines += ["", METHOD_MD]
    return "\n".join(lines) + "\n"


METHOD_MD = """## Method

- Throughput: `spacy.load(model)` (base) and `build_pipeline` (full) each run in a child process
  pinned to one CPU with `OMP/OPENBLAS/MKL/BLIS_NUM_THREADS=1`, `nlp.pipe(batch_size=16)` over
  the corpus after a warm-up; median of the runs. `overhead ratio` = base time / full time;
  the service path adds the Doc -> response conversion (`attribute_requests`).
- Components: the tokenizer and each pipe timed alone on copies of the seed article's doc
  (median of 20 calls); shares are relative to the whole base pipeline.
- HTTP: `quotes serve --workers N` on 127.0.0.1; cold start = until `/readyz` answers and every
  worker has logged its start-up; load at one request in flight per worker (and more when
  asked); peak RSS = VmHWM summed over the server's processes.
- Evaluation figures come from `quotes evaluate GOLD.jsonl --baseline textacy`; see the
  definitions in `app/evaluation.py`.
"""


# --- command ----------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="extra .txt or .jsonl ({'text': ...} a line) files; the seed article always runs",
    )
    parser.add_argument("--runs", type=int, default=3, help="timed passes per pipeline (median)")
    parser.add_argument(
        "--min-words",
        type=int,
        default=20_000,
        help="repeat a small corpus up to this many words per timed run (default 20000)",
    )
    parser.add_argument("--http-seconds", type=float, default=10.0, help="time bound per load")
    parser.add_argument("--max-requests", type=int, default=5000, help="request bound per load")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP measurements")
    parser.add_argument(
        "--workers", default="1,2", help="comma-separated uvicorn worker counts (default 1,2)"
    )
    parser.add_argument(
        "--in-flight",
        default="1",
        help="comma-separated requests in flight per worker (default 1; e.g. 1,4)",
    )
    parser.add_argument(
        "--archive",
        type=Path,
        metavar="JSONL",
        help="also time `quotes attribute` on this corpus ({id, text} a line): 1 and 2 "
        "processes, and Ray Data with 2 actors",
    )
    parser.add_argument("--no-ray", action="store_true", help="with --archive: skip the Ray path")
    parser.add_argument("--write-md", type=Path, metavar="PATH", help="also write BENCHMARKS.md")


def _ints(value: str, flag: str) -> list[int]:
    try:
        numbers = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        numbers = []
    if not numbers or min(numbers) < 1:
        raise ValueError(f"{flag} takes positive integers separated by commas, got {value!r}")
    return numbers


def run(args: argparse.Namespace) -> int:
    try:
        workers = _ints(args.workers, "--workers")
        factors = _ints(args.in_flight, "--in-flight")
        texts = read_corpus([SEED_ARTICLE, *args.corpus])
    except (OSError, ValueError, KeyError) as exc:
        print(f"quotes bench: {exc}", file=sys.stderr)
        return 2
    from app.settings import Settings

    report: dict[str, Any] = {
        "command": "quotes bench " + shlex.join(sys.argv[2:] if len(sys.argv) > 2 else []),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(),
        "model": Settings().model_name,
        "throughput": throughput_report(texts, args.runs, args.min_words),
        "http": [],
    }
    if not args.no_http:
        article = article_of_words(SEED_ARTICLE.read_text(encoding="utf-8"))
        report.update(
            http_article_words=word_count([article]),
            http_seconds=args.http_seconds,
            max_requests=args.max_requests,
        )
        with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
            body_file = Path(tmp) / "body.json"
            body_file.write_text(json.dumps({"text": article, "id": "bench"}), encoding="utf-8")
            report["http"] = [
                http_report(w, body_file, args.http_seconds, args.max_requests, factors)
                for w in workers
            ]
    if args.archive is not None:
        report["archive_corpus"] = args.archive.name
        report["archive"] = archive_report(args.archive, with_ray=not args.no_ray)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    if args.write_md:
        args.write_md.write_text(format_markdown(report), encoding="utf-8")
        _progress(f"wrote {args.write_md}")
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
