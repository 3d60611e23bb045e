"""Quotes a share of poll respondents speaks (`44% of Democrats said "Q"`): the corpus credits
the poll the sentence names, not the share."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from app.pipeline.speakers import candidate as candidates
from app.pipeline.speakers.context import DocIndex
from app.pipeline.speakers.extent import RATIO_PREPS
from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS
from app.pipeline.types import SpeakerCandidate

# Heads of a share of poll respondents (`44% of Democrats`, `60 percent of parents`).
SHARE_WORDS: frozenset[str] = frozenset({"percent", "%", "majority", "half", "third", "quarter"})
# How a poll named earlier in the sentence stands to it: its subject (`The Q poll finds that`) or
# the object of `in` (`In a Marlow poll, 9 percent said ...; 4 percent said`).
POLL_PREPS: frozenset[str] = frozenset({"in"})


def is_share(index: DocIndex, found: SpeakerCandidate) -> bool:
    """The candidate's mention is a share of respondents: `52 percent of renters`, `half of
    farmers`, `Seven in 10 teachers`."""
    if found.head is None or found.mention is None:
        return False
    doc = index.doc
    head = doc[found.head]
    if head.like_num or head.lower_ in SHARE_WORDS:
        return True
    words = doc[found.mention[0] : found.head]
    return len(words) >= 3 and words[0].like_num and words[1].lower_ in RATIO_PREPS


def poll_source(index: DocIndex, found: SpeakerCandidate) -> SpeakerCandidate | None:
    """`In a Marlow poll, 44% of Democrats said they were "Q"`: a share of respondents speaks
    through the poll that the cue's `in` phrase names; failing that, through a poll the
    sentence names before the share, as a subject (`The Hadley poll also shows that, while 52
    percent say "Q"`) or after `in` (`In a Star poll, 9 percent said ...; 4 percent said "Q"`)."""
    if found.head is None or found.cue is None or found.mention is None:
        return None
    if not is_share(index, found):
        return None
    doc = index.doc
    share = doc[found.head]
    for prep in doc[found.cue[0]].children:
        if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i > share.i:
            continue
        for poll in prep.children:
            if poll.dep_ == "pobj" and poll.lemma_.lower() in index.settings.source_nouns:
                return replace(candidates.candidate(index, poll, found.cue), layout=found.layout)
    named = _poll_before(index, share, found.mention[0])
    if named is None:
        return None
    return replace(candidates.candidate(index, named, found.cue), layout=found.layout)


def _poll_before(index: DocIndex, share: Token, start: int) -> Token | None:
    """The nearest poll noun (`AttributorSettings.poll_nouns`) of the share's sentence and
    paragraph before the mention starting at `start`, outside quotes, as a subject or after
    `in`."""
    polls = index.settings.poll_nouns
    para = index.para[share.i]
    for k in range(start - 1, share.sent.start - 1, -1):
        token = index.doc[k]
        if token.pos_ != "NOUN" or token.lemma_.lower() not in polls:
            continue
        if not index.usable(token, para):
            continue
        if token.dep_ in NOMINAL_SUBJECT_DEPS:
            return token
        if token.dep_ == "pobj" and token.head.lower_ in POLL_PREPS:
            return token
    return None
