"""The `speaker_resolver` component: speaker mention -> canonical entity (alias, pronoun, nominal).

It reads what the `speaker_attributor` found (`span._.speaker_candidate`), collects the names the
article uses (`names.py`), ties every mention to an entity (`resolve.py`), rewrites
`span._.attribution` with the entity and a confidence, and sets `doc._.speakers`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example

from app.pipeline.entities.article_names import ArticleNames
from app.pipeline.entities.attributions import build_attributions
from app.pipeline.entities.clusters import cluster_names
from app.pipeline.entities.confidence import Calibrator
from app.pipeline.entities.described import (
    describe,
    described_people,
    introduces,
    narrative_roles,
    relative_clause_gender,
)
from app.pipeline.entities.first_names import Gender, GenderLexicon
from app.pipeline.entities.gender import INFERRED_VOTE, GenderVotes, gather, mark_bound_genders
from app.pipeline.entities.lexicons import ResolverLexicons
from app.pipeline.entities.names import NameModel
from app.pipeline.entities.resolve import PRONOUN_GENDER, MentionResolver, PronounObserver
from app.pipeline.entities.resolved import Resolved
from app.pipeline.entities.salience import (
    Mention,
    SalienceWeights,
    Timeline,
)
from app.pipeline.entities.teller import teller
from app.pipeline.entities.timeline import name_mentions, narrative_pronouns
from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.lexicon import LexiconSource, entries, read_table
from app.pipeline.pipes import DataPipe
from app.pipeline.speakers.extent import mention_extent
from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS
from app.pipeline.types import Attribution, Quote, SpeakerCandidate, SpeakerEntity, attributed

# Resolutions whose mention names the speaker at the quote.
NAMED_RESOLUTIONS: frozenset[str] = frozenset({"explicit", "alias"})


@Language.factory(
    "speaker_resolver",
    assigns=["span._.attribution", "doc._.speakers"],
    requires=["span._.speaker_candidate", "token.dep", "token.pos", "doc.ents"],
    default_config={
        "spans_key": QUOTES_KEY,
        "resolve_nominals": True,
        "name_country": "usa",
        "salience": {
            "per_sentence": 0.5,
            "subject": 1.0,
            "background": 0.5,
            "current_speaker": 1.5,
            "known_gender": 0.5,
            "prominence": 0.3,
            "same_paragraph": 0.5,
            "embedded_subject": 0.5,
            "max_sentences": 10,
            "speaker_paragraphs": 2,
        },
    },
)
def make_speaker_resolver(
    nlp: Language,
    name: str,
    *,
    spans_key: str,
    resolve_nominals: bool,
    name_country: str,
    salience: dict[str, float],
) -> SpeakerResolver:
    return SpeakerResolver(
        nlp.vocab,
        name,
        spans_key=spans_key,
        resolve_nominals=resolve_nominals,
        name_country=name_country,
        salience=SalienceWeights.from_config(salience),
    )


class SpeakerResolver(DataPipe):
    """Speaker mentions -> entities; sets the final attributions and `doc._.speakers`."""

    data_file = "lexicons.json"

    def __init__(
        self,
        vocab: Any,
        name: str = "speaker_resolver",
        *,
        spans_key: str,
        resolve_nominals: bool,
        salience: SalienceWeights,
        name_country: str = "",
    ) -> None:
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.resolve_nominals = resolve_nominals
        self.salience = salience
        self.name_country = name_country
        self.lexicons = ResolverLexicons()
        self._genders: GenderLexicon | None = None
        self.pronoun_observer: PronounObserver | None = None  # set by training tools only
        self.calibrator = Calibrator()

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
        gendered_nouns: Path | str | Iterable[Sequence[str]] = (),
        confidence_model: Mapping[str, Any] | None = None,
        source_nouns: LexiconSource = (),
        first_names: Path | str | Iterable[Sequence[str]] = (),
        furniture_labels: LexiconSource = (),
        role_synonyms: Path | str | Iterable[Sequence[str]] = (),
        org_kind_words: Path | str | Iterable[Sequence[str]] = (),
    ) -> None:
        """Load the lexicons (files or entries; honorifics, first names: (form, gender "male",
        "female" or "-") rows; role synonyms, organisation kinds: (word, word, ...) rows)."""
        self.lexicons = ResolverLexicons(
            titles=frozenset(entries(titles)),
            honorifics=_gender_table(honorifics),
            org_nouns=frozenset(entries(org_nouns)),
            document_nouns=frozenset(entries(document_nouns)),
            gendered_nouns={k: g for k, g in _gender_table(gendered_nouns).items() if g},
            source_nouns=frozenset(entries(source_nouns)),
            first_names={k: g for k, g in _gender_table(first_names).items() if g},
            furniture_labels=frozenset(entries(furniture_labels)),
            role_synonyms=_word_table(role_synonyms),
            org_kind_words=_word_table(org_kind_words),
        )
        self.calibrator = Calibrator.from_json(confidence_model or {})
        self._genders = GenderLexicon(self.lexicons.first_names, self.name_country)

    def to_json(self) -> dict[str, Any]:
        return {"lexicons": self.lexicons.to_json(), "confidence": self.calibrator.to_json()}

    def load_json(self, data: dict[str, Any]) -> None:
        self.lexicons = ResolverLexicons.from_json(data["lexicons"])
        self.calibrator = Calibrator.from_json(data["confidence"])
        self._genders = GenderLexicon(self.lexicons.first_names, self.name_country)

    # ---- the component (called by `DataPipe.__call__`) ---------------------------------------

    def set_annotations(
        self,
        doc: Doc,
        found: tuple[Sequence[Attribution | None], tuple[SpeakerEntity, ...]],
    ) -> None:
        attributions, speakers = found
        if self.spans_key in doc.spans:
            for span, attribution in zip(doc.spans[self.spans_key], attributions, strict=True):
                span._.attribution = attribution
        doc._.speakers = speakers

    def find(self, doc: Doc) -> tuple[list[Attribution | None], tuple[SpeakerEntity, ...]]:
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
        # each span's values read once: `span._` is built anew on every access
        exts = [span._ for span in spans]
        quotes: list[Quote | None] = [ext.quote for ext in exts]
        candidates: list[SpeakerCandidate | None] = [ext.speaker_candidate for ext in exts]
        quoted = quoted_mask(doc, spans, quotes)
        names = NameModel(self.lexicons, self._genders)
        # (a name inside a title's marks is the work's, no one in the story: `"Les Quais," the
        # TV drama`; a quote's speaker mention still counts)
        found = names.collect(doc, candidates, quoted_mask(doc, spans, quotes, TITLE_TYPES))
        mark_bound_genders(doc, found, quoted)
        clusters = cluster_names(found, self._genders, self.lexicons.org_kind_words)
        votes = gather(
            doc,
            clusters,
            quoted,
            gendered_nouns=self.lexicons.gendered_nouns,
            lexicon=self._genders,
            honorifics=self.lexicons.honorifics,
        )
        for key, box in votes.items():
            clusters[key].gender = box.gender
        clusters.update(described_people(doc, quoted, self.lexicons.gendered_nouns))
        article = ArticleNames.of(clusters, doc)
        timeline = Timeline(doc, name_mentions(doc, article, self.lexicons.furniture_labels))
        resolver = MentionResolver(
            names,
            self.lexicons,
            timeline,
            resolve_nominals=self.resolve_nominals,
            salience=self.salience,
        )
        resolver.observer = self.pronoun_observer
        speakers = frozenset(c.head for c in candidates if c is not None and c.head is not None)
        self._follow_roles(doc, speakers, quoted, resolver, article, timeline)
        resolved: list[Resolved | None] = []
        chain = narrative_pronouns(doc, speakers, quoted)
        k = 0
        for span, quote, candidate in zip(spans, quotes, candidates, strict=True):
            while k < len(chain) and chain[k] < span.start:
                # the article's own "he"/"she" before this quote keeps its person in focus
                pronoun = doc[chain[k]]
                antecedent = _quietly(resolver, pronoun, article)
                if antecedent.key is not None:
                    timeline.add(Mention(pronoun.i, antecedent.key, "pronoun", subject=True))
                k += 1
            if quote is None or not attributed(quote, candidate):
                resolved.append(None)
                continue
            result = resolver.resolve(
                doc, candidate, article, resolved, teller(doc, spans, resolved, candidate)
            )
            resolved.append(result)
            if result is None:
                continue
            unnamed = resolver.unnamed.remember(result, span.start)
            if candidate is not None:
                self._describe_speaker(doc, candidate, result, article, timeline, quoted, quote)
            if result.key in article.clusters:
                _follow(doc, span, candidate, result, article, votes, timeline)
            elif unnamed:
                # an unnamed source is the one the article is quoting now, too
                timeline.add_speaker(
                    span.start, str(result.key), named=True, end=span.end, unnamed=True
                )
        mentions = [_whole_name(names, doc, candidate) for candidate in candidates]
        return build_attributions(
            doc, spans, quotes, mentions, resolved, article.clusters, self.calibrator
        )

    def _follow_roles(
        self,
        doc: Doc,
        speakers: frozenset[int],
        quoted: Sequence[bool],
        resolver: MentionResolver,
        article: ArticleNames,
        timeline: Timeline,
    ) -> None:
        """`Speaking Monday, the governor framed ... He did not mention`: the story's role
        subjects (no quote's speaker's: `speakers`) are mentions of the roles' holders."""
        for i in narrative_roles(doc, quoted, self.lexicons.titles, speakers):
            start, end = mention_extent(doc[i])
            holder = resolver.role_holder(doc[i], doc[start:end], article)
            if holder is not None and holder.key in article.clusters and holder.kind == "person":
                timeline.add(Mention(i, holder.key, "name", subject=True))

    def _describe_speaker(
        self,
        doc: Doc,
        candidate: SpeakerCandidate,
        result: Resolved,
        article: ArticleNames,
        timeline: Timeline,
        quoted: Sequence[bool],
        quote: Quote,
    ) -> None:
        """A person a quote's speaker mention describes without a name (`said one longtime
        adviser`) becomes an entity: the he/she of the next quote may mean them. A reported
        passage's speaker only when the mention introduces someone (`One defence lawyer said
        ...`), not a definite role (`the spokesman said`), which may mean someone named."""
        if result.key is None or result.key in article.clusters or candidate.head is None:
            return
        head = doc[candidate.head]
        if (
            result.resolution != "nominal"
            or head.tag_ != "NN"
            or head.dep_ not in NOMINAL_SUBJECT_DEPS
        ):
            return
        gender = self.lexicons.gendered_nouns.get(head.lemma_.lower()) or relative_clause_gender(
            head
        )
        if result.kind != "person" and gender is None:
            return  # (`the report said`: no one a he/she could mean)
        if not quote.is_quotation and not introduces(head):
            return
        cluster = describe(head, gender, quoted)
        if cluster is not None:
            article.clusters[result.key] = cluster
            timeline.add(Mention(head.i, result.key, "name", subject=True))


