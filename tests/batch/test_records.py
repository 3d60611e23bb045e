"""Input records: a line becomes an article, an error, or nothing (a blank line)."""

from __future__ import annotations

from app.batch.records import LineError, parse_line
from app.settings import Settings


def test_parse_line_defaults_the_id_to_the_line_number() -> None:
    settings = Settings()
    parsed = parse_line(17, b'{"text": "Hi."}\n', settings=settings)
    assert parsed is not None and not isinstance(parsed, LineError)
    assert parsed.id == "line-17"
    assert parse_line(3, b"  \n", settings=settings) is None
    numeric = parse_line(4, b'{"id": 7, "text": "Hi."}', settings=settings)
    assert numeric is not None and not isinstance(numeric, LineError) and numeric.id == "7"
    assert parse_line(5, b'{"text": "\xff"}', settings=settings) == LineError(
        5, None, "line is not UTF-8: invalid start byte at byte 10"
    )
