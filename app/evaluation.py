"""`quotes evaluate GOLD.jsonl`: score the pipeline (and optionally a baseline) on gold quotes.

Gold format, one article a line::

    {"id": str, "text": str, "quotes": [{"start", "end", "text", "speaker"?, ...}]}

`start`/`end` cover the quote content without the marks. `speaker` is a name or null; when the
key is absent the quote counts for detection only. Other keys (`type`, `speaker_is_pronoun`, ...)
are used for breakdowns only.

Definitions (every figure is micro-averaged over all articles):

- **Quote matching.** A predicted quote *overlap-matches* a gold quote when their common characters
  cover at least half of the shorter span; matching is one-to-one, greedy by overlap (largest
  first, ties broken by text order). An *exact* match needs identical `start` and `end`.
  Quote P = matched / predicted quotes, R = matched / gold quotes, F1 their harmonic mean.
- **Speaker matching.** Names are compared after normalization: case-folded, possessive 's
  stripped, punctuation removed, honorifics (Mr, Mrs, Dr, Sen, ...), name suffixes (Jr, Sr, ...)
  and the word "the" dropped. Two names match when the word lists are equal or their last words
  are ("Hillary Clinton" ~ "Clinton"). null matches null only. The predicted name is the
  response's `speaker.name`; a quote without a speaker or with an unresolved speaker
  (`name` null) predicts null. A resolved speaker also matches when its `mention` (the words
  naming it at the quote, which is what the gold records) matches: "the Florida senator" resolved
  to "Marco Rubio" is right when gold says "the Florida senator".
- **Attribution accuracy** = speaker matches / overlap-matched quotes whose gold has a speaker key.
- **Pairs (end to end).** The pair domain leaves out gold quotes without a speaker key and the
  predicted quotes overlap-matched to them (they cannot be judged). A pair is correct when the
  quote overlap-matches a gold quote with a speaker key and the speakers match.
  P = correct / predicted quotes in the domain (matched to a keyed gold quote, or unmatched),
  R = correct / gold quotes with a speaker key, F1 their harmonic mean.
- **By resolution**: attribution accuracy split by the predicted `speaker.resolution`
  (explicit, alias, nominal, pronoun, context; none when no speaker was predicted).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from app.api.schemas import AttributionRequest, AttributionResponse

if TYPE_CHECKING:
    from spacy.language import Language

# Words dropped from speaker names before comparing: titles and honorifics written before a name.
HONORIFICS: frozenset[str] = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame madam sen senator rep representative gov "
    "governor gen col lt sgt rev fr hon president pres".split()
)
# Words dropped from speaker names: name suffixes after a surname, and the article "the".
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv", "esq"})
DROPPED_WORDS: frozenset[str] = NAME_SUFFIXES | {"the"}
# Predicted resolution kinds, in the order the breakdown lists them; "none" = no speaker.
RESOLUTION_KINDS: tuple[str, ...] = ("explicit", "alias", "nominal", "pronoun", "context", "none")
ERROR_KINDS: tuple[str, ...] = ("wrong_speaker", "missed", "spurious")

_POSSESSIVE = re.compile(r"['\u2019]s?$")
_WORD_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
# Where a name ends and its description starts: "Kenneth Baer, a former ..." / "Pence (R-IN)".
# Where a speaker description's name part ends: an apposition, a parenthetical, or a trailing
# "of ..."/"who ..." qualifier ("Mr. Morgan of the Sierra Club", "Joseph, who has four children").
_APPOSITION = re.compile(r"\s*[,(]|\s+(?:of|who|from)\s+")

MatchMode = Literal["exact", "overlap"]


# --- data -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    text: str
    speaker: str | None
    scored: bool  # the gold has a `speaker` key (attribution is judged)
    type: str = "direct"


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    quotes: tuple[GoldQuote, ...]


@dataclass(frozen=True, slots=True)
class PredQuote:
    start: int
    end: int
    text: str
    speaker: str | None
    resolution: str = "none"
    confidence: float = 0.0
    # The words naming the speaker at the quote ("the Florida senator"), when `speaker` is a
    # resolved canonical name ("Marco Rubio"): gold records the mention, so either may match.
    mention: str | None = None


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
    by_resolution: dict[str, list[int]] = field(default_factory=dict)  # kind -> [total, correct]
    by_type: dict[str, list[int]] = field(default_factory=dict)  # gold type -> [gold, found]

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
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in (
            (self.by_resolution, other.by_resolution),
            (self.by_type, other.by_type),
        ):
            for key, (a, b) in theirs.items():
                slot = mine.setdefault(key, [0, 0])
                slot[0] += a
                slot[1] += b


# --- reading ----------------------------------------------------------------------------------


def parse_gold_line(line: str) -> GoldDoc:
    """One JSONL line -> GoldDoc; raises ValueError on a malformed record."""
    record = json.loads(line)
    try:
        text: str = record["text"]
        quotes = tuple(
            GoldQuote(
                start=int(q["start"]),
                end=int(q["end"]),
                text=text[int(q["start"]) : int(q["end"])],
                speaker=q.get("speaker"),
                scored="speaker" in q,
                type=str(q.get("type", "direct")),
            )
            for q in record.get("quotes", [])
        )
        return GoldDoc(id=str(record.get("id", "")), text=text, quotes=quotes)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"gold record is missing a field: {exc}") from exc


def load_gold(path: Path) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                doc = parse_gold_line(line)
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from exc
            docs.append(doc if doc.id else GoldDoc(f"line-{number}", doc.text, doc.quotes))
    return docs


def predictions_from_response(response: AttributionResponse) -> list[PredQuote]:
    """The API answer -> predicted quotes; the predicted name is `speaker.name` (or null)."""
    return [
        PredQuote(
            start=q.start,
            end=q.end,
            text=q.text,
            speaker=q.speaker.name if q.speaker is not None else None,
            resolution=q.speaker.resolution if q.speaker is not None else "none",
            confidence=q.confidence,
            mention=q.speaker.mention.text
            if q.speaker is not None and q.speaker.mention is not None
            else None,
        )
        for q in response.quotes
    ]


# --- matching ---------------------------------------------------------------------------------


def name_head(name: str) -> str:
    """The name part of a speaker description: text before the first comma or parenthesis.

    'Kenneth Baer, a former official' -> 'Kenneth Baer'; 'Sen. Claire McCaskill (D-Mo.)' ->
    'Sen. Claire McCaskill'; 'Mr. Morgan of the Sierra Club' -> 'Mr. Morgan'. A description that
    starts with one is kept whole.
    """
    head = _APPOSITION.split(name, maxsplit=1)[0]
    return head if head.strip() else name


def normalize_name(name: str, *, head_only: bool = True) -> tuple[str, ...]:
    """Comparable words of a speaker name: "Mr. Trump's" -> ('trump',).

    Case-folded; possessive 's and edge punctuation stripped; "the" and name suffixes dropped;
    honorifics dropped while a word remains ("the senator" -> ('senator',)). With `head_only`
    (the default) an appositive or parenthetical after the name is cut first (`name_head`).
    """
    words: list[str] = []
    for raw in (name_head(name) if head_only else name).casefold().split():
        word = _WORD_EDGE_PUNCT.sub("", _POSSESSIVE.sub("", _WORD_EDGE_PUNCT.sub("", raw)))
        if word and word not in DROPPED_WORDS:
            words.append(word)
    kept = [w for w in words if w not in HONORIFICS]
    return tuple(kept or words)


def speakers_match(gold: str | None, pred: str | None, *, head_only: bool = True) -> bool:
    """Equal normalized names or the same last word; null matches null only."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g = normalize_name(gold, head_only=head_only)
    p = normalize_name(pred, head_only=head_only)
    if not g or not p:
        return gold.strip().casefold() == pred.strip().casefold()
    return g == p or g[-1] == p[-1]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def spans_match(gold: GoldQuote, pred: PredQuote, mode: MatchMode) -> bool:
    if mode == "exact":
        return gold.start == pred.start and gold.end == pred.end
    common = overlap(gold.start, gold.end, pred.start, pred.end)
    shorter = min(gold.end - gold.start, pred.end - pred.start)
    return common > 0 and 2 * common >= shorter


