"""The `speaker_resolver` component: speaker mention -> canonical entity (alias, pronoun, nominal).

It reads what the `speaker_attributor` found (`span._.speaker_candidate`), collects the names the
article uses (named entities and proper-noun subjects, with their titles, appositions and
honorifics), and ties every mention to an entity:
  - names and their aliases ("Sessions", "Mr. Garcetti") -> the fullest form of that name;
  - pronouns (he/she/they) -> the most salient compatible antecedent before them, gender from
    honorifics or a first-name lexicon (`gender_guesser`), never guessed; none -> unresolved;
  - nominals ("the attorney general") -> the person introduced with that role, else the nominal.
It rewrites `span._.attribution` and sets `doc._.speakers`.
"""

from __future__ import annotations

import json
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import ensure_path

from app.pipeline.cues import NP_LEFT_DEPS, read_lexicon
from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.types import Attribution, CharSpan, EntityKind, Quote, Resolution, SpeakerEntity

if TYPE_CHECKING:
    from app.pipeline.speakers import SpeakerCandidate

Gender = Literal["female", "male"]

# Subject pronouns that refer back to a speaker, with the gender or number they state.
PRONOUN_GENDER: dict[str, Gender] = {"he": "male", "she": "female"}
# Possessive determiners standing for their subject pronoun ("his remarks" -> "he").
POSSESSIVE_PRONOUNS: dict[str, str] = {"his": "he", "her": "she", "their": "they"}
# Plural pronouns: the antecedent is a group or an organisation.
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they"})
# Indefinite pronouns that name a speaker by themselves ("another read", "someone shouted").
INDEFINITE_SPEAKERS: frozenset[str] = frozenset(
    {"another", "someone", "somebody", "one", "others", "some", "many", "most", "both"}
)
# First-person and second-person pronouns outside a quote: the narrator or the reader, unresolved.
DEICTIC_PRONOUNS: frozenset[str] = frozenset({"i", "we", "you"})
# Named-entity labels of organisations, places acting as governments, and nationalities.
ORG_LABELS: frozenset[str] = frozenset({"ORG", "GPE", "NORP", "FAC"})
# The label of people.
PERSON_LABELS: frozenset[str] = frozenset({"PERSON"})
# Honorific abbreviations and the role noun a later nominal uses ("Sen. X" ... "the senator").
HONORIFIC_ROLES: dict[str, str] = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "pres.": "president",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "capt.": "captain",
    "sgt.": "sergeant",
    "dr.": "doctor",
    "prof.": "professor",
    "rev.": "reverend",
    "sec.": "secretary",
    "atty.": "attorney",
}
# Role-noun synonyms a nominal may use for a title ("Rep. X" ... "the congressman").
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "representative": frozenset({"congressman", "congresswoman", "lawmaker"}),
    "senator": frozenset({"lawmaker"}),
}
# Gender-guesser answers taken as evidence ("mostly_*" and "andy" are not: never guess).
GENDER_ANSWERS: dict[str, Gender] = {"male": "male", "female": "female"}
# How far back (tokens) a pronoun or nominal looks for its antecedent.
MAX_ANTECEDENT_DISTANCE = 400
# How far back (tokens) a subject may outrank a nearer object as a pronoun's antecedent.
SALIENCE_WINDOW = 80
# How far back (tokens) a role nominal with no matching role looks for a named subject.
NOMINAL_WINDOW = 150
# Confidence bands per resolution kind (sortable: explicit > alias > nominal > pronoun > context).
CONFIDENCE_BANDS: dict[str, tuple[float, float]] = {
    "explicit": (0.8, 0.98),
    "alias": (0.7, 0.8),
    "nominal": (0.55, 0.7),
    "pronoun": (0.4, 0.55),
    "context": (0.05, 0.4),
}


class _GenderLexicon:
    """First names -> gender, from the gender_guesser package (loaded in initialize)."""

    def __init__(self) -> None:
        import gender_guesser.detector as gender_detector

        self._detector = gender_detector.Detector(case_sensitive=False)

    def gender(self, first_name: str) -> Gender | None:
        answer: str = self._detector.get_gender(first_name)
        return GENDER_ANSWERS.get(answer)


