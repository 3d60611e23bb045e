"""Long texts in pieces: where the cuts go, what each component sees, batching, checkpoints, and
(full model) the same answer as the whole text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
import spacy
from spacy.attrs import NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline import pipe_in_pieces
from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.pieces import (
    MAX_WHOLE_TOKENS,
    PIECE_TOKENS,
    cut_points,
    split_doc,
    whole_doc_components,
)
from app.pipeline.quotes.component import QuoteFinder
from app.service import lanes
from tests.pipeline.support import initialize_data

RECORDER = "test_pieces_recorder"


class Recorder:
    """A stand-in for a base component: records the length of every doc of every batch."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def __call__(self, doc: Doc) -> Doc:
        self.batches.append([len(doc)])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        batch = list(docs)
        self.batches.append([len(doc) for doc in batch])
        yield from batch


@Language.factory(RECORDER)
def make_recorder(nlp: Language, name: str) -> Recorder:
    return Recorder()


@pytest.fixture
def pieced_nlp() -> Language:
    """Blank English: a recording "base" component, then the quote finder (a whole-doc one)."""
    nlp = spacy.blank("en")
    nlp.add_pipe(RECORDER)
    finder = nlp.add_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.initialize(lambda: [], nlp=nlp, **initialize_data("quote_finder"))
    return nlp


def recorder(nlp: Language) -> Recorder:
    component = nlp.get_pipe(RECORDER)
    assert isinstance(component, Recorder)
    return component


def test_the_pieces_constants_agree_with_the_service() -> None:
    assert lanes.MAX_WHOLE_TOKENS == MAX_WHOLE_TOKENS
    assert PIECE_TOKENS < MAX_WHOLE_TOKENS


def test_whole_doc_components_are_ours_and_everything_after(pieced_nlp: Language) -> None:
    assert whole_doc_components(pieced_nlp) == ["quote_finder"]
    assert whole_doc_components(spacy.blank("en")) == []


# -- where the cuts go -------------------------------------------------------------------------


def piece_texts(doc: Doc, piece_tokens: int) -> list[str]:
    return [p.text for p in split_doc(doc, 0, piece_tokens)]


def test_a_cut_goes_after_the_last_paragraph_break_in_the_window() -> None:
    nlp = spacy.blank("en")
    text = "one two three.\n\nfour five six seven.\nEight nine. Ten"
    doc = nlp.make_doc(text)
    assert [t.text for t in doc][:8] == ["one", "two", "three", ".", "\n\n", "four", "five", "six"]
    assert piece_texts(doc, 8) == [
        "one two three.\n\n",
        "four five six seven.\n",
        "Eight nine. Ten",
    ]


def test_then_a_line_break_then_a_sentence_end_then_any_space() -> None:
    nlp = spacy.blank("en")
    assert piece_texts(nlp.make_doc("a b c d\ne f g h i j"), 6) == ["a b c d\n", "e f g h i j"]
    # "Mr." is not a sentence end: the cut goes after the full stop
    sentence = nlp.make_doc("Mr. Obama said so . He did it again")
    assert piece_texts(sentence, 8) == ["Mr. Obama said so . ", "He did it again"]
    assert piece_texts(nlp.make_doc("a b c d e f g h"), 3) == ["a b c ", "d e f ", "g h"]


def test_a_run_without_whitespace_is_cut_between_two_tokens() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("!" * 20)
    assert len(doc) == 20
    pieces = split_doc(doc, 0, 6)
    assert [len(p) for p in pieces] == [6, 6, 6, 2]
    assert "".join(p.text for p in pieces) == doc.text


def test_pieces_hold_exactly_the_texts_tokens() -> None:
    nlp = spacy.blank("en")
    text = "I can't go.  We won't!\n\n“Mr. Smith,” she said,\twhy?\n" * 40
    doc = nlp.make_doc(text)
    pieces = split_doc(doc, 50, 37)
    assert len(pieces) > 1 and max(len(p) for p in pieces) <= 37
    assert min(len(p) for p in pieces[:-1]) >= 37 // 2  # cut in the window's second half
    joined = Doc.from_docs(pieces, ensure_whitespace=False)
    assert joined.text == text
    attrs = [ORTH, NORM, SPACY]  # what the tokenizer set, its exceptions' norms included
    assert joined.to_array(attrs).tolist() == doc.to_array(attrs).tolist()


