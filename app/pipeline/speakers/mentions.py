"""Speaker mentions: which tokens may name a speaker, and which mention a layout finds near a
cue (a subject, a neighbour, a speech noun's owner); the words a mention spans are
`candidate.candidate`'s."""

from __future__ import annotations

from spacy.tokens import Token

from app.pipeline.sources import FIRST_SECOND_PERSON, noun_names_source, quantifier_subject
from app.pipeline.speakers.context import DocIndex
from app.pipeline.speakers.cues import ADDRESSEE_DEPS, NON_SPEAKER_PRONOUNS
from app.pipeline.syntax import (
    GERUND_TAG,
    MENTION_POS,
    NOMINAL_SUBJECT_DEPS,
    NON_SPEAKER_LABELS,
    PERSON_LABELS,
    VERB_POS,
    dateline_place,
    mention_head,
    noun_phrase_tokens,
)
from app.pipeline.text import SENTENCE_END
from app.pipeline.types import SpeakerCandidate

# Dashes that end a dateline.
DASH_TOKENS: frozenset[str] = frozenset({"-", "--", "—", "–"})
# Relative pronouns of a clause about a person set off by commas (`X, who ..., said`), and how
# many tokens such a clause may take.
RELATIVE_WHO: frozenset[str] = frozenset({"who", "whose"})
RELATIVE_CLAUSE_SCAN = 30
# Prepositions that name the owner of a speech noun after it ("the contention of Lopez"), and
# the entity labels such an owner must have.
OWNER_PREPS: frozenset[str] = frozenset({"of", "by", "from"})
OWNER_LABELS: frozenset[str] = frozenset({"PERSON", "ORG"})
# Dependency labels of an object that may end a clause of a series of verbs, and of the links
# that put such a clause under something else than the series (a noun, a subordinate clause).
SERIES_OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "pobj"})
SERIES_BREAK_DEPS: frozenset[str] = frozenset({"relcl", "acl", "advcl", "appos", "ccomp"})

# Verbs of addressing, and of judging someone: their passive subject is the one spoken to or
# about (`X was asked`, `was told`, `X is accused of`), not the speaker.
LISTENER_VERBS: frozenset[str] = frozenset(
    {"ask", "question", "tell", "remind", "assure", "inform", "advise", "warn", "urge"}
    | {"accuse", "criticize", "criticise", "blame", "praise", "condemn"}
)
# Children of a verb that say it has its own subject or names whom it addressed.
LISTENER_OR_SUBJECT_DEPS: frozenset[str] = ADDRESSEE_DEPS | NOMINAL_SUBJECT_DEPS
# Pronouns whose subject role names a person acting (`he slipped in a "shifty" Neil Barker`), and
# the verbs whose subject is only described (`he is a "menace"`).
ACTING_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
COPULA_LEMMAS: frozenset[str] = frozenset({"be"})
# Longest parenthesis skipped between a name and its verb (`Carl Deane (R-Ohio) said`), in tokens.
MAX_PARENTHESIS = 12


def speaker_ok(index: DocIndex, token: Token, para: int) -> bool:
    """A token can name the speaker: outside quotes, in the paragraph, a noun or a pronoun."""
    if not index.usable(token, para):
        return False
    if _age_description(token):
        return True  # `the 23-year-old said`: a person (the NER reads the age as a date)
    if token.ent_type_ in NON_SPEAKER_LABELS:
        return False
    if dateline_place(token):
        return False
    if token.pos_ not in MENTION_POS and token.ent_type_ == "" and not index.is_surname(token):
        return quantifier_subject(token)  # `Several said`: the people it counts
    if token.lower_ == "it":
        # `"Q," it said`: an organisation; `it is said that`: no one (a passive's dummy subject)
        return token.dep_ == "nsubj" and index.is_cue(token.head)
    return token.lower_ not in NON_SPEAKER_PRONOUNS


