"""The quote scanner: marks, paragraphs, and exact offsets on any text (property tests)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.quotes.component import find_quotes
from app.pipeline.types import Quote
from tests.pipeline.support import only, quotes_of, spans_of

# -- marks ----------------------------------------------------------------------------------------


def test_straight_double_quotes_exact_offsets(blank_nlp: Language) -> None:
    text = 'Officials said "we will not comply" on Monday.'
    q = only(blank_nlp, text)
    assert (q.start, q.end) == (16, 34)
    assert q.text == "we will not comply"
    assert (q.open_mark, q.close_mark) == ('"', '"')
    assert q.segments[0].start == 16 and q.segments[-1].end == 34


def test_typographic_double_quotes(blank_nlp: Language) -> None:
    text = "\u201cWe are ready,\u201d she said."
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text) == (1, 14, "We are ready,")
    assert q.type == "direct"
    assert (q.open_mark, q.close_mark) == ("\u201c", "\u201d")


def test_nested_single_quotes_are_one_quote(blank_nlp: Language) -> None:
    text = "\"He said 'no' to me,\" she recalled."
    assert spans_of(blank_nlp, text) == [("He said 'no' to me,", "direct")]


def test_a_quote_nested_in_the_same_typographic_marks_stays_inside(blank_nlp: Language) -> None:
    # two closing marks follow the second opening one: the inner quote's and the outer one's
    text = (
        "Cohen wrote: \u201cPolls miss \u201ccell phone only\u201d homes. "
        "They ended early.\u201d Fine."
    )
    q = only(blank_nlp, text)
    assert (q.start, q.end) == (14, text.index("\u201d Fine"))
    assert q.text == "Polls miss \u201ccell phone only\u201d homes. They ended early."
    assert (q.open_mark, q.close_mark, q.type) == ("\u201c", "\u201d", "direct")


def test_an_opening_mark_without_two_closers_after_it_cuts_the_open_quote(
    blank_nlp: Language,
) -> None:
    # one closing mark only: the first passage lost its closing mark, the second is whole
    text = "She said \u201cwe are done. Then he said \u201cnot yet,\u201d and left."
    assert [(q.text, q.close_mark) for q in quotes_of(blank_nlp, text)] == [
        ("we are done. Then he said", None),
        ("not yet,", "\u201d"),
    ]


def test_british_single_quotes_as_outer_quote(blank_nlp: Language) -> None:
    text = "\u2018We shall see \u201cwhat happens\u201d,\u2019 the minister said."
    q = only(blank_nlp, text)
    assert q.text == "We shall see \u201cwhat happens\u201d,"
    assert (q.open_mark, q.close_mark) == ("\u2018", "\u2019")


def test_apostrophes_are_not_quote_marks(blank_nlp: Language) -> None:
    text = (
        "Trump's plan, the \u201990s, rock 'n' roll, Clinton\u2019s aides and the "
        "students' fees were all discussed."
    )
    assert quotes_of(blank_nlp, text) == []


def test_apostrophe_inside_a_quote(blank_nlp: Language) -> None:
    text = '"Trump\'s policy is wrong". Nobody disagreed.'
    assert spans_of(blank_nlp, text) == [("Trump's policy is wrong", "direct")]


def test_a_plurals_apostrophe_inside_a_single_quoted_passage(blank_nlp: Language) -> None:
    text = "'Our farmers' concerns are real, and we won't ignore them,' he said."
    assert [q.text for q in quotes_of(blank_nlp, text)] == [
        "Our farmers' concerns are real, and we won't ignore them,"
    ]
    # no closing mark after it, or an opening one next: the mark closes the passage
    text = "He called them 'angry farmers' during the speech."
    assert [q.text for q in quotes_of(blank_nlp, text)] == ["angry farmers"]
    text = "He met 'angry farmers' in May and 'tired bosses' in June."
    assert [q.text for q in quotes_of(blank_nlp, text)] == ["angry farmers", "tired bosses"]


def test_guillemets(blank_nlp: Language) -> None:
    text = "Il a dit \u00ab nous verrons \u00bb hier."
    q = only(blank_nlp, text)
    assert q.text == "nous verrons"
    assert (q.open_mark, q.close_mark) == ("\u00ab", "\u00bb")


def test_double_apostrophes_as_double_quotes(blank_nlp: Language) -> None:
    text = "''We will win,'' he said."
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text) == (2, 14, "We will win,")


def test_three_apostrophes_close_the_nested_single_quote_inside_the_passage(
    blank_nlp: Language,
) -> None:
    # NYT archive style: `''He said, 'Wait,''' she recalled.` - the first apostrophe of the three
    # closes the inner quote, the last two the outer one
    text = "''He told me, 'You can't sit here,''' she recalled."
    q = only(blank_nlp, text)
    assert (q.start, q.end) == (2, text.index("''' she") + 1)
    assert q.text == "He told me, 'You can't sit here,'"
    assert q.close_mark == "''"
    # at an opening the run splits the other way: the double mark, then the inner single one
    text = "He replied:\n\n'''College Bowl,''' he said."
    q = only(blank_nlp, text)
    assert q.text == "'College Bowl,'"
    assert (q.open_mark, q.close_mark) == ("''", "''")


# -- paragraphs -----------------------------------------------------------------------------------


def test_multi_paragraph_quote_is_one_quote_with_segments(blank_nlp: Language) -> None:
    text = 'He said:\n\n"First part.\n\n"Second part.\n"Third part," he added.'
    q = only(blank_nlp, text)
    assert q.start == text.index("First")
    assert q.end == text.index('," he added') + 1
    assert [s.text for s in q.segments] == ["First part.", "Second part.", "Third part,"]
    assert q.close_mark == '"'


def test_a_straight_opening_mark_before_a_closer_cuts_the_open_quote(
    blank_nlp: Language,
) -> None:
    # the first passage never closes: the mark before "they" opens the next one, which closes
    text = (
        '"It is a good day for drivers, Ruiz said. She said the police may still use them, '
        'only that "they need a warrant first."'
    )
    assert [(q.text, q.close_mark) for q in quotes_of(blank_nlp, text)] == [
        (
            "It is a good day for drivers, Ruiz said. She said the police may still use them, "
            "only that",
            None,
        ),
        ("they need a warrant first.", '"'),
    ]


def test_a_straight_opening_mark_before_two_closers_nests(blank_nlp: Language) -> None:
    text = 'Lee wrote, "Reports say the man shouted "Stop!" at the guards." It was late.'
    assert [q.text for q in quotes_of(blank_nlp, text)] == [
        'Reports say the man shouted "Stop!" at the guards.'
    ]


def test_a_straight_closing_mark_set_apart_the_wrong_way_still_closes(
    blank_nlp: Language,
) -> None:
    # no closing mark after it, but an opening one: it closes the first passage
    text = '"We won "Lee said, "and we will win again."'
    assert [q.text for q in quotes_of(blank_nlp, text)] == ["We won", "and we will win again."]


def test_unclosed_quote_stops_at_its_paragraph(blank_nlp: Language) -> None:
    text = 'She said "this never ends\n\nThe next paragraph has "its own" quote.'
    quotes = quotes_of(blank_nlp, text)
    assert [(q.text, q.close_mark) for q in quotes] == [
        ("this never ends", None),
        ("its own", '"'),
    ]


@pytest.mark.parametrize(
    "attribution", [", said Lee, whose daughter was sick.", ", Dana Lee said.", ", she said."]
)
def test_a_quote_with_its_own_attribution_does_not_run_into_the_next_paragraph(
    blank_nlp: Language, attribution: str
) -> None:
    # the closing mark is lost: the next paragraph's mark opens a quote of its own
    text = f'"I got the call at noon{attribution}\n\n"I am not against it," she added.'
    assert [(q.text, q.close_mark) for q in quotes_of(blank_nlp, text)] == [
        (f"I got the call at noon{attribution}", None),
        ("I am not against it,", '"'),
    ]


def test_a_quote_that_reports_someone_still_goes_on_in_the_next_paragraph(
    blank_nlp: Language,
) -> None:
    text = '"Then, in 2019, Marsh said that more would come.\n\n"That is 12,000 in all."'
    q = only(blank_nlp, text)
    assert [s.text for s in q.segments] == [
        "Then, in 2019, Marsh said that more would come.",
        "That is 12,000 in all.",
    ]


def test_a_line_broken_in_mid_sentence_continues_the_quote(blank_nlp: Language) -> None:
    text = 'Lee said, "we will fix every\nroad in this town," and left.\n\nThe council met.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.close_mark) == (11, 47, '"')
    assert [s.text for s in q.segments] == ["we will fix every", "road in this town,"]
    assert q.type == "partial"


def test_a_quote_cut_after_a_sentence_or_before_a_capital_stays_unclosed(
    blank_nlp: Language,
) -> None:
    text = 'Lee said, "we will fix every road.\nroads matter," he added.'
    assert [(q.start, q.end, q.type) for q in quotes_of(blank_nlp, text)] == [(11, 34, "unclosed")]
    text = 'Lee said, "we will fix every\nRoad in town," he added.'
    assert [(q.start, q.end, q.type) for q in quotes_of(blank_nlp, text)] == [(11, 28, "unclosed")]


def test_stray_marks_do_not_swallow_the_article(blank_nlp: Language) -> None:
    text = 'Height | 6\'2" |\nScore | " |\n\n"Fine," he said. Later "ok" too.'
    assert [q.text for q in quotes_of(blank_nlp, text)] == ["Fine,", "ok"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2029"])
def test_line_endings(blank_nlp: Language, newline: str) -> None:
    text = f'"One,{newline}{newline}"two," he said.{newline}"Three."'
    quotes = quotes_of(blank_nlp, text)
    assert [q.text for q in quotes] == [f'One,{newline}{newline}"two,', "Three."]
    assert [s.text for s in quotes[0].segments] == ["One,", "two,"]


# -- layouts --------------------------------------------------------------------------------------


def test_partial_quote_inside_a_sentence(blank_nlp: Language) -> None:
    text = 'Sessions calls on cities to "enforce our immigration laws"'
    assert spans_of(blank_nlp, text) == [("enforce our immigration laws", "partial")]


def test_quote_split_by_attribution_is_two_quotes(blank_nlp: Language) -> None:
    text = '"We will fight," Garcetti said, "and win."'
    assert [q.text for q in quotes_of(blank_nlp, text)] == ["We will fight,", "and win."]


def test_punctuation_inside_and_outside_the_marks(blank_nlp: Language) -> None:
    inside = '"Get them off our streets," he said.'
    outside = '"Get them off our streets", he said.'
    assert only(blank_nlp, inside).text == "Get them off our streets,"
    assert only(blank_nlp, outside).text == "Get them off our streets"


def test_colon_and_dash_introductions(blank_nlp: Language) -> None:
    colon = 'He put it bluntly: "We are done."'
    dash = 'Her answer \u2014"Never."'
    assert spans_of(blank_nlp, colon) == [("We are done.", "direct")]
    assert spans_of(blank_nlp, dash) == [("Never.", "direct")]


def test_whitespace_inside_marks_is_trimmed(blank_nlp: Language) -> None:
    text = 'He said " \u00a0we are ready\u200b " today.'
    q = only(blank_nlp, text)
    assert q.text == "we are ready"
    assert text[q.start : q.end] == q.text


def test_headline_quote(blank_nlp: Language) -> None:
    text = 'Mayor vows to "fight every day" for immigrants\n\nThe mayor spoke on Monday.'
    assert spans_of(blank_nlp, text) == [("fight every day", "partial")]


def test_markup_attributes_are_not_quotes(blank_nlp: Language) -> None:
    text = '<tweet tweet-id="12345"></tweet> He wrote "no way" online.'
    assert [q.text for q in quotes_of(blank_nlp, text)] == ["no way"]


def test_long_markup_attributes_are_not_quotes(blank_nlp: Language) -> None:
    long_value = " ".join(["the ruling stands"] * 40)
    text = f'<post body="{long_value}" date="{long_value}">She said "no way" online.'
    assert [q.text for q in quotes_of(blank_nlp, text)] == ["no way"]


# -- robustness -----------------------------------------------------------------------------------

QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`\u201e"
WEIRD_CHARS = "\n\r\u2029\x00\x0b\u00a0\u200b\u200f\u05d0\U0001f600 .,:;-\u2014<>="
quote_heavy_text = st.text(
    alphabet=st.sampled_from(QUOTE_CHARS + WEIRD_CHARS + "aB1 "), max_size=200
)


def check_invariants(text: str, quotes: list[Quote]) -> None:
    prev_end = -1
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= prev_end, "quotes overlap or are out of order"
        prev_end = q.end
        assert q.segments, "every quote has at least one segment"
        assert q.segments[0].start == q.start and q.segments[-1].end == q.end
        for seg in q.segments:
            assert q.start <= seg.start < seg.end <= q.end
            assert text[seg.start : seg.end] == seg.text
        assert q.type in {"direct", "partial", "scare", "title", "unclosed"}


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), quote_heavy_text))
def test_any_text_gives_valid_quotes(text: str) -> None:
    check_invariants(text, find_quotes(text))


@settings(max_examples=150, deadline=None)
@given(quote_heavy_text)
def test_any_text_gives_valid_spans(blank_nlp: Language, text: str) -> None:
    doc = blank_nlp(text)
    quotes = [span._.quote for span in doc.spans[QUOTES_KEY]]
    check_invariants(text, quotes)
    previous_end = 0
    offsets: set[tuple[int, int]] = set()
    for span in doc.spans[QUOTES_KEY]:
        q = span._.quote
        # the span reaches the token holding the quote's last character; it starts on the token
        # holding its first one, unless the span before took that token (two quotes in one
        # token: the later span starts after it, or is widened by a token to stay distinct)
        assert span.start_char < q.end <= span.end_char
        assert span.start_char <= q.start or span.start <= previous_end
        assert (span.start_char, span.end_char) not in offsets  # one span (one `_`) per quote
        offsets.add((span.start_char, span.end_char))
        previous_end = span.end


@pytest.mark.parametrize(
    "text",
    ["", '"', '""', "''", "\u201c\u201d", '" "', '\x00"\x00"\x00', '\u200b"\u200b"', "\r\n\r\n"],
)
def test_degenerate_texts(blank_nlp: Language, text: str) -> None:
    check_invariants(text, quotes_of(blank_nlp, text))


def test_many_quote_marks_are_fast(blank_nlp: Language) -> None:
    text = ('"' * 10_000) + ("a \u201cb\u201d " * 5_000) + ("'" * 10_000)
    started = time.perf_counter()
    quotes = find_quotes(text)
    assert time.perf_counter() - started < 3.0
    assert len(quotes) == 5_000
    # (spaCy's tokenizer is slow on runs of marks, so the component gets them spaced out)
    text = ('" ' * 10_000) + ("a \u201cb\u201d " * 5_000) + ("' " * 10_000)
    doc = blank_nlp.make_doc(text)
    finder = blank_nlp.get_pipe("quote_finder")
    started = time.perf_counter()
    doc = finder(doc)
    assert time.perf_counter() - started < 3.0
    check_invariants(text, [span._.quote for span in doc.spans[QUOTES_KEY]])


@pytest.mark.parametrize(
    ("opening", "fragment"),
    [
        ('called the board "a tribunal in name only.', False),
        ('said "We will rebuild every road.', True),  # a whole quotation runs on
        ('said, "we will rebuild every road.', True),
    ],
)
def test_only_a_whole_quotation_runs_on_into_the_next_paragraph(
    blank_nlp: Language, opening: str, fragment: bool
) -> None:
    """A fragment opened inside a sentence has lost its closing mark: the next paragraph's mark
    opens a quote of its own, which the fragment does not swallow."""
    text = f'Morrow {opening}\n\n"A year is not a delay," Morrow said.'
    texts = [q.text for q in quotes_of(blank_nlp, text)]
    if fragment:
        assert len(texts) == 1 and texts[0].endswith("A year is not a delay,")
    else:
        assert texts == ["a tribunal in name only.", "A year is not a delay,"]
