"""Resolving one speaker mention to an entity of the article: a name or alias to its cluster, a
pronoun to its most salient compatible antecedent (gender never guessed), a nominal ("the
attorney general") to the person introduced with that role, else the mention itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from app.pipeline.entities.ages import (
    aged_otherwise,
    described_age,
    person_in_sentence,
    person_of_age,
)
from app.pipeline.entities.apposed import apposed_name
from app.pipeline.entities.article_names import ArticleNames
from app.pipeline.entities.clause_antecedent import clause_antecedent
from app.pipeline.entities.described import DESCRIBED_KEY
from app.pipeline.entities.documents import (
    document_issuer,
    document_subject_before,
    issuer_token,
    refers_back,
)
from app.pipeline.entities.first_names import Gender
from app.pipeline.entities.lexicons import ResolverLexicons
from app.pipeline.entities.named import Cluster
from app.pipeline.entities.names import NameModel
from app.pipeline.entities.phrasing import (
    definite,
    generic_saying,
    party_member,
    titled_person,
)
from app.pipeline.entities.resolved import NOMINAL_KEY, Resolved
from app.pipeline.entities.roles import RoleHolders, salient_person
from app.pipeline.entities.salience import Candidate, SalienceWeights, Timeline, rank
from app.pipeline.entities.transcript import ANSWER_LABEL, interviewee, transcript_label
from app.pipeline.entities.unnamed import UnnamedSources
from app.pipeline.sources import noun_names_source
from app.pipeline.syntax import (
    ORG_LABELS,
    PERSON_LABELS,
    elided_name,
    strip_punct,
)
from app.pipeline.types import EntityKind, Resolution, SpeakerCandidate

# Called for every gendered pronoun with every person the ranker sees (of any gender) and the
# genders the article states: how training tools observe the ranker (never set in a service).
PronounObserver = Callable[[Token, Gender, list[Candidate], dict[str, Gender | None]], None]

# Subject pronouns that refer back to a speaker, with the gender or number they state.
PRONOUN_GENDER: dict[str, Gender] = {"he": "male", "she": "female"}
# Possessive determiners standing for their subject pronoun ("his remarks" -> "he").
POSSESSIVE_PRONOUNS: dict[str, str] = {"his": "he", "her": "she", "their": "they"}
# Plural pronouns: the antecedent is a group or an organisation.
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they"})
# Kinds of entity whose last name word, written alone where the tagger took it for a common word
# (`Tully interjected`), names the entity: a person's name the NER may have called an
# organisation (`Sean Tully` tagged ORG) too.
SURNAME_KINDS: frozenset[str] = frozenset({"person", "organization"})
# Pronouns of things: an organisation as a speaker ("it said in a statement").
NEUTER_PRONOUNS: frozenset[str] = frozenset({"it"})
# Indefinite pronouns that name a speaker by themselves ("another read", "someone shouted").
INDEFINITE_SPEAKERS: frozenset[str] = frozenset(
    {"another", "someone", "somebody", "one", "others", "some", "many", "most", "both", "those"}
)
# How a noun of a person by their age ends ("the 43-year-old").
AGE_NOUN_ENDING = "-old"


class MentionResolver:
    """Ties speaker candidates to the article's entities."""

    def __init__(
        self,
        names: NameModel,
        lexicons: ResolverLexicons,
        timeline: Timeline,
        *,
        resolve_nominals: bool,
        salience: SalienceWeights,
    ) -> None:
        self.names = names
        self.lexicons = lexicons
        self.timeline = timeline
        self.resolve_nominals = resolve_nominals
        self.salience = salience
        self.observer: PronounObserver | None = None
        self.unnamed = UnnamedSources()  # unnamed sources quoted so far
        self.roles = RoleHolders(lexicons, self.unnamed)

    def resolve(
        self,
        doc: Doc,
        candidate: SpeakerCandidate | None,
        article: ArticleNames,
        resolved: Sequence[Resolved | None],
        teller: str | None = None,
    ) -> Resolved | None:
        """The entity of a quote's candidate; `resolved`: the quotes before it; `teller`: the
        speaker in whose own words the candidate's pronoun stands, whom it cannot mean."""
        if candidate is None or candidate.mention is None or candidate.head is None:
            return None
        if candidate.source is not None and candidate.source < len(resolved):
            earlier = resolved[candidate.source]
            if earlier is None:
                return None
            return replace(earlier, resolution="context")
        head = doc[candidate.head]
        mention = doc[candidate.mention[0] : candidate.mention[1]]
        if any(t.dep_ == "conj" and t.head.i == head.i for t in mention):
            named = self._apposed_name(head, mention, article) if head.pos_ == "NOUN" else None
            if named is not None:
                # `The festival's founder and promoter, Jean-Sébastien Provencher, said`: one
                # person with two roles
                return replace(named, resolution="nominal", alias=mention.text)
            return _group(head, mention)  # `Marsh and Quinn said`: both, not the first alone
        label = transcript_label(head)
        if label is not None:
            return self.transcript_speaker(head, label, article)
        if elided_name(head):
            found = self.name(head, article)  # `O’Malley notes`, the tagger's "pronoun"
            if found is not None:
                return found
        if head.pos_ == "PRON" and head.lower_ in INDEFINITE_SPEAKERS:
            # "another read", "someone shouted": the words themselves are all the text says
            return self.nominal(head, mention, article)
        if head.pos_ == "PRON" and head.lower_ in PLURAL_PRONOUNS:
            # `they` only as the subject of the cue itself (`the party says they ...`)
            if candidate.cue is None or head.head.i != candidate.cue[0]:
                return Resolved.unresolved("'they' is not the subject of the cue")
            if generic_saying(head.head):
                return Resolved.unresolved("'as they say' quotes a saying, not a speaker")
        if head.pos_ == "PRON" and head.lower_ in NEUTER_PRONOUNS:
            found = self._document_it(head, article)
            if found is not None:
                return found
        if head.pos_ == "PRON":
            # `Critics have a name for what they call "Q"`: the main clause's subject
            within = clause_antecedent(head, candidate.cue, self.lexicons)
            found = within and self.resolve(
                doc, replace(candidate, mention=within[1], head=within[0]), article, resolved
            )
            if found and found.key is not None:
                return found
            return self.pronoun(head, article, teller)
        if self._headline_title(head, mention):
            # `Premier Says Budget Will Balance`: a headline's capitalised role, no one's name
            found = self.roles.named_later(head, mention, article)
            if found is not None:
                return found
        if party_member(head, mention):
            # `the Georgia Democrat`, `the Maine Republican`: the member the story just named
            found = salient_person(head, article, self.lexicons.titles, any_title=True)
            if found is not None:
                return replace(found, alias=mention.text)
        titled = titled_person(head, mention, self.lexicons.titles)
        if titled is not None:
            # `Assembly of Manitoba Chiefs Grand Chief Cathy Merrick says`, the parse heading the
            # phrase with the organisation: the person its title names speaks
            found = self.name(titled, article)
            if found is not None:
                return found
        if head.pos_ == "PROPN" and not head.ent_type_:
            # `A retired Mountie ..., Cecil Donnachie, said`: a capitalised noun of no name
            # the NER knows, with a person's name set beside it
            named = self._apposed_name(head, mention, article)
            if named is not None:
                return replace(named, resolution="nominal", alias=mention.text)
        if head.pos_ == "PROPN" or head.ent_type_ in PERSON_LABELS | ORG_LABELS:
            found = self.name(head, article)
            if found is not None:
                return found
        if head.is_title and head.pos_ not in {"PRON", "PROPN"} and mention.start == head.i:
            # a name the tagger took for a common noun or a verb ("Sessions said", "Marsh shot
            # back"): a known surname
            found = _surname(head, article.clusters)
            if found is not None:
                return found
        return self.nominal(head, mention, article)

    def name(self, head: Token, article: ArticleNames) -> Resolved | None:
        name = self.names.name_at(head)
        if name is None:
            return None
        key = article.extents.get((name.start, name.end))
        if key is None:
            return None
        cluster = article.clusters[key]
        exact = name.words == cluster.canonical.words
        return Resolved.to_cluster(key, cluster, "explicit" if exact else "alias", name.text)

    def pronoun(self, pronoun: Token, article: ArticleNames, teller: str | None = None) -> Resolved:
        """The most salient entity the pronoun can mean: people of its gender or of unknown
        gender for he/she, organisations for it/they."""
        word = pronoun.lower_
        if pronoun.dep_ == "poss":
            word = POSSESSIVE_PRONOUNS.get(word, word)
        gender = PRONOUN_GENDER.get(word)
        allowed: dict[str, bool]
        if gender is not None:
            allowed = {
                key: c.gender is not None
                for key, c in article.clusters.items()
                if c.personal and c.gender in (None, gender)
            }
            what = f"{'man' if gender == 'male' else 'woman'} or person of unknown gender"
        elif word in PLURAL_PRONOUNS or word in NEUTER_PRONOUNS:
            # (a place the NER named is an "it" when it speaks, never a "they": `... already
            # used in Nova Scotia. They also call for ...` means the report's authors)
            allowed = {
                k: True
                for k, c in article.clusters.items()
                if c.kind == "organization" and not (word in PLURAL_PRONOUNS and c.canonical.place)
            }
            allowed.update(self.unnamed.allowed(word))
            if word in PLURAL_PRONOUNS:
                allowed.update(dict.fromkeys(article.singular_they, True))
            what = "organisation"
        else:
            return Resolved.unresolved(f"'{pronoun.text}' does not name a speaker")
        allowed.pop(teller or "", None)
        ranked = rank(self.timeline, pronoun.i, allowed, self.salience)
        if self.observer is not None and gender is not None:
            people = {k: c.gender for k, c in article.clusters.items() if c.personal}
            everyone = {k: g is not None for k, g in people.items()}
            self.observer(
                pronoun, gender, rank(self.timeline, pronoun.i, everyone, self.salience), people
            )
        if not ranked and gender is not None:
            lone = self.unnamed.last_one(pronoun.i, gender, self.lexicons.gendered_nouns)
            if lone is not None:  # no one named fits: the unnamed person who spoke last
                return replace(lone, resolution="pronoun", alias=None)
        if not ranked:
            return Resolved.unresolved(f"no {what} named before '{pronoun.text}'")
        best = ranked[0]
        cluster = article.clusters.get(best.key)
        if cluster is not None:
            found = Resolved.to_cluster(best.key, cluster, "pronoun")
        else:  # (an unnamed source: `allowed` holds no other keys)
            unnamed = self.unnamed.get(best.key)
            if unnamed is None:
                return Resolved.unresolved(f"no {what} named before '{pronoun.text}'")
            found = replace(unnamed, resolution="pronoun", alias=None)
        found.candidates = len(ranked)
        found.margin = best.score - ranked[1].score if len(ranked) > 1 else None
        found.distance = best.sentences_back
        return found

    def _document_it(self, pronoun: Token, article: ArticleNames) -> Resolved | None:
        """ "it" after a sentence about a document its issuer is tied to (`Her statement was
        read aloud ... "Q," it read`, `Mr. Hallett's letter ...`): that issuer, a name the
        article knows or a possessive pronoun resolved as any; else None (an "it" opening its
        sentence still finds the document itself, `clause_antecedent`)."""
        document = document_subject_before(pronoun, self.lexicons.document_nouns)
        issuer = issuer_token(document) if document is not None else None
        if issuer is None:
            return None
        return self._issuer(issuer, pronoun.text, article, pronouns=True)

    def _issuer(
        self, issuer: Token, alias: str, article: ArticleNames, pronouns: bool = False
    ) -> Resolved | None:
        """Who the token naming a document's issuer means: a name the article knows; for a
        common noun, the name set beside it, the organisation it means (`the company said in a
        statement`) or the person named with that role; or (`pronouns`) a pronoun resolved as
        any. None when it means no one the article names."""
        if issuer.i in article.heads:
            key = article.heads[issuer.i]
            return Resolved.to_cluster(key, article.clusters[key], "nominal", alias)
        found: Resolved | None = None
        if issuer.pos_ == "PRON" and pronouns:
            found = self.pronoun(issuer, article)
        elif issuer.pos_ == "NOUN":
            phrase = issuer.doc[issuer.left_edge.i : issuer.right_edge.i + 1]
            named = self._apposed_name(issuer, phrase, article)
            if named is not None:  # `a statement from Szeto's mother, Wai-Ling Szeto,`
                return replace(named, resolution="nominal", alias=alias)
            held = self.role_holder(issuer, phrase, article)
            # a person only when named with that role (`Ann Lee, a real estate mogul,`): a role
            # noun's fallback, the nearest person, may be another (`the business mogul`)
            role = issuer.lemma_.lower()
            if held is not None and held.kind == "organization":
                found = held
            elif held is not None and held.key in article.clusters:
                found = held if role in article.clusters[held.key].role_words else None
        return replace(found, alias=alias) if found is not None and found.key else None

    def transcript_speaker(self, head: Token, label: str, article: ArticleNames) -> Resolved:
        """A transcript's `A:` is the interviewee; `Q:`, or an `A:` with no one named before the
        transcript, is credited to the label, as the corpus does."""
        clusters = article.clusters
        if label == ANSWER_LABEL:
            key = interviewee(
                head,
                article.by_start,
                lambda k: clusters[k].personal,
                article.subjects,
                lambda k: clusters[k].kind == "person",
            )
            if key is not None:
                return Resolved.to_cluster(key, clusters[key], "nominal", label)
        return Resolved(NOMINAL_KEY + label.lower(), label, "person", "explicit")

    def nominal(self, head: Token, mention: Span, article: ArticleNames) -> Resolved:
        lemma = head.lemma_.lower()
        named = self._apposed_name(head, mention, article)
        if named is not None:
            # `a spokesman, Ted Bowman, said`: the role's own name, written beside it
            return replace(named, resolution="nominal", alias=mention.text)
        holder = self.role_holder(head, mention, article)
        if holder is not None:
            return holder
        text = strip_punct(mention).text
        age = described_age(text)
        the_aged = age is not None and definite(head, mention)
        if age is not None and (the_aged or text.lower().endswith(AGE_NOUN_ENDING)):
            # "the 43-year-old", "the 19-year-old defenceman": the person named with that age
            # (`Amanda Lee, 43,`), else for a definite one the person its sentence has just
            # named, or the person just named as a subject (`Captain Tanner Molendyk said ...
            # "Q," said the 19-year-old`), else a person described by their age
            aged = person_of_age(head.doc, age, head.i, article)
            if aged is None and the_aged:
                aged = person_in_sentence(head, age, article)
            if aged is not None:
                return Resolved.to_cluster(aged, article.clusters[aged], "nominal", mention.text)
            if the_aged:
                found = salient_person(head, article, self.lexicons.titles, any_title=True)
                if found is not None and not (
                    found.key in article.clusters
                    and aged_otherwise(head.doc, article.clusters[found.key], age)
                ):
                    return replace(found, alias=mention.text)
            return Resolved(
                key=NOMINAL_KEY + text.lower(), name=text, kind="person", resolution="nominal"
            )
        if lemma in self.lexicons.document_nouns and refers_back(head):
            # `In a statement, Harbourside Energy said ... "Q," the statement read`: its issuer
            # (`the statement by the two`: one that names its own issuer is no reference back)
            own = issuer_token(head)
            issuer = own if own is not None else document_issuer(head)
            issued = self._issuer(issuer, text, article) if issuer is not None else None
            if issued is not None:
                return replace(issued, resolution="nominal")
        if not self._source(head, lemma):
            return Resolved.unresolved(f"'{text}' does not name a speaker")
        described = article.heads.get(head.i, "")
        if described.startswith(DESCRIBED_KEY):
            # `"Q," said a woman in the crowd`: the person described there
            return Resolved.to_cluster(described, article.clusters[described], "nominal", text)
        proper = head.pos_ == "PROPN" and not head.is_lower  # (`minister`: the tagger's slip)
        resolution: Resolution = "explicit" if proper else "nominal"
        return Resolved(
            key=NOMINAL_KEY + text.lower(),
            name=text,
            kind=self._nominal_kind(head, lemma),
            resolution=resolution,
            role=head.lower_,  # (`a spokesperson for X`: what a later `the spokesperson` means)
        )

    def role_holder(self, head: Token, mention: Span, article: ArticleNames) -> Resolved | None:
        """Whom a definite role noun means (`roles.RoleHolders.holder`), if nominals are read."""
        return self.roles.holder(head, mention, article) if self.resolve_nominals else None

    def _headline_title(self, head: Token, mention: Span) -> bool:
        return self.resolve_nominals and self.roles.headline_title(head, mention)

    def _apposed_name(self, head: Token, mention: Span, article: ArticleNames) -> Resolved | None:
        """The person (or organisation) named in apposition right after a common noun or a
        title (`apposed.apposed_name`), when the article's names know them."""
        speaking = _speaking_noun(head.lemma_.lower(), self.lexicons)
        named = apposed_name(head, mention, self.names.is_first_name, speaking)
        return self.name(named, article) if named is not None else None

    def _source(self, head: Token, lemma: str) -> bool:
        """A common noun names a speaker only if it is a person, group, organisation or text
        that speaks (`sources.noun_names_source`); with no lexicon loaded, any does."""
        nouns = self.lexicons.source_nouns
        if not nouns or lemma in self.lexicons.gendered_nouns:
            return True
        return noun_names_source(head, nouns)

    def _nominal_kind(self, head: Token, lemma: str) -> EntityKind:
        if lemma in self.lexicons.document_nouns:
            return "document"
        if lemma in self.lexicons.org_nouns or head.ent_type_ in ORG_LABELS:
            return "organization"
        if head.tag_ in {"NNS", "NNPS"}:
            return "group"
        if lemma in self.lexicons.titles or head.pos_ == "PROPN":
            return "person"
        return "unknown"