def _age_description(token: Token) -> bool:
    """`old` of `the 23-year-old`, split at its hyphens, as the head of a noun phrase."""
    k = token.i
    doc = token.doc
    if token.lower_ != "old" or k < 4 or not any(c.lower_ == "the" for c in token.lefts):
        return False
    words = [t.lower_ for t in doc[k - 4 : k]]
    return words[1:] in (["-", "year", "-"], ["-", "years", "-"]) and doc[k - 4].like_num


def names_someone(index: DocIndex, candidate: SpeakerCandidate) -> bool:
    """The candidate's mention can name a speaker: not a writer's or reader's pronoun (`what
    we call "Q"`) nor a common noun of no one (`the move`, `her homework`; with no source nouns
    loaded, any noun can)."""
    if candidate.head is None:
        return True
    head = index.doc[candidate.head]
    if head.pos_ == "PRON":
        return head.lower_ not in FIRST_SECOND_PERSON
    nouns = index.settings.source_nouns
    return not nouns or noun_names_source(head, nouns)


def passive_subject(index: DocIndex, candidate: SpeakerCandidate) -> bool:
    """`Varga has been called "the Napoleon of the North"`, `the film is described as a "stirring
    film"`: the mention is the passive subject of the verb that governs the quote, and no
    by-phrase names who said it, so the subject is what the words are about, not their source
    (the corpus gives such quotes no speaker)."""
    verb = _agentless_passive_cue(index, candidate)
    # `Hale is reported to have called them "freeloaders"`: the subject of a cue below speaks
    return verb is not None and not any(
        child.dep_ == "xcomp" and index.is_cue(child) for child in verb.children
    )


def listener_subject(index: DocIndex, candidate: SpeakerCandidate) -> bool:
    """`Okafor was asked, "Q?"`, `Pratt was asked to name a regret`, `Doyle is accused of a
    fraud`: the mention is the passive subject of a verb of addressing or judging that is
    the cue, and no by-phrase names who spoke, so the mention is the listener or the one judged;
    the words are an unnamed speaker's."""
    verb = _agentless_passive_cue(index, candidate) or _shared_passive_cue(index, candidate)
    return verb is not None and verb.lemma_.lower() in LISTENER_VERBS


def _shared_passive_cue(index: DocIndex, candidate: SpeakerCandidate) -> Token | None:
    """`staff were called into a meeting and told the company was closing`: a cue joined to
    the passive verb of the mention, with no subject or object of its own, is passive too (not
    `he was arrested and told police that ...`, where "police" were told)."""
    if candidate.head is None or candidate.cue is None:
        return None
    head, cue = index.doc[candidate.head], index.doc[candidate.cue[0]]
    if head.dep_ != "nsubjpass" or cue.dep_ != "conj" or cue.head.i != head.head.i:
        return None
    if any(c.dep_ in LISTENER_OR_SUBJECT_DEPS for c in cue.children):
        return None
    return None if any(c.dep_ == "agent" for c in cue.children) else cue


def _agentless_passive_cue(index: DocIndex, candidate: SpeakerCandidate) -> Token | None:
    """The cue verb whose passive subject the mention is, when no by-phrase (in the parse or a
    pattern match) names an agent; None otherwise."""
    if candidate.head is None or candidate.cue is None:
        return None
    head = index.doc[candidate.head]
    verb = head.head
    if head.dep_ != "nsubjpass" or not candidate.cue[0] <= verb.i < candidate.cue[1]:
        return None
    if verb.i in index.matches.passive_agents:
        return None
    return None if any(child.dep_ == "agent" for child in verb.children) else verb


def can_head_mention(token: Token) -> bool:
    """A noun, a name or a pronoun that can refer to a speaker."""
    return token.pos_ in MENTION_POS and token.lower_ not in NON_SPEAKER_PRONOUNS


def weak_subject(index: DocIndex, candidate: SpeakerCandidate) -> bool:
    """A mention that is neither a proper name nor a person entity ("the city", "he")."""
    if candidate.head is None:
        return True
    head = index.doc[candidate.head]
    return head.pos_ != "PROPN" and head.ent_type_ not in PERSON_LABELS


