"""Scores of `quotes evaluate`: tallies per article and the figures reported from them.

Definitions (every figure is micro-averaged over all articles):

- **Quote matching.** A predicted quote *overlap-matches* a gold quote when their common characters
  cover at least half of the shorter span; matching is one-to-one, greedy by overlap (largest
  first, ties broken by text order). An *exact* match needs identical `start` and `end`.
  Quote P = matched / predicted quotes, R = matched / gold quotes, F1 their harmonic mean.
- **Speaker matching.** Names are compared after normalization: case-folded, possessive 's
  stripped, punctuation removed, honorifics (Mr, Mrs, Dr, Sen, ...), name suffixes (Jr, Sr, ...)
  and the word "the" dropped. Two names match when the word lists are equal or their last words
  are ("Maria Lopez" ~ "Lopez"). The gold source is tried whole and without its
  description, the part from its first comma, parenthesis, dash, " who " or " which " on
  ("Ann Lee, a former official" ~ "Ann Lee"); "of" starts no description, so
  "Sen. Ann Ruiz of Oregon" needs that whole mention or the last word "Oregon"
  (`--strict-names`: whole only). null matches null only. The predicted name is the
  response's `speaker.name`; a quote without a speaker or with an unresolved speaker
  (`name` null) predicts null. A resolved speaker also matches when its `mention` (the words
  naming it at the quote, which is what the gold records) matches: "the Oregon senator" resolved
  to "Ann Ruiz" is right when gold says "the Oregon senator".
- **Attribution accuracy** = speaker matches / overlap-matched quotes whose gold has a speaker key.
- **Pairs (end to end).** The pair domain leaves out gold quotes without a speaker key and the
  predicted quotes overlap-matched to them (they cannot be judged). A pair is correct when the
  quote overlap-matches a gold quote with a speaker key and the speakers match.
  P = correct / predicted quotes in the domain (matched to a keyed gold quote, or unmatched),
  R = correct / gold quotes with a speaker key, F1 their harmonic mean.
- **By resolution**: attribution accuracy split by the predicted `speaker.resolution`
  (explicit, alias, nominal, pronoun, context; none when no speaker was predicted).
- **Pronoun speakers**: attribution accuracy on the quotes whose gold source is a pronoun in the
  text (`speaker_is_pronoun`) and carries the annotated antecedent as its speaker.
- **Calibration**: over the quotes of the attribution accuracy, each with its predicted
  `confidence` and whether its speaker is right: ECE (10 equal-width bins, each weighted by its
  share of quotes, |accuracy - mean confidence|) and accuracy per confidence band.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.tools.evaluation.calibration import reliability
from app.tools.evaluation.gold import GoldDoc, PredQuote
from app.tools.evaluation.matching import match_quotes, speakers_match

# Predicted resolution kinds, in the order the breakdown lists them; "none" = no speaker.
RESOLUTION_KINDS: tuple[str, ...] = ("explicit", "alias", "nominal", "pronoun", "context", "none")
ERROR_KINDS: tuple[str, ...] = ("wrong_speaker", "missed", "spurious")


@dataclass(frozen=True, slots=True)
class ErrorCase:
    kind: str  # one of ERROR_KINDS
    doc_id: str
    quote: str  # the head of the quote text
    gold_speaker: str | None
    pred_speaker: str | None
    severity: float  # sort key within a kind, larger is worse


@dataclass(slots=True)
class Counts:
    """Raw tallies; every metric is computed from these, so documents add up exactly."""

    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    gold_keyed: int = 0  # gold quotes with a speaker key
    attr_total: int = 0  # overlap-matched quotes whose gold has a speaker key
    attr_correct: int = 0
    pair_pred: int = 0  # predicted quotes in the pair domain
    pronoun_total: int = 0  # of attr_total: the gold source is a pronoun
    pronoun_correct: int = 0
    by_resolution: dict[str, list[int]] = field(default_factory=dict)  # kind -> [total, correct]
    by_type: dict[str, list[int]] = field(default_factory=dict)  # gold type -> [gold, found]
    # (confidence, speaker right) of every quote counted in attr_total
    calibration: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in (
            "gold",
            "pred",
            "exact",
            "overlap",
            "gold_keyed",
            "attr_total",
            "attr_correct",
            "pair_pred",
            "pronoun_total",
            "pronoun_correct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.calibration.extend(other.calibration)
        for mine, theirs in (
            (self.by_resolution, other.by_resolution),
            (self.by_type, other.by_type),
        ):
            for key, (a, b) in theirs.items():
                slot = mine.setdefault(key, [0, 0])
                slot[0] += a
                slot[1] += b


def text_head(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def score_document(
    doc: GoldDoc, pred: Sequence[PredQuote], *, head_only: bool = True
) -> tuple[Counts, list[ErrorCase]]:
    """Tallies and error cases of one article (`head_only`: see `normalize_name`)."""
    counts = Counts(gold=len(doc.quotes), pred=len(pred))
    counts.exact = len(match_quotes(doc.quotes, pred, "exact"))
    pairs = match_quotes(doc.quotes, pred, "overlap")
    counts.overlap = len(pairs)
    counts.gold_keyed = sum(q.scored for q in doc.quotes)
    errors: list[ErrorCase] = []
    matched_pred = set(pairs.values())
    for gi, g in enumerate(doc.quotes):
        found = gi in pairs
        slot = counts.by_type.setdefault(g.type, [0, 0])
        slot[0] += 1
        slot[1] += int(found)
        if not found:
            errors.append(
                ErrorCase("missed", doc.id, text_head(g.text), g.speaker, None, float(len(g.text)))
            )
            continue
        p = pred[pairs[gi]]
        if not g.scored:
            continue
        ok = speakers_match(g.speaker, p.speaker, head_only=head_only) or (
            p.speaker is not None
            and p.mention is not None
            and speakers_match(g.speaker, p.mention, head_only=head_only)
        )
        counts.attr_total += 1
        counts.attr_correct += int(ok)
        counts.calibration.append((p.confidence, ok))
        if g.pronoun:
            counts.pronoun_total += 1
            counts.pronoun_correct += int(ok)
        kind = p.resolution if p.speaker is not None else "none"
        res = counts.by_resolution.setdefault(kind, [0, 0])
        res[0] += 1
        res[1] += int(ok)
        if not ok:
            errors.append(
                ErrorCase(
                    "wrong_speaker", doc.id, text_head(g.text), g.speaker, p.speaker, p.confidence
                )
            )
    unmatched = [p for pi, p in enumerate(pred) if pi not in matched_pred]
    counts.pair_pred = counts.attr_total + len(unmatched)
    errors.extend(
        ErrorCase("spurious", doc.id, text_head(p.text), None, p.speaker, p.confidence)
        for p in unmatched
    )
    return counts, errors


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "correct": correct,
        "predicted": predicted,
        "gold": gold,
    }


def metrics(counts: Counts) -> dict[str, Any]:
    """The reported figures (a JSON-ready dict) from summed tallies."""
    acc = counts.attr_correct / counts.attr_total if counts.attr_total else 0.0
    return {
        "quotes_exact": _prf(counts.exact, counts.pred, counts.gold),
        "quotes_overlap": _prf(counts.overlap, counts.pred, counts.gold),
        "attribution": {
            "accuracy": acc,
            "correct": counts.attr_correct,
            "total": counts.attr_total,
        },
        "pairs": _prf(counts.attr_correct, counts.pair_pred, counts.gold_keyed),
        "pronoun_speakers": {
            "accuracy": counts.pronoun_correct / counts.pronoun_total
            if counts.pronoun_total
            else None,
            "correct": counts.pronoun_correct,
            "total": counts.pronoun_total,
        },
        "calibration": reliability(counts.calibration),
        "by_resolution": {
            kind: {"count": t, "correct": c, "accuracy": c / t if t else None}
            for kind in RESOLUTION_KINDS
            for t, c in [counts.by_resolution.get(kind, [0, 0])]
        },
        "recall_by_gold_type": {
            kind: {"gold": t, "found": f, "recall": f / t if t else 0.0}
            for kind, (t, f) in sorted(counts.by_type.items())
        },
    }


@dataclass(slots=True)
class SystemResult:
    counts: Counts
    errors: list[ErrorCase]

    @property
    def metrics(self) -> dict[str, Any]:
        return metrics(self.counts)


def evaluate(
    gold: Iterable[GoldDoc], predictions: Iterable[Sequence[PredQuote]], *, head_only: bool = True
) -> SystemResult:
    """Score aligned gold articles and predictions (same order)."""
    total = Counts()
    errors: list[ErrorCase] = []
    for doc, pred in zip(gold, predictions, strict=True):
        counts, doc_errors = score_document(doc, pred, head_only=head_only)
        total.add(counts)
        errors.extend(doc_errors)
    return SystemResult(total, errors)


def worst_errors(errors: Iterable[ErrorCase], per_kind: int) -> list[ErrorCase]:
    """Up to `per_kind` errors of each kind, most severe first (wrong speakers by confidence,
    missed quotes by length, spurious quotes by confidence)."""
    ranked: list[ErrorCase] = []
    for kind in ERROR_KINDS:
        of_kind = sorted((e for e in errors if e.kind == kind), key=lambda e: -e.severity)
        ranked.extend(of_kind[:per_kind])
    return ranked
