"""The reading view: the pure renderer on hand-made responses, then the pages over HTTP."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Headers
from spacy.language import Language

from app.api.schemas import (
    AttributionResponse,
    ModelInfo,
    QuoteOut,
    Speaker,
    SpeakerOut,
    TextSpan,
)
from app.main import create_app
from app.pipeline.types import Resolution
from app.settings import Settings
from app.web.render import add_arguments, render_article, render_result_page, run
from app.web.routes import CONTENT_SECURITY_POLICY
from tests.web import Element, parse_html

MODEL = ModelInfo(name="en_test", version="0.0.0", components=[])


# ---------------------------------------------------------------------------------------------
# Hand-made responses


def at(text: str, words: str, occurrence: int = 1) -> TextSpan:
    """The span of the `occurrence`-th `words` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return TextSpan(text=words, start=start, end=start + len(words))


def quote(
    text: str,
    qid: str,
    words: str,
    *,
    name: str | None = None,
    entity: str | None = None,
    mention: TextSpan | None = None,
    cue: TextSpan | None = None,
    resolution: Resolution = "explicit",
    confidence: float = 0.9,
    span: TextSpan | None = None,
) -> QuoteOut:
    where = span or at(text, words)
    speaker = None
    if name is not None or mention is not None:
        speaker = Speaker(name=name, mention=mention, entity=entity, resolution=resolution)
    return QuoteOut(
        id=qid,
        text=text[where.start : where.end],
        start=where.start,
        end=where.end,
        type="direct",
        speaker=speaker,
        cue=cue,
        confidence=confidence if speaker is not None else 0.0,
    )


def response(
    quotes: Sequence[QuoteOut], speakers: Sequence[SpeakerOut] = ()
) -> AttributionResponse:
    return AttributionResponse(id="doc", quotes=list(quotes), speakers=list(speakers), model=MODEL)


def speaker(sid: str, name: str, quote_ids: Sequence[str], **extra: str) -> SpeakerOut:
    return SpeakerOut(
        id=sid,
        name=name,
        kind="person",
        role=extra.get("role"),
        aliases=[a for a in extra.get("aliases", "").split("|") if a],
        quotes=list(quote_ids),
    )


def article(text: str, resp: AttributionResponse) -> Element:
    """The rendered article, parsed (and checked to be well-formed)."""
    return parse_html(render_article(text, resp))


def quote_body(mark: Element) -> str:
    """A quote highlight's text without its speaker label."""
    return plain_text(mark)


def plain_text(element: Element) -> str:
    """The text a reader sees of the article itself: everything but the speaker labels."""
    return "".join(
        c if isinstance(c, str) else plain_text(c)
        for c in element.children
        if isinstance(c, str) or "speaker-label" not in c.classes
    )


def label_of(mark: Element) -> str:
    labels = mark.select("span", "speaker-label")
    assert len(labels) == 1, f"expected one label in {mark.attrs}"
    return labels[0].text()


# ---------------------------------------------------------------------------------------------
# The pure renderer


SAID = '"We will win," Jane Doe said. "And soon," she added.'


def said_response() -> AttributionResponse:
    text = SAID
    return response(
        [
            quote(
                text,
                "q1",
                "We will win,",
                name="Jane Doe",
                entity="e1",
                mention=at(text, "Jane Doe"),
                cue=at(text, "said"),
            ),
            quote(
                text,
                "q2",
                "And soon,",
                name="Jane Doe",
                entity="e1",
                mention=at(text, "she"),
                cue=at(text, "added"),
                resolution="pronoun",
            ),
        ],
        [speaker("e1", "Jane Doe", ["q1", "q2"])],
    )


def test_quote_is_highlighted_with_its_speaker_label_and_id() -> None:
    root = article(SAID, said_response())
    marks = root.select("mark", "quote")
    assert [m.attrs["id"] for m in marks] == ["q1", "q2"]
    assert [quote_body(m) for m in marks] == ["We will win,", "And soon,"]
    assert [label_of(m) for m in marks] == ["Jane Doe", "Jane Doe"]
    assert all(m.attrs["data-speaker"] == "e1" and "spk-0" in m.classes for m in marks)
    assert "confidence 0.90" in marks[0].attrs["title"]


