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
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "sanctuary-cities.txt"
SINGLE_THREAD_ENV: dict[str, str] = {
    name: "1"
    for name in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "BLIS_NUM_THREADS",
        "NUMEXPR_NUM_THREADS",
        "VECLIB_MAXIMUM_THREADS",
    )
}
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
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
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
    import spacy

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": mem_gb,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
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

    from app.pipeline import build_pipeline
    from app.service import AttributionRequest, attribute_requests
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


def throughput_report(texts: Sequence[str], runs: int) -> dict[str, Any]:
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


@dataclass_free_marker := None  # noqa: B018  (placeholder removed below)
