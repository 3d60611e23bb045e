"""Throughput of the base pipeline and of ours, each timed in a child process on one CPU.

`python -m app.tools.bench.throughput --child base|full --texts FILE` is a child: it loads one
pipeline, warms it up and times a pass over the texts each time the parent asks; the parent
interleaves the two children's passes.
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
# `nlp.pipe`'s batch size in a timed pass.
BATCH_SIZE = 16
# Texts per slice of a pass, the unit the pipelines take turns on: one batch, so slicing a pass
# leaves its batches as they were.
SLICE_TEXTS = BATCH_SIZE


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


class TimedPipe:
    """One of our components in the full pipeline, its CPU time added up on every call: their
    share of a pass is measured inside that pass, so the machine's drift between passes
    cancels out of it."""

    def __init__(self, proc: Any) -> None:
        self.proc = proc
        self.cpu_s = 0.0

    def __call__(self, doc: Any) -> Any:
        started = time.process_time()
        try:
            return self.proc(doc)
        finally:
            self.cpu_s += time.process_time() - started

    def __getattr__(self, name: str) -> Any:
        if name == "pipe":  # spaCy would call the component's own `pipe`, untimed
            raise AttributeError(name)
        return getattr(self.proc, name)


def time_our_components(nlp: Any, names: Sequence[str]) -> list[TimedPipe]:
    """Wrap the pipes named `names` in `TimedPipe`s (in place) and return the wrappers."""
    timed = [TimedPipe(proc) for name, proc in nlp._components if name in names]
    wrapped = iter(timed)
    nlp._components = [
        (name, next(wrapped) if name in names else proc) for name, proc in nlp._components
    ]
    return timed


def child_main(argv: Sequence[str]) -> int:
    """Serve one pipeline's timed passes to the parent, one per line it reads on stdin.

    Prints `{"ready": ...}` once loaded and warmed up; then `run [LO HI]` -> one timed
    `nlp.pipe` pass over the corpus (or its texts LO to HI), `service [LO HI]` -> the same
    through the service's `attribute_requests` (each
    answered `{"run_s": ..., "cpu_s": ..., "ours_cpu_s": ...}`: wall and this process's CPU
    seconds, and the CPU seconds of our components within them), `finish` ->
    the component timings and the peak RSS as one JSON object, and exit."""
    parser = argparse.ArgumentParser(prog=f"python -m {CHILD_MODULE}")
    # "service": our pipeline too, in a process of its own that only answers `service`
    parser.add_argument("--child", choices=["base", "full", "service"], required=True)
    parser.add_argument("--texts", type=Path, required=True, help="JSON list of texts")
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
    ours = spacy.util.load_config(settings.pipeline_config).get("components", {})
    timed = time_our_components(nlp, list(ours)) if args.child != "base" else []
    for _ in nlp.pipe(texts[:2]):
        pass  # warm-up
    _say({"ready": True, "load_s": round(load_s, 3)})
    for line in sys.stdin:
        command, *bounds = line.split() or ["finish"]  # (an empty line ends, as "finish")
        lo, hi = (int(bounds[0]), int(bounds[1])) if len(bounds) == 2 else (0, len(texts))
        for pipe in timed:
            pipe.cpu_s = 0.0
        started, cpu_started = time.perf_counter(), time.process_time()
        if command == "run":
            for _ in nlp.pipe(texts[lo:hi], batch_size=BATCH_SIZE):
                pass
        elif command == "service":
            requests = (AttributionRequest(text=t) for t in texts[lo:hi])
            for _ in attribute_requests(nlp, requests):
                pass
        else:
            break  # "finish" (or the parent went away)
        _say(
            {
                "run_s": round(time.perf_counter() - started, 4),
                "cpu_s": round(time.process_time() - cpu_started, 4),
                "ours_cpu_s": round(sum(pipe.cpu_s for pipe in timed), 4),
            }
        )
    _say(
        {
            "pipeline": args.child,
            "cpu": cpu,
            "components": list(nlp.pipe_names),
            "load_s": round(load_s, 3),
            "component_ms": time_components(nlp, texts[0], args.component_repeats),
            "peak_rss_mb": peak_rss_mb([os.getpid()]),
        }
    )
    return 0


def _say(message: dict[str, Any]) -> None:
    print(json.dumps(message), flush=True)


class Child:
    """One pipeline in its own process, pinned to one CPU, answering the parent's commands."""

    def __init__(self, kind: str, texts_file: Path) -> None:
        command = [sys.executable, "-m", CHILD_MODULE, "--child", kind, "--texts", str(texts_file)]
        self.kind = kind
        self.process = subprocess.Popen(
            command,
            env=single_core_env(),
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def ask(self, command: str | None) -> dict[str, Any]:
        """Send `command` (None: only read) and return the child's next JSON line."""
        assert self.process.stdin is not None and self.process.stdout is not None
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            stderr = self.process.stderr.read() if self.process.stderr else ""
            raise RuntimeError(f"{self.kind} throughput child failed:\n{stderr[-2000:]}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def slices(n_texts: int, size: int) -> list[tuple[int, int]]:
    """The corpus cut into runs of `size` texts (the last one shorter): the unit of interleaving."""
    return [(lo, min(lo + size, n_texts)) for lo in range(0, n_texts, size)]


def measure_pipelines(
    texts_file: Path, runs: int, slice_size: int = SLICE_TEXTS
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Time the base pipeline, ours, and ours through the service's conversion. Each pass over
    the corpus is timed slice by slice, the three taking turns on every slice (base, full,
    service, then service, full, base on the next one): a machine whose speed drifts, as a shared
    VM's does by tens of percent within a minute, weighs on the three alike, since their slices
    of one pass run seconds apart rather than a whole pass apart. Each runs in a process of its
    own: the service path's allocations, run in the process of the plain `nlp.pipe` passes, left
    its heap so that those passes page-faulted twice as often as the base process's (+2 s of
    system time per dev pass, measured), which charged the allocator's churn to our components."""
    n_texts = len(json.loads(texts_file.read_text(encoding="utf-8")))
    children = {kind: Child(kind, texts_file) for kind in ("base", "full", "service")}
    try:
        for child in children.values():
            child.ask(None)  # loaded and warmed up
        # (child, command): the base pipeline, ours, ours with the service's conversion
        steps = [("base", "run"), ("full", "run"), ("service", "service")]
        passes: dict[tuple[str, str], list[float]] = {step: [] for step in steps}
        cpu_passes: dict[tuple[str, str], list[float]] = {step: [] for step in steps}
        ours_passes: list[float] = []
        turn = 0
        for k in range(runs):
            progress(f"throughput: pass {k + 1} of {runs} of each pipeline, slice by slice")
            wall = dict.fromkeys(steps, 0.0)
            cpu = dict.fromkeys(steps, 0.0)
            ours = 0.0
            for lo, hi in slices(n_texts, slice_size):
                for kind, command in steps if turn % 2 == 0 else steps[::-1]:
                    answer = children[kind].ask(f"{command} {lo} {hi}")
                    wall[kind, command] += answer["run_s"]
                    cpu[kind, command] += answer["cpu_s"]
                    if (kind, command) == ("full", "run"):
                        ours += answer["ours_cpu_s"]
                turn += 1
            for step in steps:
                passes[step].append(round(wall[step], 4))
                cpu_passes[step].append(round(cpu[step], 4))
            ours_passes.append(round(ours, 4))
        results = {}
        for kind in ("base", "full"):
            result = children[kind].ask("finish")
            result["pid"] = children[kind].process.pid
            result["runs_s"] = passes[kind, "run"]
            result["median_s"] = round(median_run(passes[kind, "run"]), 4)
            result["cpu_runs_s"] = cpu_passes[kind, "run"]
            result["cpu_median_s"] = round(median_run(cpu_passes[kind, "run"]), 4)
            results[kind] = result
        results["full"]["ours_cpu_runs_s"] = ours_passes
        results["full"]["service_pid"] = children["service"].process.pid
        results["full"]["service_runs_s"] = passes["service", "service"]
        results["full"]["service_median_s"] = round(median_run(passes["service", "service"]), 4)
    finally:
        for child in children.values():
            child.close()
    return results["base"], results["full"]


def throughput_report(texts: Sequence[str], runs: int, min_words: int) -> dict[str, Any]:
    texts, passes = repeat_to(texts, min_words)
    words = word_count(texts)
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(list(texts)), encoding="utf-8")
        base, full = measure_pipelines(texts_file, runs)
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
        # the same ratio from each process's CPU time: what another process on the machine
        # takes from a pass (wall time the bench's process spent waiting) is left out
        "cpu_overhead_ratio": round(base["cpu_median_s"] / full["cpu_median_s"], 3),
        # the base model's share of each full pass (the pass less our components' CPU time in
        # it): the ratio measured within one pass, which the machine's drift cannot reach
        "in_pass_ratio": round(
            statistics.median(
                (cpu - ours) / cpu
                for cpu, ours in zip(full["cpu_runs_s"], full["ours_cpu_runs_s"], strict=True)
            ),
            3,
        ),
        # base/full of each pass (their slices interleaved): drift between passes cancels out
        "paired_ratios": [
            round(b / f, 3) for b, f in zip(base["runs_s"], full["runs_s"], strict=True)
        ],
        "seed_components": {
            "base_pipeline_ms": round(base_ms, 3),
            "ours_ms": ours,
            "share_of_base": {n: round(ms / base_ms, 4) for n, ms in ours.items()},
        },
    }


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