def test_mention_links_to_the_quote_it_attributes_and_cue_is_marked() -> None:
    root = article(SAID, said_response())
    mentions = root.select("a", "mention")
    assert [(m.text(), m.attrs["href"], m.attrs["data-quote"]) for m in mentions] == [
        ("Jane Doe", "#q1", "q1"),
        ("she", "#q2", "q2"),
    ]
    assert "pronoun" in mentions[1].attrs["title"]
    cues = root.select("span", "cue")
    assert [(c.text(), c.attrs["data-quote"]) for c in cues] == [("said", "q1"), ("added", "q2")]
    # Nothing of the text is lost or added except the labels.
    assert plain_text(root) == SAID


def test_unattributed_quote_is_labelled_unknown() -> None:
    text = 'The sign read "Keep out". Nobody knows who wrote it.'
    root = article(text, response([quote(text, "q1", "Keep out")]))
    (mark,) = root.select("mark", "quote")
    assert label_of(mark) == "unknown"
    assert "spk-unknown" in mark.classes
    assert "data-speaker" not in mark.attrs


def test_unresolved_mention_is_marked_as_such() -> None:
    text = '"It is voluntary," she said.'
    resp = response(
        [quote(text, "q1", "It is voluntary,", mention=at(text, "she"), resolution="pronoun")]
    )
    root = article(text, resp)
    (mark,) = root.select("mark", "quote")
    assert label_of(mark) == "unknown"
    (mention,) = root.select("a", "mention")
    assert mention.text() == "she"
    assert "unresolved" in mention.classes
    assert mention.attrs["href"] == "#q1"
    assert mention.attrs["title"].startswith("Unresolved speaker mention of q1")


def test_shared_mention_names_every_quote_it_attributes() -> None:
    text = '"First," said Ann Lee, "second."'
    mention, cue = at(text, "Ann Lee"), at(text, "said")
    resp = response(
        [
            quote(text, "q1", "First,", name="Ann Lee", entity="e1", mention=mention, cue=cue),
            quote(text, "q2", "second.", name="Ann Lee", entity="e1", mention=mention, cue=cue),
        ],
        [speaker("e1", "Ann Lee", ["q1", "q2"])],
    )
    root = article(text, resp)
    (link,) = root.select("a", "mention")
    assert link.attrs["data-quote"] == "q1 q2"
    assert link.attrs["href"] == "#q1"
    assert len(root.select("span", "cue")) == 1


def test_crossing_marks_keep_the_outer_one_and_stay_well_formed() -> None:
    text = "Alpha beta gamma delta epsilon."
    # The mention "gamma delta" crosses the quote "beta gamma": it is skipped, not half-drawn.
    resp = response(
        [
            quote(
                text,
                "q1",
                "beta gamma",
                name="X",
                entity="e1",
                mention=at(text, "gamma delta"),
                cue=at(text, "delta epsilon"),
            ),
        ],
        [speaker("e1", "X", ["q1"])],
    )
    root = article(text, resp)  # parse_html raises on broken nesting
    (mark,) = root.select("mark", "quote")
    assert quote_body(mark) == "beta gamma"
    assert root.select("a", "mention") == []
    # The cue does not cross the quote (the skipped mention is gone), so it is drawn.
    assert [c.text() for c in root.select("span", "cue")] == ["delta epsilon"]
    assert root.text() == "Alpha Xbeta gamma delta epsilon."


def test_nested_marks_are_drawn_inside_each_other() -> None:
    text = '"I, Bob Smith, agree," he said.'
    resp = response(
        [
            quote(
                text,
                "q1",
                "I, Bob Smith, agree,",
                name="Bob Smith",
                entity="e1",
                mention=at(text, "Bob Smith"),
            )
        ],
        [speaker("e1", "Bob Smith", ["q1"])],
    )
    root = article(text, resp)
    (link,) = root.select("a", "mention")
    assert any(a.tag == "mark" for a in link.ancestors())


