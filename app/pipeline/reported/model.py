"""The learned report filter: logistic regression over named features of a reported passage (its
shape, cue, the cue's subject, the content's length and opening), deciding whether a passage the
shapes found is one the corpus counts as reported speech.

Its parameters are data (`models/reported_classifier.json`, written by
`app/tools/training/reported.py`): the feature names, one weight each, the bias and the decision
threshold. Applying it is a sum over the passage's features in plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from app.pipeline.reported.extent import Found
from app.pipeline.syntax import MODAL_TAGS, NOMINAL_SUBJECT_DEPS

# Words a content may open with that say what kind of content it is.
OPENERS: frozenset[str] = frozenset(
    {"that", "whether", "if", "to", "how", "what", "why", "who", "when", "the", "a", "his", "her"}
)
# Length buckets of a content, in words.
LENGTHS: tuple[int, ...] = (1, 2, 4, 8, 16, 32)


@dataclass(frozen=True, slots=True)
class ReportModel:
    """P(report | features) = sigmoid(bias + sum of the weights of the passage's features)."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    info: str = ""  # what it was trained on, for the record

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError("a report model's threshold is in (0, 1)")

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def keeps(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "weights": dict(sorted(self.weights.items())),
            "bias": self.bias,
            "threshold": self.threshold,
            "info": self.info,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportModel:
        try:
            return cls(
                weights={str(k): float(v) for k, v in data["weights"].items()},
                bias=float(data["bias"]),
                threshold=float(data.get("threshold", 0.5)),
                info=str(data.get("info", "")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"a report model needs weights and a bias: {exc}") from exc

    @classmethod
    def from_path(cls, path: Path | str) -> ReportModel:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf8")))


def passage_features(doc: Doc, passage: Found, quoted: Sequence[bool]) -> list[str]:
    """The named (binary) features of a passage."""
    cue = passage.cue
    layout = cue.layout
    out = [f"layout={layout}"]
    words = [t for t in doc[passage.start : passage.end] if not (t.is_punct or t.is_space)]
    n = len(words)
    out.append(f"len<={next((b for b in LENGTHS if n <= b), 'more')}")
    if words and words[0].lower_ in OPENERS:
        out.append(f"opens={words[0].lower_}")
    if any(quoted[t.i] for t in words):
        out.append("has_quote")
    if passage.piece:
        out.append("piece")
    if passage.start > 0 and ("\n" in doc[passage.start - 1].text or passage.start == 0):
        out.append("line_start")
    if n >= 3 and sum(t.is_title for t in words) > 0.7 * n:
        out.append("headline_case")
    if cue.source is not None:
        out.append("named_source")
        source = doc[cue.source]
        out.append(f"source_pos={source.pos_}")
    if cue.verb is None:
        return out
    verb = doc[cue.verb]
    lemma = verb.lemma_.lower()
    out += [f"lemma={lemma}", f"{layout}+{lemma}", f"dep={verb.dep_}", f"tag={verb.tag_}"]
    out.append("content_before" if passage.end <= verb.i else "content_after")
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    sentence = verb.sent
    if any(quoted[k] for k in range(sentence.start, sentence.end)):
        out.append("quote_in_sentence")
    if subject is None:
        out += ["subject=none", f"subject=none+{verb.tag_}"]
    else:
        kind = subject.lower_ if subject.pos_ == "PRON" else subject.pos_
        out.append(f"subject={kind}")
        if subject.ent_type_:
            out.append(f"subject_ent={subject.ent_type_}")
        if subject.pos_ == "NOUN":
            out.append(f"subject_lemma={subject.lemma_.lower()}")
        if subject.dep_ == "nsubjpass":
            out.append("passive")
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ in MODAL_TAGS:
            out.append("modal")
        elif child.dep_ == "neg":
            out.append("negated")
    return out
