"""The resolver's output: each speech quote's `Attribution` (its entity id, name, resolution
and calibrated confidence) and the entities the quotes name, with their aliases and mentions."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from app.pipeline.entities.confidence import Calibrator, Evidence, as_pairs, features
from app.pipeline.entities.named import Cluster
from app.pipeline.entities.resolved import Resolved
from app.pipeline.text import char_span
from app.pipeline.types import (
    Attribution,
    CharSpan,
    Quote,
    SpeakerCandidate,
    SpeakerEntity,
    attributed,
)

# The prior the calibrator reads for a quote whose speaker is not resolved (low: no layout
# tied anyone to it).
UNRESOLVED_PRIOR = 0.12


def build_attributions(
    doc: Doc,
    spans: Sequence[Span],
    quotes: Sequence[Quote | None],
    candidates: Sequence[SpeakerCandidate | None],
    resolved: Sequence[Resolved | None],
    clusters: dict[str, Cluster],
    calibrator: Calibrator,
) -> tuple[list[Attribution | None], tuple[SpeakerEntity, ...]]:
    """The attributions of the quotes and the entities they name (ids in order of first quote)."""
    ids: dict[str, str] = {}
    # insertion-ordered sets (dict keys): membership tests stay O(1) however many quotes
    entity_mentions: dict[str, dict[CharSpan, None]] = {}
    entity_aliases: dict[str, dict[str, None]] = {}
    entity_info: dict[str, Resolved] = {}
    quote_counts: dict[str, int] = {}
    attributions: list[Attribution | None] = []
    for span, quote, candidate, result in zip(spans, quotes, candidates, resolved, strict=True):
        if quote is None or not attributed(quote, candidate):
            attributions.append(None)
            continue
        mention = char_span(doc, candidate.mention if candidate is not None else None)
        cue = char_span(doc, candidate.cue if candidate is not None else None)
        prior = candidate.prior if candidate is not None else 0.0
        key = result.key if result is not None else None
        evidence = Evidence(
            candidate=candidate,
            resolution=result.resolution if key is not None and result is not None else None,
            quote_type=quote.type,
            candidates=result.candidates if result is not None else 0,
            margin=result.margin if result is not None else None,
            sentences_back=result.distance if result is not None else 0,
            known_gender=result.gender is not None if result is not None else False,
            speaker_quotes=quote_counts.get(key, 0) if key is not None else 0,
        )
        values = features(doc, evidence, span.start)
        confidence = calibrator.confidence(
            values,
            pronoun=evidence.resolution == "pronoun",
            prior=prior if key is not None else UNRESOLVED_PRIOR,
        )
        if result is None or result.key is None:
            reason = result.reason if result is not None else None
            if reason is None:
                reason = "no speaker named at this quote" if mention is None else None
            attributions.append(
                Attribution(
                    mention, cue, None, None, "context", confidence, reason, as_pairs(values)
                )
            )
            continue
        quote_counts[result.key] = quote_counts.get(result.key, 0) + 1
        if result.key not in ids:
            ids[result.key] = f"e{len(ids) + 1}"
            entity_info[result.key] = result
            entity_mentions[result.key] = {}
            entity_aliases[result.key] = {}
        if mention is not None:
            entity_mentions[result.key].setdefault(mention, None)
        if result.alias and result.alias != result.name and quote.is_quotation:
            # (a report's mention stays out: asking for reported speech adds no aliases)
            entity_aliases[result.key].setdefault(result.alias, None)
        attributions.append(
            Attribution(
                mention=mention,
                cue=cue,
                entity_id=ids[result.key],
                name=result.name,
                resolution=result.resolution,
                confidence=confidence,
                features=as_pairs(values),
            )
        )
    speakers: list[SpeakerEntity] = []
    for key, entity_id in ids.items():
        info = entity_info[key]
        cluster = clusters.get(key)
        aliases = entity_aliases[key]
        if cluster is not None:
            for name in cluster.names:
                if name.text != cluster.canonical.text:
                    aliases.setdefault(name.text, None)
        speakers.append(
            SpeakerEntity(
                id=entity_id,
                name=info.name or "",
                kind=cluster.kind if cluster is not None else info.kind,
                aliases=tuple(aliases),
                role=cluster.role if cluster is not None else info.role,
                gender=cluster.gender if cluster is not None else info.gender,
                mentions=tuple(sorted(entity_mentions[key], key=lambda c: c.start)),
            )
        )
    return attributions, tuple(speakers)