def _whole_name(
    names: NameModel, doc: Doc, candidate: SpeakerCandidate | None
) -> SpeakerCandidate | None:
    """The candidate with its mention widened to the name it is a part of, or cuts into (the
    parse read `Immigration, Refugees and Citizenship Canada` as a list: mention "Immigration"
    or "Citizenship Canada", name whole)."""
    if candidate is None or candidate.head is None or candidate.mention is None:
        return candidate
    name = names.name_at(doc[candidate.head])
    start, end = candidate.mention
    if name is None or not (
        name.start < start < name.end or (name.start <= start and end < name.end)
    ):
        return candidate
    return replace(candidate, mention=(name.start, max(end, name.end)))


def _quietly(resolver: MentionResolver, pronoun: Token, article: ArticleNames) -> Resolved:
    """A narrative pronoun's antecedent, unseen by the observer (it watches quote speakers)."""
    observer, resolver.observer = resolver.observer, None
    try:
        return resolver.pronoun(pronoun, article)
    finally:
        resolver.observer = observer


def _follow(
    doc: Doc,
    span: Span,
    candidate: SpeakerCandidate | None,
    result: Resolved,
    article: ArticleNames,
    votes: dict[str, GenderVotes],
    timeline: Timeline,
) -> None:
    """What a resolved quote tells the quotes after it: its speaker is the one the article is
    quoting now; a pronoun mention is a mention of its entity; a gendered pronoun tied to a
    person of unknown gender is evidence of that person's gender."""
    assert result.key is not None
    timeline.add_speaker(
        span.start, result.key, named=result.resolution in NAMED_RESOLUTIONS, end=span.end
    )
    if candidate is None or candidate.head is None or result.resolution != "pronoun":
        return
    pronoun = doc[candidate.head]
    timeline.add(Mention(pronoun.i, result.key, "pronoun", subject=pronoun.dep_ == "nsubj"))
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    cluster = article.clusters[result.key]
    if gender is not None and cluster.personal:
        cluster.kind = "person"  # "he"/"she" settles what a lone name was
        if cluster.gender is None:
            box = votes.setdefault(result.key, GenderVotes())
            box.add(gender, INFERRED_VOTE, "resolved pronoun")
            cluster.gender = box.gender


