"""`quotes bench`: throughput of the base model vs our full pipeline, and HTTP latency.

- Throughput: the base English pipeline alone (`spacy.load`) and our full pipeline
  (`build_pipeline`) each run in a child process pinned to one CPU with BLAS/OpenMP threads set
  to 1, over the same corpus, `--runs` times after a warm-up; each pass is timed in slices of
  16 texts on which the pipelines take turns (a drifting machine weighs on both alike); the
  median pass is reported.
  `overhead ratio` = base time / full time (1.0 = our components cost nothing).
- Components: every pipe of the full pipeline timed alone on the seed article (on copies of the
  doc as the previous pipes left it), as a share of the base pipeline's time.
- HTTP: `quotes serve` on 127.0.0.1 (a free port) with 1 then 2 workers; cold start = seconds
  until /readyz answers and every worker has started; then `python -m app.tools.loadgen` (a separate
  process) posts a ~600-word article with one request in flight per worker (and optionally more),
  bounded by `--http-seconds` and `--max-requests`. Peak RSS is VmHWM summed over the server's
  processes. The server is stopped at the end (SIGTERM, then SIGKILL after a grace period).

Modules: `corpus` (texts to time), `machine` (the machine and one-core runs), `throughput` (the
timed child processes), `http_load` (the server under load), `archive` (`quotes attribute`'s
paths), `report` (text and Markdown). `python -m app.tools.bench.throughput --child base|full ...`
is the throughput child; not for direct use.
"""

from __future__ import annotations

import sys


def progress(message: str) -> None:
    """A progress line on stderr (stdout holds the report)."""
    print(f"bench: {message}", file=sys.stderr, flush=True)