def test_a_text_within_max_tokens_is_not_cut() -> None:
    doc = spacy.blank("en").make_doc("a b c d e")
    assert split_doc(doc, 5, 2) == [doc]
    assert cut_points(doc, 5) == [0]
    with pytest.raises(ValueError):
        cut_points(doc, 0)


# -- the pipeline over pieces ------------------------------------------------------------------


def test_base_components_see_pieces_ours_the_whole_article(pieced_nlp: Language) -> None:
    words = " ".join(f"w{n}" for n in range(30))
    text = f'Intro.\n\n"{words}," she said.\n\nThe end.'
    ((doc, context),) = pipe_in_pieces(pieced_nlp, [(text, "ctx")], max_tokens=10, piece_tokens=8)
    assert context == "ctx"
    assert doc.text == text
    assert all(n <= 8 for batch in recorder(pieced_nlp).batches for n in batch)
    (quote,) = doc.spans[QUOTES_KEY]  # found on the whole text, across several pieces
    assert quote.text == f"{words},"
    assert text[quote._.quote.start : quote._.quote.end] == f"{words},"
    assert [t.idx for t in doc] == [t.idx for t in pieced_nlp.make_doc(text)]


def test_answers_come_in_input_order_and_batches_are_bounded(pieced_nlp: Language) -> None:
    short = ["a b", "c d e", "f", "g h i j"]
    long = " ".join(["x"] * 25)
    items = [(short[0], 0), (short[1], 1), (long, 2), (short[2], 3), (short[3], 4)]
    seen: list[int] = []
    out = list(
        pipe_in_pieces(
            pieced_nlp,
            items,
            batch_size=2,
            max_tokens=10,
            piece_tokens=10,
            checkpoint=seen.append,
        )
    )
    assert [context for _, context in out] == [0, 1, 2, 3, 4]
    assert [doc.text for doc, _ in out] == [text for text, _ in items]
    # whole texts share batches (at most 2 texts, 10 tokens); each piece of the long one is alone
    assert recorder(pieced_nlp).batches == [[2, 3], [10], [10], [5], [1, 4]]
    # after every batch its tokens; 0 before each whole-document stage
    assert seen == [5, 0, 0, 10, 10, 5, 0, 5, 0, 0]


def test_a_checkpoint_that_raises_stops_the_work(pieced_nlp: Language) -> None:
    long = " ".join(["x"] * 100)

    def stop_after_two(tokens: int) -> None:
        if len(recorder(pieced_nlp).batches) >= 2:
            raise TimeoutError

    with pytest.raises(TimeoutError):
        list(
            pipe_in_pieces(
                pieced_nlp, [(long, 0)], max_tokens=10, piece_tokens=10, checkpoint=stop_after_two
            )
        )
    assert len(recorder(pieced_nlp).batches) == 2


def test_bad_sizes_are_refused(pieced_nlp: Language) -> None:
    with pytest.raises(ValueError, match="positive"):
        list(pipe_in_pieces(pieced_nlp, [("a", 0)], piece_tokens=0))


# -- the full model ----------------------------------------------------------------------------


def test_a_long_article_in_pieces_answers_as_the_whole_text(nlp: Language, seed_text: str) -> None:
    text = "\n\n".join([seed_text.strip()] * 9)  # ~6,000 tokens: over MAX_WHOLE_TOKENS
    ((pieced, _),) = pipe_in_pieces(nlp, [(text, None)])
    whole = nlp(text)
    assert len(whole) > MAX_WHOLE_TOKENS
    assert pieced.text == text and len(pieced) == len(whole)

    def answers(doc: Doc) -> list[tuple[object, ...]]:
        return [
            (s.start_char, s.end_char, s._.quote.type, s._.attribution)
            for s in doc.spans[QUOTES_KEY]
        ]

    assert answers(pieced) == answers(whole)
    assert pieced._.speakers == whole._.speakers
