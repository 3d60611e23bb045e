"""Attributions written before the quote: `X said: "Q"` / `X said that "Q"` / `according to X,
"Q"` / `X: "Q"` (a colon closing a clause or a name)."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from spacy.tokens import Token

from app.pipeline.speakers.candidate import candidate
from app.pipeline.speakers.context import ATTACHING_PUNCT, DocIndex, QuoteContext, is_mark
from app.pipeline.speakers.cues import according_to_source
from app.pipeline.speakers.mentions import can_head_mention, left_neighbour_mention, speaker_ok
from app.pipeline.syntax import VERB_POS, mention_head, own_subject
from app.pipeline.text import SENTENCE_END
from app.pipeline.types import SpeakerCandidate

# Finite verb tags: a cue verb with a subject of its own in the sentence.
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})
# Entity labels of a name that a colon right after it introduces as the speaker.
NAME_LABELS: frozenset[str] = frozenset({"PERSON", "ORG"})
# How many heads above the word before a colon to climb looking for its clause's verb.
COLON_CLAUSE_ASCENT = 4
# Dependency labels of a reported clause: a pronoun subject there is not the speaker of the quote
# its colon introduces (the reporting verb's subject is).
REPORTED_CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp"})
# Dependency label of a name that is the object of a preposition, not a label before a colon
# (a verb's object may be the speaker: `The surge does not surprise pollster Dan Shaw: "Q"`).
OBJECT_DEPS: frozenset[str] = frozenset({"pobj"})
# The preposition of a byline: its object wrote what the colon introduces.
BYLINE_PREPS: frozenset[str] = frozenset({"by"})
# How many tokens before a colon the name it introduces may start (`Sen. Jane Doe: "Q"`).
COLON_NAME_SCAN = 8

# Dashes that set off a name before a colon (`... - Harlow Research: "Q"`), and how many words
# that name may take.
DASH_TOKENS: frozenset[str] = frozenset({"-", "--", "—", "–", "―"})
DASH_NAME_WORDS = 4

# Dependency labels of the verbs of a sentence's main clause: the only cues of the sentence
# before that a quote opening its own sentence may take (not `a source, who spoke on condition
# of anonymity`, `the memo, which was first reported by the Ledger`, `after outlets declared him`).
MAIN_CLAUSE_DEPS: frozenset[str] = frozenset({"ROOT", "conj"})

# Dependency labels of a clause that describes a noun: a cue there introduces the quote only if
# the clause runs up to it (`the man who said: "Q"`).
RELATIVE_CLAUSE_DEPS: frozenset[str] = frozenset({"relcl", "acl"})
# How many tokens of the cue's own modifiers may stand between it and the quote it introduces.
ADJACENT_MODIFIER_SPAN = 15

# `Marsh shot back, "Q"`: the punctuation that closes a clause introducing the quote, the
# words that may follow its verb (a particle, an adverb), and what its subject may be.
INTRODUCING_PUNCT: frozenset[str] = frozenset({",", ":"})
INTRODUCING_TAIL_DEPS: frozenset[str] = frozenset({"prt", "advmod"})
INTRODUCING_SUBJECT_POS: frozenset[str] = frozenset({"PROPN", "NOUN", "PRON"})
# The only subordinator such a clause may open with (`as his friends cheered, "Q"`): any other
# (`when the story broke, "Q"`) makes it a framing clause.
INTRODUCING_MARKS: frozenset[str] = frozenset({"as"})
FRAMING_TAGS: frozenset[str] = frozenset({"WRB"})
# Dependency label of a clause that frames its main clause (`When X said Y, Z ...`).
FRAMING_CLAUSE_DEPS: frozenset[str] = frozenset({"advcl"})
# Complements that complete such a verb's clause before the quote (an object, a predicate, a
# clause): with one, the quote is not the verb's content.
COMPLEMENT_DEPS: frozenset[str] = frozenset(
    {"dobj", "attr", "acomp", "oprd", "dative", "ccomp", "xcomp"}
)

BeforeKind = Literal["cue", "according_to", "colon"]
BeforeScan = tuple[SpeakerCandidate, BeforeKind] | None


def before_scan(q: QuoteContext) -> BeforeScan:
    """The nearest cue before the quote in its sentence (a cue verb with its subject, or
    "according to X"), else the speaker a colon right before the quote introduces."""
    index, span, doc = q.index, q.span, q.doc
    para = q.para
    i = span.start - 1
    while i >= 0 and (is_mark(doc[i]) or doc[i].is_space):
        i -= 1
    if i < 0:
        return None
    if index.para[i] != para:
        # "X continued:" closing the paragraph before a quote-only paragraph
        if doc[i].text != ":" or not index.quote_only[para]:
            return None
        para = index.para[i]
    colon = doc[i].text == ":"
    if colon:
        first = _dash_name(index, i, para)
        if first is not None:
            # `Polls were right - Harlow Research: "Q"`: a name set off by a dash signs the quote
            found = candidate(index, doc[i - 1], (i, i + 1))
            if found.mention is not None:
                found = replace(found, mention=(max(found.mention[0], first), found.mention[1]))
            return found, "colon"
    # the quote opens its own sentence: a cue in a subordinate clause of the sentence before
    # (`"Q1," said a source, who spoke on condition of anonymity. "Q2"`) reports nothing here
    opens_sentence = doc[i].text in SENTENCE_END
    stop = max(-1, i - q.settings.before_window)
    for j in range(i, stop, -1):
        tok = doc[j]
        if index.para[j] != para or index.inside[j]:
            break
        if tok.text in SENTENCE_END and j < i:
            break
        if j in index.matches.according:
            source = according_to_source(tok)
            if source is not None and index.usable(source, para) and source.i < span.start:
                return candidate(index, source, index.cue_extent(tok)), "according_to"
        if not index.is_cue(tok) or (opens_sentence and tok.dep_ not in MAIN_CLAUSE_DEPS):
            continue
        if tok.dep_ in RELATIVE_CLAUSE_DEPS and tok.right_edge.i < i - 1:
            continue  # `the workers, whom Lopez referred to in her address, were "Q"`: closed
        if framing_cue(tok, span.start):
            continue  # `After Brown criticized him, Marsh shot back, "Q"`: it frames the clause
        subject = index.subject_of(tok)
        if subject is not None and speaker_ok(index, subject, para):
            return candidate(index, subject, index.cue_extent(tok)), "cue"
        if subject is None and tok.tag_ in FINITE_TAGS:
            left = left_neighbour_mention(index, j, para)
            if left is not None:
                return candidate(index, left, index.cue_extent(tok)), "cue"
    if colon:
        head = _name_before(index, i, para) or _clause_subject(index, i, para)
        head = head or _colon_mention(index, max(0, i - COLON_NAME_SCAN), i, para)
        if head is not None:
            return candidate(index, head, (i, i + 1)), "colon"
    return None


def before(q: QuoteContext) -> SpeakerCandidate | None:
    found = q.once(before_scan)
    return found[0] if found is not None and found[1] == "cue" else None


def according_to(q: QuoteContext) -> SpeakerCandidate | None:
    found = q.once(before_scan)
    return found[0] if found is not None and found[1] == "according_to" else None


def colon(q: QuoteContext) -> SpeakerCandidate | None:
    found = q.once(before_scan)
    return found[0] if found is not None and found[1] == "colon" else None


def cue_adjacent(q: QuoteContext) -> bool:
    """The cue found before the quote ends right before its opening mark (`said, "Q"`)."""
    found = q.once(before_scan)
    if found is None or found[0].cue is None:
        return False
    cue_start, cue_end = found[0].cue
    doc = q.doc
    k = q.span.start - 1
    while k >= cue_end and (is_mark(doc[k]) or doc[k].text in ATTACHING_PUNCT):
        k -= 1
    if k < cue_end:
        return True
    # `Varga said last week in Lisbon, "Q."`: only the cue's own modifiers in between
    cue = doc[cue_start]
    between = doc[cue_end : k + 1]
    return len(between) <= ADJACENT_MODIFIER_SPAN and all(
        t.is_punct or cue in t.ancestors for t in between
    )


def introduced(q: QuoteContext) -> SpeakerCandidate | None:
    """`Okafor shot back, "Q"`: no cue ties the quote to anyone, but a clause outside the cue
    lexicon introduces it (`_introducing_clause`); its subject speaks, not the previous
    quote's speaker."""
    index, doc = q.index, q.doc
    i = q.span.start - 1
    while i >= 0 and (is_mark(doc[i]) or doc[i].is_space):
        i -= 1
    if i < 0 or index.para[i] != q.para:
        return None
    return _introducing_clause(index, i, q.para)