def match_quotes(
    gold: Sequence[GoldQuote], pred: Sequence[PredQuote], mode: MatchMode = "overlap"
) -> dict[int, int]:
    """One-to-one matching, greedy by overlap: gold index -> predicted index."""
    candidates = sorted(
        (
            (-overlap(g.start, g.end, p.start, p.end), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if spans_match(g, p, mode)
        )
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


# --- scoring ----------------------------------------------------------------------------------


def _head(text: str, width: int = 60) -> str:
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
                ErrorCase("missed", doc.id, _head(g.text), g.speaker, None, float(len(g.text)))
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
        kind = p.resolution if p.speaker is not None else "none"
        res = counts.by_resolution.setdefault(kind, [0, 0])
        res[0] += 1
        res[1] += int(ok)
        if not ok:
            errors.append(
                ErrorCase(
                    "wrong_speaker", doc.id, _head(g.text), g.speaker, p.speaker, p.confidence
                )
            )
    unmatched = [p for pi, p in enumerate(pred) if pi not in matched_pred]
    counts.pair_pred = counts.attr_total + len(unmatched)
    errors.extend(
        ErrorCase("spurious", doc.id, _head(p.text), None, p.speaker, p.confidence)
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


# --- report -----------------------------------------------------------------------------------


def metric_rows(m: dict[str, Any]) -> list[tuple[str, float | int | None]]:
    """Flatten one system's metrics into (label, value) rows, in display order."""
    rows: list[tuple[str, float | int | None]] = []
    for key, label in (
        ("quotes_exact", "quotes exact"),
        ("quotes_overlap", "quotes overlap"),
        ("pairs", "pairs (quote+speaker)"),
    ):
        block = m[key]
        rows += [
            (f"{label} P", block["precision"]),
            (f"{label} R", block["recall"]),
            (f"{label} F1", block["f1"]),
        ]
        if key == "quotes_overlap":
            att = m["attribution"]
            rows += [("attribution accuracy", att["accuracy"]), ("attributed (n)", att["total"])]
    for kind, block in m["by_resolution"].items():
        rows += [
            (f"resolution {kind} n", block["count"]),
            (f"resolution {kind} acc", block["accuracy"]),
        ]
    for kind, block in m["recall_by_gold_type"].items():
        rows.append((f"recall {kind} quotes", block["recall"]))
    rows += [
        ("gold quotes", m["quotes_overlap"]["gold"]),
        ("predicted quotes", m["quotes_overlap"]["predicted"]),
    ]
    return rows


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def _delta(a: float | int, b: float | int) -> str:
    if isinstance(a, int) and isinstance(b, int):
        return f"{a - b:+d}"
    return f"{a - b:+.3f}"


def format_table(systems: dict[str, dict[str, Any]]) -> str:
    """Aligned text table: one column per system, plus `delta` (first - second) for two."""
    names = list(systems)
    per_system = {name: dict(metric_rows(m)) for name, m in systems.items()}
    labels = [label for label, _ in metric_rows(systems[names[0]])]
    header = ["metric", *names] + (["delta"] if len(names) == 2 else [])
    body: list[list[str]] = []
    for label in labels:
        values = [per_system[name].get(label) for name in names]
        row = [label, *(_cell(v) for v in values)]
        if len(names) == 2:
            a, b = values
            row.append(_delta(a, b) if a is not None and b is not None else "-")
        body.append(row)
    return render_rows(header, body)


def render_rows(
    header: Sequence[str], body: Sequence[Sequence[str]], *, numeric: bool = True
) -> str:
    """Aligned plain-text table; the first column left-aligned, the others right-aligned when
    `numeric`, else left-aligned too."""
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (
            cell.rjust(w) if numeric else cell.ljust(w)
            for cell, w in zip(row[1:], widths[1:], strict=True)
        )
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in body)])


