"""Gold quotes and predicted quotes: what `quotes evaluate` compares.

Gold format, one article a line::

    {"id": str, "text": str, "quotes": [{"start", "end", "text", "speaker"?, ...}]}

`start`/`end` cover the quote content without the marks. `speaker` is a name or null; when the
key is absent the quote counts for detection only. Other keys (`type`, `speaker_is_pronoun`, ...)
are used for breakdowns only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.pipeline.types import QuoteType
from app.schemas import AttributionResponse

# Gold quote types of reported speech (the reported-speech files), and the types of our
# answer scored against each kind of gold file.
REPORTED_GOLD_TYPES: frozenset[str] = frozenset({"indirect", "mixed"})
REPORTED_TYPES: tuple[QuoteType, ...] = ("indirect",)
QUOTATION_TYPES: tuple[QuoteType, ...] = ("direct", "partial")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    text: str
    speaker: str | None
    scored: bool  # the gold has a `speaker` key (attribution is judged)
    type: str = "direct"
    pronoun: bool = False  # the source is a pronoun in the text (`speaker_is_pronoun`)


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
    # The words naming the speaker at the quote ("the Oregon senator"), when `speaker` is a
    # resolved canonical name ("Ann Ruiz"): gold records the mention, so either may match.
    mention: str | None = None


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
                pronoun=bool(q.get("speaker_is_pronoun", False)),
            )
            for q in record.get("quotes", [])
        )
        return GoldDoc(id=str(record.get("id", "")), text=text, quotes=quotes)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"gold record is missing a field: {exc}") from exc


def is_reported_speech(docs: Sequence[GoldDoc]) -> bool:
    """A gold file of reported speech: its quotes are typed indirect or mixed."""
    return any(q.type in REPORTED_GOLD_TYPES for d in docs for q in d.quotes)


def borrow_antecedents(reported: Sequence[GoldDoc], quotations: Iterable[GoldDoc]) -> list[GoldDoc]:
    """`reported` (a reported-speech file) with a speaker for each pronoun source whose content
    holds a quoted fragment of the same article with an annotated antecedent (`he said the plan
    was "a mess"`: the fragment's antecedent is the pronoun's). The reported-speech files give
    pronoun sources no speaker; this judges those the quotation file already resolves."""
    annotated: dict[str, list[GoldQuote]] = {}
    for doc in quotations:
        found = [q for q in doc.quotes if q.pronoun and q.scored and q.speaker is not None]
        if found:
            annotated.setdefault(doc.id, []).extend(found)
    out: list[GoldDoc] = []
    for doc in reported:
        inner = annotated.get(doc.id, [])
        quotes = []
        for q in doc.quotes:
            if q.pronoun and not q.scored:
                # (the fragment's closing mark may sit just past the reported span's end)
                held = [x for x in inner if q.start <= x.start and x.end <= q.end + 2]
                if held:
                    q = replace(q, speaker=held[0].speaker, scored=True)
            quotes.append(q)
        out.append(GoldDoc(doc.id, doc.text, tuple(quotes)))
    return out


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


def headline_end(text: str) -> int:
    """Where an article's first line (its headline) ends: the first line break, 0 without one."""
    end = text.find("\n")
    return max(end, 0)


def without_headline(doc: GoldDoc) -> GoldDoc:
    """`doc` with the gold quotes that start in its headline left out (the corpus never
    annotates a headline's quotes)."""
    cut = headline_end(doc.text)
    return GoldDoc(doc.id, doc.text, tuple(q for q in doc.quotes if q.start >= cut))


def predictions_without_headline(
    docs: Sequence[GoldDoc], predictions: Iterable[list[PredQuote]]
) -> Iterator[list[PredQuote]]:
    """Each article's predictions with those that start in its headline left out."""
    for doc, predicted in zip(docs, predictions, strict=True):
        cut = headline_end(doc.text)
        yield [p for p in predicted if p.start >= cut]


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
