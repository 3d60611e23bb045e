"""What our components share (spaCy's `Pipe` protocol).

- Their data (lexicons, patterns, fitted parameters) is one JSON object, saved by `nlp.to_disk`
  as one file (`data_file`) in the component's folder and read back by `from_disk`.
- A call finds what the component looks for, then writes it onto the doc; an error goes to
  spaCy's configurable error handler (raise by default) instead of out of the pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, Self

from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import ensure_path


class DataPipe(Pipe):
    """A component whose whole state is one JSON object; subclasses say what it holds
    (`to_json` / `load_json`) and what they find and annotate (`find` / `set_annotations`)."""

    data_file: ClassVar[str] = "data.json"
    name: str  # set by each component's __init__ (the name it has in the pipeline)

    def to_json(self) -> dict[str, Any]:
        raise NotImplementedError

    def load_json(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def find(self, doc: Doc) -> Any:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.find(doc))
        except Exception as e:  # noqa: BLE001 - routed to spaCy's configurable error handler
            error_handler(self.name, self, [doc], e)
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.to_json()).encode("utf8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        self.load_json(json.loads(bytes_data.decode("utf8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / self.data_file).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        return self.from_bytes((ensure_path(path) / self.data_file).read_bytes())
