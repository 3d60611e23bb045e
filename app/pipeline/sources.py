"""Which words can name a speaker at all: the one test the speaker attributor (to look further
when the mention it found names no one) and the resolver (to leave such a mention unresolved)
share."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

# Entity labels that make a common-noun mention a source ("the White House", "Democrats").
SOURCE_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Endings of nouns of people by what they do ("announcer", "novelist", "immigrant", "nominee").
AGENT_SUFFIXES: tuple[str, ...] = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "ee",
    "ess",
    "man",
    "person",
)
# Pronouns of the writer or the reader: outside a quote they name no speaker of it (`what we
# call "infrastructure"`, `Hale said, and I quote, "Q"`).
FIRST_SECOND_PERSON: frozenset[str] = frozenset({"i", "we", "you"})
# Quantifiers that stand alone as a clause's subject for people the text has just counted
# (`Several said`, `most said they were "Q"`, `Another said`), tagged as determiners or
# adjectives; not the vague crowd of "many", "some" or "few", which the corpus rarely credits.
QUANTIFIER_SUBJECTS: frozenset[str] = frozenset({"several", "most", "another", "both"})
QUANTIFIER_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj"})
# Nouns that count or gather the people an of-phrase names (`Hundreds of protesters`, `a crowd
# of fans`): the counted noun says whether they speak.
COUNTING_NOUNS: frozenset[str] = frozenset(
    {"hundreds", "dozens", "thousands", "scores", "millions", "tens", "crowd", "handful"}
)


def after_quote(token: Token) -> bool:
    """The token right after a closing quote mark (`"Q?" Tully pressed`: the parser often
    starts a sentence there)."""
    return token.i > 0 and token.doc[token.i - 1].is_quote


def noun_names_source(head: Token, source_nouns: Container[str]) -> bool:
    """A common noun names a speaker only if it is a person, group, organisation or text that
    speaks ("officials", "the campaign", "the poll"; `source_nouns`: their lemmas), not "the
    arrest". Any other word passes (names and pronouns are judged elsewhere)."""
    counted = counted_noun(head)
    if counted is not None:
        return noun_names_source(counted, source_nouns)
    if head.pos_ != "NOUN" or head.ent_type_ in SOURCE_LABELS:
        return True
    if head.is_title and (not head.is_sent_start or after_quote(head)):
        return True  # a name the tagger took for a common noun ("Tully said")
    lemma = head.lemma_.lower()
    if len(head.text) > 2 and head.text.endswith("s") and head.text[:-1].isupper():
        lemma = head.text[:-1].lower()  # `MPs`, `CEOs`: the lemmatizer keeps an acronym's "s"
    if lemma in source_nouns or head.lower_ in source_nouns:
        return True
    return lemma.endswith(AGENT_SUFFIXES)  # "the announcer", "a reader", "immigrants"


def quantifier_subject(token: Token) -> bool:
    """A quantifier standing alone as a clause's subject (`Several said`): it names the people
    it counts, though the tagger took it for a determiner or an adjective."""
    return token.lower_ in QUANTIFIER_SUBJECTS and token.dep_ in QUANTIFIER_SUBJECT_DEPS


def counted_noun(head: Token) -> Token | None:
    """`Hundreds of protesters`: the noun the counting word's of-phrase names."""
    if head.lower_ not in COUNTING_NOUNS:
        return None
    for prep in head.rights:
        if prep.lower_ == "of":
            return next((t for t in prep.rights if t.dep_ == "pobj"), None)
    return None
