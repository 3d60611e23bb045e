"""A cue verb the tagger read as the plural noun ending its subject's noun phrase (`The Whitfield
campaign projects that "Q"`, `a decline that the institute predicts will last "Q"`, `Section
12 affirms: "Q"`): the mention found is the whole phrase, headed by the verb, and names no one;
the words before the verb are the speaker and the verb is the cue."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from app.pipeline.speakers.context import DocIndex, is_mark
from app.pipeline.speakers.mentions import names_someone
from app.pipeline.syntax import MODAL_TAGS
from app.pipeline.types import SpeakerCandidate

# The plural-noun tag the tagger gives such a verb (`projects`, `predicts`, `affirms`).
PLURAL_TAGS: frozenset[str] = frozenset({"NNS"})
# Parts of speech of the word right before the verb: the end of its subject.
SUBJECT_END_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "NUM"})
# Parts of speech of the subject's head word.
SUBJECT_HEAD_POS: frozenset[str] = frozenset({"NOUN", "PROPN"})
# What may follow a verb of saying but not a plural noun ending a mention: its complementizer,
# the colon before a quote, a quote mark, or a modal of the clause it reports (`predicts will`).
REPORTED_OPENERS: frozenset[str] = frozenset({"that", ":"})


def verb_read_as_noun(index: DocIndex, found: SpeakerCandidate) -> SpeakerCandidate | None:
    """The candidate with the words before its last word as the mention and that word as the
    cue, when its mention names no one, ends with a plural noun (ending in "s") that opens a
    reported clause (a "that", a colon, a quote or a modal follow it), and the words before it
    name someone; else None."""
    if found.mention is None or found.head is None:
        return None
    doc = index.doc
    start, end = found.mention
    verb = doc[end - 1]
    if verb.i != found.head or verb.i == 0 or not _verb_like(verb):
        return None
    if start == verb.i:
        start = verb.left_edge.i  # the mention is the verb alone: its subject is the words before
    if verb.i + 1 >= len(doc) or not _opens_report(doc[verb.i + 1]):
        return None
    if doc[verb.i - 1].pos_ not in SUBJECT_END_POS:
        return None
    heads = [t for t in doc[start : verb.i] if t.pos_ in SUBJECT_HEAD_POS]
    if not heads:
        return None
    named = replace(found, mention=(start, verb.i), head=heads[-1].i, cue=(verb.i, verb.i + 1))
    return named if names_someone(index, named) else None


def _verb_like(word: Token) -> bool:
    """A lower-case plural noun ending in "s" (`projects`), as a verb's third person is."""
    return word.tag_ in PLURAL_TAGS and word.is_lower and word.lower_.endswith("s")


def _opens_report(word: Token) -> bool:
    return word.lower_ in REPORTED_OPENERS or is_mark(word) or word.tag_ in MODAL_TAGS
