"""What a matched shape reports (`passages_of`), on hand-made parsed docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.reported.passage import passages_of
from tests.pipeline.support import gapped_doc, hand_parsed

CUES = frozenset({"say"})


def _doc(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    lemmas = ["say" if w == "said" else w.lower() for w in words]
    return Doc(
        spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents, lemmas=lemmas
    )


def _reported(doc: Doc, cue: int, content: int) -> list[str]:
    found = passages_of(doc, "clause", {"cue": cue, "content": content}, CUES)
    return [doc[f.start : f.end].text for f in found]


def test_a_time_between_the_cue_and_the_clause_dates_the_saying_not_the_content() -> None:
    words = ["Berube", "said", "Tuesday", "the", "team", "needs", "help", "."]
    heads = [1, 1, 5, 4, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "npadvmod", "det", "nsubj", "ccomp", "dobj", "punct"]
    ents = ["B-PERSON", "O", "B-DATE", "O", "O", "O", "O", "O"]
    assert _reported(_doc(words, heads, deps, ents), 1, 5) == ["the team needs help"]
    # with a preposition and a comma: `said on Friday, he met Trump`
    words = ["He", "said", "on", "Friday", ",", "he", "met", "Trump", "."]
    heads = [1, 1, 6, 2, 6, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "nsubj", "ccomp", "dobj", "punct"]
    ents = ["O", "O", "O", "B-DATE", "O", "O", "O", "B-PERSON", "O"]
    assert _reported(_doc(words, heads, deps, ents), 1, 6) == ["he met Trump"]


def test_a_time_that_is_the_clauses_subject_or_not_a_time_stays() -> None:
    words = ["Berube", "said", "Monday", "was", "the", "deadline", "."]
    heads = [1, 1, 3, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "det", "attr", "punct"]
    ents = ["B-PERSON", "O", "B-DATE", "O", "O", "O", "O"]
    assert _reported(_doc(words, heads, deps, ents), 1, 3) == ["Monday was the deadline"]
    # `said frankly the team needs help`: no date, no time
    words = ["Berube", "said", "frankly", "the", "team", "needs", "help", "."]
    heads = [1, 1, 5, 4, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "npadvmod", "det", "nsubj", "ccomp", "dobj", "punct"]
    ents = ["B-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    doc = _doc(words, heads, deps, ents)
    assert _reported(doc, 1, 5) == ["frankly the team needs help"]


def test_a_clause_before_a_cue_whose_words_follow_it_is_not_what_it_reports() -> None:
    doc = gapped_doc()
    assert _reported(doc, 9, 2) == []
    assert _reported(doc, 9, 11) == ["could prolong the strike"]
    # with nothing after the cue, the clause before is what it reports
    words = ["The", "union", "rejected", "the", "offer", ",", "officials", "said", "."]
    heads = [1, 2, 7, 4, 2, 7, 7, 7, 7]
    deps = ["det", "nsubj", "ccomp", "det", "dobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"]
    doc = hand_parsed(words, heads, deps, pos)
    assert _reported(doc, 7, 2) == ["The union rejected the offer"]
