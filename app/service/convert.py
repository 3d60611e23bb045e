"""An annotated `Doc` -> the API's `AttributionResponse`, and the offset maps applied to it.

Every `text` of the answer is sliced from the text the client sent; `map_offsets` moves every
(start, end) of an answer through a mapping (plain text -> raw HTML, code points -> UTF-16).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.types import CharSpan
from app.schemas import (
    DEFAULT_QUOTE_TYPES,
    AttributionResponse,
    ModelInfo,
    QuoteOut,
    Speaker,
    SpeakerOut,
    TextSpan,
)

# Lone UTF-16 surrogates cannot be encoded for spaCy's string store; each is replaced by U+FFFD,
# one code point for one, so every offset still indexes the client's text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Spaces other than U+0020 (no-break, thin, ideographic ...): spaCy's tokenizer splits only at
# U+0020 and makes each of these a token of its own, which breaks a name in two for the parser
# and the entity recognizer (`co-host Stu\u00a0Burguiere` gives `Stu`). Each is read as a plain
# space, one code point for one.
_SPACES = dict.fromkeys([0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " ")

# Code points outside the BMP: two UTF-16 code units each.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

OffsetMap = Callable[[int, int], tuple[int, int]]


def nlp_safe_text(text: str) -> str:
    """The text the pipeline reads: same length as `text`, lone surrogates replaced and every
    space character read as U+0020."""
    return _LONE_SURROGATE.sub("\ufffd", text).translate(_SPACES)


def model_info(nlp: Language) -> ModelInfo:
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}",
        version=str(meta.get("version", "0.0.0")),
        components=list(nlp.pipe_names),
    )


def _text_span(source: str, span: CharSpan | None) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(text=source[span.start : span.end], start=span.start, end=span.end)


def doc_to_response(
    doc: Doc,
    source: str,
    *,
    doc_id: str,
    info: ModelInfo,
    types: frozenset[str] = frozenset(DEFAULT_QUOTE_TYPES),
) -> AttributionResponse:
    """Convert an annotated Doc to the API's answer; every text is sliced from `source`.

    Only quotes of `types` are answered; speaker ids are numbered in order of the answered
    quotes, so asking for more types never renumbers the speakers of the default answer.
    """
    quotes: list[QuoteOut] = []
    entity_ids: dict[str, str] = {}  # the pipeline's entity id -> the answer's
    quote_ids_by_entity: dict[str, list[str]] = {}
    reports: list[tuple[int, int, str]] = []  # (start, end, id) of answered indirect passages
    for span in doc.spans[QUOTES_KEY] if QUOTES_KEY in doc.spans else ():
        quote = span._.quote
        if quote is None or quote.type not in types:
            continue
        quote_id = f"q{len(quotes) + 1}"
        attribution = span._.attribution  # (None on non-speech: the resolver gives it none)
        speaker: Speaker | None = None
        if attribution is not None and (attribution.mention or attribution.name):
            entity = None
            if attribution.entity_id is not None:
                entity = entity_ids.setdefault(attribution.entity_id, f"e{len(entity_ids) + 1}")
                quote_ids_by_entity.setdefault(entity, []).append(quote_id)
            speaker = Speaker(
                name=attribution.name,
                mention=_text_span(source, attribution.mention),
                entity=entity,
                resolution=attribution.resolution,
                reason=attribution.reason if attribution.name is None else None,
            )
        part_of = next(
            (rid for start, end, rid in reports if start <= quote.start and quote.end <= end),
            None,
        )
        if quote.type == "indirect":
            reports.append((quote.start, quote.end, quote_id))
        elif part_of is not None:
            for earlier in quotes:
                if earlier.id == part_of:
                    earlier.fragments.append(quote_id)
        quotes.append(
            QuoteOut(
                id=quote_id,
                text=source[quote.start : quote.end],
                start=quote.start,
                end=quote.end,
                type=quote.type,
                segments=[
                    TextSpan(text=source[s.start : s.end], start=s.start, end=s.end)
                    for s in quote.segments
                ],
                speaker=speaker,
                cue=_text_span(source, attribution.cue) if attribution else None,
                part_of=part_of if quote.type == "partial" else None,
                declined=quote.declined,
                confidence=round(attribution.confidence, 4) if attribution else 0.0,
            )
        )
    by_pipeline_id = {entity.id: entity for entity in doc._.speakers}
    speakers = [
        SpeakerOut(
            id=answer_id,
            name=by_pipeline_id[pipeline_id].name,
            kind=by_pipeline_id[pipeline_id].kind,
            role=by_pipeline_id[pipeline_id].role,
            aliases=list(by_pipeline_id[pipeline_id].aliases),
            quotes=quote_ids_by_entity[answer_id],
        )
        for pipeline_id, answer_id in entity_ids.items()
        if pipeline_id in by_pipeline_id
    ]
    return AttributionResponse(id=doc_id, quotes=quotes, speakers=speakers, model=info)


def _map_span(span: TextSpan | None, mapping: OffsetMap, source: str | None) -> TextSpan | None:
    if span is None:
        return None
    start, end = mapping(span.start, span.end)
    text = span.text if source is None else source[start:end]
    return TextSpan(text=text, start=start, end=end)


def map_offsets(
    response: AttributionResponse, mapping: OffsetMap, *, source: str | None = None
) -> AttributionResponse:
    """`response` with every (start, end) passed through `mapping`; with `source`, every `text`
    is re-sliced from it (HTML input: the raw markup slice)."""
    quotes = []
    for quote in response.quotes:
        start, end = mapping(quote.start, quote.end)
        speaker = quote.speaker
        if speaker is not None and speaker.mention is not None:
            speaker = speaker.model_copy(
                update={"mention": _map_span(speaker.mention, mapping, source)}
            )
        update = {
            "start": start,
            "end": end,
            "segments": [_map_span(s, mapping, source) for s in quote.segments],
            "speaker": speaker,
            "cue": _map_span(quote.cue, mapping, source),
        }
        if source is not None:
            update["text"] = source[start:end]
        quotes.append(quote.model_copy(update=update))
    return response.model_copy(update={"quotes": quotes})


def utf16_offsets(text: str) -> OffsetMap:
    """Code point offsets of `text` -> UTF-16 code unit offsets (JavaScript string indices)."""
    astral = [match.start() for match in _ASTRAL.finditer(text)]

    def mapping(start: int, end: int) -> tuple[int, int]:
        return start + bisect.bisect_left(astral, start), end + bisect.bisect_left(astral, end)

    return mapping
