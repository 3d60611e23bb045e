"""The output side of an archive run, shared by both engines: response lines for a batch of
articles, resume from the output file, and the run's closing summary.

Each output line is exactly the HTTP API's `AttributionResponse` for one article, from the same
`attribute_requests` as the API, so HTTP, the CLI and Ray give identical answers.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.batch.records import Article, LineError
from app.service.runner import attribute_requests

if TYPE_CHECKING:
    from spacy.language import Language


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


def attribute_batch(nlp: Language, batch: list[Article], batch_size: int) -> list[str | LineError]:
    """Response lines for `batch` in order; an article that breaks the pipeline becomes an error."""
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