def format_errors(errors: Sequence[ErrorCase]) -> str:
    header = ["kind", "doc", "quote", "gold speaker", "predicted"]
    body = [
        [e.kind, _head(e.doc_id, 40), e.quote, str(e.gold_speaker), str(e.pred_speaker)]
        for e in errors
    ]
    return render_rows(header, body, numeric=False) if body else "no errors"


# --- predictions ------------------------------------------------------------------------------

Baseline = Callable[[Sequence[GoldDoc]], Iterator[list[PredQuote]]]


def _progress(done: int, total: int, label: str) -> None:
    if done == total or done % 10 == 0:
        print(f"\r{label}: {done}/{total}", end="\n" if done == total else "", file=sys.stderr)


def load_pipeline() -> Language:
    """Our full pipeline, as the service builds it from the settings."""
    from app.pipeline import build_pipeline
    from app.settings import Settings

    settings = Settings()
    return build_pipeline(settings.model_name, settings.pipeline_config)


def predict_ours(
    docs: Sequence[GoldDoc], nlp: Language, *, batch_size: int = 8
) -> Iterator[list[PredQuote]]:
    """Our pipeline, through the same service path as the API (`attribute_requests`)."""
    from app.service import attribute_requests

    requests = (AttributionRequest(text=d.text, id=d.id[:256]) for d in docs)
    responses = attribute_requests(nlp, requests, batch_size=batch_size)
    for done, response in enumerate(responses, start=1):
        _progress(done, len(docs), "ours")
        yield predictions_from_response(response)


