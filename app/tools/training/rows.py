"""Our pipeline's attributions on gold articles, each with its features and whether it is right
(by the rules of `quotes evaluate`): the rows the confidence model is fitted on."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.types import Attribution, Quote
from app.tools.evaluation.gold import (
    QUOTATION_TYPES,
    REPORTED_TYPES,
    GoldDoc,
    PredQuote,
    is_reported_speech,
)
from app.tools.evaluation.matching import match_quotes, speakers_match


@dataclass(frozen=True, slots=True)
class Row:
    """One attributed quote matched to a gold quote whose speaker is judged."""

    doc_id: str
    features: dict[str, float]
    correct: bool
    resolution: str  # our resolution kind ("none": no speaker)
    gold_pronoun: bool  # the gold source is a pronoun (antecedent annotated)
    confidence: float  # the confidence the pipeline gave it


def collect_rows(nlp: Language, docs: Sequence[GoldDoc], *, batch_size: int = 8) -> Iterator[Row]:
    """Run the pipeline over `docs` and yield a row per matched, judged quote: our quotations
    against a quotation file, our reported speech against a reported-speech file."""
    types = set(REPORTED_TYPES if is_reported_speech(docs) else QUOTATION_TYPES)
    texts = (d.text for d in docs)
    for gold, doc in zip(docs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        spans = [s for s in doc.spans.get(QUOTES_KEY, []) if s._.quote and s._.quote.type in types]
        quotes: list[Quote] = [s._.quote for s in spans]
        pred = [PredQuote(q.start, q.end, q.text, None) for q in quotes]
        for gi, pi in match_quotes(gold.quotes, pred).items():
            g = gold.quotes[gi]
            attribution: Attribution | None = spans[pi]._.attribution
            if not g.scored or attribution is None:
                continue
            name = attribution.name
            mention = attribution.mention.text if attribution.mention is not None else None
            correct = speakers_match(g.speaker, name) or (
                name is not None and mention is not None and speakers_match(g.speaker, mention)
            )
            yield Row(
                doc_id=gold.id,
                features=dict(attribution.features),
                correct=correct,
                resolution=attribution.resolution if name is not None else "none",
                gold_pronoun=g.pronoun,
                confidence=attribution.confidence,
            )
