"""The confidence of an attribution: the calibrated probability that its speaker is right.

Each attribution is described by a few features — how it was found (layout, resolution kind),
what names the speaker (a person's name, an organisation, a common noun, a pronoun), and for a
pronoun how contested its antecedent was (candidates, score margin, distance, known gender) — and
a logistic model maps them to a probability. The model's weights are data (`models/
confidence.json`), fitted by `quotes train confidence` on the training articles (pronoun
antecedents on the annotated dev articles, by cross-validation); nothing is fitted at start-up.
Without a fitted model every attribution gets its layout's prior.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from app.pipeline.syntax import ORG_LABELS, PERSON_LABELS
from app.pipeline.types import Resolution, SpeakerCandidate

# Resolution kinds the model tells apart (one feature each, "none" = no mention at all).
RESOLUTION_FEATURES: tuple[str, ...] = ("explicit", "alias", "nominal", "pronoun", "context")
# How many tokens between a mention and its quote count as "far" (log scale beyond).
FAR_MENTION_TOKENS = 30
# Caps of the pronoun features (beyond them more adds no information).
MAX_CANDIDATES = 4
MAX_MARGIN = 3.0
MAX_SENTENCES_BACK = 10


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known about one attribution when its confidence is computed."""

    candidate: SpeakerCandidate | None
    resolution: Resolution | None  # None: nothing resolved (no mention, or unresolved)
    quote_type: str
    candidates: int = 0  # entities a pronoun could have meant
    margin: float | None = None  # score lead of the chosen antecedent
    sentences_back: int = 0
    known_gender: bool = False
    speaker_quotes: int = 0  # quotes the article gives this speaker so far


def features(doc: Doc, evidence: Evidence, quote_start: int) -> dict[str, float]:
    """The feature vector of one attribution, by name (absent features are 0)."""
    c = evidence.candidate
    out: dict[str, float] = {}
    if evidence.resolution is not None:
        out[f"resolution={evidence.resolution}"] = 1.0
    else:
        out["unresolved"] = 1.0
    # reported speech has no speaker far more often than a quotation (`is expected to`, `was
    # asked whether`): without this the two share one rate
    if evidence.quote_type == "indirect":
        out["indirect"] = 1.0
    if c is None or c.mention is None or c.head is None:
        out["no_mention"] = 1.0
        return out
    out[f"layout={c.layout}"] = 1.0
    out["prior"] = c.prior
    head = doc[c.head]
    if head.pos_ == "PRON":
        out["head=pronoun"] = 1.0
    elif head.ent_type_ in PERSON_LABELS:
        out["head=person"] = 1.0
    elif head.ent_type_ in ORG_LABELS:
        out["head=organization"] = 1.0
    elif head.pos_ == "PROPN":
        out["head=name"] = 1.0
    else:
        out["head=noun"] = 1.0
    out["partial"] = float(evidence.quote_type == "partial")
    out["no_cue"] = float(c.cue is None)
    gap = abs(c.head - quote_start)
    out["log_gap"] = math.log1p(min(gap, 10 * FAR_MENTION_TOKENS)) / math.log1p(FAR_MENTION_TOKENS)
    out["log_speaker_quotes"] = math.log1p(evidence.speaker_quotes)
    if evidence.resolution == "pronoun":
        out["pronoun_candidates"] = float(min(evidence.candidates, MAX_CANDIDATES))
        out["pronoun_alone"] = float(evidence.candidates == 1)
        margin = evidence.margin if evidence.margin is not None else MAX_MARGIN
        out["pronoun_margin"] = min(margin, MAX_MARGIN)
        out["pronoun_back"] = float(min(evidence.sentences_back, MAX_SENTENCES_BACK))
        out["pronoun_known_gender"] = float(evidence.known_gender)
    return out


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """p = sigmoid(intercept + sum of weight * feature)."""

    weights: Mapping[str, float]
    intercept: float

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {"intercept": self.intercept, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LogisticModel:
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            intercept=float(data["intercept"]),
        )


@dataclass(frozen=True, slots=True)
class Calibrator:
    """Two fitted models: one for pronoun-resolved attributions, one for all the others."""

    general: LogisticModel | None = None
    pronoun: LogisticModel | None = None
    meta: Mapping[str, Any] | None = None

    def confidence(self, values: Mapping[str, float], *, pronoun: bool, prior: float) -> float:
        model = self.pronoun if pronoun and self.pronoun is not None else self.general
        if model is None:
            return round(prior, 3)
        return round(model.probability(values), 3)

    def to_json(self) -> dict[str, Any]:
        return {
            "general": self.general.to_json() if self.general else None,
            "pronoun": self.pronoun.to_json() if self.pronoun else None,
            "meta": dict(self.meta or {}),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Calibrator:
        return cls(
            general=LogisticModel.from_json(data["general"]) if data.get("general") else None,
            pronoun=LogisticModel.from_json(data["pronoun"]) if data.get("pronoun") else None,
            meta=data.get("meta") or {},
        )


def as_pairs(values: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((k, round(v, 4)) for k, v in values.items()))


def vectorize(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> list[list[float]]:
    """Feature dicts -> rows of a matrix over `names` (for fitting tools)."""
    return [[row.get(name, 0.0) for name in names] for row in rows]
