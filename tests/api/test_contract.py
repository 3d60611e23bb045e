"""The answer's contract: offsets index the text exactly as sent, whatever the text holds."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

URL = "/v1/attributions"
SHORT = '"We will fight," Garcetti said, "and win."'


def post_raw(client: TestClient, payload: dict[str, Any]) -> dict[str, Any]:
    """Send with json.dumps (ASCII escapes keep lone surrogates) and parse the answer likewise."""
    response = client.post(
        URL,
        content=json.dumps(payload).encode("ascii"),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = json.loads(response.content)
    return body


def spans(body: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span of an answer: quotes, their segments, speaker mentions and cues."""
    for quote in body["quotes"]:
        yield quote
        yield from quote["segments"]
        if quote["speaker"] and quote["speaker"]["mention"]:
            yield quote["speaker"]["mention"]
        if quote["cue"]:
            yield quote["cue"]


def assert_offsets_index(text: str, body: dict[str, Any]) -> int:
    count = 0
    for span in spans(body):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
        count += 1
    return count


def test_short_article_exact_answer(client: TestClient) -> None:
    body = post_raw(client, {"id": "short-1", "text": SHORT})
    assert body["id"] == "short-1"
    assert [(q["id"], q["text"], q["start"], q["end"], q["type"]) for q in body["quotes"]] == [
        ("q1", "We will fight,", 1, 15, "direct"),
        ("q2", "and win.", 33, 41, "direct"),  # the rest of a whole quotation
    ]
    first = body["quotes"][0]
    assert first["speaker"] == {
        "name": "Garcetti",
        "mention": {"text": "Garcetti", "start": 17, "end": 25},
        "entity": "e1",
        "resolution": "explicit",
        "reason": None,
    }
    assert first["cue"] == {"text": "said", "start": 26, "end": 30}
    assert [(s["id"], s["name"], s["quotes"]) for s in body["speakers"]] == [
        ("e1", "Garcetti", ["q1", "q2"])
    ]


HOSTILE_TEXTS: dict[str, str] = {
    "nul-and-controls": 'He\x00 said\x01\x07\x1b: "We\x00 will\x0b fight," Garcetti\x7f said.',
    "lone-surrogates": '\ud800"We will \udfff fight," Garcetti said.\udbff',
    "mixed-line-endings": 'Intro.\r\n\r\n"We will fight,"\r Garcetti said.\n"Again," he said.\r',
    "nbsp-and-zero-width": '"We\u00a0will\u200bfight,"\u00a0Garcetti\u200d said\ufeff.\u2060',
    "rtl": '"נלחם," אמר גרסטי. "سنقاتل," قال Garcetti said. \u202e"Hi," she said.\u202c',
    "emoji": '😀 "We will 👩\u200d👩\u200d👧 fight 🇺🇸," Garcetti 🎉 said. "Ok 😀," he said.',
    "long-line": ("word " * 20_000) + '"We will fight," Garcetti said.' + (" x" * 5_000),
    "ten-thousand-marks": '"' * 10_000,
    "marks-mixed": ('"“”‘’«»' * 1_500) + ' "Hi," she said.',
    "nested": '"She told me \'he said "no" to “them ‘all’”\' yesterday," Garcetti said.',
    "unbalanced": '"Open with no close, Garcetti said.\n\n"Another," she said. "”“ ” "',
    "only-marks-and-space": '"  "\n" "\r\n“ ”',
}


@pytest.mark.parametrize("name", list(HOSTILE_TEXTS))
def test_hostile_text_offsets_index_the_text_as_sent(client: TestClient, name: str) -> None:
    text = HOSTILE_TEXTS[name]
    body = post_raw(client, {"text": text, "include_non_speech": True})
    assert_offsets_index(text, body)


def test_quote_after_controls_and_surrogates_is_found_at_the_right_place(
    client: TestClient,
) -> None:
    text = HOSTILE_TEXTS["lone-surrogates"]
    body = post_raw(client, {"text": text})
    quote = body["quotes"][0]
    assert (quote["text"], quote["start"], quote["end"]) == ("We will \udfff fight,", 2, 18)
    assert quote["speaker"]["mention"] == {"text": "Garcetti", "start": 20, "end": 28}


