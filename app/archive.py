"""`quotes attribute IN.jsonl|- -o OUT.jsonl`: attribute an archive of articles, resumably.

Each input line is a JSON object with an id and a text; each output line is the API's
`AttributionResponse` for it, in input order. The input is streamed (never read whole), bad lines
go to an errors file without stopping the run, and a rerun skips the ids already in OUT (a
truncated last line left by a crash is dropped and redone). `--processes N` spreads batches over N
worker processes (results still in input order); `--engine ray` hands the work to `app.ray_runner`.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pydantic import ValidationError

from app.api.limits import check_document
from app.api.schemas import AttributionRequest
from app.errors import ServiceError
from app.settings import Settings, get_settings

if TYPE_CHECKING:
    from spacy.language import Language

# Longest accepted id, as in the API's AttributionRequest.
MAX_ID_CHARS = 256
EXIT_OK = 0
EXIT_USAGE = 2


@dataclass(frozen=True, slots=True)
class Article:
    """A valid input line, ready for the pipeline."""

    line: int | None  # None when the engine cannot know it (Ray reads rows, not lines)
    request: AttributionRequest

    @property
    def id(self) -> str:
        assert self.request.id is not None  # parse_record always sets one
        return self.request.id


@dataclass(frozen=True, slots=True)
class LineError:
    """A bad input line: written to the errors file, never stops the run."""

    line: int | None
    id: str | None
    error: str

    def to_json(self) -> str:
        return json.dumps(
            {"line": self.line, "id": self.id, "error": self.error}, ensure_ascii=False
        )


@dataclass
class Summary:
    """What a run did; printed to stderr at the end."""

    lines: int = 0
    attributed: int = 0
    skipped: int = 0  # ids already in OUT (resume)
    errors: int = 0
    elapsed_s: float = 0.0
    first_result_s: float | None = None  # worker/actor start-up shows here
    error_path: Path | None = None
    engine: str = "spacy"

    @property
    def rate(self) -> float:
        return self.attributed / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def format(self) -> str:
        text = (
            f"quotes attribute: {self.lines} lines, {self.attributed} attributed, "
            f"{self.skipped} skipped (already in output), {self.errors} errors; "
            f"{self.elapsed_s:.1f} s, {self.rate:.2f} articles/s"
        )
        if self.first_result_s is not None:
            text += f" (engine {self.engine}, first result after {self.first_result_s:.1f} s)"
        if self.errors and self.error_path is not None:
            text += f"; errors in {self.error_path}"
        return text


class UsageError(Exception):
    """A problem with the command line or the files it names (exit code 2)."""


# --- parsing and validation (shared with app.ray_runner) -------------------------------------


def check_record(
    raw_id: Any,
    raw_text: Any,
    *,
    line: int | None,
    default_id: str | None,
    settings: Settings,
    text_field: str = "text",
) -> Article | LineError:
    """Validate a record's id and text as the API does; a missing id becomes `default_id`."""
    doc_id: str | None
    if raw_id is None:
        doc_id = default_id
    elif isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        return LineError(line, None, f"id must be a string, got {type(raw_id).__name__}")
    else:
        doc_id = str(raw_id)
    if doc_id is None:
        return LineError(line, None, "missing id (required by this engine: it is the join key)")
    if len(doc_id) > MAX_ID_CHARS:
        return LineError(line, doc_id[:MAX_ID_CHARS], f"id longer than {MAX_ID_CHARS} characters")
    if raw_text is None:
        return LineError(line, doc_id, f"missing text field {text_field!r}")
    if not isinstance(raw_text, str):
        return LineError(line, doc_id, f"text must be a string, got {type(raw_text).__name__}")
    try:
        request = AttributionRequest(id=doc_id, text=raw_text)
        check_document(request, settings, field=text_field)
    except ServiceError as exc:
        return LineError(line, doc_id, exc.detail)
    except ValidationError as exc:  # pragma: no cover - the checks above mirror the schema
        return LineError(line, doc_id, str(exc.errors()[0]["msg"]))
    return Article(line, request)


def parse_line(
    line: int, raw: bytes, *, settings: Settings, text_field: str = "text", id_field: str = "id"
) -> Article | LineError | None:
    """One input line -> an article, an error, or None for a blank line (skipped silently)."""
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LineError(line, None, f"line is not UTF-8: {exc.reason} at byte {exc.start}")
    if not decoded.strip():
        return None
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return LineError(line, None, f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return LineError(line, None, f"line is not a JSON object but {type(record).__name__}")
    return check_record(
        record.get(id_field),
        record.get(text_field),
        line=line,
        default_id=f"line-{line}",
        settings=settings,
        text_field=text_field,
    )


def read_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, raw line) pairs, streamed; split on b"\\n" only (JSON Lines)."""
    yield from enumerate(stream, start=1)


# --- resume -----------------------------------------------------------------------------------


def done_ids(output: Path) -> set[str]:
    """Ids already in OUT. A broken last line (a crash mid-write) is cut off so it is redone."""
    ids: set[str] = set()
    if not output.exists():
        return ids
    good_end = 0
    with output.open("rb") as stream:
        for raw in stream:
            doc_id = _output_id(raw) if raw.endswith(b"\n") else None
            if doc_id is None:
                rest = stream.read()
                if rest.strip():
                    raise UsageError(
                        f"{output}: line {len(ids) + 1} is not an output record; "
                        "refusing to resume into a file that is not ours"
                    )
                break
            ids.add(doc_id)
            good_end += len(raw)
    if good_end != output.stat().st_size:
        with output.open("r+b") as stream:
            stream.truncate(good_end)
    return ids


def _output_id(raw: bytes) -> str | None:
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    doc_id = record.get("id") if isinstance(record, dict) else None
    return doc_id if isinstance(doc_id, str) else None


# --- the run ----------------------------------------------------------------------------------


class ErrorLog:
    """The errors file, created on the first bad line (and rewritten on every run)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._stream: IO[str] | None = None
        if path.exists():
            path.unlink()  # bad lines are found again on every run: the new file is complete

    def write(self, error: LineError) -> None:
        if self._stream is None:
            self._stream = self.path.open("w", encoding="utf-8")
        self._stream.write(error.to_json() + "\n")
        self._stream.flush()
        self.count += 1

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()


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


