"""Quotes without an attribution of their own: they continue the speaker of the quote before
(`"Q1," X said. "Q2"`), of a quote-only paragraph's neighbour, or take the named subject of the
sentence before (`Baker was blunt. "Q"`) or of their own sentence (`Smith described a city
of "Q"`)."""

from __future__ import annotations

from spacy.tokens import Span

from app.pipeline.speakers.candidate import borrow, candidate
from app.pipeline.speakers.context import QuoteContext, is_mark
from app.pipeline.speakers.mentions import speaker_ok
from app.pipeline.syntax import VERB_POS, apposed_person, mention_head
from app.pipeline.text import SENTENCE_END
from app.pipeline.types import NON_SPEECH_TYPES, Quote, SpeakerCandidate

# Subjects that may name the speaker of a quote without any cue (`Smith described "Q"`).
SENTENCE_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj"})
SENTENCE_SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they"})
# Pronoun subjects of the sentence before a quote that may speak it (`Why was he out? "Q"`; not
# "they": city leaders, voters, groups the article rarely names as one speaker).
PREVIOUS_SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
# Subjects of the sentence before a quote that may speak it (`Baker was blunt. "Q"`).
PREVIOUS_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})
# Entity labels of a name that may stand as the speaker when nothing else ties a quote to one.
FALLBACK_NAME_LABELS: frozenset[str] = frozenset({"PERSON", "ORG"})
# Tags and labels of a verb the parse read as a modifier of the noun after it (`Hale accused
# Ruiz of being "Q"` parsed as the noun phrase "Hale accused Ruiz").
MISREAD_VERB_TAGS: frozenset[str] = frozenset({"VBD", "VBN"})
MISREAD_VERB_DEPS: frozenset[str] = frozenset({"amod", "compound"})
# What may open the clause of such a verb's subject: the sentence start or an opening phrase.
CLAUSE_OPENERS: frozenset[str] = frozenset({","})
# How many paragraphs a quote-only paragraph may sit after the quote whose speaker it continues.
MAX_PARAGRAPH_GAP = 2


def previous_speech(
    q: QuoteContext, before: int | None = None
) -> tuple[int, SpeakerCandidate] | None:
    """The nearest quotation before this quote (or before quote `before`) and its candidate,
    if it has one (reported speech in between is passed over: the layouts below continue
    quotations)."""
    for pi in range((q.qi if before is None else before) - 1, -1, -1):
        quote: Quote | None = q.quotes[pi]._.quote
        if quote is None or not quote.is_quotation:
            continue
        earlier = q.results[pi]
        if earlier is not None:
            return pi, earlier
        return None  # the previous quotation has no speaker: do not skip over it
    return None


def shared(q: QuoteContext) -> SpeakerCandidate | None:
    """`"Q1," X said. "Q2"`: the previous quote of the same paragraph has the speaker."""
    prev = previous_speech(q)
    if prev is None:
        return None
    pi, earlier = prev
    if q.index.para[q.quotes[pi].start] == q.para and earlier.mention is not None:
        return borrow(earlier, pi)
    return None


def paragraph(q: QuoteContext) -> SpeakerCandidate | None:
    """A quote-only paragraph continues the speaker of the quote a paragraph or two before."""
    prev = previous_speech(q)
    if prev is None or not q.index.quote_only[q.para]:
        return None
    pi, earlier = prev
    gap = q.para - q.index.para[q.quotes[pi].start]
    if earlier.mention is not None and gap <= MAX_PARAGRAPH_GAP:
        return borrow(earlier, pi)
    return None


def previous(q: QuoteContext) -> SpeakerCandidate | None:
    return _previous_sentence(q, across=False)


def previous_across(q: QuoteContext) -> SpeakerCandidate | None:
    """`Smith praised the plan. ¶ "Q"`: a quote-only paragraph takes the named subject of the
    last sentence of the paragraph before."""
    if not q.index.quote_only[q.para]:
        return None
    return _previous_sentence(q, across=True)