def acting_pronoun(index: DocIndex, candidate: SpeakerCandidate) -> bool:
    """A he/she subject of a verb other than "be": the one acting (`he pronounced Lee "a
    friend"`), not the one described (`he is a "bully"`)."""
    if candidate.head is None:
        return False
    head = index.doc[candidate.head]
    return head.lower_ in ACTING_PRONOUNS and head.head.lemma_ not in COPULA_LEMMAS


def speech_possessor(index: DocIndex, noun: Token, para: int) -> Token | None:
    """The owner of a speech noun ("Hale" in "Hale's remarks", "his" in "his claim")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in index.settings.speech_nouns:
        return None
    for child in noun.lefts:
        if child.dep_ == "poss" and child.pos_ in MENTION_POS and index.usable(child, para):
            return mention_head(child)
    for prep in noun.rights:
        # "the contention of Maria Lopez that", "a statement by the city council"
        if prep.dep_ != "prep" or prep.lower_ not in OWNER_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            # the object or the name it holds ("of former state treasurer Maria Lopez"),
            # not a name in a clause on it (`the statement of claim, filed in X Court,`)
            named = [
                t
                for t in noun_phrase_tokens(obj)
                if t.ent_type_ in OWNER_LABELS and t.pos_ == "PROPN"
            ]
            if named and all(index.usable(t, para) for t in named):
                # (the object itself when it is the name: `from the Canola Council of Canada`
                # is the council, not the last word of its name)
                return mention_head(obj if obj in named else named[-1])
            nouns = index.settings.source_nouns
            if not named and obj.pos_ == "NOUN" and obj.lemma_.lower() in nouns:
                if index.usable(obj, para):
                    return obj  # "in the words of a campaign aide", "a memo by officials"
    return None


def first_mention(
    index: DocIndex,
    start: int,
    para: int,
    *,
    limit: int,
    stops: frozenset[str] = SENTENCE_END,
) -> Token | None:
    """The first word that can head a mention from `start` on, before any of `stops`."""
    doc = index.doc
    for k in range(start, min(len(doc), start + limit)):
        tok = doc[k]
        if not index.usable(tok, para) or tok.text in stops:
            return None
        if can_head_mention(tok):
            return mention_head(tok)
    return None


def last_mention(index: DocIndex, start: int, end: int, para: int) -> Token | None:
    """The last word that can head a mention in [start, end), stopping at quoted text."""
    doc = index.doc
    for k in range(end - 1, start - 1, -1):
        tok = doc[k]
        if not index.usable(tok, para):
            return None
        if can_head_mention(tok):
            return mention_head(tok)
    return None


def subject_between(index: DocIndex, start: int, end: int, para: int) -> Token | None:
    """The speaker written between a quote and its cue when the parse gave the cue no usable
    subject: the last person name there, else the head of the first noun phrase."""
    doc = index.doc
    for k in range(end - 1, start - 1, -1):
        if doc[k].ent_type_ in PERSON_LABELS and index.usable(doc[k], para):
            return mention_head(doc[k])
    for k in range(start, end):
        tok = doc[k]
        if not index.usable(tok, para):
            return None
        if can_head_mention(tok) or index.is_surname(tok):
            return mention_head(tok)
    return None


def left_neighbour_mention(index: DocIndex, verb: int, para: int) -> Token | None:
    """The noun phrase just before a subjectless cue verb (`Carl Deane (R-Ohio) said`)."""
    doc = index.doc
    k = verb - 1
    if k >= 0 and doc[k].text == ")":
        while k >= 0 and doc[k].text != "(" and verb - k < MAX_PARENTHESIS:
            k -= 1
        k -= 1
    while k >= 0 and doc[k].text == ",":
        k -= 1
    if k >= 0 and doc[k].dep_ == "pobj" and doc[k].head.dep_ == "prep":
        # `Hale, in Ohio, said`: skip the prepositional phrase set off by commas
        j = doc[k].head.left_edge.i - 1
        if j >= 0 and doc[j].text == ",":
            k = j
            while k >= 0 and doc[k].text == ",":
                k -= 1
    if k < 0 or not index.usable(doc[k], para):
        return None
    series = _series_subject(index, k, verb, para)
    if series is not None:
        return series  # `He vowed to X and poured scorn on the gap, suggested that`
    described = _described_noun(index, k, verb, para)
    if described is not None:
        return described  # `an aide who spoke anonymously to describe the talks said`
    tok = doc[k]
    if tok.pos_ in {"PROPN", "NOUN"} or (
        tok.pos_ == "PRON" and tok.lower_ not in NON_SPEAKER_PRONOUNS
    ):
        return mention_head(tok)
    if index.is_surname(tok):
        return tok
    return None


def _series_subject(index: DocIndex, k: int, verb: int, para: int) -> Token | None:
    """The subject of a series of verbs that a subjectless verb after a comma continues (`He
    vowed to X and poured scorn on the budget gap of 2.3 percent, suggested that`): the noun
    before the comma ends an object of an earlier verb of the series, not a subject."""
    doc = index.doc
    if doc[verb - 1].text != "," or doc[k].dep_ not in SERIES_OBJECT_DEPS:
        return None
    for ancestor in doc[k].ancestors:
        if ancestor.i >= verb or ancestor.dep_ in SERIES_BREAK_DEPS:
            return None
        if ancestor.pos_ not in VERB_POS:
            continue
        if ancestor.dep_ != "conj" and not any(c.dep_ == "conj" for c in ancestor.children):
            return None  # no series: `Hale, alleging that Lopez wanted to admit X, said`
        subject = index.subject_of(ancestor)
        if subject is None or subject.i >= ancestor.i or not index.usable(subject, para):
            return None
        return mention_head(subject) if can_head_mention(subject) else None
    return None


def _described_noun(index: DocIndex, k: int, verb: int, para: int) -> Token | None:
    """The noun a relative clause ending at `k` describes, when the words before a subjectless
    verb close one: `an aide who spoke anonymously to describe the talks said` (the parse hangs
    the clause on the noun) or `One attendee, who spoke on condition of anonymity, said`, `Hollis
    (D-Ore.), noting the cost of it, said` (a clause set off by commas, however the parse took
    it)."""
    doc = index.doc
    for ancestor in doc[k].ancestors:
        if ancestor.i >= verb:
            break
        if ancestor.dep_ == "appos" and ancestor.head.i < ancestor.i and doc[verb - 1].text == ",":
            noun = ancestor.head  # `Col. Mark Tenney, a spokesman in Denver, said`
            if noun.dep_ == "pobj":
                noun = ancestor  # `In a statement to the Ledger, an aide, Jo Lee, said`
            if can_head_mention(noun) and index.usable(noun, para):
                return mention_head(noun)
        if ancestor.dep_ == "relcl" and ancestor.head.i < ancestor.i:
            noun = ancestor.head
            if can_head_mention(noun) and index.usable(noun, para):
                return mention_head(noun)
    if doc[verb - 1].text != ",":
        return None
    floor = max(index.para_start[para], doc[k].sent.start, k - RELATIVE_CLAUSE_SCAN)
    for j in range(k, floor + 1, -1):
        tok = doc[j]
        if index.inside[j] or tok.text in SENTENCE_END:
            return None
        # (a relative pronoun, or a participle: `Hollis, noting the cost of it, said`)
        opens = tok.lower_ in RELATIVE_WHO or tok.tag_ == GERUND_TAG
        if opens and doc[j - 1].text == ",":
            m = j - 1  # `Pratt, meanwhile, who ...`: over adverbs set off by commas
            while m > floor and (doc[m].text == "," or doc[m].pos_ == "ADV"):
                m -= 1
            if doc[m].text == ")":  # `Sen. Alan P. Hollis (D-Ore.), noting ...`
                while m > floor and doc[m].text != "(":
                    m -= 1
                m -= 1
            noun = doc[m]
            if can_head_mention(noun) and index.usable(noun, para):
                return mention_head(noun)
            return None
    return None
