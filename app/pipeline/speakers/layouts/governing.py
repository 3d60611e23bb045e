"""Attributions found in the parse: the verb that governs the quote (`X called them "Q"`,
`X said the plan was "Q"`), the owner of a speech noun (`Hale's claim that "Q"`), a plain verb
for a partial quote (`X promised to "Q"`), or the sentence's named cue when the parse did not
put the quote under it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from app.pipeline.speakers.candidate import candidate
from app.pipeline.speakers.context import QuoteContext, inverted_name
from app.pipeline.speakers.cues import according_to_source
from app.pipeline.speakers.layouts.before import FINITE_TAGS, framing_cue
from app.pipeline.speakers.mentions import (
    RELATIVE_WHO,
    left_neighbour_mention,
    passive_subject,
    speaker_ok,
    speech_possessor,
)
from app.pipeline.syntax import (
    NOMINAL_SUBJECT_DEPS,
    PERSON_LABELS,
    VERB_POS,
    own_subject,
    that_clause,
)
from app.pipeline.text import SENTENCE_END
from app.pipeline.types import SpeakerCandidate

# Dependency labels of a clause that modifies a noun or another clause (not its content).
ADJUNCT_CLAUSE_DEPS: frozenset[str] = frozenset({"advcl", "relcl", "acl", "pcomp"})
# A clause that comes before its main clause and only frames it (`While X said "Q", Y argued`):
# the main clause's cue does not report what the framing clause's cue did.
SUBORDINATE_DEPS: frozenset[str] = frozenset({"advcl"})
# A cue's object that makes its clause a name its subject gives (`what staff call "Q"`).
FREE_RELATIVES: frozenset[str] = frozenset({"what"})
# Relative pronouns a relative clause's verb of naming takes for its object (`a hangar, which
# Moose described as "Q"`), and those verbs (not `the vision that Democrats are offering`).
RELATIVE_OBJECTS: frozenset[str] = frozenset({"which", "that", "whom", "who"})
NAMING_VERBS: frozenset[str] = frozenset(
    {"call", "describe", "dub", "label", "term", "brand", "characterize", "characterise"}
)
# Verbs of hearing or seeing whose clause's subject spoke the words (`heard them shout "Q"`).
PERCEPTION_VERBS: frozenset[str] = frozenset({"hear", "overhear", "see", "watch", "listen"})
PERCEIVED_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp"})
# How the parse attaches the noun a relative clause describes when that noun is the subject of
# the quote after it (`Nothing the mayor said "will help," Lee said`); the parser leaves
# "Nothing" at a sentence's start unlabelled (`dep`).
QUOTED_PREDICATE_SUBJECT_DEPS: frozenset[str] = NOMINAL_SUBJECT_DEPS | {"dep"}
# (the cue verb's candidate, the nearest plain verb's candidate)
GoverningScan = tuple[SpeakerCandidate | None, SpeakerCandidate | None]


def _tops(span: Span) -> list[int]:
    """Tokens of the quote whose head is outside it (or who are their own head); punctuation
    inside the marks (`"distasteful,"`, the comma hung on the next clause's verb) only when the
    quote has nothing else."""
    tops = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    words = [t.i for t in tops if not t.is_punct]
    return words or [t.i for t in tops]


def governing_scan(q: QuoteContext) -> GoverningScan:
    """A cue verb that governs the quote (or hangs from it) in the dependency parse, and the
    nearest governing verb with a subject (used for partial quotes when no cue governs them)."""
    index, span, doc = q.index, q.span, q.doc
    para = q.para
    plain: SpeakerCandidate | None = None
    pronoun: SpeakerCandidate | None = None
    named: SpeakerCandidate | None = None
    owner: SpeakerCandidate | None = None
    passive: SpeakerCandidate | None = None
    in_content = False  # `plain` is the subject of a that-clause: the verb above may replace it
    for top in _tops(span):
        current = doc[top]
        for _ in range(q.settings.max_ascent):
            head = current.head
            if head.i == current.i or not index.usable(head, para):
                break
            if named is not None and _own_clause(current, head):
                break  # `While Pratt admitted that it is "Q", her campaign argued`: not theirs
            current = head
            according = _according_at(q, current)
            if according is not None:
                return according, plain
            possessor = speech_possessor(index, current, para)
            if possessor is not None and owner is None:
                # `Hale's claim that "Q"`, `his "Q" promise`: the noun's owner said it,
                # unless a cue verb above reports it (`X blasted Hale's call for "Q"`)
                owner = candidate(index, possessor, (current.i, current.i + 1))
            if current.pos_ not in VERB_POS:
                continue
            subject = index.subject_of(current)
            if subject is None and index.is_cue(current) and current.tag_ in FINITE_TAGS:
                # a finite cue the parse gave no subject: the noun phrase right before it
                subject = left_neighbour_mention(index, current.i, para)
            elif subject is None and index.is_cue(current) and _set_off_participle(current):
                # `Dana Whitley, who served as X's strategist, called Hale's remarks "Q"`:
                # the cue read as a participle of the clause's last noun; a person set off
                # before a "who" clause is its subject (not `Mr. Kessler, described as "Q"`)
                named_before = left_neighbour_mention(index, current.i, para)
                if (
                    named_before is not None
                    and named_before.ent_type_ in PERSON_LABELS
                    and any(t.lower_ in RELATIVE_WHO for t in doc[named_before.i : current.i])
                ):
                    subject = named_before
            if subject is not None and subject.left_edge.i <= span.start <= subject.right_edge.i:
                # `Any "sober" reading of it, said Paul Haddad`: the quote is part of
                # what was said, and the name after the inverted cue said it
                subject = inverted_name(current) or subject
            if subject is None or not speaker_ok(index, subject, para):
                continue
            if index.is_cue(current):
                found = candidate(index, subject, index.cue_extent(current))
                if passive_subject(index, found):
                    # `He implied that rivals should be run out of town by "Q"`: the passive's
                    # subject is what the words are about; a cue above may name their source
                    passive = passive or found
                elif subject.pos_ != "PRON":
                    # the innermost named source reported the words (`Lund cannot say
                    # that "Q," Okafor added, saying it should be "Q2"`)
                    named = found
                    if words_of_subject(current):
                        return named, plain
                else:
                    # "X said she wanted to sing 'Q'": a named source above the pronoun wins
                    pronoun = pronoun or found
            elif (plain is None or in_content) and current.dep_ != "relcl":
                # a that-clause is what its verb's subject put forward (`Smith fired back that
                # the council had "Q"`: Smith's words), so the verb above it names the speaker
                plain = candidate(index, subject, index.cue_extent(current))
                in_content = current.dep_ == "ccomp" and that_clause(current)
    if named is not None or pronoun is not None or passive is not None:
        return named or pronoun or passive, plain
    if owner is not None:
        return owner, plain
    # a cue verb hanging from the quote ("Q," he said parsed as parataxis of the quote's verb)
    for tok in span:
        for child in tok.children:
            if span.start <= child.i < span.end or not index.usable(child, para):
                continue
            if index.is_cue(child):
                subject = index.subject_of(child)
                if subject is not None and speaker_ok(index, subject, para):
                    return candidate(index, subject, index.cue_extent(child)), plain
    return None, plain


def words_of_subject(cue: Token) -> bool:
    """The cue's subject owns the words whoever reports the clause: a name it gives (`what the
    government has called a "Q" offer`, `a hangar, which Moose described as "Q"`) or words
    heard from it (`heard officers shout "Q"`)."""
    names = any(
        c.dep_ == "dobj"
        and (
            c.lower_ in FREE_RELATIVES
            or (
                c.lower_ in RELATIVE_OBJECTS
                and cue.dep_ == "relcl"
                and cue.lemma_.lower() in NAMING_VERBS
                and own_subject(cue) is not None
            )
        )
        for c in cue.children
    )
    heard = cue.dep_ in PERCEIVED_DEPS and cue.head.lemma_.lower() in PERCEPTION_VERBS
    return names or heard


def _own_clause(verb: Token, head: Token) -> bool:
    """The clause of `verb` is not reported by `head`: a framing clause before its main clause,
    one after it with its own subject (`rose to respond as MPs shouted "Q"`), a clause
    coordinated with its own subject (`a man asked for an autograph and Lopez said, "Q"`), or a
    relative clause with one."""
    if verb.dep_ in SUBORDINATE_DEPS and (verb.i < head.i or own_subject(verb) is not None):
        return True
    # (`a practice some MPs call "Q"`: a relative clause with its own subject is that subject's)
    return verb.dep_ in {"conj", "relcl"} and own_subject(verb) is not None


def _set_off_participle(verb: Token) -> bool:
    """A past participle the parse hung on the noun before it, after a comma (`..., called`)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and verb.head.i < verb.i
    )


def _according_at(q: QuoteContext, token: Token) -> SpeakerCandidate | None:
    """ "according to X" as `token` itself or hanging from it (`According to the poll, 24% of
    voters put "Q" first`): X is the source of what `token` governs."""
    index = q.index
    for where in (token, *token.children):
        if where.i in index.matches.according and index.usable(where, q.para):
            source = according_to_source(where)
            if source is not None and index.usable(source, q.para):
                return candidate(index, source, index.cue_extent(where))
    return None


def governing(q: QuoteContext) -> SpeakerCandidate | None:
    return q.once(governing_scan)[0]


def governing_adjunct(q: QuoteContext) -> SpeakerCandidate | None:
    """`In a clip that Judge Lee called "distasteful," Smith spoke`: the governing cue sits in an
    adjunct clause (relative, adverbial) before the quote, so the clause after the quote is the
    sentence's own business, not the quote's attribution."""
    index, span, doc = q.index, q.span, q.doc
    for top in _tops(span):
        current = doc[top]
        for _ in range(q.settings.max_ascent):
            head = current.head
            if head.i == current.i or not index.usable(head, q.para):
                break
            current = head
            if not index.is_cue(current):
                continue
            # the innermost cue above the quote
            if current.i >= span.start or current.dep_ not in ADJUNCT_CLAUSE_DEPS:
                return None
            owner = current.head
            if (
                owner.dep_ in QUOTED_PREDICATE_SUBJECT_DEPS
                and owner.head.i >= span.end
                and index.is_cue(owner.head)
            ):
                # `Nothing the mayor said "will calm nerves," the councilman said`: the
                # clause is the subject of the quote the sentence's own cue attributes
                return None
            subject = index.subject_of(current)
            if subject is None or not speaker_ok(index, subject, q.para):
                return None
            return candidate(index, subject, index.cue_extent(current))
    return None


def verb(q: QuoteContext) -> SpeakerCandidate | None:
    return q.once(governing_scan)[1]


def sentence_cue(q: QuoteContext) -> SpeakerCandidate | None:
    """The nearest cue verb before the quote in its sentence with a named (proper-noun)
    subject: `Quinn said Hale was a "Q"` when the parse did not put the quote under it."""
    index, span, doc = q.index, q.span, q.doc
    para = q.para
    stop = max(index.para_start[para], span.start - q.settings.before_window) - 1
    for j in range(span.start - 1, stop, -1):
        tok = doc[j]
        if tok.text in SENTENCE_END:
            break
        if index.inside[j] or not index.is_cue(tok) or framing_cue(tok, span.start):
            continue  # (`When Lee criticized it, Baker shot back, "Q"`: Lee's cue frames)
        subject = index.subject_of(tok)
        if subject is None or subject.pos_ != "PROPN" or subject.i > j:
            continue
        if speaker_ok(index, subject, para):
            return candidate(index, subject, index.cue_extent(tok))
    return None