def _introducing_clause(index: DocIndex, punct_at: int, para: int) -> SpeakerCandidate | None:
    """`Marsh shot back, "Q"`, `Pratt fired back sharply: "Q"`: a finite verb outside the
    cue lexicon closes its clause with a comma or colon right before the quote, so it introduces
    the quote and its subject speaks it (not the subject of an earlier cue in the sentence, nor
    the previous quote's speaker)."""
    doc = index.doc
    if doc[punct_at].text not in INTRODUCING_PUNCT:
        return None
    k = punct_at - 1
    while k > 0 and doc[k].dep_ in INTRODUCING_TAIL_DEPS and doc[k].head.i < k:
        k -= 1
    verb = doc[k]
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS or index.is_cue(verb):
        return None
    if not index.usable(verb, para) or any(_frames(c, verb) for c in verb.lefts):
        return None  # `when the budget story broke, "Q"`: a framing clause, not the quote's
    if any(c.dep_ in COMPLEMENT_DEPS for c in verb.children):
        return None  # `X had one message: "Q"`: the quote spells out the verb's object
    subject = own_subject(verb)
    if subject is None or subject.i > verb.i or not speaker_ok(index, subject, para):
        return None
    if subject.pos_ not in INTRODUCING_SUBJECT_POS:
        return None
    return candidate(index, subject, (verb.i, punct_at))


