"""The reading view's renderer (`app.web.view` + `app.web.render`) on hand-made responses."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from app.pipeline.types import Resolution
from app.schemas import (
    AttributionResponse,
    ModelInfo,
    QuoteOut,
    Speaker,
    SpeakerOut,
    TextSpan,
)
from app.web.render import render_article, render_result_page
from tests.web import Element, label_of, parse_html, plain_text, quote_body

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
