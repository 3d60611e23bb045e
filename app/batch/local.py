"""The local engine of `quotes attribute`: stream a JSONL archive through the pipeline, resumably.

Each input line is a JSON object with an id and a text; each output line is the API's
`AttributionResponse` for it, in input order. The input is streamed (never read whole), bad lines
go to an errors file without stopping the run, and a rerun skips the ids already in OUT (a
truncated last line left by a crash is dropped and redone). `processes > 1` spreads batches over
worker processes (results still in input order). The Ray engine (`app.batch.ray`) is the other
one; the CLI (`app.cli.attribute`) chooses.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from app.batch.output import Summary, attribute_batch, done_ids
from app.batch.records import Article, ErrorLog, LineError, parse_line, read_lines
from app.pipeline.types import QuoteType
from app.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# The pipeline of this process: set before forking workers (they inherit it), or built by
# `_init_worker` in a spawned worker.
_NLP: Language | None = None


def _init_worker(settings: dict[str, Any]) -> None:
    global _NLP
    if _NLP is None:  # spawned, not forked: load our own copy
        from app.pipeline import build_pipeline

        loaded = Settings(**settings)
        _NLP = build_pipeline(loaded.model_name, loaded.pipeline_config)


def _work(batch: list[Article], batch_size: int) -> list[str | LineError]:
    assert _NLP is not None, "worker started without a pipeline"
    return attribute_batch(_NLP, batch, batch_size)


def _results(
    batches: Iterator[list[Article]],
    *,
    nlp: Language,
    settings: Settings,
    processes: int,
    batch_size: int,
) -> Iterator[list[str | LineError]]:
    """Each batch's lines in input order; with processes > 1 from a pool of worker processes.

    At most 2 batches per worker are in flight, so memory stays bounded however long the input.
    The workers return finished JSON lines, never Docs: our `Doc`/`Span` extension values are not
    msgpack-serialisable, which `nlp.pipe(n_process=N)` requires.
    """
    if processes == 1:
        for batch in batches:
            yield attribute_batch(nlp, batch, batch_size)
        return
    global _NLP
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _NLP = nlp if context.get_start_method() == "fork" else None
    try:
        with context.Pool(processes, _init_worker, (settings.model_dump(),)) as pool:
            pending: deque[AsyncResult[list[str | LineError]]] = deque()
            for batch in batches:
                pending.append(pool.apply_async(_work, (batch, batch_size)))
                if len(pending) >= 2 * processes:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
    finally:
        _NLP = None


def attribute_stream(
    stream: IO[bytes],
    out: IO[str],
    errors: ErrorLog,
    *,
    settings: Settings,
    skip: set[str],
    text_field: str = "text",
    id_field: str = "id",
    processes: int = 1,
    batch_size: int = 16,
    progress: bool = False,
    types: Sequence[QuoteType] | None = None,
) -> Summary:
    """Attribute every valid line of `stream` not in `skip`, appending responses to `out`."""
    from tqdm import tqdm

    from app.pipeline import build_pipeline

    summary = Summary(error_path=errors.path, engine=f"spacy, {processes} processes")
    nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    started = time.perf_counter()

    def articles() -> Iterator[Article]:
        for number, raw in read_lines(stream):
            summary.lines = number
            parsed = parse_line(
                number,
                raw,
                settings=settings,
                text_field=text_field,
                id_field=id_field,
                types=types,
            )
            if isinstance(parsed, LineError):
                errors.write(parsed)
            elif parsed is not None:
                if parsed.id in skip:
                    summary.skipped += 1
                else:
                    yield parsed

    bar = tqdm(unit="article", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    try:
        results = _results(
            batched(articles(), batch_size),
            nlp=nlp,
            settings=settings,
            processes=processes,
            batch_size=batch_size,
        )
        for lines in results:
            if summary.first_result_s is None:
                summary.first_result_s = time.perf_counter() - started
            for line in lines:
                if isinstance(line, LineError):
                    errors.write(line)
                else:
                    out.write(line + "\n")
                    summary.attributed += 1
            out.flush()
            bar.update(len(lines))
    finally:
        bar.close()
    summary.errors = errors.count
    summary.elapsed_s = time.perf_counter() - started
    return summary


def run_local(
    source: str,
    output: Path,
    error_path: Path,
    *,
    settings: Settings,
    processes: int = 1,
    batch_size: int = 16,
    text_field: str = "text",
    id_field: str = "id",
    progress: bool = False,
    types: Sequence[QuoteType] | None = None,
) -> Summary:
    """Attribute the JSONL file `source` (or stdin for `-`), appending results to `output`."""
    skip = done_ids(output)
    errors = ErrorLog(error_path)
    try:
        with output.open("a", encoding="utf-8") as out, _open_input(source) as stream:
            return attribute_stream(
                stream,
                out,
                errors,
                settings=settings,
                skip=skip,
                text_field=text_field,
                id_field=id_field,
                processes=processes,
                batch_size=batch_size,
                progress=progress,
                types=types,
            )
    finally:
        errors.close()


def _open_input(name: str) -> AbstractContextManager[IO[bytes]]:
    if name == "-":
        return nullcontext(sys.stdin.buffer)  # leave stdin open for the caller
    return Path(name).open("rb")