def framing_cue(cue: Token, quote_start: int) -> bool:
    """The cue heads a framing clause (`After Brown criticized him,`, `When Hale suggested
    that ...,`) of a main clause that starts before the quote: what it reports is not the
    quote."""
    main = cue.head
    return (
        cue.dep_ in FRAMING_CLAUSE_DEPS
        and cue.i < main.i < quote_start
        and any(_frames(c, cue) for c in cue.lefts)
    )


def _frames(word: Token, verb: Token) -> bool:
    """`word` opens `verb`'s clause as a framing clause: a wh-adverb (`when`) or a subordinator
    other than "as"."""
    if word.tag_ in FRAMING_TAGS:
        return True
    return word.dep_ == "mark" and word.lower_ not in INTRODUCING_MARKS


def _name_before(index: DocIndex, colon_at: int, para: int) -> Token | None:
    """`Analysts agree - Owen Riggs: "Q"`: a name written right before the colon."""
    if colon_at == 0:
        return None
    token = index.doc[colon_at - 1]
    if token.pos_ != "PROPN" or not index.usable(token, para):
        return None
    if token.ent_type_ not in NAME_LABELS:
        return None
    head = mention_head(token)
    if head.dep_ in OBJECT_DEPS and head.head.lower_ not in BYLINE_PREPS:
        return None  # `X contrasted him with Lopez: "Q"`: an object in X's clause, no label
    return token  # (`"Headline," by the Times' Tom Avery: "Q"`: the byline's writer)


def _colon_mention(index: DocIndex, start: int, end: int, para: int) -> Token | None:
    """The last mention in [start, end) before a colon, passing over objects of prepositions
    that follow their head (`Lund tweeted in response: "Q"`, `Lee said on CNN: "Q"`: not
    "response", not CNN; a fronted `From the report: "Q"` names the source), stopping at quoted
    text."""
    doc = index.doc
    for k in range(end - 1, start - 1, -1):
        if not index.usable(doc[k], para):
            return None
        if not can_head_mention(doc[k]):
            continue
        head = mention_head(doc[k])
        prep = head.head
        if head.dep_ not in OBJECT_DEPS or prep.dep_ != "prep" or prep.head.i > prep.i:
            return head
    return None


def _dash_name(index: DocIndex, colon_at: int, para: int) -> int | None:
    """`Analysts agree - Owen Riggs: "Q"`: proper nouns alone between a dash and the colon
    (a digest's way to credit the quote that follows); the index of the first."""
    doc = index.doc
    k = colon_at - 1
    while k >= 0 and colon_at - k <= DASH_NAME_WORDS and doc[k].pos_ == "PROPN":
        if not index.usable(doc[k], para):
            return None
        k -= 1
    if k == colon_at - 1 or k < 0 or doc[k].text not in DASH_TOKENS:
        return None
    if not doc[k].whitespace_:
        return None  # `told Radio-Canada: "Q"`: a hyphen inside the name, no dash before it
    return k + 1


def _clause_subject(index: DocIndex, colon_at: int, para: int) -> Token | None:
    """`Smith leaned in and boomed: "Q"`, `The board was firm in its findings: "Q"`: the subject
    of the verb whose clause the colon closes (not the last noun before the colon)."""
    doc = index.doc
    if colon_at == 0:
        return None
    current = doc[colon_at - 1]
    for _ in range(COLON_CLAUSE_ASCENT):
        if current.pos_ in VERB_POS or current.head.i == current.i:
            break
        current = current.head
    if current.pos_ not in VERB_POS or not index.usable(current, para):
        return None
    while current.dep_ in REPORTED_CLAUSE_DEPS and current.head.i < colon_at:
        # `X said he hoped that Hale wins: "Q"`: the reporting clause's subject speaks
        current = current.head
    subject = index.subject_of(current)
    if subject is None or subject.i >= colon_at or not speaker_ok(index, subject, para):
        return None
    if any(doc[k].text in SENTENCE_END for k in range(subject.i, colon_at)):
        return None
    if subject.pos_ == "PRON" and any(
        t.dep_ in REPORTED_CLAUSE_DEPS and t.head.i < colon_at
        for t in (current, *current.ancestors)
    ):
        return None  # `X said that she has done her homework: "Q"`: X's words, not hers
    return subject
