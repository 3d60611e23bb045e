"""Predictions to score: our pipeline through the API's service path, and the baselines."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from app.pipeline.types import QuoteType
from app.schemas import AttributionRequest
from app.tools.evaluation.gold import GoldDoc, PredQuote, predictions_from_response

if TYPE_CHECKING:
    from spacy.language import Language

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
    docs: Sequence[GoldDoc],
    nlp: Language,
    *,
    batch_size: int = 8,
    types: Sequence[QuoteType] | None = None,
) -> Iterator[list[PredQuote]]:
    """Our pipeline, through the same service path as the API (`attribute_requests`),
    answering quotes of `types` (default: the API's)."""
    from app.service.runner import attribute_requests

    chosen = list(types) if types else None
    requests = (AttributionRequest(text=d.text, id=d.id[:256], types=chosen) for d in docs)
    responses = attribute_requests(nlp, requests, batch_size=batch_size)
    for done, response in enumerate(responses, start=1):
        _progress(done, len(docs), "ours")
        yield predictions_from_response(response)


def predict_textacy(docs: Sequence[GoldDoc]) -> Iterator[list[PredQuote]]:
    from app.settings import Settings
    from app.tools.baselines import load_base_model, textacy_quotes

    nlp = load_base_model(Settings().model_name)
    for done, doc in enumerate(docs, start=1):
        _progress(done, len(docs), "textacy")
        yield [
            PredQuote(q.start, q.end, q.text, q.speaker, resolution="explicit")
            for q in textacy_quotes(nlp, doc.text)
        ]


BASELINES: dict[str, Baseline] = {"textacy": predict_textacy}