def attribute_batch(nlp: Language, batch: list[Article], batch_size: int) -> list[str | LineError]:
    """Response lines for `batch` in order; an article that breaks the pipeline becomes an error."""
    from app.service import attribute_requests

    try:
        return [
            r.model_dump_json()
            for r in attribute_requests(nlp, [a.request for a in batch], batch_size=batch_size)
        ]
    except Exception:
        if len(batch) == 1:
            article = batch[0]
            return [LineError(article.line, article.id, f"pipeline error: {_exception_text()}")]
    # retry one by one, so one bad article costs only its own line
    return [line for article in batch for line in attribute_batch(nlp, [article], batch_size)]


def _exception_text() -> str:
    kind, value, _ = sys.exc_info()
    return f"{kind.__name__ if kind else 'Exception'}: {value}"


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
                number, raw, settings=settings, text_field=text_field, id_field=id_field
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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help='JSONL of articles ({"id", "text"} a line), or - for stdin')
    parser.add_argument("-o", "--output", required=True, type=Path, help="JSONL file of responses")
    parser.add_argument("--text-field", default="text", help="text field (default: text)")
    parser.add_argument("--id-field", default="id", help="id field (default: id)")
    parser.add_argument(
        "--errors", type=Path, default=None, help="bad lines go here (default: OUTPUT.errors.jsonl)"
    )
    parser.add_argument(
        "--processes", type=int, default=1, help="worker processes, each a forked pipeline"
    )
    parser.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--engine", choices=("spacy", "ray"), default="spacy", help="spacy processes or Ray Data"
    )
    parser.add_argument("--ray-address", default=None, help="Ray cluster address (default: local)")
    parser.add_argument("--actors", type=int, default=2, help="Ray actors, each with one pipeline")


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    output: Path = args.output
    error_path: Path = args.errors or output.with_name(output.name + ".errors.jsonl")
    batch_size: int = args.batch_size or settings.batch_size
    try:
        _check_usage(args, batch_size)
        if args.engine == "ray":
            from app.ray_runner import run_ray

            summary = run_ray(
                args.input,
                output,
                error_path,
                settings=settings,
                address=args.ray_address,
                actors=args.actors,
                batch_size=batch_size,
                text_field=args.text_field,
                id_field=args.id_field,
                progress=not args.quiet and sys.stderr.isatty(),
            )
        else:
            summary = _run_spacy(args, output, error_path, settings, batch_size)
    except UsageError as exc:
        print(f"quotes attribute: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(summary.format(), file=sys.stderr)
    return EXIT_OK


def _check_usage(args: argparse.Namespace, batch_size: int) -> None:
    if args.input != "-" and not Path(args.input).exists():
        raise UsageError(f"input {args.input} does not exist")
    if args.input == "-" and args.engine == "ray":
        raise UsageError("the ray engine reads files, not stdin")
    for name, value in (
        ("--processes", args.processes),
        ("--batch-size", batch_size),
        ("--actors", args.actors),
    ):
        if value < 1:
            raise UsageError(f"{name} must be at least 1, got {value}")
    if args.input != "-" and Path(args.input).resolve() == args.output.resolve():
        raise UsageError("input and output are the same file")
    if not args.output.parent.exists():
        raise UsageError(f"output folder {args.output.parent} does not exist")


def _run_spacy(
    args: argparse.Namespace, output: Path, error_path: Path, settings: Settings, batch_size: int
) -> Summary:
    skip = done_ids(output)
    errors = ErrorLog(error_path)
    progress = not args.quiet and sys.stderr.isatty()
    try:
        with output.open("a", encoding="utf-8") as out, _open_input(args.input) as stream:
            return attribute_stream(
                stream,
                out,
                errors,
                settings=settings,
                skip=skip,
                text_field=args.text_field,
                id_field=args.id_field,
                processes=args.processes,
                batch_size=batch_size,
                progress=progress,
            )
    finally:
        errors.close()


def _open_input(name: str) -> AbstractContextManager[IO[bytes]]:
    if name == "-":
        return nullcontext(sys.stdin.buffer)  # leave stdin open for the caller
    return Path(name).open("rb")
