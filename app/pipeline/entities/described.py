"""People the article describes but never names: "A 41-year-old Dayton woman received a warning.
"Stay away!" she wrote." Such a person is who a later he/she means as surely as a named one, so
each becomes an entity of the article: a subject noun phrase headed by a noun that states its
gender (`gendered_nouns.tsv`: woman, father, spokesman), and a person a quote's speaker mention
describes (`said one veteran aide`). Its name is the noun phrase as written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy
from spacy.attrs import DEP, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from app.pipeline.entities.first_names import Gender
from app.pipeline.entities.gender import BOUND_PRONOUNS, CONJOINED_SUBJECT_PRONOUNS
from app.pipeline.entities.named import Cluster, Name
from app.pipeline.entities.salience import sole_main_subject
from app.pipeline.shapes import hashes_of, in_sorted
from app.pipeline.speakers.extent import mention_extent
from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS, PERSON_LABELS, strip_punct

# Determiners of a described person (`a woman`, `the man`, `one mother`); a possessor (`his
# wife`) ties the noun to someone else's story, where the article usually names the person.
DESCRIBING_DETERMINERS: frozenset[str] = frozenset(
    {"a", "an", "the", "this", "that", "one", "another"}
)
# Determiners that introduce a new person (`a woman`); the others refer back to one (`the woman`).
INTRODUCING_DETERMINERS: frozenset[str] = frozenset({"a", "an", "one", "another"})
# Pronouns in a who-clause that state the gender of the person it describes, as its subject or
# a possessor (`A neighbour, who asked that her name be withheld because she fears ...`): the
# subject and bound pronouns the gender evidence reads too.
SELF_PRONOUN_GENDERS: Mapping[str, Gender] = {**CONJOINED_SUBJECT_PRONOUNS, **BOUND_PRONOUNS}
_SELF_PRONOUN_DEPS: frozenset[str] = NOMINAL_SUBJECT_DEPS | {"poss"}
# Key prefix of described people's clusters (a named cluster's key is its canonical name).
DESCRIBED_KEY = "described:"
# How far back (tokens) `the woman` looks for the `a woman` it refers to.
DESCRIBED_WINDOW = 400
_NN = get_string_id("NN")


def described_people(
    doc: Doc, quoted: Sequence[bool], gendered_nouns: Mapping[str, Gender]
) -> dict[str, Cluster]:
    """Every unnamed person the article makes a subject with a gendered noun, by cluster key:
    `a woman` starts one, a later `the woman` is another name of hers."""
    found: dict[str, Cluster] = {}
    latest: dict[str, tuple[int, str]] = {}  # noun lemma -> (token, key) of its last person
    for i in noun_subjects(doc):
        token = doc[i]
        if quoted[i]:
            continue
        lemma = token.lemma_.lower()
        gender = gendered_nouns.get(lemma)
        if gender is None:
            continue
        if not sole_main_subject(token):
            continue  # (`for a judge to criticize him`: who the story is about, not who acts)
        cluster = describe(token, gender, quoted)
        if cluster is None:
            continue
        if introduces(token):
            key = DESCRIBED_KEY + str(token.i)
            found[key] = cluster
        elif lemma in latest and token.i - latest[lemma][0] <= DESCRIBED_WINDOW:
            key = latest[lemma][1]
            found[key].names.append(cluster.canonical)
        else:
            continue  # `the spokesman`: whom the article named with that role, if anyone
        latest[lemma] = (token.i, key)
    return found


def noun_subjects(doc: Doc) -> list[int]:
    """Indices of the singular common nouns that are subjects, read from the doc's arrays (the
    two callers would otherwise walk every token of the article in Python)."""
    if len(doc) == 0:
        return []
    columns = doc.to_array([DEP, TAG])
    found = in_sorted(columns[:, 0], hashes_of(NOMINAL_SUBJECT_DEPS)) & (columns[:, 1] == _NN)
    indices: list[int] = numpy.flatnonzero(found).tolist()
    return indices


def relative_clause_gender(head: Token) -> Gender | None:
    """The gender the pronouns of a who-clause on `head` state (`a neighbour, who asked that her
    name be withheld`), when they state one: subjects and possessors only (in `a lawyer who
    represents her`, "her" is someone else)."""
    for clause in head.rights:
        if clause.dep_ != "relcl" or not any(
            c.lower_ == "who" and c.dep_ in NOMINAL_SUBJECT_DEPS for c in clause.children
        ):
            continue
        genders = {
            SELF_PRONOUN_GENDERS[t.lower_]
            for t in clause.subtree
            if t.lower_ in SELF_PRONOUN_GENDERS and t.dep_ in _SELF_PRONOUN_DEPS
        }
        return genders.pop() if len(genders) == 1 else None
    return None


def introduces(head: Token) -> bool:
    return any(c.lower_ in INTRODUCING_DETERMINERS for c in head.lefts)


def describe(head: Token, gender: Gender | None, quoted: Sequence[bool]) -> Cluster | None:
    """The entity the common noun `head` describes, or None when its phrase names someone
    (`spokesman Ted Bowman`), belongs to someone (`his wife`) or is no one (`no woman`)."""
    dets = [c for c in head.lefts if c.dep_ in {"det", "poss", "nummod"}]
    if len(dets) != 1 or dets[0].lower_ not in DESCRIBING_DETERMINERS:
        return None
    # (a sentence never runs across a line break: `paragraph_sentences` ends it there)
    if any(t.ent_type_ in PERSON_LABELS and not quoted[t.i] for t in head.sent):
        # `The other man, his brother Paul Crane,`, `a woman named Josephine`, `A reporter asked
        # Okafor`: the sentence names someone, who may be this person or the one who answers
        return None
    start, end = mention_extent(head)
    span = strip_punct(head.doc[start:end])
    name = Name(
        start=span.start,
        end=span.end,
        words=tuple(t.lower_ for t in span),
        text=span.text,
        role=None,
        role_words=frozenset({head.lemma_.lower()}),
        gender=gender,
        kind="person",
        subject=head.dep_ in NOMINAL_SUBJECT_DEPS,
        head=head.i,
        dep=head.dep_,
    )
    return Cluster(names=[name], canonical=name, kind="person", gender=gender)


def narrative_roles(
    doc: Doc, quoted: Sequence[bool], titles: frozenset[str], speakers: frozenset[int]
) -> list[int]:
    """Heads of the story's own `the senator ...` subjects (no quote's speaker): each is a
    mention of the person with that role, who stays in focus as a named subject would. Only
    the bare role: `the Oregon senator` says which senator, which a role on record may not."""
    return [
        i
        for i in noun_subjects(doc)
        if not quoted[i]
        and i not in speakers
        and doc[i].lemma_.lower() in titles
        and [c.lower_ for c in doc[i].lefts] == ["the"]
        and sole_main_subject(doc[i])
    ]