def test_offsets_at_the_edges_of_the_text() -> None:
    text = "Yes, we can"
    resp = response(
        [
            quote(
                text,
                "q1",
                text,
                name="Obama",
                entity="e1",
                mention=TextSpan(text="Y", start=0, end=1),
            )
        ],
        [speaker("e1", "Obama", ["q1"])],
    )
    root = article(text, resp)
    (mark,) = root.select("mark", "quote")
    assert quote_body(mark) == text
    assert [a.text() for a in root.select("a", "mention")] == ["Y"]


def test_offsets_outside_the_text_are_ignored() -> None:
    text = "Short text."
    bad = QuoteOut(
        id="q1", text="", start=5, end=99, type="direct", speaker=None, cue=None, confidence=0.0
    )
    empty = QuoteOut(
        id="q2", text="", start=3, end=3, type="direct", speaker=None, cue=None, confidence=0.0
    )
    root = article(text, response([bad, empty]))
    assert root.select("mark") == []
    assert root.text() == text


def test_astral_characters_use_code_point_offsets() -> None:
    text = '🎉🇺🇸 "Great 👍 job," said 𝒜nna. 😀'
    q = at(text, "Great 👍 job,")
    assert q.start == 5  # code points, not UTF-16 units
    resp = response(
        [
            quote(
                text,
                "q1",
                "Great 👍 job,",
                name="𝒜nna",
                entity="e1",
                mention=at(text, "𝒜nna"),
                cue=at(text, "said"),
            )
        ],
        [speaker("e1", "𝒜nna", ["q1"])],
    )
    root = article(text, resp)
    (mark,) = root.select("mark", "quote")
    assert quote_body(mark) == "Great 👍 job,"
    assert [a.text() for a in root.select("a", "mention")] == ["𝒜nna"]
    assert plain_text(root) == text


def test_paragraphs_and_a_quote_across_them() -> None:
    text = 'First paragraph,\nsame one.\n\n"Opening words\n\n  and more," Kim said.\n\n\n'
    start = text.index("Opening")
    end = text.index(',"') + 1
    resp = response(
        [
            quote(
                text,
                "q1",
                "",
                name="Kim",
                entity="e1",
                mention=at(text, "Kim"),
                span=TextSpan(text=text[start:end], start=start, end=end),
            )
        ],
        [speaker("e1", "Kim", ["q1"])],
    )
    html = render_article(text, resp)
    root = parse_html(html)
    paragraphs = root.select("p")
    assert len(paragraphs) == 3
    assert "<br>" in html  # the single line break inside the first paragraph
    pieces = root.select("mark", "quote")
    assert len(pieces) == 2  # one highlight piece per paragraph
    assert pieces[0].attrs["id"] == "q1" and label_of(pieces[0]) == "Kim"
    assert "quote-cont" in pieces[1].classes and "id" not in pieces[1].attrs
    assert pieces[1].select("span", "speaker-label") == []
    assert quote_body(pieces[0]) + quote_body(pieces[1]) == "Opening wordsand more,"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</mark></p><p onclick=alert(1)>",
    ],
)
def test_article_text_and_names_are_escaped(hostile: str) -> None:
    text = f'"{hostile}," said {hostile}.'
    resp = response(
        [
            quote(
                text,
                "q1",
                f"{hostile},",
                name=hostile,
                entity="e1<x>",
                mention=at(text, hostile, 2),
                cue=at(text, "said"),
            )
        ],
        [speaker("e1<x>", hostile, ["q1"], role=hostile, aliases=hostile)],
    )
    html = render_result_page(text, resp)
    root = parse_html(html)
    assert root.select("script") == [] and root.select("img") == []
    assert not root.find_all(lambda e: any(k.startswith("on") for k in e.attrs))
    assert hostile not in html
    (body,) = root.select("article", "article")
    (mark,) = body.select("mark", "quote")
    assert quote_body(mark) == f"{hostile},"
    assert label_of(mark) == hostile


