"""The output side: resume from OUT, and response lines (or error lines) for a batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.batch.output import UsageError, done_ids
from app.batch.records import LineError
from app.schemas import AttributionResponse


def test_done_ids_cuts_a_truncated_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a"}\n{"id": "b"}\n{"id": "c", "quo')
    assert done_ids(out) == {"a", "b"}
    assert out.read_bytes() == b'{"id": "a"}\n{"id": "b"}\n'


def test_done_ids_refuses_a_foreign_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a"}\nnot json\n{"id": "c"}\n')
    with pytest.raises(UsageError, match="not an output record"):
        done_ids(out)
    assert out.read_bytes() == b'{"id": "a"}\nnot json\n{"id": "c"}\n'


def test_an_article_that_breaks_the_pipeline_becomes_an_error_line() -> None:
    import spacy
    from spacy.tokens import Doc

    import app.pipeline.extensions  # noqa: F401 - the extensions doc_to_response reads
    from app.batch.output import attribute_batch
    from app.batch.records import Article
    from app.schemas import AttributionRequest

    @spacy.Language.component("archive_test_boom")
    def boom(doc: Doc) -> Doc:
        if "BOOM" in doc.text:
            raise RuntimeError("component failed")
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("archive_test_boom")
    batch = [
        Article(n, AttributionRequest(id=doc_id, text=text))
        for n, (doc_id, text) in enumerate([("a", "Fine."), ("b", "BOOM here."), ("c", "Ok.")], 1)
    ]
    lines = attribute_batch(nlp, batch, batch_size=8)
    assert [AttributionResponse.model_validate_json(x).id for x in lines if isinstance(x, str)] == [
        "a",
        "c",
    ]
    assert lines[1] == LineError(2, "b", "pipeline error: RuntimeError: component failed")