def predict_textacy(docs: Sequence[GoldDoc]) -> Iterator[list[PredQuote]]:
    from app.baselines import load_base_model, textacy_quotes
    from app.settings import Settings

    nlp = load_base_model(Settings().model_name)
    for done, doc in enumerate(docs, start=1):
        _progress(done, len(docs), "textacy")
        yield [
            PredQuote(q.start, q.end, q.text, q.speaker, resolution="explicit")
            for q in textacy_quotes(nlp, doc.text)
        ]


BASELINES: dict[str, Baseline] = {"textacy": predict_textacy}


# --- command ----------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gold", type=Path, help="gold JSONL: {id, text, quotes:[{start, end, ...}]}"
    )
    parser.add_argument(
        "--baseline", choices=sorted(BASELINES), help="also score this baseline, side by side"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list the N worst errors of each kind"
    )
    parser.add_argument(
        "--strict-names",
        action="store_true",
        help="compare whole speaker descriptions (do not cut 'X, a spokesman for Y' to 'X')",
    )
    parser.add_argument(
        "--skip-unannotated",
        action="store_true",
        help="leave out articles whose gold lists no quote at all",
    )
    parser.add_argument("--batch-size", type=int, default=8, help="nlp.pipe batch size")


def build_report(
    gold_path: Path, docs: Sequence[GoldDoc], results: dict[str, SystemResult], n_errors: int
) -> dict[str, Any]:
    return {
        "gold": str(gold_path),
        "documents": len(docs),
        "systems": {name: r.metrics for name, r in results.items()},
        "errors": {
            name: [asdict(e) for e in worst_errors(r.errors, n_errors)]
            for name, r in results.items()
        },
    }


def run(args: argparse.Namespace) -> int:
    try:
        docs = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        print(f"quotes evaluate: cannot read {args.gold}: {exc}", file=sys.stderr)
        return 2
    if args.skip_unannotated:
        docs = [d for d in docs if d.quotes]
    head_only = not args.strict_names
    results: dict[str, SystemResult] = {
        "ours": evaluate(
            docs,
            predict_ours(docs, load_pipeline(), batch_size=args.batch_size),
            head_only=head_only,
        )
    }
    if args.baseline:
        try:
            predictions = BASELINES[args.baseline](docs)
            results[args.baseline] = evaluate(docs, predictions, head_only=head_only)
        except ImportError as exc:
            print(f"quotes evaluate: {exc}", file=sys.stderr)
            return 2
    report = build_report(args.gold, docs, results, args.errors)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"{args.gold}: {len(docs)} articles")
    print(format_table(report["systems"]))
    for name, errors in results.items():
        if args.errors > 0:
            print(f"\nworst errors ({name}):")
            print(format_errors(worst_errors(errors.errors, args.errors)))
    return 0
