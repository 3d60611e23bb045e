"""The learned speech classifier: its JSON, its arithmetic, and how it sits beside the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from app.pipeline.quotes.classify import passage_verdict
from app.pipeline.quotes.component import QuoteFinder
from app.pipeline.quotes.features import Features
from app.pipeline.quotes.model import SOFT_RULES, SpeechModel, with_rule
from tests.pipeline.quotes.conftest import quote_finder_data
from tests.pipeline.support import MODELS, spans_of


def model(bias: float, **weights: float) -> SpeechModel:
    return SpeechModel(tuple(weights), tuple(weights.values()), bias, threshold=0.5)


def features(n_words: int = 2, **values: float) -> Features:
    return Features({"tagged": 1.0, **values}, n_words)


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    m = model(-1.0, first_person=3.0, words_1=-2.0)
    assert m.probability(features(first_person=1.0)) == pytest.approx(1 / (1 + 2.718281828**-2))
    assert m.is_speech(features(first_person=1.0))
    assert not m.is_speech(features(words_1=1.0))


def test_json_round_trip_and_errors() -> None:
    m = model(0.25, ends_sentence=1.5)
    assert SpeechModel.from_dict(json.loads(json.dumps(m.to_dict()))) == m
    with pytest.raises(ValueError, match="features, weights and bias"):
        SpeechModel.from_dict({"features": ["a"]})
    with pytest.raises(ValueError, match="one weight per feature"):
        SpeechModel(("a", "b"), (1.0,), 0.0)
    with pytest.raises(ValueError, match="threshold"):
        SpeechModel(("a",), (1.0,), 0.0, threshold=1.5)


def test_the_trained_model_file_is_valid() -> None:
    m = SpeechModel.from_path(MODELS / "quote_classifier.json")
    assert len(m.features) == len(m.weights) > 10
    assert "headline" not in m.features  # headlines are not annotated in the training corpus
    assert {"rule_" + name for name in SOFT_RULES} <= set(m.features)


def test_model_overrules_weak_evidence_only() -> None:
    # a bare title-case name with no one speaking: the rules say title, a confident model speech
    weak = features(title_case=1.0)
    assert passage_verdict(weak)[0] == "title"
    keen = model(5.0)
    assert passage_verdict(weak, keen) == ("partial", "model")
    # "so-called" defines a scare quote: no model overrules it
    defined = features(scare_cue=1.0)
    assert passage_verdict(defined, keen) == ("scare", "scare_cue")
    # an untagged doc: the rules decide
    assert passage_verdict(Features({"title_case": 1.0}, 2), keen)[0] == "title"


def test_model_demotes_speech_it_doubts() -> None:
    doubtful = model(-5.0)
    assert passage_verdict(features(at_sentence_start=1.0), doubtful) == ("scare", "model")
    assert passage_verdict(features(title_case=1.0, at_sentence_start=1.0), doubtful) == (
        "title",
        "model",
    )


def test_with_rule_marks_the_soft_rule_only() -> None:
    marked = with_rule(features(), "bare_name")
    assert marked["rule_bare_name"] == 1.0
    assert sum(marked["rule_" + name] for name in SOFT_RULES) == 1.0


def test_finder_saves_and_reloads_its_model(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    finder.initialize(lambda: [], nlp=nlp, **quote_finder_data())
    assert finder.model is not None
    finder.to_disk(tmp_path / "qf")
    other = spacy.blank("en").add_pipe("quote_finder")
    assert isinstance(other, QuoteFinder)
    other.from_disk(tmp_path / "qf")
    assert other.model == finder.model and other.lexicons == finder.lexicons


def test_model_is_loaded_from_a_path_or_left_out(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model(1.0, words_1=1.0).to_dict()), encoding="utf8")
    finder.initialize(lambda: [], nlp=nlp, classifier=path)
    assert finder.model == model(1.0, words_1=1.0)
    finder.initialize(lambda: [], nlp=nlp)
    assert finder.model is None


def test_use_model_switches_the_model_on(nlp: Language) -> None:
    finder = nlp.get_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder) and finder.model is not None
    text = 'Fans watched "Saturday Night Live" on the weekend.'
    before = spans_of(nlp, text)
    saved = finder.use_model
    try:
        finder.use_model = True
        with_model = spans_of(nlp, text)
    finally:
        finder.use_model = saved
    assert before == [("Saturday Night Live", "title")]
    assert [t for t, _ in with_model] == ["Saturday Night Live"]


def test_training_examples_of_a_doc(quote_nlp: Language) -> None:
    finder = quote_nlp.get_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    text = 'Mayor vows to "fight on"\n\n"We will win," she said. Fans loved the "undercard" debate.'
    text += ' Critics banned the word "woke" and "meh".'
    doc = quote_nlp.make_doc(text)
    won = text.index("We will")
    examples = finder.training_examples(doc, [(won, won + len("We will win,"))])
    # the headline's passage is unlabelled; "woke" (a word as a word) and "meh" (the next item
    # of its list) are typed by rules that define a type: none of them is an example;
    # "undercard" is typed by a weak rule, which the model reads as a feature
    assert [label for _, label in examples] == [True, False]
    assert examples[1][0]["rule_noun_modifier"] == 1.0
    assert all("headline" not in values for values, _ in examples)
