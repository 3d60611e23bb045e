"""HTML input: the plain text the pipeline reads, and the way back to the markup."""

from __future__ import annotations

from app.service.html_input import HtmlText


def test_tags_are_dropped_blocks_become_paragraphs_and_entities_are_decoded() -> None:
    markup = "<h1>Title</h1><p>&ldquo;Hi,&rdquo; she&nbsp;said.<br>Next</p><script>x()</script>"
    parsed = HtmlText.parse(markup)
    assert parsed.text == "Title\n\n\u201cHi,\u201d she\xa0said.\nNext"


def test_a_plain_span_maps_back_to_its_raw_markup_slice() -> None:
    markup = "<p>&ldquo;We <b>win</b>,&rdquo; she said.</p>"
    parsed = HtmlText.parse(markup)
    start = parsed.text.index("We")
    end = parsed.text.index(",")
    assert parsed.text[start:end] == "We win"
    raw_start, raw_end = parsed.to_source(start, end)
    assert markup[raw_start:raw_end] == "We <b>win"  # up to the last character of the span
    entity_start, entity_end = parsed.to_source(0, 1)
    assert markup[entity_start:entity_end] == "&ldquo;"
