"""Whom a role noun means (`the senator`, `the department`, a headline's `Premier says`): the
person or organisation the article names with that role, else the person just named as a
subject, else no one; split out of `resolve` so that a mention's resolver reads as its cases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from app.pipeline.entities.article_names import ArticleNames
from app.pipeline.entities.described import DESCRIBED_KEY
from app.pipeline.entities.first_names import Gender
from app.pipeline.entities.lexicons import ResolverLexicons
from app.pipeline.entities.named import Cluster
from app.pipeline.entities.phrasing import (
    common_noun,
    definite,
    headline_role,
    in_lede,
    noun_names_org,
    owned_before,
    plain_definite,
    qualifiers_conflict,
    role_matches,
)
from app.pipeline.entities.resolved import Resolved
from app.pipeline.entities.unnamed import UnnamedSources
from app.pipeline.syntax import PERSON_LABELS, PLURAL_NOUN_TAGS

# How far back (tokens) a role nominal looks for a person named with that role.
ROLE_LOOKBACK = 1200
# How far back (tokens) unnamed holders of a role (`Two senior officials`) make `the official`
# one of them, and the articles of one unnamed holder (`a senior official`).
UNNAMED_HOLDERS_LOOKBACK = 120
INDEFINITE_ARTICLES: frozenset[str] = frozenset({"a", "an"})
# How many tokens after a lede's role the person named with it may come.
LEDE_ROLE_DISTANCE = 150
# How far back (tokens) a role nominal with no matching role looks for a named subject.
NOMINAL_WINDOW = 150


class RoleHolders:
    """The role nouns of one article: its lexicons and the unnamed sources quoted so far."""

    def __init__(self, lexicons: ResolverLexicons, unnamed: UnnamedSources) -> None:
        self.lexicons = lexicons
        self.unnamed = unnamed

    def holder(self, head: Token, mention: Span, article: ArticleNames) -> Resolved | None:
        """Whom a definite role noun means: the person named with that role (`Sen. X` ... `the
        senator`), the organisation named with that noun (`the department`), or for a title
        with no role on record the nearest person named as a subject."""
        # (an upper-case title the tagger takes for a name is a role too: `the MP`, `the CEO`)
        role = common_noun(head) or (head.is_upper and head.lower_ in self.lexicons.titles)
        if role and headline_role(head, mention):
            return self.named_later(head, mention, article)
        if not (role and definite(head, mention)):
            return None
        lemma = head.lemma_.lower()
        k = article.before(head.i)
        limit = head.i - ROLE_LOOKBACK
        # `the wildfire service`: the organisation whose name has "wildfire" too, over a nearer
        # one that only shares the noun (`Emergency Support Services`)
        kinds = {c.lower_ for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
        loose: Resolved | None = None
        introduced = self.unnamed.introduced(head.lower_, head.i)
        if introduced is not None and not (introduced[1].key and bare_definite(head, mention)):
            introduced = None
        while k >= 0 and article.by_start[k][0] >= limit:
            key = article.by_start[k][1]
            cluster = article.clusters[key]
            if introduced is not None and article.by_start[k][0] < introduced[0]:
                break  # `One Liberal MP argued ... "Q," the MP said`: the one introduced since
            if (
                cluster.kind == "person"
                and lemma not in self.lexicons.org_nouns  # (`the union`: not its president)
                and role_matches(lemma, cluster.role_words, self.lexicons.role_synonyms)
                and not qualifiers_conflict(head, cluster.role_words, self.lexicons.titles)
                and gender_fits(cluster, self.lexicons.gendered_nouns.get(lemma))
            ):
                return Resolved.to_cluster(key, cluster, "nominal", mention.text)
            if (
                cluster.kind == "organization"
                and lemma in self.lexicons.org_nouns
                and noun_names_org(
                    lemma, cluster.canonical.words, cluster.role_words, self.lexicons.org_kind_words
                )
                and plain_definite(head, mention)
            ):
                # "the department" after "the Justice Department", "the company" after "the
                # e-commerce company Shopify Inc." or "Loblaw Companies": the organisation named
                named = Resolved.to_cluster(key, cluster, "nominal", mention.text)
                if kinds <= set(cluster.canonical.words) and not self._inner_noun(
                    lemma, cluster.canonical.words
                ):
                    return named
                loose = loose or named
            k -= 1
        if loose is not None:
            return loose
        lede_role = lemma in self.lexicons.person_role_nouns and in_lede(head)
        if lede_role and article.no_person_named(head.doc, head.i):
            # `Toronto's police chief says ...` over `Chief Myron Demkiw told reporters`: a lede
            # names its speaker by role, the next lines by name
            found = self.named_later(head, mention, article, LEDE_ROLE_DISTANCE)
            if found is not None:
                return found
        if introduced is not None:
            # `A spokesperson for Alberta Health said ... "Q," the spokesperson said`
            source = introduced[1]
            if source.key in article.clusters:  # (described: a he/she may mean them)
                cluster = article.clusters[source.key]
                return Resolved.to_cluster(source.key, cluster, "nominal", mention.text)
            return replace(source, resolution="nominal", alias=mention.text)
        if (
            head.tag_ == "NN"
            and lemma in self.lexicons.titles
            and plain_definite(head, mention)
            and not _unnamed_holders_before(head, lemma)
        ):
            gender = self.lexicons.gendered_nouns.get(lemma)
            found = salient_person(
                head, article, self.lexicons.titles, gender, roles=self.lexicons.person_role_nouns
            )
            if found is not None:
                return replace(found, alias=mention.text)
        return None

    def _inner_noun(self, lemma: str, words: tuple[str, ...]) -> bool:
        """The noun is a word inside a name that another organisation's noun heads (`the
        university` in `Wilfrid Laurier University Students' Union`): it may mean that name,
        but a name the noun heads means it first."""
        return words[-1] != lemma and lemma in words[:-1] and words[-1] in self.lexicons.org_nouns

    def headline_title(self, head: Token, mention: Span) -> bool:
        """A title the headline capitalises, alone (`Premier says`), not part of a name; also
        where the tagger calls it a common noun (and the NER an organisation: `Coach says`)."""
        return (
            (head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.is_title))
            and head.ent_type_ not in PERSON_LABELS
            and head.lower_ in self.lexicons.titles
            and headline_role(head, mention)
        )

    def named_later(
        self, head: Token, mention: Span, article: ArticleNames, within: int | None = None
    ) -> Resolved | None:
        """The first person the story names with the headline's role (`..., housing minister
        says` over `Housing Minister Steve Clark told reporters`), or for an organisation's
        noun the organisation of that kind, within `within` tokens."""
        lemma = head.lemma_.lower()
        if head.tag_ in PLURAL_NOUN_TAGS:
            return None  # (`Candidates say`: several)
        fits: Callable[[Cluster], bool]
        if lemma in self.lexicons.org_nouns:
            # `...; union says crews raised red flags`: the organisation of that kind named
            # below; `transit union warns` says more than the noun, and stays as written
            if not all(t.i == head.i or t.is_punct for t in mention):
                return None
            kinds = self.lexicons.org_kind_words

            def fits(c: Cluster) -> bool:
                return c.kind == "organization" and noun_names_org(
                    lemma, c.canonical.words, c.role_words, kinds
                )
        else:
            gender = self.lexicons.gendered_nouns.get(lemma)
            synonyms = self.lexicons.role_synonyms

            def fits(c: Cluster) -> bool:
                return (
                    c.kind == "person"
                    and role_matches(lemma, c.role_words, synonyms)
                    and gender_fits(c, gender)
                )

        for start, key in article.by_start[article.before(head.i) + 1 :]:
            cluster = article.clusters[key]
            if within is not None and start > head.i + within:
                break
            if start > head.i and fits(cluster):
                return Resolved.to_cluster(key, cluster, "nominal", mention.text)
        return None


def _unnamed_holders_before(head: Token, lemma: str) -> bool:
    """The role's noun came shortly before with a number or "a" (`Two senior officials said ...
    One said ... what the official called "Q"`): `the official` is one of them, unnamed, not
    the story's main person."""
    doc = head.doc
    for token in doc[max(head.i - UNNAMED_HOLDERS_LOOKBACK, 0) : head.i]:
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
            continue
        if any(c.dep_ == "nummod" or c.lower_ in INDEFINITE_ARTICLES for c in token.lefts):
            return True
    return False


def salient_person(
    head: Token,
    article: ArticleNames,
    titles: frozenset[str],
    gender: Gender | None = None,
    *,
    any_title: bool = False,
    roles: frozenset[str] = frozenset(),
) -> Resolved | None:
    """`Ann Lee won the vote. ... "Q," the mayor said`, with no role on record for her: the
    nearest person named as a subject within `NOMINAL_WINDOW` tokens before the nominal, who
    holds no other title (`Defence lawyer X ... the prosecutor said`: not X). Not when the
    article gave the role an owner before (`her manager mocked her`): its holder is then someone
    unnamed whom the article ties to another person, the one most likely to be near; nor a
    person the article gave another of the nouns of `roles` (`person_role_nouns`, the titles
    among them: `Volunteer firefighter X ... the mayor said`). With `any_title`, a person
    holding a title may be meant (a party's member: `Sen. X ... the Georgia Democrat`), and
    `roles` is not read."""
    if not any_title and owned_before(head, ROLE_LOOKBACK, titles):
        return None
    k = article.before(head.i)
    while k >= 0 and article.by_start[k][0] >= head.i - NOMINAL_WINDOW:
        start, key = article.by_start[k]
        cluster = article.clusters[key]
        # (a described person is no one's role: `A woman spoke. "Q," the aide said`)
        if (
            cluster.kind == "person"
            and start in article.subjects
            and not key.startswith(DESCRIBED_KEY)
            and gender_fits(cluster, gender)
            and (any_title or not cluster.role_words & roles)
        ):
            return Resolved.to_cluster(key, cluster, "nominal")
        k -= 1
    return None


def gender_fits(cluster: Cluster, gender: Gender | None) -> bool:
    """A noun that states a gender (`the spokeswoman`) never means a person of the other."""
    return gender is None or cluster.gender in (None, gender)


def bare_definite(head: Token, mention: Span) -> bool:
    """`the spokesperson`: "the" and the noun, nothing that says which one (`The Q poll`)."""
    return [t.lower_ for t in mention] == ["the", head.lower_]
