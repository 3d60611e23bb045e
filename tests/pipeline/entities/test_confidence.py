"""The confidence features and the calibrator that turns them into a probability."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from app.pipeline.entities.confidence import Calibrator, Evidence, LogisticModel, features
from app.pipeline.types import SpeakerCandidate


def _doc() -> Doc:
    words = ['"', "We", "won", ",", '"', "she", "said", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["PUNCT", "PRON", "VERB", "PUNCT"] * 2)
    return doc


def test_pronoun_features_describe_the_contest() -> None:
    candidate = SpeakerCandidate((5, 6), 5, (6, 7), "after", 0.9, True)
    evidence = Evidence(candidate, "pronoun", "direct", candidates=3, margin=0.4, sentences_back=2)
    values = features(_doc(), evidence, 1)
    assert values["resolution=pronoun"] == 1.0
    assert values["layout=after"] == 1.0
    assert values["pronoun_candidates"] == 3.0 and values["pronoun_alone"] == 0.0
    assert values["pronoun_margin"] == 0.4 and values["pronoun_back"] == 2.0
    assert values["prior"] == 0.9 and values["no_cue"] == 0.0


def test_no_mention_is_its_own_feature() -> None:
    values = features(_doc(), Evidence(None, None, "direct"), 1)
    assert values == {"unresolved": 1.0, "no_mention": 1.0}
    # reported speech is told apart: it has no speaker far more often than a quotation
    values = features(_doc(), Evidence(None, None, "indirect"), 1)
    assert values == {"unresolved": 1.0, "no_mention": 1.0, "indirect": 1.0}


def test_calibrator_uses_the_pronoun_model_for_pronouns_and_the_prior_without_models() -> None:
    general = LogisticModel({"x": 2.0}, 0.0)
    pronoun = LogisticModel({}, -1.0)
    calibrator = Calibrator(general, pronoun)
    assert calibrator.confidence({"x": 1.0}, pronoun=False, prior=0.5) == pytest.approx(0.881)
    assert calibrator.confidence({"x": 1.0}, pronoun=True, prior=0.5) == pytest.approx(0.269)
    assert Calibrator().confidence({"x": 1.0}, pronoun=False, prior=0.62) == 0.62
    again = Calibrator.from_json(calibrator.to_json())
    assert again.general == general and again.pronoun == pronoun