# ---- small pure helpers ----------------------------------------------------------------------


def _speaking_noun(lemma: str, lexicons: ResolverLexicons) -> bool:
    """A common noun of an organisation or a source (`the landlord`, `the company`)."""
    return lemma in lexicons.org_nouns or lemma in lexicons.source_nouns


def _surname(head: Token, clusters: dict[str, Cluster]) -> Resolved | None:
    """The person whose name ends with this word, the one named most recently before it."""
    word = head.lower_
    best: tuple[int, str] | None = None
    for key, cluster in clusters.items():
        if cluster.kind not in SURNAME_KINDS or cluster.canonical.words[-1] != word:
            continue
        before = [n.start for n in cluster.names if n.start < head.i]
        rank = max(before) if before else -1
        if best is None or rank > best[0]:
            best = (rank, key)
    if best is None:
        return None
    cluster = clusters[best[1]]
    resolution: Resolution = "alias" if len(cluster.canonical.words) > 1 else "explicit"
    return Resolved.to_cluster(best[1], cluster, resolution, head.text)


def _group(head: Token, mention: Span) -> Resolved:
    """Coordinated speakers, named by the mention as written (`Marsh and Quinn`)."""
    text = strip_punct(mention).text
    resolution: Resolution = "explicit" if head.pos_ == "PROPN" else "nominal"
    return Resolved(key="group:" + text.lower(), name=text, kind="group", resolution=resolution)