def test_a_name_written_with_a_no_break_space_is_one_speaker(client: TestClient) -> None:
    """A CMS writes `Stu&nbsp;Burguiere`: the whole name speaks, at its place in the sent text."""
    text = '"It was a bad night," said Blaze co-host Stu\u00a0Burguiere.'
    body = post_raw(client, {"text": text})
    speaker = body["quotes"][0]["speaker"]
    assert speaker["name"] == "Stu Burguiere"
    assert speaker["mention"] == {"text": "co-host Stu\u00a0Burguiere", "start": 33, "end": 54}


# -- UTF-16 offsets for JavaScript clients ------------------------------------------------------
def utf16_slice(text: str, start: int, end: int) -> str:
    units = text.encode("utf-16-le", "surrogatepass")
    return units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")


def test_utf16_offsets_index_the_text_as_javascript_sees_it(client: TestClient) -> None:
    text = '😀🎉 "We will fight 🇺🇸," Garcetti said.'
    by_codepoint = post_raw(client, {"text": text})
    by_utf16 = post_raw(client, {"text": text, "offsets": "utf16"})
    q_cp, q_16 = by_codepoint["quotes"][0], by_utf16["quotes"][0]
    assert (q_cp["start"], q_cp["end"]) == (4, 21)
    assert (q_16["start"], q_16["end"]) == (6, 25)  # two emoji before, two regional indicators in
    assert q_16["text"] == q_cp["text"] == "We will fight 🇺🇸,"
    assert q_16["speaker"]["mention"] == {"text": "Garcetti", "start": 27, "end": 35}
    count = 0
    for span in spans(by_utf16):
        assert utf16_slice(text, span["start"], span["end"]) == span["text"]
        count += 1
    assert count == 4


def test_utf16_offsets_equal_codepoints_without_astral_characters(client: TestClient) -> None:
    plain = post_raw(client, {"text": SHORT})
    utf16 = post_raw(client, {"text": SHORT, "offsets": "utf16"})
    assert plain["quotes"] == utf16["quotes"]


# -- HTML input ---------------------------------------------------------------------------------
ARTICLE_HTML = (
    "<html><head><title>City news</title><style>p { color: red }</style></head><body>\n"
    "<h1>Mayor vows &amp; fights</h1>\n"
    "<p>&ldquo;We will <em>fight</em> this,&rdquo; Garcetti said.</p>\n"
    '<p class="x">He added: "And\n   we will win."</p>\n'
    "<script>var s = '\"not a quote,\" she said';</script>\n"
    "</body></html>"
)


def test_html_offsets_point_into_the_markup(client: TestClient) -> None:
    body = post_raw(client, {"text": ARTICLE_HTML, "format": "html"})
    assert assert_offsets_index(ARTICLE_HTML, body) >= 3
    first = body["quotes"][0]
    assert first["text"] == "We will <em>fight</em> this,"
    assert ARTICLE_HTML[first["start"] - 7 : first["start"]] == "&ldquo;"
    assert first["speaker"]["mention"]["text"] == "Garcetti"
    assert first["cue"]["text"] == "said"
    texts = [q["text"] for q in body["quotes"]]
    assert texts == ["We will <em>fight</em> this,", "And\n   we will win."]
    assert all("not a quote" not in t for t in texts)


def test_html_with_only_markup_answers_no_quotes(client: TestClient) -> None:
    body = post_raw(client, {"text": "<p><br></p><!-- nothing -->", "format": "html"})
    assert body["quotes"] == [] and body["speakers"] == []


def test_html_and_utf16_combine(client: TestClient) -> None:
    markup = "<p>😀 &ldquo;Yes,&rdquo; she said.</p>"
    body = post_raw(client, {"text": markup, "format": "html", "offsets": "utf16"})
    quote = body["quotes"][0]
    assert quote["text"] == "Yes,"
    assert (quote["start"], quote["end"]) == (13, 17)
    assert utf16_slice(markup, quote["start"], quote["end"]) == "Yes,"


def test_fake_service_contract_needs_no_nlp(make_client: Callable[..., TestClient]) -> None:
    response = make_client().post(URL, json={"id": "a", "text": 'x "y" z'})
    assert response.status_code == 200
    assert response.json() == {
        "id": "a",
        "quotes": [
            {
                "id": "q1",
                "text": "y",
                "start": 3,
                "end": 4,
                "type": "direct",
                "segments": [],
                "speaker": None,
                "cue": None,
                "part_of": None,
                "fragments": [],
                "declined": False,
                "confidence": 0.0,
            }
        ],
        "speakers": [],
        "model": {"name": "en_pipeline", "version": "0.0.0", "components": []},
    }
