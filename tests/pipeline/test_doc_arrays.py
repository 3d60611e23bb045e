"""Per-token facts read from the doc's arrays in one pass agree with spaCy's token attributes."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.entities.names import NAME_DEPS
from app.pipeline.entities.salience import sentence_ids
from app.pipeline.quotes.parse import governing_verb, head_indices, top_token
from app.pipeline.speakers.context import is_mark, mark_or_blank
from app.pipeline.syntax import proper_nouns_in, verb_lemma_mask


def test_sentence_ids_number_the_sentences() -> None:
    words = ["Lee", "spoke", ".", "Ann", "left", "!", "Then", "rain", "."]
    starts = [True, False, False, True, False, False, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=starts)
    assert sentence_ids(doc) == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert sentence_ids(doc) == [k for k, s in enumerate(doc.sents) for _ in s]


def test_marks_punctuation_and_spaces_are_flagged_per_token() -> None:
    doc = spacy.blank("en")("He said \"so ,\"  \u201cyes\u201d '' today.\n\nOK")
    assert mark_or_blank(doc).tolist() == [is_mark(t) or t.is_punct or t.is_space for t in doc]
    assert [t.text for t, flag in zip(doc, mark_or_blank(doc).tolist(), strict=True) if flag] == [
        '"',
        ",",
        '"',
        " ",
        "\u201c",
        "\u201d",
        "''",
        ".",
        "\n\n",
    ]
    assert mark_or_blank(spacy.blank("en")("")).tolist() == []


def test_proper_nouns_by_their_attachment() -> None:
    words = ["Lee", "told", "Ann", "about", "Paris", "and", "Rome"]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN"]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj"]
    heads = [1, 1, 1, 1, 3, 4, 4]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads)
    assert proper_nouns_in(doc, NAME_DEPS) == [0, 4]  # subject and object of a preposition
    assert proper_nouns_in(doc, frozenset({"dobj", "conj"})) == [2, 6]


def test_top_token_and_governing_verb_from_the_head_array() -> None:
    # Lee thinks that cats are cuties .   (hand-set parse)
    words = ["Lee", "thinks", "that", "cats", "are", "cuties", "."]
    heads = [1, 1, 4, 4, 1, 4, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "attr", "punct"]
    pos = ["PROPN", "VERB", "SCONJ", "NOUN", "AUX", "NOUN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert head_indices(doc).tolist() == heads
    cuties = doc[5:6]
    top = top_token(cuties, head_indices(doc))
    assert top.text == "cuties"
    assert governing_verb(cuties, top).text == "thinks"  # past the copula "are"
    clause = doc[2:6]  # "that cats are cuties": its top is "are", whose head leaves the span
    assert top_token(clause, head_indices(doc)).text == "are"
    assert top_token(doc[0:7], head_indices(doc)).text == "thinks"  # the root is its own head


def test_verb_lemma_mask_marks_the_verbs_whose_lower_cased_lemma_is_a_cue() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Lee", "Said", "the", "said", "plan", "Warned", "ran"],
        pos=["PROPN", "VERB", "DET", "ADJ", "NOUN", "AUX", "VERB"],
        lemmas=["Lee", "Say", "the", "say", "plan", "Warn", "run"],
    )
    cues = frozenset({"say", "warn"})
    # "said" as an adjective is no cue though its lemma is; "ran" is a verb but no cue
    assert verb_lemma_mask(doc, cues).tolist() == [False, True, False, False, False, True, False]
    assert verb_lemma_mask(Doc(doc.vocab, words=["plan"], pos=["NOUN"]), cues).tolist() == [False]
