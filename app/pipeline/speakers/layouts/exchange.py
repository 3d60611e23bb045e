"""Question-and-answer turns outside a transcript: `"Did you open the door?" Lee asked. ¶ "No.
I looked through the window."` The quote-only paragraph after a question put to someone is that
person's answer, not the asker's next words; an addressed question right after such an answer
is the asker's again (`"Did you see him move?"`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from app.pipeline.speakers.candidate import borrow, candidate
from app.pipeline.speakers.context import QuoteContext, is_mark
from app.pipeline.speakers.layouts.continued import previous_speech
from app.pipeline.speakers.mentions import speaker_ok
from app.pipeline.types import SpeakerCandidate

# Lemmas of a cue that puts a question to someone (`Lee asked`, `Lee asked him`).
QUESTION_CUE_LEMMAS: frozenset[str] = frozenset({"ask"})
# Words that address the listener: a question holding one is put to someone, not rhetorical
# to the reader alone (`Did you open the door?`).
ADDRESSING_WORDS: frozenset[str] = frozenset({"you", "your"})
# Objects of the question cue that name who was asked.
ASKED_DEPS: frozenset[str] = frozenset({"dobj", "dative"})
# How many quotations before the question the search for the person asked may look.
MAX_TURNS_BACK = 6
# Most words of a follow-up question that echoes the words of the turn before it (`"We'll
# honour every signed agreement," Munroe said. ¶ "Every one?" Beaudoin asked.`), and the parts
# of speech whose words do not count as an echo.
MAX_ECHO_WORDS = 5
UNECHOED_POS: frozenset[str] = frozenset(
    {"PRON", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE"}
)
UNECHOED_WORDS: frozenset[str] = frozenset({"the", "a", "an"})


def answer(q: QuoteContext) -> SpeakerCandidate | None:
    """The answer to the question of the paragraph just before (`"Did you ...?" Lee asked.
    ¶ "No. ..."`): the person asked (the cue's object, else the nearest earlier named speaker
    other than the asker); an addressed question after that answer goes back to the asker."""
    if not q.index.quote_only[q.para]:
        return None
    prev = previous_speech(q)
    if prev is None:
        return None
    pi, earlier = prev
    if q.index.para[q.quotes[pi].start] != q.para - 1:
        return None
    if earlier.layout == "answer":
        return _asker_again(q, pi) if _addressed_question(q.span) else None
    echoed = _echoed_turn(q, pi, earlier)
    if echoed is not None:
        # `"Every one?" Beaudoin asked. ¶ "Every signed one. ..."`: the one whose words the
        # question echoed answers it
        found = q.results[echoed]
        assert found is not None
        return borrow(found, echoed)
    if not _put_question(q, pi, earlier) or not _opens_answer(q):
        return None
    assert earlier.cue is not None and earlier.head is not None
    verb = q.doc[earlier.cue[0]]
    for child in verb.children:
        if child.dep_ in ASKED_DEPS and speaker_ok(q.index, child, q.index.para[child.i]):
            return candidate(q.index, child, None)
    asker = q.doc[earlier.head].lower_
    for pj in range(pi - 1, max(pi - MAX_TURNS_BACK, 0) - 1, -1):
        found = q.results[pj]
        if found is None or found.head is None or found.mention is None:
            continue
        head = q.doc[found.head]
        if head.pos_ == "PROPN" and head.lower_ != asker:
            return borrow(found, pj)
    return None


def _asker_again(q: QuoteContext, answered: int) -> SpeakerCandidate | None:
    """The asker of the question the answer at `answered` follows."""
    for pj in range(answered - 1, max(answered - MAX_TURNS_BACK, 0) - 1, -1):
        found = q.results[pj]
        if found is not None and _put_question(q, pj, found):
            return borrow(found, pj)
    return None


def _put_question(q: QuoteContext, pi: int, found: SpeakerCandidate) -> bool:
    """The quote at `pi` is a question put to someone, under a question cue (`Lee asked`)."""
    return _asked(q, found) and _addressed_question(q.quotes[pi])


def _asked(q: QuoteContext, found: SpeakerCandidate) -> bool:
    """The candidate speaks under a question cue (`Lee asked`)."""
    if found.cue is None or found.head is None or found.mention is None:
        return False
    return q.doc[found.cue[0]].lemma_ in QUESTION_CUE_LEMMAS


def _echoed_turn(q: QuoteContext, pi: int, question: SpeakerCandidate) -> int | None:
    """The quotation a short asked question at `pi` echoes: the one just before it, in the
    paragraph before, by another named speaker, sharing a word with it (`"We'll honour every
    signed agreement," Munroe said. ¶ "Every one?" Beaudoin asked.`); its index, else None."""
    if not _asked(q, question):
        return None
    asked = [t for t in q.quotes[pi] if not is_mark(t)]
    if not asked or len(asked) > MAX_ECHO_WORDS + 1 or asked[-1].text != "?":
        return None
    turned = previous_speech(q, pi)
    if turned is None:
        return None
    pj, turn = turned
    if turn.head is None or turn.mention is None:
        return None
    if q.index.para[q.quotes[pj].start] != q.index.para[q.quotes[pi].start] - 1:
        return None
    named = q.doc[turn.head]
    assert question.head is not None
    if named.pos_ != "PROPN" or named.lower_ == q.doc[question.head].lower_:
        return None
    return pj if _echo_words(asked) & _echo_words(list(q.quotes[pj])) else None


def _echo_words(tokens: list[Token]) -> set[str]:
    """The words of a turn a follow-up question may echo: no pronoun, article or particle."""
    return {
        t.lower_
        for t in tokens
        if t.is_alpha and t.pos_ not in UNECHOED_POS and t.lower_ not in UNECHOED_WORDS
    }


def _addressed_question(span: Span) -> bool:
    """A quoted question addressing its listener (`Did you see him move?`)."""
    words = [t for t in span if not is_mark(t)]
    if not words or not any(t.lower_ in ADDRESSING_WORDS for t in words):
        return False
    return words[-1].text == "?" or (len(words) > 1 and words[-2].text == "?")


def _opens_answer(q: QuoteContext) -> bool:
    """The quote opens with a reply word (`No.`, `Yes, ...`), as answers do."""
    first: Token | None = next((t for t in q.span if not is_mark(t) and not t.is_space), None)
    return first is not None and first.lower_ in q.settings.answer_openers