def test_page_lists_speakers_and_confidences() -> None:
    resp = said_response()
    root = parse_html(render_result_page(SAID, resp))
    (panel,) = root.select("li", "speaker", data_speaker="e1")
    assert panel.select("span", "speaker-name")[0].text() == "Jane Doe"
    assert panel.select("span", "count")[0].text() == "2"
    assert {r.text() for r in panel.select("span", "resolution")} == {"explicit", "pronoun"}
    rows = root.select("tr")[1:]
    assert [r.attrs["data-quote"] for r in rows] == ["q1", "q2"]
    assert "0.90" in rows[0].text() and "Jane Doe" in rows[0].text()


def test_standalone_page_inlines_its_stylesheet_under_a_hash_policy() -> None:
    html = render_result_page(SAID, said_response(), standalone=True)
    root = parse_html(html)
    assert root.select("link") == []
    (style,) = root.select("style")
    assert ".speaker-label" in style.text()
    (meta,) = root.select("meta", http_equiv="Content-Security-Policy")
    assert "style-src 'sha256-" in meta.attrs["content"]
    assert "script" not in meta.attrs["content"]  # default-src 'none': no scripts at all


# ---------------------------------------------------------------------------------------------
# The pages over HTTP, without the pipeline (forms, limits, headers)


@pytest.fixture
def bare_client() -> Iterator[TestClient]:
    """The app without its lifespan: no pipeline loaded (the limits are checked before it)."""
    yield TestClient(create_app(Settings(max_text_chars=1000)))


def assert_secure_headers(headers: Headers) -> None:
    assert headers.get("content-security-policy") == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY
    assert "script-src 'none'" in CONTENT_SECURITY_POLICY
    assert "style-src 'self'" in CONTENT_SECURITY_POLICY
    assert headers.get("x-content-type-options") == "nosniff"


def test_get_root_serves_the_form(bare_client: TestClient) -> None:
    page = bare_client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert_secure_headers(page.headers)
    root = parse_html(page.text)
    (form,) = root.select("form")
    assert form.attrs["method"] == "post" and form.attrs["action"] == "/"
    assert len(form.select("textarea", name="text")) == 1
    assert len(form.select("button", type="submit")) == 1
    (link,) = root.select("link", rel="stylesheet")
    assert link.attrs["href"] == "/static/reading-view.css"
    assert root.select("script") == []


