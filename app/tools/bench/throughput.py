"""Throughput of the base pipeline and of ours, each timed in a child process on one CPU.

`python -m app.tools.bench.throughput --child base|full --texts FILE` is the child: it loads one
pipeline, warms it up, times `--runs` passes over the texts and prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.tools.bench import progress
from app.tools.bench.corpus import median_run, repeat_to, throughput, word_count
from app.tools.bench.machine import pin_to_one_cpu, single_core_env
from app.tools.server import ROOT, peak_rss_mb

CHILD_MODULE = "app.tools.bench.throughput"


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
    parser = argparse.ArgumentParser(prog=f"python -m {CHILD_MODULE}")
    parser.add_argument("--child", choices=["base", "full"], required=True)
    parser.add_argument("--texts", type=Path, required=True, help="JSON list of texts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--component-repeats", type=int, default=20)
    args = parser.parse_args(argv)
    cpu = pin_to_one_cpu()
    import spacy

    from app.pipeline import build_pipeline
    from app.schemas import AttributionRequest
    from app.service.runner import attribute_requests
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
    command = [sys.executable, "-m", CHILD_MODULE, "--child", kind, "--texts", str(texts_file)]
    command += ["--runs", str(runs)]
    progress(f"throughput: {kind} pipeline, {runs} runs")
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


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
