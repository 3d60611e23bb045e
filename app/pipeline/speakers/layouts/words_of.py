"""Attributions by a phrase of whose words or view the quote is: `Mrs. Lopez is, in the words
of a campaign aide, "the frontrunner"`, `"Q" from diplomacy to the budget, in Bolton's view.`"""

from __future__ import annotations

from spacy.tokens import Token

from app.pipeline.speakers.candidate import candidate
from app.pipeline.speakers.context import QuoteContext, is_mark
from app.pipeline.speakers.mentions import speaker_ok
from app.pipeline.text import SENTENCE_END
from app.pipeline.types import SpeakerCandidate

# Nouns of someone's words or view, as the object of "in" (`in X's words`, `in the view of X`).
WORDS_NOUNS: frozenset[str] = frozenset({"word", "view"})
WORDS_PREPS: frozenset[str] = frozenset({"in"})
# Possessives of the writer or the reader (`in my view`): no one the quote can be credited to.
WRITER_POSSESSIVES: frozenset[str] = frozenset({"my", "our", "your"})
# How many tokens may lie between the quote and the phrase.
WORDS_OF_GAP = 14


def words_of(q: QuoteContext) -> SpeakerCandidate | None:
    """The owner of the words or view of an `in X's words` / `in the words of X` phrase next to
    the quote (just before it or after it, in its sentence and paragraph)."""
    index, span, doc = q.index, q.span, q.doc
    before = range(span.start - 1, max(-1, span.start - 1 - WORDS_OF_GAP), -1)
    after = range(span.end, min(len(doc), span.end + WORDS_OF_GAP))
    for side in (before, after):
        for k in side:
            tok = doc[k]
            if is_mark(tok) and k in side[:2]:
                continue  # the quote's own marks
            if not index.usable(tok, q.para) or is_mark(tok) or tok.text in SENTENCE_END:
                break
            source = _owner(tok)
            if source is not None and speaker_ok(index, source, q.para):
                return candidate(index, source, (tok.head.i, tok.i + 1))
    return None


def _owner(noun: Token) -> Token | None:
    """For `words`/`view` as the object of "in", its owner: the possessive (`Bolton's`, `her`)
    or the object of its "of" (`the words of a campaign aide`)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in WORDS_NOUNS or noun.dep_ != "pobj":
        return None
    if noun.head.lower_ not in WORDS_PREPS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in WRITER_POSSESSIVES:
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None
