"""The antecedent a pronoun finds in its own sentence, or the one before: in `Environmental
groups are suing the province over what they describe as "Q"` or `The union is fighting what it
calls "Q"`, the pronoun subject of a clause inside the main clause means that clause's subject
when the subject agrees with it (a plural or collective noun for `they`, an organisation for
`it`); in `The report was released Tuesday. It says ...`, an "it" opening a sentence means the
document or organisation noun the sentence before had as subject. Not the entity named last
before the sentence (the street a march went down, a city named a paragraph earlier)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from app.pipeline.entities.lexicons import ResolverLexicons
from app.pipeline.syntax import (
    NOMINAL_SUBJECT_DEPS,
    PLURAL_NOUN_TAGS,
    VERB_POS,
    own_subject,
)

# How a clause or phrase hangs inside the clause above it (`over what they describe`, `a name for
# what they call`, `Elgin Street, where they chanted`); not `conj` (`and they said` is a sentence
# of its own) and not a subject.
EMBEDDED_DEPS: frozenset[str] = frozenset(
    {"pcomp", "pobj", "prep", "ccomp", "relcl", "advcl", "acl", "xcomp", "dobj", "oprd", "attr"}
)
# How many heads above the pronoun's verb the clause with the subject may be.
MAX_ASCENT = 6
# The pronouns this holds for (he/she rank people by salience: the subject is one of them).
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "it"})
# Prepositions whose phrase is part of the antecedent's mention (`The report by the ombudsman`).
PHRASE_PREPS: frozenset[str] = frozenset({"of", "by"})
# Singular noun tags: `it` agrees only with one organisation.
SINGULAR_NOUN_TAGS: frozenset[str] = frozenset({"NN", "NNP"})
# Entity labels of a name that `it` may stand for.
IT_LABELS: frozenset[str] = frozenset({"ORG", "GPE", "NORP"})


def clause_antecedent(
    pronoun: Token, cue: tuple[int, int] | None, lexicons: ResolverLexicons
) -> tuple[int, tuple[int, int]] | None:
    """The head and extent of the antecedent in the pronoun's sentence (or, for an "it" that
    opens a sentence, the sentence before) when the pronoun is the subject of the cue; None
    otherwise."""
    if pronoun.lower_ not in GROUP_PRONOUNS or cue is None or pronoun.head.i != cue[0]:
        return None
    subject = clause_subject(pronoun, lexicons.org_nouns) or previous_subject(
        pronoun, lexicons.document_nouns | lexicons.org_nouns
    )
    if subject is None:
        return None
    end = subject.i + 1
    # (its of- or by-phrase, `Critics of the plan`, but no apposition or clause after a comma)
    of = next((c for c in subject.rights if c.lower_ in PHRASE_PREPS and c.i == end), None)
    if of is not None:
        end = of.right_edge.i + 1
    return subject.i, (subject.left_edge.i, end)


def clause_subject(pronoun: Token, org_nouns: Collection[str]) -> Token | None:
    """The subject of the clause that holds the pronoun's clause, when it comes before the
    pronoun (never a phrase the pronoun's clause is part of: `the groups that they represent`)
    and agrees with it; None otherwise."""
    node = pronoun.head
    for _ in range(MAX_ASCENT):
        if node.dep_ not in EMBEDDED_DEPS or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in VERB_POS:
            continue
        subject = own_subject(node, NOMINAL_SUBJECT_DEPS)
        if subject is None:
            continue
        if subject.pos_ == "PRON" or subject.i > pronoun.i:
            return None
        if subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
            return None
        return subject if _agrees(subject, pronoun.lower_, org_nouns) else None
    return None


def _agrees(subject: Token, pronoun: str, org_nouns: Collection[str]) -> bool:
    collective = subject.lower_ in org_nouns
    if pronoun == "it":
        return subject.tag_ in SINGULAR_NOUN_TAGS and (collective or subject.ent_type_ in IT_LABELS)
    group = any(c.dep_ == "conj" for c in subject.children)
    return subject.tag_ in PLURAL_NOUN_TAGS or collective or group


def previous_subject(pronoun: Token, nouns: Collection[str]) -> Token | None:
    """`The report was released Tuesday. It says ...`: for an "it" that opens its sentence, the
    subject of the sentence before in its paragraph, when that subject is one document or
    organisation noun (`nouns`), not a name: no entity named earlier is as near."""
    sentence = pronoun.sent
    if pronoun.lower_ != "it" or pronoun.i != sentence.start or sentence.start == 0:
        return None
    doc = pronoun.doc
    if "\n" in doc[sentence.start - 1].text_with_ws:
        return None  # (a new paragraph: the sentence before is another's)
    before = doc[sentence.start - 1].sent
    subject = own_subject(before.root, NOMINAL_SUBJECT_DEPS)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ not in SINGULAR_NOUN_TAGS:
        return None
    return subject if subject.lemma_.lower() in nouns else None
