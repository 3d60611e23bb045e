"""`Martin K. Osei, Governor Lund's former chief of staff, said`: a person's name, then their
role set off by commas, then the cue. The parse may hang the name off the verb and make the role
(or a name inside it) the subject; the speaker is the person the role describes."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from app.pipeline.speakers import candidate as candidates
from app.pipeline.speakers.context import DocIndex, is_mark
from app.pipeline.syntax import PERSON_LABELS, VERB_POS
from app.pipeline.types import SpeakerCandidate

# Longest role set off between the name and the cue, in tokens.
MAX_ROLE = 20


def name_before_role(index: DocIndex, found: SpeakerCandidate) -> SpeakerCandidate | None:
    """The person named right before the commas that enclose the mention, when the second comma
    is followed by the cue: `Nora Bellamy, the chairwoman of the county board, recalled`."""
    if found.mention is None or found.cue is None:
        return None
    doc = index.doc
    head = doc[found.head] if found.head is not None else None
    if head is None or (head.ent_type_ in PERSON_LABELS and head.dep_ != "poss"):
        return None  # a name of its own (`Ann Lee, Bob Smith, said`), not someone's role
    start, end = found.mention
    close = _closing_comma(doc, end, found.cue[0])
    if close is None:
        return None
    open_ = _opening_comma(index, start)
    if open_ is None or close - open_ > MAX_ROLE:
        return None
    name = doc[open_ - 1]
    if name.ent_type_ not in PERSON_LABELS or not index.usable(name, index.para[found.cue[0]]):
        return None
    if index.inside[found.cue[0]]:
        return None
    named = candidates.candidate(index, name, found.cue)
    if named.mention is None or named.mention[1] != open_:
        return None  # the name must end at the comma
    return replace(named, layout=found.layout, prior=found.prior, local=found.local)


def _closing_comma(doc: Doc, end: int, cue: int) -> int | None:
    """The comma right before the cue, at or after the mention's end with only role words
    between."""
    if cue < 1 or doc[cue - 1].text != "," or cue - 1 < end:
        return None
    if any(t.pos_ in VERB_POS or t.text == "," or is_mark(t) for t in doc[end : cue - 1]):
        return None
    return cue - 1


def _opening_comma(index: DocIndex, start: int) -> int | None:
    """The comma that opens the role the mention starts or lies in, after a name."""
    doc = index.doc
    k = start - 1
    while k > 0 and start - k <= MAX_ROLE:
        token = doc[k]
        if token.text == ",":
            return k if doc[k - 1].ent_type_ in PERSON_LABELS else None
        if token.pos_ in VERB_POS or is_mark(token) or index.inside[k]:
            return None
        k -= 1
    return None
