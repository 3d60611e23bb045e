"""Whose own words a pronoun stands in: a speaker calls themself "I", so in `A: He's fine. He
told me, "Skip, I'm running better."` the "he" inside the manager's answer is someone else,
never the manager."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from app.pipeline.entities.resolved import Resolved
from app.pipeline.types import SpeakerCandidate

# Third-person pronouns a speaker does not use of themself.
THIRD_PERSON: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})
# Passages in the speaker's own words: quotations, and the `A:` lines of a transcript (reported
# speech by the corpus's types, found by a colon label).
VERBATIM_TYPES: frozenset[str] = frozenset({"direct"})
LABEL_LAYOUT = "colon"


def teller(
    doc: Doc,
    spans: Sequence[Span],
    resolved: Sequence[Resolved | None],
    candidate: SpeakerCandidate | None,
) -> str | None:
    """The entity key of the speaker of an earlier verbatim passage that holds the candidate's
    third-person pronoun (`resolved`: the results of the passages before this one)."""
    if candidate is None or candidate.head is None:
        return None
    pronoun = doc[candidate.head]
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in THIRD_PERSON:
        return None
    for span, result in zip(spans, resolved, strict=False):
        if result is None or result.key is None or not span.start <= pronoun.i < span.end:
            continue
        if span._.quote.type in VERBATIM_TYPES or _labelled(span):
            return result.key
    return None


def _labelled(span: Span) -> bool:
    reported = span._.reported
    return reported is not None and reported.layout == LABEL_LAYOUT
