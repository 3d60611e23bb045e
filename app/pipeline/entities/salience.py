"""Who a pronoun most likely means: the article's mentions in text order, and a scorer that ranks
the people (or organisations) a pronoun could refer to by how salient they are at that place.

Salience follows the usual findings on news text: the nearer the last mention the likelier; a
grammatical subject outranks an object or a possessor; the person the article is quoting right
now (the speaker of the previous quotation) stays in focus across paragraphs; an entity named
often is the article's topic. Gender and number are constraints, not scores: a person whose gender
the article states otherwise is never a candidate, a person of unknown gender is one.
The weights are configuration (`models/pipeline.cfg`), each named for what it rewards.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from app.pipeline.syntax import NAME_GIVEN_DEP, NOMINAL_SUBJECT_DEPS
from app.pipeline.text import token_paragraphs

MentionKind = Literal["name", "speaker", "pronoun"]
# How often an entity must have been named to be the article's topic (a candidate at any distance).
TOPIC_MENTIONS = 3
# How many of the article's most named entities may be its topic.
TOPIC_POOL = 8
# Dependency labels of a mention that is a possessor or the object of a preposition: less salient.
BACKGROUND_DEPS: frozenset[str] = frozenset({"poss", "pobj", "dobj", "dative", "attr"})
# Verbs that give a name to the noun they modify (`a worker named X`, `a nurse called X`).
NAMING_VERBS: frozenset[str] = frozenset({"name", "call"})


@dataclass(frozen=True, slots=True)
class SalienceWeights:
    """How much each salience feature adds to a candidate's score (config: `salience`)."""

    per_sentence: float  # subtracted per sentence between the last mention and the pronoun
    subject: float  # the last mention is the one subject of its sentence's main clause
    background: float  # subtracted when the last mention is a possessor or an object
    current_speaker: float  # the entity spoke the previous quotation, nearby
    known_gender: float  # the entity's gender is known (and fits) rather than unknown
    prominence: float  # times the log of the number of mentions so far
    same_paragraph: float  # the last mention is in the pronoun's paragraph
    # the last mention is the subject of a clause inside another (`Ann said Bob lied`: Bob) or
    # one of coordinated subjects (`Bob and Ann lost`); set by hand from judged training
    # pronouns (the silver data cannot fit it: see tools)
    embedded_subject: float
    max_sentences: int  # farther mentions are not candidates (the current speaker still is)
    speaker_paragraphs: int  # how many paragraphs back the previous quotation may be

    def score(self, c: Candidate) -> float:
        return (
            -self.per_sentence * c.sentences_back
            + self.subject * c.subject
            - self.background * c.background
            + self.current_speaker * c.current_speaker
            + self.known_gender * c.known_gender
            + self.prominence * c.log_mentions
            + self.same_paragraph * c.same_paragraph
            + self.embedded_subject * c.embedded_subject
        )

    @classmethod
    def from_config(cls, values: Mapping[str, float]) -> SalienceWeights:
        return cls(
            per_sentence=float(values["per_sentence"]),
            subject=float(values["subject"]),
            background=float(values["background"]),
            current_speaker=float(values["current_speaker"]),
            known_gender=float(values["known_gender"]),
            prominence=float(values["prominence"]),
            same_paragraph=float(values["same_paragraph"]),
            embedded_subject=float(values["embedded_subject"]),
            max_sentences=int(values["max_sentences"]),
            speaker_paragraphs=int(values["speaker_paragraphs"]),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity, where it is and what role it plays there."""

    token: int
    key: str
    kind: MentionKind
    subject: bool = False
    background: bool = False
    # a subject, but of a clause inside its sentence's main clause or beside another subject
    embedded: bool = False


# The features a candidate is scored on, in the order of `Candidate.vector()`.
FEATURES: tuple[str, ...] = (
    "sentences_back",
    "subject",
    "background",
    "current_speaker",
    "known_gender",
    "log_mentions",
    "same_paragraph",
    "embedded_subject",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity a pronoun could refer to, with its score and the features behind it."""

    key: str
    score: float
    sentences_back: int
    subject: bool
    background: bool
    current_speaker: bool
    known_gender: bool
    log_mentions: float
    same_paragraph: bool
    embedded_subject: bool

    def vector(self) -> list[float]:
        return [float(getattr(self, name)) for name in FEATURES]


def sole_main_subject(token: Token) -> bool:
    """Whether the subject `token` is the one subject of its sentence's main clause (or of one
    coordinated with it). In `Murphy said Hale hurt his cause. "Q," he said` the subject in focus
    is Murphy; Hale, the subject of what was said, is not. In `Both Ray and Hale lost. Even Lee
    was surprised. "Q," he said` Ray shares his clause with Hale: one of a pair, less in focus."""
    if any(child.dep_ == "conj" for child in token.children):
        return False
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def acting_subject(token: Token) -> Token | None:
    """The subject a name acts as: itself when it is one, or the common noun it names when that
    is the subject (`Her uncle, Greg, 47, worried`: Greg in apposition; `a worker named Luis
    Ortega has`: the object of "named"). None when the name is no subject."""
    if token.dep_ in NOMINAL_SUBJECT_DEPS:
        return token
    noun = token.head
    if token.dep_ == NAME_GIVEN_DEP and noun.dep_ == "acl" and noun.lemma_ in NAMING_VERBS:
        noun = noun.head
    elif token.dep_ != "appos":
        return None
    return noun if noun.dep_ in NOMINAL_SUBJECT_DEPS and noun.pos_ == "NOUN" else None


def sentence_ids(doc: Doc) -> list[int]:
    """The sentence number of every token, from the doc's sentence starts."""
    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return [k for k, sent in enumerate(doc.sents) for _ in range(len(sent))]
    begins = doc.to_array(SENT_START) == 1
    begins[0] = False
    ids: list[int] = numpy.cumsum(begins).tolist()
    return ids


class Timeline:
    """The article's entity mentions in text order, with sentence and paragraph positions."""

    def __init__(self, doc: Doc, mentions: Iterable[Mention]) -> None:
        self.doc = doc
        self.sentence = sentence_ids(doc)
        self.paragraph = token_paragraphs(doc).of
        self._mentions = sorted(mentions, key=lambda m: m.token)
        self._tokens = [m.token for m in self._mentions]
        self._by_key: dict[str, list[int]] = {}  # each entity's mention tokens, sorted
        for m in self._mentions:
            self._by_key.setdefault(m.key, []).append(m.token)
        # (token of a quotation, its speaker's key, whether the speaker was named at it)
        self._speakers: list[tuple[int, str, bool]] = []
        self._ends: dict[int, int] = {}  # the token after each quotation, by its first token
        # unnamed sources that spoke (`the company said`): in focus only for a pronoun that
        # can mean them ("it"); "he" or "she" looks past them to the person quoted before
        self._unnamed: set[str] = set()
        # the entities named most often in the whole article: the only possible topics
        self._frequent = sorted(self._by_key, key=lambda k: -len(self._by_key[k]))[:TOPIC_POOL]

    def add(self, mention: Mention) -> None:
        k = bisect_left(self._tokens, mention.token)
        self._tokens.insert(k, mention.token)
        self._mentions.insert(k, mention)
        insort(self._by_key.setdefault(mention.key, []), mention.token)

    def count_before(self, key: str, token: int) -> int:
        return bisect_left(self._by_key.get(key, []), token)

    def add_speaker(
        self, token: int, key: str, *, named: bool, end: int | None = None, unnamed: bool = False
    ) -> None:
        insort(self._speakers, (token, key, named))
        if unnamed:
            self._unnamed.add(key)
        self._ends[token] = max(end if end is not None else token, self._ends.get(token, token))

    def quotation_end(self, token: int) -> int:
        """The token after the quotation that starts at `token` (recorded by `add_speaker`)."""
        return self._ends.get(token, token)

    def current_speaker(
        self, token: int, paragraphs: int, allowed: Mapping[str, bool]
    ) -> tuple[int, str, bool] | None:
        """(token, key, named) of the last quotation before `token`, its speaker and whether the
        speaker was named at it, if it is at most `paragraphs` paragraphs back (past unnamed
        sources not `allowed`)."""
        k = bisect_left(self._speakers, (token, "", False)) - 1
        while (
            k >= 0 and self._speakers[k][1] in self._unnamed and self._speakers[k][1] not in allowed
        ):
            k -= 1
        if k < 0:
            return None
        where, key, named = self._speakers[k]
        if self.paragraph[token] - self.paragraph[where] > paragraphs:
            return None
        return where, key, named

    def topic(self, token: int, allowed: Mapping[str, bool]) -> tuple[str, Mention] | None:
        """The entity named most often before `token` (at least `TOPIC_MENTIONS` times) among
        `allowed`, with its last mention."""
        best: tuple[int, str] | None = None
        for key in self._frequent:
            if key not in allowed:
                continue
            count = self.count_before(key, token)
            if count >= TOPIC_MENTIONS and (best is None or count > best[0]):
                best = (count, key)
        if best is None:
            return None
        last = self._by_key[best[1]][best[0] - 1]
        k = bisect_left(self._tokens, last)
        return best[1], self._mentions[k]

    def before(self, token: int, max_sentences: int) -> dict[str, Mention]:
        """The last mention of every entity mentioned within `max_sentences` sentences before
        `token`."""
        last: dict[str, Mention] = {}
        floor = self.sentence[token] - max_sentences
        k = bisect_left(self._tokens, token) - 1
        while k >= 0 and self.sentence[self._mentions[k].token] >= floor:
            last.setdefault(self._mentions[k].key, self._mentions[k])
            k -= 1
        return last


def rank(
    timeline: Timeline,
    token: int,
    allowed: Mapping[str, bool],
    weights: SalienceWeights,
) -> list[Candidate]:
    """Candidates for a pronoun at `token`, best first. `allowed`: entity key -> whether its
    gender is known (entities absent from it are not candidates: wrong gender, number or kind)."""
    last = timeline.before(token, weights.max_sentences)
    focus = timeline.current_speaker(token, weights.speaker_paragraphs, allowed)
    speaker: str | None = None
    if focus is not None and focus[1] in allowed:
        quoted_at, speaker, _ = focus
        # someone else the pronoun could mean, named since that quotation, takes the focus (a
        # name inside reported content, `Lee said he hopes Ruiz wins`, is what was said)
        ended = timeline.quotation_end(quoted_at)
        if any(m.token >= ended and k != speaker for k, m in last.items() if k in allowed):
            speaker = None
        elif speaker not in last:
            last[speaker] = Mention(quoted_at, speaker, "speaker")  # in focus, not named lately
    topic = timeline.topic(token, allowed)
    if topic is not None and topic[0] not in last:
        # the article's main person stays a candidate however long ago they were named
        last[topic[0]] = topic[1]
    candidates: list[Candidate] = []
    here_sentence = timeline.sentence[token]
    here_paragraph = timeline.paragraph[token]
    for key, mention in last.items():
        if key not in allowed:
            continue
        candidate = Candidate(
            key=key,
            score=0.0,
            sentences_back=min(
                here_sentence - timeline.sentence[mention.token], weights.max_sentences
            ),
            subject=mention.subject and not mention.embedded,
            background=mention.background,
            embedded_subject=mention.embedded,
            current_speaker=key == speaker,
            known_gender=allowed[key],
            log_mentions=math.log1p(timeline.count_before(key, token)),
            same_paragraph=timeline.paragraph[mention.token] == here_paragraph,
        )
        candidates.append(replace(candidate, score=weights.score(candidate)))
    candidates.sort(key=lambda c: (-c.score, c.sentences_back))
    return candidates
