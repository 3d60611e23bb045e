"""The learned report filter: its parameters as data, what it keeps, and the shipped model
keeping plain reports."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.reported.component import ReportedSpeech
from app.pipeline.reported.model import ReportModel
from tests.pipeline.support import initialize_data


def test_the_model_round_trips_and_decides_by_threshold() -> None:
    model = ReportModel(weights={"layout=clause": 2.0, "lemma=say": 1.0}, bias=-1.0)
    assert ReportModel.from_dict(model.to_dict()) == model
    assert model.keeps(["layout=clause"])  # sigmoid(1) > 0.5
    assert not model.keeps(["layout=object"])  # sigmoid(-1) < 0.5
    assert model.probability(["unknown"]) == pytest.approx(1 / (1 + 2.718281828**1))


def test_a_model_needs_weights_and_a_threshold_inside_zero_one() -> None:
    with pytest.raises(ValueError, match="weights and a bias"):
        ReportModel.from_dict({"bias": 0.0})
    with pytest.raises(ValueError, match="threshold"):
        ReportModel(weights={}, bias=0.0, threshold=1.0)


def _parsed() -> Doc:
    """Lee said it works .  (hand-set heads)"""
    words = ["Lee", "said", "it", "works", "."]
    heads = [1, 1, 3, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "PRON", "VERB", "PUNCT"]
    lemmas = ["Lee", "say", "it", "work", "."]
    tags = ["NNP", "VBD", "PRP", "VBZ", "."]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def test_the_filter_drops_what_the_model_rejects_and_is_saved() -> None:
    component = spacy.blank("en").add_pipe("reported_speech", config={"use_model": True})
    assert isinstance(component, ReportedSpeech)
    data = initialize_data("reported_speech")
    data["classifier"] = {"weights": {"lemma=say": -9.0}, "bias": 1.0, "threshold": 0.5}
    component.initialize(lambda: [], **data)
    assert component.find(_parsed()) == []
    component.use_model = False
    assert [f.cue.layout for f in component.find(_parsed())] == ["clause"]
    again = spacy.blank("en").add_pipe("reported_speech", config={"use_model": True})
    assert isinstance(again, ReportedSpeech)
    again.from_bytes(component.to_bytes())
    assert again.model == component.model and again.find(_parsed()) == []


def test_training_examples_describe_every_passage_of_the_rules() -> None:
    component = spacy.blank("en").add_pipe("reported_speech", config={"use_model": True})
    assert isinstance(component, ReportedSpeech)
    data = initialize_data("reported_speech")
    data["classifier"] = {"weights": {"lemma=say": -9.0}, "bias": 1.0}
    component.initialize(lambda: [], **data)
    [(features, start, end)] = component.training_examples(_parsed())
    assert "layout=clause" in features and "lemma=say" in features
    assert (start, end) == (9, 17)  # "it works"
    assert component.use_model  # restored


@pytest.mark.full_model
@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez said the bridge would open in May.",
        "The bridge will open in May, according to Maria Lopez.",
        "Maria Lopez told reporters that the bridge would open in May.",
    ],
)
def test_the_shipped_model_keeps_plain_reports(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [s._.quote.type for s in doc.spans["quotes"]] == ["indirect"]