def _previous_sentence(q: QuoteContext, *, across: bool) -> SpeakerCandidate | None:
    """`Baker was blunt. "Q"`: a quote opening its sentence takes the named subject of the
    sentence just before it (proper names only: a pronoun or common noun there is too weak)."""
    index, span, doc = q.index, q.span, q.doc
    para = q.para
    i = span.start - 1
    while i >= 0 and (is_mark(doc[i]) or (doc[i].is_space and (across or "\n" not in doc[i].text))):
        i -= 1  # `... if asked.  "Q"`: a run of spaces inside the paragraph is no break
    if i >= 0 and across and index.para[i] != para and index.quote_only[para]:
        para = index.para[i]
    if i < 0 or index.para[i] != para or doc[i].text not in SENTENCE_END:
        return None
    sentence = doc[i].sent
    if sentence.start > span.start:
        return None
    root = sentence.root
    if index.inside[root.i]:
        return None
    # `Why was he up so late? "Q"`: a pronoun subject too, when that sentence quotes no one
    # (a quote there, `"Q1," he said.`, is the one the shared and paragraph layouts borrow from)
    # and its root is no cue (a cue's subject is taken below, with the cue)
    pronoun_ok = not index.is_cue(root) and not any(
        index.inside[k] for k in range(sentence.start, sentence.end)
    )
    for child in root.children:
        if child.dep_ not in PREVIOUS_SUBJECT_DEPS:
            continue
        if child.pos_ == "NOUN":
            # `Her husband, Dale Morrow, remembers it.`: the name stands in the noun's place
            child = next((c for c in child.rights if apposed_person(c)), child)
        if child.pos_ == "PROPN" or (pronoun_ok and child.lower_ in PREVIOUS_SUBJECT_PRONOUNS):
            if speaker_ok(index, child, para):
                return candidate(index, child, None)
    # "X explained his plan, saying he would act. "Q"": the last cue in that sentence
    for j in range(i - 1, max(sentence.start, i - q.settings.before_window) - 1, -1):
        tok = doc[j]
        if index.inside[j] or not index.is_cue(tok):
            continue
        subject = index.subject_of(tok)
        cue = index.cue_extent(tok)
        if subject is not None and (
            subject.pos_ in {"PROPN", "NOUN"}
            # `..., he told reporters. ¶ "Q"`: a pronoun whose cue no quote took (a quote's own
            # cue is the paragraph layout's, which borrows it)
            or (
                subject.lower_ in SENTENCE_SUBJECT_PRONOUNS
                and all(r is None or r.cue != cue for r in q.results)
            )
        ):
            if speaker_ok(index, subject, para):
                return candidate(index, subject, cue)
        break
    return None


def _sentence_start(q: QuoteContext) -> tuple[int, int]:
    """(first token of the quote's sentence before it, last token before the opening mark)."""
    index, span, doc = q.index, q.span, q.doc
    i = span.start - 1
    while i >= 0 and is_mark(doc[i]):
        i -= 1
    stop = max(index.para_start[q.para], span.start - q.settings.before_window)
    k = i
    while k > stop and doc[k - 1].text not in SENTENCE_END and not index.inside[k - 1]:
        k -= 1
    return k, i


def sentence_subject(q: QuoteContext) -> SpeakerCandidate | None:
    """`Smith described a city of "Q"`: no cue anywhere, so the first named (or pronoun)
    subject between the start of the quote's sentence and the quote."""
    if q.index.quote_only[q.para]:
        return None
    doc = q.doc
    k, i = _sentence_start(q)
    if i < 0 or doc[i].text in SENTENCE_END:
        return None  # the quote opens its sentence
    for j in range(k, i + 1):
        tok = doc[j]
        if tok.dep_ not in SENTENCE_SUBJECT_DEPS or not speaker_ok(q.index, tok, q.para):
            continue
        if tok.pos_ == "PROPN" or tok.lower_ in SENTENCE_SUBJECT_PRONOUNS:
            return candidate(q.index, tok, None)
    return None


def sentence_name(q: QuoteContext) -> SpeakerCandidate | None:
    """Last resort when the parse tied the quote to nothing: the first person or organisation
    name of the quote's sentence before the quote (`In March, Smith blasted the firm for its
    "Q"`)."""
    doc = q.doc
    k, i = _sentence_start(q)
    if i < 0:
        return None
    for j in range(k, i + 1):
        tok = doc[j]
        if tok.pos_ != "PROPN" or tok.ent_type_ not in FALLBACK_NAME_LABELS:
            continue
        if any(span.start <= j < span.end and _names_a_work(span) for span in q.quotes):
            continue  # a name inside a title (`the report, "Water, Trust and ..."`) says nothing
        head = mention_head(tok)
        if any(doc[m].pos_ in VERB_POS for m in range(tok.i, head.i)):
            return None  # "Smith blasted Acme" parsed as one name: too unreliable
        if speaker_ok(q.index, tok, q.para):
            return candidate(q.index, tok, None)
    return None


def _names_a_work(span: Span) -> bool:
    """A quoted title or term: its words name something, they are nobody's."""
    quote: Quote | None = span._.quote
    return quote is not None and quote.type in NON_SPEECH_TYPES


def misread_subject(q: QuoteContext) -> SpeakerCandidate | None:
    """`In March, Hale blasted Acme for its "Q"`, `Hale accused Ruiz of being "Q"`: the
    parse read the name, its past-tense verb and the verb's object as one noun phrase ("Hale"
    a compound, "accused" an adjective), so nothing governs the quote; the name that opens the
    clause before such a verb is the verb's subject, and the sentence's speaker."""
    index, doc = q.index, q.doc
    k, i = _sentence_start(q)
    for j in range(max(k + 1, 1), i + 1):
        verb = doc[j]
        if not (
            verb.pos_ in VERB_POS
            and verb.tag_ in MISREAD_VERB_TAGS
            and verb.dep_ in MISREAD_VERB_DEPS
            and verb.head.i > j
        ):
            continue
        name = doc[j - 1]
        if not (name.is_title and name.pos_ in {"PROPN", "NOUN"}):
            continue
        start = name.i
        while start > k and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            start -= 1  # `Victor Hale blasted`: the whole name
        if start > k and doc[start - 1].text not in CLAUSE_OPENERS:
            continue
        if not speaker_ok(index, name, q.para):
            return None
        cue = index.cue_extent(verb) if index.is_cue(verb) else None
        return SpeakerCandidate(mention=(start, j), head=name.i, cue=cue)
    return None
