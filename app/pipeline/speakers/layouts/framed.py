"""Attributions written in the paragraph after a quote-only paragraph, by a sentence that points
back at the quote: `"Q" ¶ That's how Gilles Bérard, 71, explained it.`, `"Q" ¶ That was
catcher Danny Ferrante's view of the outing.`, `"Q" ¶ That's the advice from Staff Sgt. Ann
Lee.` Without this, the previous paragraph's speaker takes the quote."""

from __future__ import annotations

from spacy.tokens import Token

from app.pipeline.speakers.candidate import candidate
from app.pipeline.speakers.context import QuoteContext, first_below
from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS, ORG_LABEL, PERSON_LABELS
from app.pipeline.types import SpeakerCandidate

# The words that open such a sentence as its subject, pointing back at the quote.
POINTING_WORDS: frozenset[str] = frozenset({"that", "those", "such"})
# Nouns of a view that are not speech nouns but frame a quote the same way (`X's view`).
VIEW_NOUNS: frozenset[str] = frozenset({"view", "advice", "verdict", "take"})
# Verbs of memory that frame one the same way (`That's how X remembers it`).
VIEW_VERBS: frozenset[str] = frozenset({"remember", "recall", "recount"})
# What a frame verb's own subject may be: a noun, a name, or a pronoun for a person.
SUBJECT_POS: frozenset[str] = frozenset({"NOUN", "PROPN"})
PERSONAL_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "i", "we"})
# How the parse hangs a relative clause on its noun.
RELATIVE_DEPS: frozenset[str] = frozenset({"relcl", "acl"})
# How many tokens of that sentence are read for the frame word and the name.
FRAME_SCAN = 30
# Entity label of an organisation that may be named instead of a person.
ORG_ONLY: frozenset[str] = frozenset({ORG_LABEL})


def framed_below(q: QuoteContext) -> SpeakerCandidate | None:
    """The person (else organisation) named in the first sentence of the paragraph below a
    quote-only paragraph, when that sentence opens with a pointing subject (`That's how`,
    `That was`) and holds a speech verb or noun (`put it`, `explained`, `view`, `advice`) or
    a verb of memory (`remembers`)."""
    index, doc = q.index, q.doc
    start = first_below(q)
    if start is None:
        return None
    first = doc[start]
    if first.lower_ not in POINTING_WORDS or first.dep_ not in NOMINAL_SUBJECT_DEPS:
        return None
    end = min(first.sent.end, index.para_end[q.end_para + 1], start + FRAME_SCAN)
    words = [t for t in doc[start:end] if not index.inside[t.i]]
    frame = next((t for t in words if _frames(q, t) and not _in_relative(t)), None)
    if frame is None:
        return None
    subject = _frame_subject(frame, first)
    if subject is not None and not index.inside[subject.i]:
        # `That was how one cabinet minister described the move of X`: who described it, not X
        return candidate(index, subject, (frame.i, frame.i + 1))
    name = (
        _first_named(words, PERSON_LABELS)
        or _first_named(words, ORG_ONLY)
        or _first_proper_name(words)
    )
    if name is None:
        return None
    return candidate(index, name, (frame.i, frame.i + 1))


def _in_relative(token: Token) -> bool:
    """The word is in a relative clause (`one volunteer, who asked not to be named, ...`)."""
    return any(t.dep_ in RELATIVE_DEPS for t in (token, *token.ancestors))


def _frame_subject(frame: Token, pointing: Token) -> Token | None:
    """The frame verb's own subject before it (`how one cabinet minister ... described`, `how he
    put it`), not the pointing word: a noun, a name or a personal pronoun."""
    if frame.pos_ != "VERB":
        return None
    return next(
        (
            c
            for c in frame.lefts
            if c.dep_ in NOMINAL_SUBJECT_DEPS
            and c.i != pointing.i
            and (c.pos_ in SUBJECT_POS or c.lower_ in PERSONAL_PRONOUNS)
        ),
        None,
    )


def _frames(q: QuoteContext, token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        return lemma in q.settings.lexicon.verbs or lemma in VIEW_VERBS
    return token.pos_ == "NOUN" and (lemma in q.settings.speech_nouns or lemma in VIEW_NOUNS)


def _first_named(words: list[Token], labels: frozenset[str]) -> Token | None:
    return next((t for t in words if t.ent_type_ in labels), None)


def _first_proper_name(words: list[Token]) -> Token | None:
    """The last word of the first run of proper nouns (`Ray "Sonny" Pelletier`, which the
    tagger left without an entity label), past the sentence's first word."""
    run: list[Token] = []
    for token in words[1:]:
        if token.pos_ == "PROPN":
            run.append(token)
        elif run and not (token.is_quote or token.is_space):
            break
    return run[-1] if run else None
