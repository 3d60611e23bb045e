"""Reported speech: the source at the cue the reported_speech component found (`X said the plan
was dead`, `the plan is dead, according to X`), and the quoted fragments inside such a report."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from app.pipeline.speakers.candidate import candidate
from app.pipeline.speakers.context import DocIndex, QuoteContext
from app.pipeline.speakers.cues import according_to_source, told_to
from app.pipeline.speakers.layouts.before import FINITE_TAGS
from app.pipeline.speakers.layouts.governing import governing_scan, words_of_subject
from app.pipeline.speakers.mentions import left_neighbour_mention, speaker_ok
from app.pipeline.syntax import asked_aside
from app.pipeline.types import Quote, ReportedCue, SpeakerCandidate

# Entity labels of a name inside a subject phrase that can speak.
NAME_LABELS: frozenset[str] = frozenset({"PERSON", "ORG"})
# How many tokens before a fragment the search for the report holding it goes on.
FRAGMENT_LOOKBACK = 200


def reported(q: QuoteContext) -> SpeakerCandidate | None:
    """The subject of the cue verb (or the X of "according to X")."""
    cue: ReportedCue | None = q.span._.reported
    if cue is None:
        return None
    index, doc = q.index, q.doc
    para = index.para[cue.cue[0]]
    if cue.verb is None and cue.source is not None:
        named = doc[cue.source]  # `HOLLOWAY: Do you think ...`
        return candidate(index, named, cue.cue) if index.usable(named, para) else None
    if cue.verb is None and cue.layout == "noun_topic":
        # `Critics have raised questions about X`: who raised them; `questions about X` alone
        # names no one (X is the topic, not the source)
        noun = doc[cue.cue[0]]
        if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
            return None
        asker = index.subject_of(noun.head)
        if asker is None or not speaker_ok(index, asker, para):
            return None
        return candidate(index, asker, cue.cue)
    if cue.verb is None:
        source = according_to_source(doc[cue.cue[0]])
        if source is None or not index.usable(source, para):
            return None
        return candidate(index, source, cue.cue)
    verb = doc[cue.verb]
    if asked_aside(verb):
        # `Suzuki, asked whether the loss stung, shrugged`: he was asked, by no one named
        return SpeakerCandidate(mention=None, head=None, cue=index.cue_extent(verb))
    subject = index.subject_of(verb)
    if subject is not None and not speaker_ok(index, subject, para):
        # `57-year-old Carla Benson ... explained`: the name inside the subject phrase
        subject = _name_within(index, subject, para)
    if subject is None and verb.tag_ in FINITE_TAGS and not told_to(verb):
        # `— Ann Lee, a spokeswoman for the mayor, told the Herald that`, parsed without a subject
        subject = left_neighbour_mention(index, verb.i, para)
    if subject is None or not speaker_ok(index, subject, para):
        return None
    return candidate(index, subject, index.cue_extent(verb))


def _name_within(index: DocIndex, phrase: Token, para: int) -> Token | None:
    """The last person or organisation name inside a subject phrase that is no speaker itself."""
    for token in reversed(list(phrase.subtree)):
        if token.ent_type_ in NAME_LABELS and speaker_ok(index, token, para):
            return token
    return None


def fragment(q: QuoteContext) -> SpeakerCandidate | None:
    """A quoted fragment inside reported speech (`X said the plan was "dead on arrival"`) is
    the reported source's words: the report's candidate (same mention, same cue); inside nested
    reports, the outermost one's. Reports come before the fragments they hold in the span group,
    so theirs is already found."""
    quote = q.quote
    outer: tuple[int, int] | None = None  # (start, index) of the outermost report
    for k in range(q.qi - 1, -1, -1):
        span = q.quotes[k]
        if span.end < q.span.start - FRAGMENT_LOOKBACK:
            # (no report is that long: one containing the quote would reach past this span)
            break
        report: Quote | None = span._.quote
        if report is None or report.type != "indirect":
            continue
        if report.start <= quote.start and quote.end <= report.end:
            # reports nest (`critics say he had promised to "Q"`): the outermost source quotes
            # the words, the inner one is what it reports
            if outer is None or report.start < outer[0]:
                outer = (report.start, k)
    if outer is None:
        return None
    own = q.once(governing_scan)[0]
    holder = q.quotes[outer[1]]
    if own is not None and own.cue is not None and holder.start <= own.cue[0] < holder.end:
        if words_of_subject(q.doc[own.cue[0]]):
            return None  # `said ... what the government called a "Q" offer`: the namer's words
    found = q.results[outer[1]]
    return replace(found, source=None) if found is not None else None
