"""The shape and phrase matchers: the same matches as spaCy's DependencyMatcher and Matcher,
from anchors."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc

from app.pipeline.lexicon import read_patterns
from app.pipeline.shapes import (
    ColumnCheck,
    compile_phrases,
    compile_shapes,
    hashes_of,
    in_sorted,
    match,
    match_phrases,
)
from tests.pipeline.support import MODELS

PATTERNS = [
    {
        "label": "clause",
        "pattern": [
            {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": ["say", "tell"]}}},
            {
                "LEFT_ID": "cue",
                "REL_OP": ">",
                "RIGHT_ID": "content",
                "RIGHT_ATTRS": {"DEP": "ccomp"},
            },
        ],
    },
    {
        "label": "up",
        "pattern": [
            {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "say", "DEP": {"NOT_IN": ["ROOT"]}}},
            {
                "LEFT_ID": "cue",
                "REL_OP": "<",
                "RIGHT_ID": "content",
                "RIGHT_ATTRS": {"POS": "VERB"},
            },
        ],
    },
]


def _doc() -> Doc:
    """Lee said it works , Ann said .  (hand-set heads: the second "said" hangs from "works")"""
    words = ["Lee", "said", "it", "works", ",", "Ann", "said", "."]
    heads = [1, 1, 3, 1, 6, 6, 3, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "nsubj", "parataxis", "punct"]
    pos = ["PROPN", "VERB", "PRON", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    lemmas = ["Lee", "say", "it", "work", ",", "Ann", "say", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def _spacys_matches(doc: Doc, patterns: list[dict[str, Any]]) -> list[tuple[str, list[int]]]:
    """(label, token indices in node order) of every match spaCy's DependencyMatcher finds."""
    spacy_matcher = DependencyMatcher(doc.vocab)
    for entry in patterns:
        spacy_matcher.add(entry["label"], [entry["pattern"]])
    return sorted((doc.vocab.strings[m], list(tokens)) for m, tokens in spacy_matcher(doc))


def test_matches_equal_spacys() -> None:
    doc = _doc()
    ours = match(doc, compile_shapes(doc.vocab, PATTERNS))
    assert ours == [("clause", {"cue": 1, "content": 3}), ("up", {"cue": 6, "content": 3})]
    assert _spacys_matches(doc, PATTERNS) == sorted(
        (label, list(nodes.values())) for label, nodes in ours
    )


def test_word_lists_share_one_prefilter_and_still_match_alone() -> None:
    """The first-node word lists of one set of patterns are searched as one union; a word in the
    union but not in a pattern's own list ("say" for a `tell` pattern) does not match it."""
    tell = {
        "label": "told",
        "pattern": [{"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": ["tell"]}}}],
    }
    by_dep = {"label": "root", "pattern": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"DEP": "ROOT"}}]}
    doc = _doc()
    shapes = compile_shapes(doc.vocab, [*PATTERNS, tell, by_dep])
    assert [s.prefilter for s in shapes[:3]] == [
        ColumnCheck("LEMMA", frozenset({"say", "tell"}), frozenset())
    ] * 3
    assert shapes[3].prefilter is None
    ours = match(doc, shapes)
    assert ours == [
        ("clause", {"cue": 1, "content": 3}),
        ("root", {"v": 1}),
        ("up", {"cue": 6, "content": 3}),
    ]
    assert _spacys_matches(doc, [*PATTERNS, tell, by_dep]) == sorted(
        (label, list(nodes.values())) for label, nodes in ours
    )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"ORTH": "x"}}], "attribute 'ORTH'"),
        (
            [
                {"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": "say"}},
                {"LEFT_ID": "a", "REL_OP": ">>", "RIGHT_ID": "b", "RIGHT_ATTRS": {}},
            ],
            "relation '>>'",
        ),
        ([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "s.*"}}}], "value"),
    ],
)
def test_unsupported_patterns_are_refused_by_name(
    pattern: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        compile_shapes(spacy.blank("en").vocab, [{"label": "odd", "pattern": pattern}])


def test_shipped_passive_agent_pattern_equals_spacys(nlp: Language) -> None:
    """The speaker attributor's dependency pattern, on a parsed article: the same matches."""
    patterns = read_patterns(MODELS / "patterns" / "passive_agent.jsonl")
    doc = nlp(
        "Clinton was asked by reporters about the emails. She was pressed by Tapper on it, "
        "and Sanders was told by aides to wait. Lee asked Ann about it."
    )
    ours = match(doc, compile_shapes(doc.vocab, patterns))
    theirs = _spacys_matches(doc, patterns)
    speakers = [doc[nodes["speaker"]].text for _, nodes in ours]
    assert list(dict.fromkeys(speakers)) == ["reporters", "Tapper", "aides"]
    assert theirs == sorted((label, list(nodes.values())) for label, nodes in ours)


PHRASES = [
    {"label": "according_to", "pattern": [{"LOWER": "according"}, {"LOWER": "to"}]},
    {"label": "said_verb", "pattern": [{"LEMMA": "say"}, {"POS": "PROPN"}]},
    {"label": "verb_it", "pattern": [{"POS": {"IN": ["VERB"]}}, {"LOWER": "it"}]},
]


def test_phrases_match_like_spacys_matcher() -> None:
    words = ["According", "to", "Lee", ",", "hid", "it", "said", "Ann", "according", "to"]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "VERB", "PRON", "VERB", "PROPN", "VERB", "ADP"]
    lemmas = ["accord", "to", "Lee", ",", "hide", "it", "say", "Ann", "accord", "to"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, lemmas=lemmas)
    ours = match_phrases(doc, compile_phrases(doc.vocab, PHRASES))
    # an anchorless phrase is tried at every token; the phrase that ends the doc is found
    assert ours == [
        ("according_to", 0, 2),
        ("verb_it", 4, 6),
        ("said_verb", 6, 8),
        ("according_to", 8, 10),
    ]
    spacy_matcher = Matcher(doc.vocab)
    for entry in PHRASES:
        spacy_matcher.add(entry["label"], [entry["pattern"]])
    theirs = sorted((doc.vocab.strings[m], s, e) for m, s, e in spacy_matcher(doc))
    assert theirs == sorted(ours)
    assert match_phrases(doc[0:0].as_doc(), compile_phrases(doc.vocab, PHRASES)) == []