def test_stylesheet_is_served_locally(bare_client: TestClient) -> None:
    css = bare_client.get("/static/reading-view.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert css.headers["x-content-type-options"] == "nosniff"
    assert ".speaker-label" in css.text
    assert bare_client.get("/static/../render.py").status_code == 404
    assert bare_client.get("/static/nope.css").status_code == 404


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_rerenders_the_form_with_a_message(bare_client: TestClient, text: str) -> None:
    page = bare_client.post("/", data={"text": text})
    assert page.status_code == 422
    assert_secure_headers(page.headers)
    root = parse_html(page.text)
    (error,) = root.select("div", "error")
    assert "text is empty" in error.text()
    assert len(root.select("textarea", name="text")) == 1


def test_missing_field_is_an_empty_text(bare_client: TestClient) -> None:
    assert bare_client.post("/", data={}).status_code == 422


def test_too_long_text_rerenders_the_form_with_its_text(bare_client: TestClient) -> None:
    text = "<b>x</b>" + "a" * 1000
    page = bare_client.post("/", data={"text": text})
    assert page.status_code == 413
    assert_secure_headers(page.headers)
    root = parse_html(page.text)
    (error,) = root.select("div", "error")
    assert "1008 characters; the limit is 1000" in error.text()
    (area,) = root.select("textarea", name="text")
    assert area.text() == text
    assert "<b>x</b>" not in page.text


def test_page_without_a_loaded_pipeline_says_so(bare_client: TestClient) -> None:
    page = bare_client.post("/", data={"text": '"Hi," she said.'})
    assert page.status_code == 503
    assert "not loaded" in parse_html(page.text).select("div", "error")[0].text()


def test_reading_view_can_be_switched_off() -> None:
    client = TestClient(create_app(Settings(reading_view=False)))
    assert client.get("/").status_code == 404
    assert client.get("/static/reading-view.css").status_code == 404


# ---------------------------------------------------------------------------------------------
# The pages with the real pipeline


SEED_EXPECTATIONS = [
    ("enforce our immigration laws", "Jeff Sessions"),
    ("We are going to become", "Melissa Mark-Viverioto"),
    ("They make our nation", "Jeff Sessions"),
    ("The President is trying", "Bickford"),
    ("We will fight", "Garcetti"),
    ("Trump's immigration policy", "unknown"),
    ("But the point is", "unknown"),
]


@pytest.fixture
def seed_page(client: TestClient, seed_text: str) -> Element:
    page = client.post("/", data={"text": seed_text})
    assert page.status_code == 200, page.text
    assert_secure_headers(page.headers)
    (body,) = parse_html(page.text).select("article", "article")
    return body


def highlight_starting(body: Element, head: str) -> Element:
    found = [m for m in body.select("mark", "quote") if quote_body(m).startswith(head)]
    assert len(found) == 1, f"no single highlight starts with {head!r}"
    return found[0]


@pytest.mark.parametrize(("head", "expected"), SEED_EXPECTATIONS)
def test_seed_quote_is_labelled_with_its_speaker(
    seed_page: Element, head: str, expected: str
) -> None:
    mark = highlight_starting(seed_page, head)
    assert label_of(mark) == expected


def test_seed_unresolved_she_is_marked(seed_page: Element) -> None:
    mark = highlight_starting(seed_page, "But the point is")
    qid = mark.attrs["id"]
    mentions = [m for m in seed_page.select("a", "mention") if qid in m.attrs["data-quote"].split()]
    assert [m.text() for m in mentions] == ["she"]
    assert "unresolved" in mentions[0].classes
    assert mentions[0].attrs["href"] == f"#{qid}"


def test_page_agrees_with_the_json_api(client: TestClient, seed_text: str) -> None:
    api = client.post("/v1/attributions", json={"text": seed_text})
    assert api.status_code == 200
    page = client.post("/", data={"text": seed_text})
    body = parse_html(page.text).select("article", "article")[0]
    marks = {m.attrs["id"]: m for m in body.select("mark", "quote") if "id" in m.attrs}
    for q in api.json()["quotes"]:
        mark = marks[q["id"]]
        name = (q["speaker"] or {}).get("name") or "unknown"
        assert label_of(mark) == name
        assert quote_body(mark).replace("\n", "") in q["text"].replace("\n", "")


def test_page_escapes_hostile_article_text(client: TestClient) -> None:
    text = (
        '<script>alert("x")</script> "We are safe"><img src=x onerror=alert(1)>," '
        "said Jane Roe.\n\nThe end."
    )
    page = client.post("/", data={"text": text})
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "&lt;script&gt;" in page.text
    root = parse_html(page.text)
    assert root.select("script") == [] and root.select("img") == []
    (body,) = root.select("article", "article")
    assert "<script>alert" in body.text()
    assert "<img src=x onerror=alert(1)>" in body.text()


def test_textarea_line_breaks_are_normalised(client: TestClient) -> None:
    page = client.post("/", data={"text": '"Yes," Ann Lee said.\r\n\r\n"No," Bob Hart said.'})
    assert page.status_code == 200
    body = parse_html(page.text).select("article", "article")[0]
    assert len(body.select("p")) == 2


def test_show_command_writes_the_standalone_page(
    nlp: Language, seed_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.pipeline.build_pipeline", lambda *_: nlp)  # the session's pipeline
    article_file = tmp_path / "seed.txt"
    article_file.write_text(seed_text, encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = tmp_path / "page.html"
    assert run(parser.parse_args([str(article_file), "-o", str(out)])) == 0
    root = parse_html(out.read_text(encoding="utf-8"))
    assert root.select("link") == [] and len(root.select("style")) == 1
    (body,) = root.select("article", "article")
    assert label_of(highlight_starting(body, "We will fight")) == "Garcetti"
    assert root.select("form") == []  # a file has nowhere to post to


def test_show_command_refuses_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args([str(empty)])) == 2