def _gender_table(source: Path | str | Iterable[Sequence[str]]) -> dict[str, Gender | None]:
    """(form, gender) rows -> form: gender ("male", "female"; anything else: None)."""
    rows = read_table(source) if isinstance(source, str | Path) else source
    table: dict[str, Gender | None] = {}
    for row in rows:
        gender = row[1].strip() if len(row) > 1 else ""
        table[row[0].strip().lower()] = (
            "male" if gender == "male" else "female" if gender == "female" else None
        )
    return table


def _word_table(source: Path | str | Iterable[Sequence[str]]) -> dict[str, frozenset[str]]:
    """(word, word, ...) rows -> first word: the others."""
    rows = read_table(source) if isinstance(source, str | Path) else source
    return {row[0].strip().lower(): frozenset(w.strip().lower() for w in row[1:]) for row in rows}


# The passage types whose words name a work (or a nickname), not anyone in the story.
TITLE_TYPES: frozenset[str] = frozenset({"title"})


def quoted_mask(
    doc: Doc,
    spans: Sequence[Span],
    quotes: Sequence[Quote | None],
    also: frozenset[str] = frozenset(),
) -> list[bool]:
    """Per token: inside a quotation (`quotes`: each span's `span._.quote`, read once), or
    inside a passage of a type in `also`."""
    mask = [False] * len(doc)
    for span, quote in zip(spans, quotes, strict=True):
        if quote is not None and (quote.is_quotation or quote.type in also):
            for i in range(span.start, span.end):
                mask[i] = True
    return mask
