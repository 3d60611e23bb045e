"""Ray Data scale-out of `quotes attribute` (optional extra `[ray]`): `--engine ray`.

Ray Data reads the input (`read_json`: a JSONL file or a folder of JSONL shards), a fixed pool
of actors (`ActorPoolStrategy(size=N)`, each builds the pipeline once) attributes pyarrow batches
with the same `app.batch.output.attribute_batch` as the local engine (and so the same
`attribute_requests` as the API), and the driver streams the results, in input order
(`preserve_order`), into ONE JSONL file whose lines are byte-identical to the local engine's.
Ray's own writers (a folder of part files) are not used: one output file keeps the CLI's resume
rule (ids already in OUT are skipped) and lets the two engines be compared line by line; the
output is small next to the NLP work the actors do.

Read tasks reserve no CPU (`READ_TASK_CPUS`): with N CPUs and N one-CPU actors, any task that
needs a CPU after the actors start waits forever. (Parquet input was tried and dropped for that
reason: `read_parquet` starts helper tasks that hung the local 2-CPU run.)

Differences from the spaCy engine: every row needs an id (it is the join key; rows without one go
to the errors file), errors carry `"line": null` (Ray reads rows, not lines), and the input must be
readable by Ray's JSON reader (invalid JSON or a field with mixed types fails the read; validate
such files with the spaCy engine first).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from app.batch.output import Summary, UsageError, attribute_batch, done_ids
from app.batch.records import Article, ErrorLog, LineError, check_record
from app.pipeline.types import QuoteType
from app.settings import Settings

# Output columns of the actors: status (ok | error | skipped), id, payload (response JSON or error).
STATUS_OK = "ok"
STATUS_ERROR = "error"
STATUS_SKIPPED = "skipped"
# CPUs reserved per read task. Reading is light next to the NLP; with 0 the reads never wait for
# the CPUs the actors hold (with N CPUs and N actors a 1-CPU read task would wait forever).
READ_TASK_CPUS = 0.0
# CPUs reserved per actor: one spaCy pipeline keeps one core busy.
ACTOR_CPUS = 1.0


def import_ray() -> ModuleType:
    """Ray is optional: import it only for the ray engine, with an actionable message."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            "the ray engine needs Ray Data: pip install 'quote-attribution[ray]' "
            f"(import failed: {exc})"
        ) from exc
    return ray


class Attributor:
    """A Ray Data actor: loads the pipeline once, then attributes one pyarrow batch per call."""

    def __init__(
        self,
        *,
        settings: dict[str, Any],
        text_field: str,
        id_field: str,
        batch_size: int,
        skip: frozenset[str],
        types: Sequence[QuoteType] | None = None,
    ) -> None:
        from app.pipeline import build_pipeline

        self.settings = Settings(**settings)
        self.nlp = build_pipeline(self.settings.model_name, self.settings.pipeline_config)
        self.text_field = text_field
        self.id_field = id_field
        self.batch_size = batch_size
        self.skip = skip
        self.types = types

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa  # type: ignore[import-untyped]

        rows = batch.num_rows
        ids = self._column(batch, self.id_field, rows)
        texts = self._column(batch, self.text_field, rows)
        status: list[str] = []
        out_ids: list[str | None] = []
        payload: list[str] = []
        articles: list[tuple[int, Article]] = []
        for raw_id, raw_text in zip(ids, texts, strict=True):
            checked = check_record(
                raw_id,
                raw_text,
                line=None,
                default_id=None,
                settings=self.settings,
                text_field=self.text_field,
                types=self.types,
            )
            if isinstance(checked, LineError):
                status.append(STATUS_ERROR)
                out_ids.append(checked.id)
                payload.append(checked.error)
                continue
            out_ids.append(checked.id)
            if checked.id in self.skip:
                status.append(STATUS_SKIPPED)
                payload.append("")
            else:
                status.append(STATUS_OK)
                payload.append("")  # filled below, in the same order
                articles.append((len(payload) - 1, checked))
        lines = attribute_batch(self.nlp, [article for _, article in articles], self.batch_size)
        for (index, _), line in zip(articles, lines, strict=True):
            if isinstance(line, LineError):
                status[index] = STATUS_ERROR
                payload[index] = line.error
            else:
                payload[index] = line
        return pa.table(
            {
                "status": pa.array(status, pa.string()),
                "id": pa.array(out_ids, pa.string()),
                "payload": pa.array(payload, pa.string()),
            }
        )

    @staticmethod
    def _column(batch: Any, name: str, rows: int) -> list[Any]:
        if name not in batch.column_names:
            return [None] * rows
        values: list[Any] = batch.column(name).to_pylist()
        return values


def read_dataset(ray: ModuleType, source: str) -> Any:
    """A JSONL file or a folder of JSONL shards, with pyarrow's reader (strings stay strings)."""
    extensions = None if Path(source).is_file() else ["jsonl", "json"]
    return ray.data.read_json(source, file_extensions=extensions, num_cpus=READ_TASK_CPUS)


def run_ray(
    source: str,
    output: Path,
    error_path: Path,
    *,
    settings: Settings,
    address: str | None = None,
    actors: int = 2,
    batch_size: int = 16,
    text_field: str = "text",
    id_field: str = "id",
    progress: bool = False,
    types: Sequence[QuoteType] | None = None,
) -> Summary:
    """Attribute `source` on Ray (local, or the cluster at `address`); append results to OUT."""
    ray = import_ray()
    from tqdm import tqdm

    skip = frozenset(done_ids(output))
    started_ray = not ray.is_initialized()
    if started_ray:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(2, actors), include_dashboard=False, log_to_driver=False)
    errors = ErrorLog(error_path)
    summary = Summary(error_path=error_path, engine=f"ray, {actors} actors")
    started = time.perf_counter()
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        if not progress:
            logging.getLogger("ray.data").setLevel(logging.WARNING)
        dataset = read_dataset(ray, source).map_batches(
            Attributor,
            compute=ray.data.ActorPoolStrategy(size=actors),
            batch_size=batch_size,
            batch_format="pyarrow",
            num_cpus=ACTOR_CPUS,
            fn_constructor_kwargs={
                # only what differs from the defaults: a worker node resolves default paths
                # (models/pipeline.cfg) in its own install
                "settings": settings.model_dump(exclude_defaults=True),
                "text_field": text_field,
                "id_field": id_field,
                "batch_size": batch_size,
                "skip": skip,
                "types": list(types) if types else None,
            },
        )
        bar = tqdm(unit="article", file=sys.stderr, disable=not progress, dynamic_ncols=True)
        with output.open("a", encoding="utf-8") as out:
            for batch in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
                if summary.first_result_s is None:
                    summary.first_result_s = time.perf_counter() - started
                for status, doc_id, payload in zip(
                    batch.column("status").to_pylist(),
                    batch.column("id").to_pylist(),
                    batch.column("payload").to_pylist(),
                    strict=True,
                ):
                    summary.lines += 1
                    if status == STATUS_OK:
                        out.write(payload + "\n")
                        summary.attributed += 1
                        bar.update(1)
                    elif status == STATUS_SKIPPED:
                        summary.skipped += 1
                    else:
                        errors.write(LineError(None, doc_id, payload))
                out.flush()
        bar.close()
    finally:
        errors.close()
        if started_ray:
            ray.shutdown()
    summary.errors = errors.count
    summary.elapsed_s = time.perf_counter() - started
    return summary
