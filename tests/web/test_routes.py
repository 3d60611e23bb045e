"""The reading view's pages over HTTP: forms, limits and headers, then with the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx import Headers

from app.main import create_app
from app.settings import Settings
from app.web.routes import CONTENT_SECURITY_POLICY
from tests.web import Element, highlight_starting, label_of, parse_html, quote_body

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
    ("But the point is", "Garcetti"),
]


@pytest.fixture
def seed_page(client: TestClient, seed_text: str) -> Element:
    page = client.post("/", data={"text": seed_text})
    assert page.status_code == 200, page.text
    assert_secure_headers(page.headers)
    (body,) = parse_html(page.text).select("article", "article")
    return body


@pytest.mark.parametrize(("head", "expected"), SEED_EXPECTATIONS)
def test_seed_quote_is_labelled_with_its_speaker(
    seed_page: Element, head: str, expected: str
) -> None:
    mark = highlight_starting(seed_page, head)
    assert label_of(mark) == expected


def test_unresolved_she_is_marked(client: TestClient) -> None:
    # the name lexicon knows Jordan as a man's name: nobody the article names can be "she"
    text = 'Jordan Smith spoke to the board.\n\n"The numbers are bad," she said.'
    page = client.post("/", data={"text": text})
    assert page.status_code == 200, page.text
    (body,) = parse_html(page.text).select("article", "article")
    mark = highlight_starting(body, "The numbers are bad")
    assert label_of(mark) == "unknown"
    qid = mark.attrs["id"]
    mentions = [m for m in body.select("a", "mention") if qid in m.attrs["data-quote"].split()]
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
