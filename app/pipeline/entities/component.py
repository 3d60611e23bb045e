"""The `speaker_resolver` component: speaker mention -> canonical entity (alias, pronoun, nominal).

It reads what the `speaker_attributor` found (`span._.speaker_candidate`), collects the names the
article uses (`names.py`), ties every mention to an entity (`resolve.py`), rewrites
`span._.attribution` with the entity and a confidence, and sets `doc._.speakers`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import ensure_path

from app.pipeline.entities.names import (
    Cluster,
    Gender,
    GenderLexicon,
    NameModel,
    ResolverLexicons,
    quoted_mask,
)
from app.pipeline.entities.resolve import ArticleNames, MentionResolver, Resolved
from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.lexicon import LexiconSource, entries, read_table
from app.pipeline.text import char_span
from app.pipeline.types import Attribution, CharSpan, Quote, SpeakerCandidate, SpeakerEntity

# Confidence bands per resolution kind (sortable: explicit > alias > nominal > pronoun > context);
# the layout's prior places an attribution inside its band.
CONFIDENCE_BANDS: dict[str, tuple[float, float]] = {
    "explicit": (0.8, 0.98),
    "alias": (0.7, 0.8),
    "nominal": (0.55, 0.7),
    "pronoun": (0.4, 0.55),
    "context": (0.05, 0.4),
}
# Where in the context band an unresolved mention sits.
UNRESOLVED_PRIOR = 0.2
# The component's saved data (to_disk/from_disk).
DATA_FILE = "lexicons.json"


@Language.factory(
    "speaker_resolver",
    assigns=["span._.attribution", "doc._.speakers"],
    requires=["span._.speaker_candidate", "token.dep", "token.pos", "doc.ents"],
    default_config={"spans_key": QUOTES_KEY, "resolve_nominals": True},
)
def make_speaker_resolver(
    nlp: Language, name: str, *, spans_key: str, resolve_nominals: bool
) -> SpeakerResolver:
    return SpeakerResolver(nlp.vocab, name, spans_key=spans_key, resolve_nominals=resolve_nominals)


class SpeakerResolver(Pipe):
    """Speaker mentions -> entities; sets the final attributions and `doc._.speakers`."""

    def __init__(
        self,
        vocab: Any,
        name: str = "speaker_resolver",
        *,
        spans_key: str = QUOTES_KEY,
        resolve_nominals: bool = True,
    ) -> None:
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.resolve_nominals = resolve_nominals
        self.lexicons = ResolverLexicons()
        self._genders: GenderLexicon | None = None

    # ---- set-up and serialization ----------------------------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        titles: LexiconSource = (),
        honorifics: Path | str | Iterable[Sequence[str]] = (),
        org_nouns: LexiconSource = (),
        document_nouns: LexiconSource = (),
    ) -> None:
        """Load the lexicons (files or entries; honorifics as (form, gender) rows, gender "male",
        "female" or "-") and the first-name gender lexicon."""
        rows = read_table(honorifics) if isinstance(honorifics, str | Path) else honorifics
        honorific_genders: dict[str, Gender | None] = {}
        for row in rows:
            form = row[0].strip().lower()
            gender = row[1].strip() if len(row) > 1 else ""
            honorific_genders[form] = (
                "male" if gender == "male" else "female" if gender == "female" else None
            )
        self.lexicons = ResolverLexicons(
            titles=frozenset(entries(titles)),
            honorifics=honorific_genders,
            org_nouns=frozenset(entries(org_nouns)),
            document_nouns=frozenset(entries(document_nouns)),
        )
        self._genders = GenderLexicon()

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.lexicons.to_json()).encode("utf8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> SpeakerResolver:
        self.lexicons = ResolverLexicons.from_json(json.loads(bytes_data.decode("utf8")))
        self._genders = GenderLexicon()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / DATA_FILE).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SpeakerResolver:
        return self.from_bytes((ensure_path(path) / DATA_FILE).read_bytes())

    # ---- the component -----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            attributions, speakers = self.resolve(doc)
            self.set_annotations(doc, attributions, speakers)
        except Exception as e:  # noqa: BLE001 - routed to spaCy's configurable error handler
            error_handler(self.name, self, [doc], e)
        return doc

    def set_annotations(
        self,
        doc: Doc,
        attributions: Sequence[Attribution | None],
        speakers: tuple[SpeakerEntity, ...],
    ) -> None:
        if self.spans_key in doc.spans:
            for span, attribution in zip(doc.spans[self.spans_key], attributions, strict=True):
                span._.attribution = attribution
        doc._.speakers = speakers

    def resolve(self, doc: Doc) -> tuple[list[Attribution | None], tuple[SpeakerEntity, ...]]:
        """The final attribution of every quote span and the speakers, in order of first quote."""
        if self.spans_key not in doc.spans or len(doc.spans[self.spans_key]) == 0:
            return [], ()
        if self._genders is None:
            raise ValueError("[speaker_resolver] is not initialized: call nlp.initialize() first")
        if not doc.has_annotation("DEP"):
            raise ValueError(
                f"[speaker_resolver] needs a dependency parse: add a parser before '{self.name}'"
            )
        spans = list(doc.spans[self.spans_key])
        names = NameModel(self.lexicons, self._genders)
        article = ArticleNames.of(names.cluster(names.collect(doc, spans, quoted_mask(doc, spans))))
        resolver = MentionResolver(names, self.lexicons, resolve_nominals=self.resolve_nominals)
        resolved: list[Resolved | None] = []
        for span in spans:
            quote: Quote | None = span._.quote
            if quote is None or not quote.is_speech:
                resolved.append(None)
                continue
            resolved.append(resolver.resolve(doc, span._.speaker_candidate, article, resolved))
        return _finish(doc, spans, resolved, article.clusters)


def _finish(
    doc: Doc,
    spans: Sequence[Span],
    resolved: Sequence[Resolved | None],
    clusters: dict[str, Cluster],
) -> tuple[list[Attribution | None], tuple[SpeakerEntity, ...]]:
    """The attributions of the quotes and the entities they name (ids in order of first quote)."""
    ids: dict[str, str] = {}
    # insertion-ordered sets (dict keys): membership tests stay O(1) however many quotes
    entity_mentions: dict[str, dict[CharSpan, None]] = {}
    entity_aliases: dict[str, dict[str, None]] = {}
    entity_info: dict[str, Resolved] = {}
    attributions: list[Attribution | None] = []
    for span, result in zip(spans, resolved, strict=True):
        quote: Quote | None = span._.quote
        if quote is None or not quote.is_speech:
            attributions.append(None)
            continue
        candidate: SpeakerCandidate | None = span._.speaker_candidate
        mention = char_span(doc, candidate.mention if candidate is not None else None)
        cue = char_span(doc, candidate.cue if candidate is not None else None)
        prior = candidate.prior if candidate is not None else 0.0
        if result is None or result.key is None:
            confidence = _confidence("context", UNRESOLVED_PRIOR)
            attributions.append(Attribution(mention, cue, None, None, "context", confidence))
            continue
        if result.key not in ids:
            ids[result.key] = f"e{len(ids) + 1}"
            entity_info[result.key] = result
            entity_mentions[result.key] = {}
            entity_aliases[result.key] = {}
        if mention is not None:
            entity_mentions[result.key].setdefault(mention, None)
        if result.alias and result.alias != result.name:
            entity_aliases[result.key].setdefault(result.alias, None)
        attributions.append(
            Attribution(
                mention=mention,
                cue=cue,
                entity_id=ids[result.key],
                name=result.name,
                resolution=result.resolution,
                confidence=_confidence(result.resolution, prior),
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
                kind=info.kind,
                aliases=tuple(aliases),
                role=cluster.role if cluster is not None else info.role,
                gender=cluster.gender if cluster is not None else info.gender,
                mentions=tuple(sorted(entity_mentions[key], key=lambda c: c.start)),
            )
        )
    return attributions, tuple(speakers)


def _confidence(resolution: str, prior: float) -> float:
    low, high = CONFIDENCE_BANDS[resolution]
    return round(low + (high - low) * max(0.0, min(1.0, prior)), 3)
