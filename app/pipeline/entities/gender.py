"""Gender evidence for the people of an article, gathered from the article itself.

Each cluster collects votes: an honorific before one of its names ("Mrs. Lee"), a gendered role
or relation noun that describes it ("the congresswoman", "his wife, Ann Lee"), its first name in
the name lexicon, and pronouns bound to it (a subject name followed, in its own sentence and with
no other person named in between, by "her" or "himself"). The sum of the votes decides; nothing
is decided without evidence. A pronoun resolved to a person of unknown gender later adds a vote
too (`infer`), so one "she said" settles who the next "she" can be.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc

from app.pipeline.entities.first_names import Gender, GenderLexicon
from app.pipeline.entities.named import Cluster, Name
from app.pipeline.shapes import hashes_of, in_sorted

# Pronouns bound to the subject of their own clause: possessive determiners ("Lee lost her
# seat") and reflexives ("Lee called himself lucky"), with the gender they state. Personal
# pronouns ("Lee said he ...") are left out: in news they often mean someone else.
BOUND_PRONOUNS: dict[str, Gender] = {
    "his": "male",
    "himself": "male",
    "her": "female",
    "herself": "female",
}
# Object pronouns: another person in the clause, whom the possessives after may mean.
OBJECT_PRONOUNS: frozenset[str] = frozenset({"him", "her"})
# The words `bound_pronoun_rows` finds.
PRONOUN_ROW_WORDS: frozenset[str] = frozenset(BOUND_PRONOUNS) | OBJECT_PRONOUNS
# Subject pronouns of a clause conjoined to the name's own (`Lee spoke, and she left`).
CONJOINED_SUBJECT_PRONOUNS: dict[str, Gender] = {"he": "male", "she": "female"}
# Weight of each kind of evidence (an honorific outweighs a first name the lexicon knows).
HONORIFIC_VOTE = 3.0
ROLE_NOUN_VOTE = 2.0
# gender_guesser's answers for a first name, as votes ("andy" and "unknown" give none)
FIRST_NAME_VOTES: dict[str, tuple[Gender, float]] = {
    "male": ("male", 1.5),
    "female": ("female", 1.5),
    "mostly_male": ("male", 0.5),
    "mostly_female": ("female", 0.5),
}
BOUND_PRONOUN_VOTE = 1.0
INFERRED_VOTE = 1.0  # a pronoun the resolver tied to this person
# How many tokens after its name a bound pronoun may come (keeps the scan linear).
MAX_BOUND_DISTANCE = 60
# How many heads a bound pronoun may sit below the name's verb.
MAX_CLAUSE_DEPTH = 8
# Subjects that open a clause of their own (a pronoun under them belongs to that clause).
CLAUSE_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# A total at least this far from zero decides the gender.
DECISION_MARGIN = 1.0


@dataclass(slots=True)
class GenderVotes:
    """Signed evidence: positive for male, negative for female."""

    total: float = 0.0
    sources: list[str] = field(default_factory=list)

    def add(self, gender: Gender, weight: float, source: str) -> None:
        self.total += weight if gender == "male" else -weight
        self.sources.append(source)

    @property
    def gender(self) -> Gender | None:
        if self.total >= DECISION_MARGIN:
            return "male"
        if self.total <= -DECISION_MARGIN:
            return "female"
        return None


def gather(
    doc: Doc,
    clusters: Mapping[str, Cluster],
    quoted: Sequence[bool],
    *,
    gendered_nouns: Mapping[str, Gender],
    lexicon: GenderLexicon,
    honorifics: Mapping[str, Gender | None] | None = None,
) -> dict[str, GenderVotes]:
    """The gender votes of every cluster that may be a person (organisations get none)."""
    votes: dict[str, GenderVotes] = {}
    for key, gender in quoted_honorifics(doc, clusters, quoted, honorifics or {}):
        votes.setdefault(key, GenderVotes()).add(gender, HONORIFIC_VOTE, "quoted honorific")
    pronouns = bound_pronoun_rows(doc)
    person_starts = sorted(
        (name.start, key) for key, c in clusters.items() if c.personal for name in c.names
    )
    for key, cluster in clusters.items():
        if not cluster.personal:
            continue
        box = votes.setdefault(key, GenderVotes())
        for name in cluster.names:
            if name.gender is not None:
                box.add(name.gender, HONORIFIC_VOTE, "honorific")
        for word in cluster.role_words:
            noun_gender = gendered_nouns.get(word)
            if noun_gender is not None:
                box.add(noun_gender, ROLE_NOUN_VOTE, f"role:{word}")
        if len(cluster.canonical.words) > 1:
            first = cluster.canonical.text.split()[0]
            answer = lexicon.answer(first)
            vote = FIRST_NAME_VOTES.get(answer)
            if vote is not None:
                box.add(vote[0], vote[1], "first name")
        for name in cluster.names:
            if name.subject:
                _bound_pronouns(doc, name.head, key, person_starts, quoted, box, pronouns)
    return votes


def quoted_honorifics(
    doc: Doc,
    clusters: Mapping[str, Cluster],
    quoted: Sequence[bool],
    honorifics: Mapping[str, Gender | None],
) -> list[tuple[str, Gender]]:
    """(cluster key, gender) of each gendered honorific inside a quotation before the surname
    of one person of the article (the judge's `"Mr. Bains did not simply lose ..."` about
    Jaswinder Bains): names inside quotes are no mentions, but their honorific is evidence.
    Not for a surname two people of the article share."""
    gendered = frozenset(w for w, g in honorifics.items() if g is not None)
    if not len(doc) or not gendered:
        return []
    surnames: dict[str, list[str]] = {}
    for key, cluster in clusters.items():
        if cluster.personal and len(cluster.canonical.words) > 1:
            surnames.setdefault(cluster.canonical.words[-1], []).append(key)
    found = []
    for i in numpy.flatnonzero(in_sorted(doc.to_array(LOWER), hashes_of(gendered))).tolist():
        if i + 1 >= len(doc) or not (quoted[i] and quoted[i + 1]) or not doc[i + 1].is_title:
            continue
        keys = surnames.get(doc[i + 1].lower_, [])
        gender = honorifics[doc[i].lower_]
        if len(keys) == 1 and gender is not None:
            found.append((keys[0], gender))
    return found


def mark_bound_genders(doc: Doc, names: Sequence[Name], quoted: Sequence[bool]) -> None:
    """Set `bound_gender` of every lone name that is a subject with a possessive or reflexive
    bound to it (before clustering, so that a surname the family shares joins the right one)."""
    person_starts = sorted(
        (n.start, " ".join(n.words)) for n in names if n.kind == "person" or n.maybe_person
    )
    pronouns = bound_pronoun_rows(doc)
    for name in names:
        if len(name.words) == 1 and name.subject and (name.kind == "person" or name.maybe_person):
            box = GenderVotes()
            _bound_pronouns(doc, name.head, name.words[0], person_starts, quoted, box, pronouns)
            name.bound_gender = box.gender


def bound_pronoun_rows(doc: Doc) -> list[int]:
    """Indices of the doc's words that are one of `BOUND_PRONOUNS` or `OBJECT_PRONOUNS`, from
    its LOWER column (the clauses of the subject names are then searched for these few tokens
    only)."""
    if not len(doc):
        return []
    found = in_sorted(doc.to_array(LOWER), hashes_of(PRONOUN_ROW_WORDS))
    rows: list[int] = numpy.flatnonzero(found).tolist()
    return rows


def _bound_pronouns(
    doc: Doc,
    head: int,
    key: str,
    person_starts: Sequence[tuple[int, str]],
    quoted: Sequence[bool],
    box: GenderVotes,
    pronouns: Sequence[int],
) -> None:
    """Possessives and reflexives in the clause whose subject is the name at `head`, after it
    and before any other person's name (`Lonechild ... in her short time`); `pronouns`: the
    doc's `bound_pronoun_rows`."""
    verb = doc[head].head
    limit = min(doc[head].sent.end, head + 1 + MAX_BOUND_DISTANCE)
    k = bisect_right(person_starts, (head, "\uffff"))
    while k < len(person_starts) and person_starts[k][0] < limit:
        if person_starts[k][1] != key:
            limit = person_starts[k][0]  # another person named first: pronouns after may be theirs
            break
        k += 1
    for i in pronouns[bisect_right(pronouns, head) : bisect_left(pronouns, limit)]:
        word = doc[i].lower_
        if quoted[i] or doc[i].pos_ != "PRON":
            continue
        if word in OBJECT_PRONOUNS and doc[i].dep_ != "poss":
            # the object "him"/"her" is someone else, whom the possessives after may mean
            # (`Badenoch accused him of breaking his promises`)
            break
        gender = BOUND_PRONOUNS.get(word)
        if gender is None:
            continue
        if _in_clause_of(doc, i, verb.i, head):
            box.add(gender, BOUND_PRONOUN_VOTE, "bound pronoun")
    for conjoined in verb.conjuncts:
        # `Hale called it "a setback," but he also noted`: the next clause's he/she subject
        for child in conjoined.children:
            gender = CONJOINED_SUBJECT_PRONOUNS.get(child.lower_)
            subject = child.dep_ in CLAUSE_SUBJECT_DEPS and head < child.i < limit
            if gender is not None and subject and not quoted[child.i]:
                box.add(gender, BOUND_PRONOUN_VOTE, "bound pronoun")


def _in_clause_of(doc: Doc, token: int, verb: int, subject: int) -> bool:
    """`token` hangs under `verb` without passing through a clause with a subject of its own."""
    current = doc[token]
    for _ in range(MAX_CLAUSE_DEPTH):
        head = current.head
        if head.i == current.i:
            return False
        if head.i == verb:
            return True
        if any(c.dep_ in CLAUSE_SUBJECT_DEPS and c.i != subject for c in head.children):
            return False
        current = head
    return False