@dataclass(frozen=True, slots=True)
class _Lexicons:
    titles: frozenset[str] = frozenset()
    honorifics: dict[str, Gender | None] = field(default_factory=dict)
    org_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {
            "titles": sorted(self.titles),
            "honorifics": dict(sorted(self.honorifics.items())),
            "org_nouns": sorted(self.org_nouns),
            "document_nouns": sorted(self.document_nouns),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> _Lexicons:
        return cls(
            titles=frozenset(data["titles"]),
            honorifics=dict(data["honorifics"]),
            org_nouns=frozenset(data["org_nouns"]),
            document_nouns=frozenset(data["document_nouns"]),
        )


@dataclass(slots=True)
class _Name:
    """A name as the article writes it at one place, split into title and name proper."""

    start: int  # token range of the name proper
    end: int
    words: tuple[str, ...]  # lowercased words of the name proper (possessive dropped)
    text: str
    role: str | None
    role_words: frozenset[str]
    gender: Gender | None  # stated by an honorific
    kind: EntityKind
    subject: bool


@dataclass(slots=True)
class _Cluster:
    """Names of one entity across the article."""

    names: list[_Name]
    canonical: _Name
    kind: EntityKind
    gender: Gender | None = None
    role: str | None = None
    role_words: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Resolved:
    key: str | None  # cluster/entity key, None when unresolved
    name: str | None
    kind: EntityKind
    resolution: Resolution
    role: str | None = None
    gender: Gender | None = None
    alias: str | None = None


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
        self.lexicons = _Lexicons()
        self._genders: _GenderLexicon | None = None

    # ---- set-up and serialization ----------------------------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        titles: Path | str | Iterable[str] = (),
        honorifics: Path | str | Iterable[str] = (),
        org_nouns: Path | str | Iterable[str] = (),
        document_nouns: Path | str | Iterable[str] = (),
    ) -> None:
        """Load the lexicons (files or entries) and the first-name gender lexicon."""
        honorific_genders: dict[str, Gender | None] = {}
        for entry in _entries(honorifics):
            form, _, gender = entry.partition("\t")
            honorific_genders[form.strip().lower()] = (
                "male"
                if gender.strip() == "male"
                else "female"
                if gender.strip() == "female"
                else None
            )
        self.lexicons = _Lexicons(
            titles=frozenset(e.lower() for e in _entries(titles)),
            honorifics=honorific_genders,
            org_nouns=frozenset(e.lower() for e in _entries(org_nouns)),
            document_nouns=frozenset(e.lower() for e in _entries(document_nouns)),
        )
        self._genders = _GenderLexicon()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "lexicons.json").write_text(
            json.dumps(self.lexicons.to_json()), encoding="utf8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SpeakerResolver:
        directory = ensure_path(path)
        self.lexicons = _Lexicons.from_json(
            json.loads((directory / "lexicons.json").read_text(encoding="utf8"))
        )
        self._genders = _GenderLexicon()
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data: bytes = json.dumps(self.lexicons.to_json()).encode("utf8")
        return data

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> SpeakerResolver:
        self.lexicons = _Lexicons.from_json(json.loads(bytes_data.decode("utf8")))
        self._genders = _GenderLexicon()
        return self

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
        quoted = _quoted_mask(doc, spans)
        names = self._collect_names(doc, spans, quoted)
        clusters = self._cluster(names)
        by_start = sorted(
            ((name.start, key) for key, c in clusters.items() for name in c.names),
        )
        starts = [s for s, _ in by_start]
        extents = {(n.start, n.end): key for key, c in clusters.items() for n in c.names}
        subjects = frozenset(n.start for c in clusters.values() for n in c.names if n.subject)
        resolved: list[_Resolved | None] = []
        for span in spans:
            quote: Quote | None = span._.quote
            candidate: SpeakerCandidate | None = span._.speaker_candidate
            if quote is None or not quote.is_speech:
                resolved.append(None)
                continue
            resolved.append(
                self._resolve_candidate(
                    doc, candidate, clusters, extents, by_start, starts, resolved, subjects
                )
            )
        return self._finish(doc, spans, resolved, clusters)

    # ---- names in the article ---------------------------------------------------------------

    def _collect_names(self, doc: Doc, spans: Sequence[Span], quoted: list[bool]) -> list[_Name]:
        heads: dict[int, Token] = {}
        for ent in doc.ents:
            if ent.label_ in PERSON_LABELS or ent.label_ in ORG_LABELS:
                if not quoted[ent.root.i]:
                    heads[ent.root.i] = ent.root
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.dep_ in {"nsubj", "nsubjpass", "appos", "pobj"}:
                if not quoted[tok.i] and tok.i not in heads:
                    heads[tok.i] = tok
        for span in spans:
            candidate: SpeakerCandidate | None = span._.speaker_candidate
            if candidate is not None and candidate.head is not None:
                head = doc[candidate.head]
                if head.pos_ == "PROPN" or head.ent_type_ in PERSON_LABELS | ORG_LABELS:
                    heads[head.i] = head
        names = [self._name_at(head) for _, head in sorted(heads.items())]
        return [n for n in names if n is not None]

    def _name_at(self, head: Token) -> _Name | None:
        """The name proper around a head token, with its title, apposition and honorific."""
        doc = head.doc
        if head.pos_ != "PROPN" and head.ent_type_ == "":
            return None
        start = head.i
        while start > 0:
            prev = doc[start - 1]
            hyphen = prev.text == "-" and start - 2 >= 0 and not prev.whitespace_
            if prev.pos_ == "PROPN" or hyphen:
                if prev.head.i == head.i or prev.head.i >= start or prev.text == "-":
                    start -= 1
                    continue
            break
        end = head.i + 1
        label = head.ent_type_
        org = label in ORG_LABELS or head.lower_ in self.lexicons.org_nouns
        person = label in PERSON_LABELS
        gender: Gender | None = None
        role_start = start
        # honorifics and titles before the name proper ("Mr.", "Attorney General")
        if not org:
            while start < head.i:
                word = doc[start].lower_
                if word in self.lexicons.honorifics:
                    gender = self.lexicons.honorifics[word] or gender
                    start += 1
                elif word in self.lexicons.titles or word.rstrip(".") in self.lexicons.titles:
                    start += 1
                elif person and doc[start].ent_type_ not in PERSON_LABELS:
                    start += 1
                else:
                    break
        # an honorific just before the run ("Mr. Garcetti" when "Mr." is not PROPN)
        if start == role_start and start > 0:
            word = doc[start - 1].lower_
            if word in self.lexicons.honorifics:
                gender = self.lexicons.honorifics[word] or gender
                role_start = start - 1
        words = tuple(t.lower_ for t in doc[start:end] if t.dep_ != "case" and t.text != "-")
        if not words:
            return None
        role_tokens = [t for t in doc[_left_edge(head, role_start) : start] if t.dep_ != "det"]
        role = " ".join(t.text for t in role_tokens) or None
        if role is not None and all(t.lower_ in self.lexicons.honorifics for t in role_tokens):
            role_words = frozenset(
                HONORIFIC_ROLES[t.lower_] for t in role_tokens if t.lower_ in HONORIFIC_ROLES
            )
            role = None if not role_words else role
        else:
            role_words = frozenset(
                HONORIFIC_ROLES.get(t.lower_, t.lemma_.lower()) for t in role_tokens
            )
        appos = _apposition(head)
        if appos is not None:
            role = role or appos.text
            role_words = role_words | frozenset(t.lemma_.lower() for t in appos if t.is_alpha)
        kind: EntityKind = "organization" if org else "person"
        name_span = doc[start:end]
        text = name_span.text
        if doc[end - 1].dep_ == "case" or doc[end - 1].lower_ in {"'s", "’s"}:
            text = doc[start : end - 1].text
        return _Name(
            start=start,
            end=end,
            words=words,
            text=text,
            role=role,
            role_words=role_words,
            gender=gender,
            kind=kind,
            subject=head.dep_ in {"nsubj", "nsubjpass"},
        )

    def _cluster(self, names: Sequence[_Name]) -> dict[str, _Cluster]:
        """Group names by their last word; a multi-word name is its own cluster."""
        full: dict[tuple[str, ...], _Cluster] = {}
        for name in names:
            if len(name.words) > 1:
                cluster = full.get(name.words)
                if cluster is None:
                    full[name.words] = _Cluster([name], name, name.kind)
                else:
                    cluster.names.append(name)
        # indexes over the multi-word names, so that each lookup below is O(matches), not O(names)
        by_last: dict[str, list[_Cluster]] = {}
        by_inner: dict[str, list[_Cluster]] = {}
        for words, cluster in full.items():
            by_last.setdefault(words[-1], []).append(cluster)
            for word in dict.fromkeys(words[1:]):
                by_inner.setdefault(word, []).append(cluster)
        name_starts = {id(c): [n.start for n in c.names] for c in full.values()}
        singles: dict[tuple[str, ...], _Cluster] = {}
        for name in names:
            if len(name.words) > 1:
                continue
            target = _best_full(name, by_last, by_inner, name_starts)
            if target is not None:
                target.names.append(name)
                insort(name_starts[id(target)], name.start)
                continue
            cluster = singles.get(name.words)
            if cluster is None:
                singles[name.words] = _Cluster([name], name, name.kind)
            else:
                cluster.names.append(name)
        # a shorter multi-word name inside a longer one ("Hillary Clinton" in "Hillary Rodham
        # Clinton") joins it
        merged: set[int] = set()
        for words, cluster in list(full.items()):
            for other in by_last[words[-1]]:
                other_words = other.canonical.words
                if other is cluster or id(other) in merged or len(other_words) <= len(words):
                    continue
                if set(words) <= set(other_words):
                    other.names.extend(cluster.names)
                    merged.add(id(cluster))
                    del full[words]
                    break
        clusters: dict[str, _Cluster] = {}
        for cluster in list(full.values()) + list(singles.values()):
            cluster.names.sort(key=lambda n: n.start)
            self._describe(cluster)
            clusters[" ".join(cluster.canonical.words)] = cluster
        return clusters

    def _describe(self, cluster: _Cluster) -> None:
        """Canonical name (the fullest form), kind, gender and role of a cluster."""
        cluster.canonical = max(cluster.names, key=lambda n: (len(n.words), -n.start))
        kinds = {n.kind for n in cluster.names}
        cluster.kind = "organization" if kinds == {"organization"} else "person"
        if "organization" in kinds and cluster.canonical.kind == "organization":
            cluster.kind = "organization"
        genders = {n.gender for n in cluster.names if n.gender is not None}
        if len(genders) == 1:
            cluster.gender = genders.pop()
        elif not genders and cluster.kind == "person" and len(cluster.canonical.words) > 1:
            assert self._genders is not None
            first = cluster.canonical.text.split()[0]
            cluster.gender = self._genders.gender(first)
        for name in cluster.names:
            if name.role and cluster.role is None:
                cluster.role = name.role
            cluster.role_words = cluster.role_words | name.role_words

    # ---- one mention -------------------------------------------------------------------------

    def _resolve_candidate(
        self,
        doc: Doc,
        candidate: SpeakerCandidate | None,
        clusters: dict[str, _Cluster],
        extents: dict[tuple[int, int], str],
        by_start: Sequence[tuple[int, str]],
        starts: Sequence[int],
        resolved: Sequence[_Resolved | None],
        subjects: frozenset[int],
    ) -> _Resolved | None:
        if candidate is None or candidate.mention is None or candidate.head is None:
            return None
        if candidate.source is not None and candidate.source < len(resolved):
            earlier = resolved[candidate.source]
            if earlier is None:
                return None
            return replace(earlier, resolution="context")
        head = doc[candidate.head]
        mention = doc[candidate.mention[0] : candidate.mention[1]]
        if head.pos_ == "PRON" and head.lower_ in INDEFINITE_SPEAKERS:
            # "another read", "someone shouted": the words themselves are all the text says
            return self._resolve_nominal(head, mention, clusters, by_start, starts)
        if head.pos_ == "PRON" and head.lower_ in PLURAL_PRONOUNS:
            # `they` only as the subject of the cue itself (`the party says they ...`)
            if candidate.cue is None or head.head.i != candidate.cue[0]:
                return _Resolved(None, None, "unknown", "context")
        if head.pos_ == "PRON":
            return self._resolve_pronoun(doc, head, clusters, by_start, starts, subjects)
        if head.pos_ == "PROPN" or head.ent_type_ in PERSON_LABELS | ORG_LABELS:
            found = self._resolve_name(head, clusters, extents)
            if found is not None:
                return found
        if head.is_title and head.pos_ == "NOUN" and mention.start == head.i:
            # a name the tagger took for a common noun ("Sessions said"): a known surname
            found = self._resolve_surname(head, clusters)
            if found is not None:
                return found
        return self._resolve_nominal(head, mention, clusters, by_start, starts, subjects)

    def _resolve_name(
        self, head: Token, clusters: dict[str, _Cluster], extents: dict[tuple[int, int], str]
    ) -> _Resolved | None:
        name = self._name_at(head)
        if name is None:
            return None
        key = extents.get((name.start, name.end))
        if key is None:
            return None
        cluster = clusters[key]
        exact = name.words == cluster.canonical.words
        return _Resolved(
            key=key,
            name=cluster.canonical.text,
            kind=cluster.kind,
            resolution="explicit" if exact else "alias",
            role=cluster.role,
            gender=cluster.gender,
            alias=name.text,
        )

    @staticmethod
    def _resolve_surname(head: Token, clusters: dict[str, _Cluster]) -> _Resolved | None:
        word = head.lower_
        best: tuple[int, str] | None = None
        for key, cluster in clusters.items():
            if cluster.kind != "person" or cluster.canonical.words[-1] != word:
                continue
            before = [n.start for n in cluster.names if n.start < head.i]
            rank = max(before) if before else -1
            if best is None or rank > best[0]:
                best = (rank, key)
        if best is None:
            return None
        cluster = clusters[best[1]]
        return _Resolved(
            key=best[1],
            name=cluster.canonical.text,
            kind=cluster.kind,
            resolution="alias" if len(cluster.canonical.words) > 1 else "explicit",
            role=cluster.role,
            gender=cluster.gender,
            alias=head.text,
        )

    def _resolve_pronoun(
        self,
        doc: Doc,
        pronoun: Token,
        clusters: dict[str, _Cluster],
        by_start: Sequence[tuple[int, str]],
        starts: Sequence[int],
        subjects: frozenset[int] = frozenset(),
    ) -> _Resolved:
        unresolved = _Resolved(None, None, "unknown", "context")
        word = pronoun.lower_
        if pronoun.dep_ == "poss":
            word = POSSESSIVE_PRONOUNS.get(word, word)
        if word in PLURAL_PRONOUNS:
            return self._resolve_plural(pronoun, clusters, by_start, starts) or unresolved
        gender = PRONOUN_GENDER.get(word)
        if gender is None:
            return unresolved
        limit = pronoun.i - MAX_ANTECEDENT_DISTANCE
        k = bisect_left(starts, pronoun.i) - 1
        sentence_start = pronoun.sent.start
        best: str | None = None
        while k >= 0 and by_start[k][0] >= limit:
            start, key = by_start[k]
            cluster = clusters[key]
            if cluster.kind == "person":
                compatible = cluster.gender == gender
                if compatible:
                    best = key
                    if start not in subjects:
                        # salience: a compatible subject in this sentence or the one before
                        # outranks a nearer object or possessor ("Reed clashed with Hale ... he")
                        best = _salient_subject(
                            doc, pronoun, k, clusters, by_start, subjects, gender, key
                        )
                    break
                # a named person of unknown gender closer than any compatible one: do not skip
                # over them to a farther person in the same sentence (ambiguous)
                if cluster.gender is None and start >= sentence_start:
                    if doc[start].ent_type_ in PERSON_LABELS:
                        return unresolved
                    # "(R-Ore.)": a proper noun the tagger never called a person
            k -= 1
        if best is None:
            return unresolved
        cluster = clusters[best]
        return _Resolved(
            key=best,
            name=cluster.canonical.text,
            kind=cluster.kind,
            resolution="pronoun",
            role=cluster.role,
            gender=cluster.gender,
            alias=None,
        )

    @staticmethod
    def _resolve_plural(
        pronoun: Token,
        clusters: dict[str, _Cluster],
        by_start: Sequence[tuple[int, str]],
        starts: Sequence[int],
    ) -> _Resolved | None:
        """`they` -> the nearest organisation named in its sentence or the one before, when no
        person stands between them (`The party argues that they should ...`)."""
        doc = pronoun.doc
        floor = pronoun.sent.start
        if floor > 0:
            floor = doc[floor - 1].sent.start
        floor = max(floor, pronoun.i - SALIENCE_WINDOW)
        k = bisect_left(starts, pronoun.i) - 1
        while k >= 0 and by_start[k][0] >= floor:
            start, key = by_start[k]
            cluster = clusters[key]
            k -= 1
            if cluster.kind != "organization":
                if doc[start].ent_type_ in PERSON_LABELS:
                    return None  # a person in between: "they" may be that person and others
                continue
            return _Resolved(
                key=key,
                name=cluster.canonical.text,
                kind=cluster.kind,
                resolution="pronoun",
                role=cluster.role,
                gender=cluster.gender,
                alias=None,
            )
        return None

    def _resolve_nominal(
        self,
        head: Token,
        mention: Span,
        clusters: dict[str, _Cluster],
        by_start: Sequence[tuple[int, str]],
        starts: Sequence[int],
        subjects: frozenset[int] = frozenset(),
    ) -> _Resolved:
        lemma = head.lemma_.lower()
        if self.resolve_nominals and head.pos_ == "NOUN" and _definite(mention):
            k = bisect_left(starts, head.i) - 1
            limit = head.i - MAX_ANTECEDENT_DISTANCE * 3
            while k >= 0 and by_start[k][0] >= limit:
                cluster = clusters[by_start[k][1]]
                if cluster.kind == "person" and _role_matches(lemma, cluster.role_words):
                    return _Resolved(
                        key=by_start[k][1],
                        name=cluster.canonical.text,
                        kind=cluster.kind,
                        resolution="nominal",
                        role=cluster.role,
                        gender=cluster.gender,
                        alias=mention.text,
                    )
                k -= 1
            if head.tag_ == "NN" and lemma in self.lexicons.titles and _plain_definite(mention):
                found = _salient_person(head, clusters, by_start, starts, subjects)
                if found is not None:
                    return replace(found, alias=mention.text)
        text = _strip_punct(mention).text
        kind: EntityKind
        if lemma in self.lexicons.document_nouns:
            kind = "document"
        elif lemma in self.lexicons.org_nouns or head.ent_type_ in ORG_LABELS:
            kind = "organization"
        elif head.tag_ in {"NNS", "NNPS"}:
            kind = "group"
        elif lemma in self.lexicons.titles:
            kind = "person"
        else:
            kind = "person" if head.pos_ == "PROPN" else "unknown"
        resolution: Resolution = "explicit" if head.pos_ == "PROPN" else "nominal"
        return _Resolved(key="nominal:" + text.lower(), name=text, kind=kind, resolution=resolution)

    # ---- entities and final attributions ------------------------------------------------------

    def _finish(
        self,
        doc: Doc,
        spans: Sequence[Span],
        resolved: Sequence[_Resolved | None],
        clusters: dict[str, _Cluster],
    ) -> tuple[list[Attribution | None], tuple[SpeakerEntity, ...]]:
        ids: dict[str, str] = {}
        # insertion-ordered sets (dict keys): membership tests stay O(1) however many quotes
        entity_mentions: dict[str, dict[CharSpan, None]] = {}
        entity_aliases: dict[str, dict[str, None]] = {}
        entity_info: dict[str, _Resolved] = {}
        attributions: list[Attribution | None] = []
        for span, result in zip(spans, resolved, strict=True):
            quote: Quote | None = span._.quote
            if quote is None or not quote.is_speech:
                attributions.append(None)
                continue
            candidate: SpeakerCandidate | None = span._.speaker_candidate
            mention = _char_span(doc, candidate.mention if candidate is not None else None)
            cue = _char_span(doc, candidate.cue if candidate is not None else None)
            layout_conf = _layout_confidence(candidate)
            if result is None or result.key is None:
                attributions.append(
                    Attribution(mention, cue, None, None, "context", _confidence("context", 0.2))
                )
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
                    confidence=_confidence(result.resolution, layout_conf),
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


# ---- small pure helpers ----------------------------------------------------------------------


def _salient_person(
    head: Token,
    clusters: dict[str, _Cluster],
    by_start: Sequence[tuple[int, str]],
    starts: Sequence[int],
    subjects: frozenset[int],
) -> _Resolved | None:
    """`Ann Lee won the vote. ... "Q," the mayor said`, with no role on record for her: the
    nearest person named as a subject within `NOMINAL_WINDOW` tokens before the nominal."""
    k = bisect_left(starts, head.i) - 1
    while k >= 0 and by_start[k][0] >= head.i - NOMINAL_WINDOW:
        start, key = by_start[k]
        cluster = clusters[key]
        if cluster.kind == "person" and start in subjects:
            return _Resolved(
                key=key,
                name=cluster.canonical.text,
                kind=cluster.kind,
                resolution="nominal",
                role=cluster.role,
                gender=cluster.gender,
            )
        k -= 1
    return None


def _salient_subject(
    doc: Doc,
    pronoun: Token,
    k: int,
    clusters: dict[str, _Cluster],
    by_start: Sequence[tuple[int, str]],
    subjects: frozenset[int],
    gender: Gender,
    nearest: str,
) -> str:
    """The closest gender-compatible person named as a subject before name `k`, within the
    pronoun's sentence and the sentence before it; else `nearest`."""
    sentence = pronoun.sent
    floor = sentence.start
    if floor > 0:
        floor = doc[floor - 1].sent.start
    for j in range(k - 1, -1, -1):
        start, key = by_start[j]
        if start < floor or start < pronoun.i - SALIENCE_WINDOW:
            break
        cluster = clusters[key]
        if cluster.kind == "person" and cluster.gender == gender and start in subjects:
            return key
    return nearest


def _entries(source: Path | str | Iterable[str]) -> list[str]:
    if isinstance(source, str | Path):
        return read_lexicon(source)
    return list(source)


def _best_full(
    name: _Name,
    by_last: dict[str, list[_Cluster]],
    by_inner: dict[str, list[_Cluster]],
    name_starts: dict[int, list[int]],
) -> _Cluster | None:
    """The multi-word name a one-word name abbreviates: the one mentioned most recently before
    it, else the first one after it (`name_starts`: each cluster's name starts, sorted)."""
    word = name.words[0]
    matches = by_last.get(word) or by_inner.get(word) or []
    if not matches:
        return None
    latest: tuple[int, _Cluster] | None = None
    for cluster in matches:
        starts = name_starts[id(cluster)]
        k = bisect_left(starts, name.start)
        if k > 0 and (latest is None or starts[k - 1] > latest[0]):
            latest = (starts[k - 1], cluster)
    if latest is not None:
        return latest[1]
    return min(matches, key=lambda c: name_starts[id(c)][0])


def _quoted_mask(doc: Doc, spans: Sequence[Span]) -> list[bool]:
    mask = [False] * len(doc)
    for span in spans:
        quote: Quote | None = span._.quote
        if quote is not None and quote.is_speech:
            for i in range(span.start, span.end):
                mask[i] = True
    return mask


def _left_edge(head: Token, floor: int) -> int:
    """Leftmost token of the title modifiers before a name (compound/amod chain), >= floor - 6."""
    left = floor
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS and child.dep_ not in {"poss", "det"}:
            left = min(left, child.left_edge.i)
    return max(left, floor - 6)


def _apposition(head: Token) -> Span | None:
    """`X, the city's mayor,` -> "the city's mayor" (without trailing punctuation)."""
    for child in head.rights:
        if child.dep_ == "appos":
            span = head.doc[child.left_edge.i : child.right_edge.i + 1]
            return _strip_punct(span)
    return None


def _strip_punct(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else span


def _definite(mention: Span) -> bool:
    return any(t.lower_ in {"the", "this", "that"} or t.dep_ == "poss" for t in mention)


def _plain_definite(mention: Span) -> bool:
    """`the mayor`, not `his spokesman` (someone else's role)."""
    return any(t.lower_ == "the" for t in mention) and not any(t.dep_ == "poss" for t in mention)


def _role_matches(lemma: str, role_words: frozenset[str]) -> bool:
    if lemma in role_words:
        return True
    return any(lemma in ROLE_SYNONYMS.get(word, frozenset()) for word in role_words)


def _char_span(doc: Doc, tokens: tuple[int, int] | None) -> CharSpan | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return CharSpan(span.start_char, span.end_char, span.text)


def _layout_confidence(candidate: SpeakerCandidate | None) -> float:
    from app.pipeline.speakers import LAYOUT_CONFIDENCE

    if candidate is None:
        return 0.0
    return LAYOUT_CONFIDENCE.get(candidate.layout, 0.5)


def _confidence(resolution: str, layout_confidence: float) -> float:
    low, high = CONFIDENCE_BANDS[resolution]
    return round(low + (high - low) * max(0.0, min(1.0, layout_confidence)), 3)
