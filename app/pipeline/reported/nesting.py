"""How reported passages nest: a relative clause's own report inside another report (`called
for a wall, which he said Mexico should pay for`), an `according to` inside a verb's report, and
a passage inside another one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from app.pipeline.reported.extent import Found, trim
from app.pipeline.syntax import FINITE_TAGS, NOMINAL_SUBJECT_DEPS, RELATIVE_PRONOUNS

# The layouts whose content is a thing or an act (`called for a bridge`, `criticized the
# department`, `urged the judge to act`), which a relative clause of its own may end. What a
# clause reports keeps its relative clauses (`he plans to spend the $4 million he says he
# saved`).
THING_LAYOUTS: frozenset[str] = frozenset(
    {"object", "topic", "call_for", "infinitive", "charge", "naming", "gerund", "noun_topic"}
)
# Parts of speech of the noun a relative clause describes.
NOMINAL_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def before_relative_reports(doc: Doc, found: list[Found]) -> list[Found]:
    """Each report of a thing cut before a relative clause at its end that reports on its own
    (`called for a bridge, which he said the state should pay for`, `praised Lund for cutting
    fees - moves that he said helped small firms`): what the relative clause's speaker said
    is that clause's report, not part of the thing. On train the corpus annotates such a
    relative's report alone 30 times, inside a longer report 16 times (mostly a clause's)."""
    relatives = [r for r in (_relative_clause(doc, f) for f in found) if r is not None]
    if not relatives:
        return found
    result: list[Found] = []
    for passage in found:
        for verb, start, end in relatives:
            if passage.cue.layout not in THING_LAYOUTS or passage.cue.verb == verb:
                continue
            if not passage.start < start < passage.end <= end:
                continue
            cut_start, cut_end = trim(doc, passage.start, start)
            if cut_start < cut_end:
                passage = replace(passage, start=cut_start, end=cut_end)
        result.append(passage)
    return result


def _relative_clause(doc: Doc, passage: Found) -> tuple[int, int, int] | None:
    """(cue verb, first token, end) of the relative clause whose cue verb reports `passage`,
    when that verb is finite (not `a point for the county to respond`) and has a subject of its own
    (`which he said`, not `who said`)."""
    if passage.cue.verb is None:
        return None
    verb = doc[passage.cue.verb]
    if verb.dep_ != "relcl" or verb.head.pos_ not in NOMINAL_POS or verb.tag_ not in FINITE_TAGS:
        return None
    if not any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children
    ):
        return None
    return verb.i, verb.left_edge.i, verb.right_edge.i + 1


def outermost(found: list[Found], quoted: Sequence[bool]) -> list[Found]:
    """Without a passage inside another one (`X said the plan, which critics call "a mistake",
    was dead`: the corpus counts the outer report, seldom the inner one), unless the inner one
    holds a quotation (whose speaker it decides)."""
    return [
        f
        for f in found
        if any(quoted[k] for k in range(f.start, f.end))
        or not any(
            o.start <= f.start and f.end <= o.end and (o.start, o.end) != (f.start, f.end)
            for o in found
        )
    ]


def unnested(found: list[Found]) -> list[Found]:
    """Without the `according to Y` reports inside what a verb cue reports (`X said that
    according to Y, Z`): X says it; the quoted words in it stay X's."""
    outer = [f for f in found if f.cue.verb is not None or f.cue.source is not None]
    return [
        f
        for f in found
        if f.cue.layout != "according_to"
        or not any(o.start <= f.cue.cue[0] < o.end and o is not f for o in outer)
    ]
