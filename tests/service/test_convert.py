"""Offset maps of the answer: UTF-16 code units, and a mapping with re-sliced texts."""

from __future__ import annotations

from app.schemas import AttributionResponse, ModelInfo, QuoteOut, Speaker, TextSpan
from app.service.convert import map_offsets, nlp_safe_text, utf16_offsets

MODEL = ModelInfo(name="en_test", version="0", components=[])


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "a\U0001f389b\U0001f389c"
    mapping = utf16_offsets(text)
    assert mapping(0, 1) == (0, 1)
    assert mapping(2, 3) == (3, 4)  # after one astral character
    assert mapping(4, 5) == (6, 7)
    assert mapping(0, 5) == (0, 7)
    assert len(text.encode("utf-16-le")) // 2 == 7


def test_nlp_safe_text_keeps_the_length() -> None:
    text = "a\ud800b\udfffc"
    safe = nlp_safe_text(text)
    assert safe == "a\ufffdb\ufffdc" and len(safe) == len(text)


def test_nlp_safe_text_reads_every_space_character_as_a_plain_space() -> None:
    text = "Stu\u00a0Burguiere\u2009and\u202fAl\u3000From\nsaid\tit"
    safe = nlp_safe_text(text)
    assert safe == "Stu Burguiere and Al From\nsaid\tit" and len(safe) == len(text)


def test_map_offsets_moves_every_span_and_reslices_from_the_source() -> None:
    source = "<p>Hi, she said.</p>"
    quote = QuoteOut(
        id="q1",
        text="Hi",
        start=0,
        end=2,
        type="direct",
        segments=[TextSpan(text="Hi", start=0, end=2)],
        speaker=Speaker(
            name=None,
            mention=TextSpan(text="she", start=4, end=7),
            entity=None,
            resolution="context",
        ),
        cue=TextSpan(text="said", start=8, end=12),
        confidence=0.1,
    )
    response = AttributionResponse(id="d", quotes=[quote], speakers=[], model=MODEL)
    moved = map_offsets(response, lambda s, e: (s + 3, e + 3), source=source)
    (got,) = moved.quotes
    assert (got.start, got.end, got.text) == (3, 5, "Hi")
    assert got.segments == [TextSpan(text="Hi", start=3, end=5)]
    assert got.speaker is not None and got.speaker.mention == TextSpan(text="she", start=7, end=10)
    assert got.cue == TextSpan(text="said", start=11, end=15)
    assert response.quotes[0].start == 0  # the original is untouched
