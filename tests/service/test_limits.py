"""The size and emptiness rules every entry point applies before the pipeline runs."""

from __future__ import annotations

import pytest

from app.errors import BatchTooLarge, EmptyText, TextTooLong
from app.schemas import AttributionRequest
from app.service.limits import check_batch, check_document
from app.settings import Settings

SETTINGS = Settings(max_text_chars=10, max_batch_documents=2, max_batch_chars=12)


def request(text: str) -> AttributionRequest:
    return AttributionRequest(text=text)


def test_a_text_within_the_limit_passes() -> None:
    check_document(request("x" * 10), SETTINGS)
    check_batch([request("x" * 6), request("y" * 6)], SETTINGS)


def test_a_long_text_names_the_limit_and_the_field() -> None:
    with pytest.raises(TextTooLong) as error:
        check_document(request("x" * 11), SETTINGS, field="documents.3.text")
    assert error.value.status == 413
    assert error.value.field == "documents.3.text"
    assert error.value.detail == ("text has 11 characters; the limit is 10 (QUOTES_MAX_TEXT_CHARS)")


@pytest.mark.parametrize("text", ["", "  ", "\n\t\u3000"])
def test_an_empty_text_is_refused(text: str) -> None:
    with pytest.raises(EmptyText) as error:
        check_document(request(text), SETTINGS)
    assert (error.value.status, error.value.field) == (422, "text")


def test_a_batch_over_either_limit_is_refused() -> None:
    with pytest.raises(BatchTooLarge, match="3 documents; the limit is 2"):
        check_batch([request("a")] * 3, SETTINGS)
    with pytest.raises(BatchTooLarge, match="13 characters; the limit is 12"):
        check_batch([request("x" * 7), request("y" * 6)], SETTINGS)
