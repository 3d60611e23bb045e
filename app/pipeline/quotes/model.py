"""The learned speech classifier: logistic regression over the named features of a passage.

Its parameters are data (`models/quote_classifier.json`, written by
`app/tools/training/quotes.py`): the feature names, one weight each, the bias and the decision
threshold. Applying it is a dot product in plain Python; nothing is fitted at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.pipeline.quotes.features import Features

# Features the model never reads: the headline flag (headlines are not annotated in the training
# corpus, so they are left out of training), the marks' family, a missing closing mark and a
# term defined by a colon or a copula (rules that define a type decide those passages), `tagged`
# and `parsed` (constant in training).
UNLEARNED_FEATURES: frozenset[str] = frozenset(
    {
        "headline",
        "headline_echo",
        "single_marks",
        "foreign_marks",
        "unclosed",
        "defined_term",
        "copula_definition",
        "tagged",
        "parsed",
    }
)
# The rules whose weak evidence the model weighs (stacking: it learns when to trust each one);
# the model reads `rule_<name>` = 1 for the rule that typed the passage.
SOFT_RULES: tuple[str, ...] = ("bare_name", "noun_modifier", "owner_title", "title_head")


@dataclass(frozen=True, slots=True)
class SpeechModel:
    """P(speech | features) = sigmoid(bias + sum(weight * feature))."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    info: str = ""  # what it was trained on, for the record

    def __post_init__(self) -> None:
        if len(self.features) != len(self.weights):
            raise ValueError("a speech model needs one weight per feature")
        if not 0.0 < self.threshold < 1.0:
            raise ValueError("a speech model's threshold is in (0, 1)")

    def probability(self, f: Features) -> float:
        z = self.bias + sum(
            w * f[name] for name, w in zip(self.features, self.weights, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def is_speech(self, f: Features) -> bool:
        return self.probability(f) >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
            "info": self.info,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpeechModel:
        try:
            return cls(
                features=tuple(str(name) for name in data["features"]),
                weights=tuple(float(w) for w in data["weights"]),
                bias=float(data["bias"]),
                threshold=float(data.get("threshold", 0.5)),
                info=str(data.get("info", "")),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"a speech model needs features, weights and bias: {exc}") from exc

    @classmethod
    def from_path(cls, path: Path | str) -> SpeechModel:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf8")))


def with_rule(f: Features, rule: str) -> Features:
    """`f` with the rule that typed the passage added as a feature (`rule_<name>`)."""
    values = dict(f.values)
    for name in SOFT_RULES:
        values["rule_" + name] = float(rule == name)
    return Features(values, f.n_words)
