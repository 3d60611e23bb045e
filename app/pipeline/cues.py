"""Speech-cue detection: which tokens report speech ("said", "according to") and their source.

The cue lexicon is data (`models/cue_verbs.txt`, lemmas; multi-word entries are phrases); the
dependency patterns that tie a cue to its source are the rules below. Everything here is pure:
functions of a parsed `Doc` and a `CueLexicon`, no state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

# Dependency labels of a clause's grammatical subject.
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj"})
# A verb attached to another verb by these labels shares that verb's subject
# ("X endorsed Cruz, saying ...", "X said ... and added ...", "X went on to say ...").
SHARED_SUBJECT_DEPS: frozenset[str] = frozenset({"conj", "xcomp", "advcl", "acl"})
# Verbs of addressing someone: in the passive, the subject is the listener and the by-phrase
# names the speaker ("X was asked by the host").
ADDRESS_VERBS: frozenset[str] = frozenset({"ask", "tell", "press", "question", "urge"})
# Modifiers that belong to a noun phrase's name part ("Attorney General Jeff Sessions").
NP_LEFT_DEPS: frozenset[str] = frozenset(
    {"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "flat", "case", "predet"}
)
# Post-modifiers kept in a common-noun mention ("a spokesman for the campaign").
NP_RIGHT_PREPS: frozenset[str] = frozenset(
    {"for", "of", "at", "with", "from", "in", "close", "to", "on", "inside", "like", "within"}
)
# Adjectives that head a post-modifier of a common-noun mention ("a source familiar with it").
NP_RIGHT_ADJECTIVES: frozenset[str] = frozenset({"familiar", "close", "involved", "knowledgeable"})
# Participles that post-modify a common-noun mention ("a poll released Monday", "a memo drafted
# by the agency"); matched by tag, the clause must stay outside quotes and before the cue.
NP_RIGHT_PARTICIPLE_TAGS: frozenset[str] = frozenset({"VBN"})
# Parts of speech that can head a speaker mention.
MENTION_POS: frozenset[str] = frozenset({"PROPN", "NOUN", "PRON"})
# Pronouns that never name a speaker outside a quote (expletive or object forms).
NON_SPEAKER_PRONOUNS: frozenset[str] = frozenset(
    {"it", "this", "that", "there", "what", "which", "who", "whom", "me", "him", "us", "them"}
)
# Relative pronouns: the speaker is the noun the relative clause modifies ("the law, which says").
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that"})
# Verb parts of speech (the small model sometimes tags "says" as NOUN after a quote; not accepted).
VERB_POS: frozenset[str] = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Speech cues: verb lemmas and fixed phrases (lowercased word tuples)."""

    verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> CueLexicon:
        verbs: set[str] = set()
        phrases: set[tuple[str, ...]] = set()
        for entry in entries:
            words = tuple(entry.lower().split())
            if len(words) == 1:
                verbs.add(words[0])
            elif words:
                phrases.add(words)
        return cls(frozenset(verbs), tuple(sorted(phrases, key=lambda p: (-len(p), p))))

    def to_entries(self) -> list[str]:
        return sorted(self.verbs) + [" ".join(p) for p in self.phrases]


def read_lexicon(path: Path | str) -> list[str]:
    """One entry a line; blank lines and `#` comments skipped; order kept, duplicates dropped."""
    seen: dict[str, None] = {}
    for line in Path(path).read_text(encoding="utf8").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            seen.setdefault(entry, None)
    return list(seen)


def is_cue_verb(token: Token, lexicon: CueLexicon) -> bool:
    """A verb whose lemma is a speech cue ("said", "tells", "tweeted")."""
    return token.pos_ in VERB_POS and token.lemma_.lower() in lexicon.verbs


def according_to_source(token: Token) -> Token | None:
    """For the "according" of "according to X", X (the object of "to"); otherwise None."""
    if token.lower_ != "according":
        return None
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    for child in to.children:
        if child.dep_ == "pobj":
            return child
    if to.i + 1 < len(doc) and doc[to.i + 1].pos_ in MENTION_POS:
        return mention_head(doc[to.i + 1])
    return None


def mention_head(token: Token) -> Token:
    """Climb from a name part to the head of its noun phrase ("Jeff" -> "Sessions")."""
    head = token
    for _ in range(6):
        if head.dep_ in {"compound", "flat"} and head.head.i != head.i and head.head.i > head.i:
            head = head.head
        else:
            break
    return head


def passive_agent(verb: Token) -> Token | None:
    """For a passive verb of addressing, the speaker in its by-phrase (`X was asked by Y`);
    its grammatical subject is the listener."""
    if verb.lemma_.lower() not in ADDRESS_VERBS:
        return None
    if not any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in MENTION_POS:
                    return obj
    return None


def subject_of(verb: Token, *, max_hops: int = 3) -> Token | None:
    """The subject of a cue verb, following shared-subject links and relative clauses (the
    agent of a passive verb of addressing: `X was asked by Y`)."""
    agent = passive_agent(verb)
    if agent is not None:
        return agent
    current = verb
    for _ in range(max_hops + 1):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ == "relcl" and current.head.pos_ in MENTION_POS:
            return current.head
        if current.dep_ in SHARED_SUBJECT_DEPS and current.head.i != current.i:
            current = current.head
            continue
        break
    return None


def cue_extent(verb: Token) -> tuple[int, int]:
    """Token range of a cue: the verb with its particle ("pointed out") or "according to"."""
    if verb.lower_ == "according":
        return verb.i, min(verb.i + 2, len(verb.doc))
    end = verb.i + 1
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb.i, end


def match_phrase(doc: Doc, start: int, lexicon: CueLexicon) -> int:
    """Length of the cue phrase starting at token `start` ("in a statement"), 0 when none."""
    for phrase in lexicon.phrases:
        end = start + len(phrase)
        if end <= len(doc) and all(doc[start + k].lower_ == w for k, w in enumerate(phrase)):
            return len(phrase)
    return 0