def test_shipped_cue_phrases_equal_spacys(nlp: Language) -> None:
    patterns = read_patterns(MODELS / "patterns" / "cue_phrases.jsonl")
    doc = nlp("According to Lee, the plan failed. In a statement, Ann said so, according to aides.")
    ours = match_phrases(doc, compile_phrases(doc.vocab, patterns))
    spacy_matcher = Matcher(doc.vocab)
    for entry in patterns:
        spacy_matcher.add(entry["label"], [entry["pattern"]])
    theirs = sorted((doc.vocab.strings[m], s, e) for m, s, e in spacy_matcher(doc))
    assert [doc[s:e].text for _, s, e in ours] == ["According to", "In a statement", "according to"]
    assert theirs == sorted(ours)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ([{"LOWER": "said", "OP": "+"}], "attribute 'OP'"),
        ([{"ORTH": "said"}], "attribute 'ORTH'"),
        ([{"LOWER": {"REGEX": "sa.*"}}], "value"),
    ],
)
def test_unsupported_phrases_are_refused_by_name(
    pattern: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        compile_phrases(spacy.blank("en").vocab, [{"label": "odd", "pattern": pattern}])


HASH_VALUES = st.integers(min_value=0, max_value=2**64 - 1)


@given(st.lists(HASH_VALUES, max_size=40), st.lists(HASH_VALUES, max_size=12))
def test_in_sorted_is_isin(column: list[int], values: list[int]) -> None:
    col = numpy.array(column, dtype="uint64")
    wanted = numpy.array(sorted(set(values)), dtype="uint64")
    # (a column holds repeats and the wanted values: draw some of both)
    col = numpy.concatenate([col, wanted[:3], col[:2]])
    assert in_sorted(col, wanted).tolist() == numpy.isin(col, wanted).tolist()


def test_in_sorted_on_a_doc_column_with_hashes_of() -> None:
    doc = spacy.blank("en")("He said so and she said no")
    lower = doc.to_array("LOWER")
    assert in_sorted(lower, hashes_of(frozenset({"said", "she"}))).tolist() == [
        False,
        True,
        False,
        False,
        True,
        True,
        False,
    ]
    assert in_sorted(lower, hashes_of(frozenset())).tolist() == [False] * 7


def test_shipped_reported_speech_shapes_equal_spacys(nlp: Language) -> None:
    """The reported-speech shapes (the cue lexicon filled in; their first node is tested on the
    doc's columns: lemma in and not in a list, POS, DEP), on a parsed article: the same
    matches as spaCy's DependencyMatcher."""
    filled = nlp.get_pipe("reported_speech").filled_patterns
    doc = nlp(
        "Lee said that the plan was dead. The plan is dead, Ann argued on Monday. According to "
        "aides, the vote slipped. Officials told reporters the talks had failed, and he agreed "
        "that it was over. She admitted that she lied, the report claimed."
    )
    ours = match(doc, compile_shapes(doc.vocab, filled))
    theirs = {(label, tuple(sorted(t))) for label, t in _spacys_matches(doc, filled)}
    assert len(ours) >= 5
    assert {(label, tuple(sorted(nodes.values()))) for label, nodes in ours} == theirs
