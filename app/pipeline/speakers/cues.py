"""Speech cues: which tokens report speech ("said", "according to") and who their subject is.

The cue verbs are data (`models/cue_verbs.txt`, lemmas); the fixed-shape cue phrases and the
passive by-phrase are spaCy patterns under `models/patterns/` (see `patterns.py`). Everything here
is a pure function of a parsed `Doc`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from app.pipeline.syntax import (
    DATELINE_DASHES,
    GERUND_TAG,
    MENTION_POS,
    RELATIVE_PRONOUNS,
    VERB_POS,
    acting_clause,
    acting_subject,
    aside_main_verb,
    asked_aside,
    dateline_dash,
    mention_head,
    own_subject,
    reduced_passive,
    that_clause,
)

# A verb attached to another verb by these labels shares that verb's subject
# ("X endorsed Ruiz, saying ...", "X said ... and added ...", "X went on to say ...").
SHARED_SUBJECT_DEPS: frozenset[str] = frozenset({"conj", "xcomp", "advcl", "acl"})
# Labels under which the parse may hang a name before its verb, taking it for an adverb.
ADVERB_DEPS: frozenset[str] = frozenset({"advmod", "npadvmod"})
# What the tagger may call a surname, from its ending (`Skelly`: an adverb).
MISREAD_NAME_POS: frozenset[str] = frozenset({"ADV", "ADJ"})
# Pronouns that never name a speaker outside a quote (expletive or object forms).
NON_SPEAKER_PRONOUNS: frozenset[str] = frozenset(
    {"it", "this", "that", "there", "what", "which", "who", "whom", "me", "him", "us", "them"}
)
# How many shared-subject links `subject_of` follows up from a cue verb.
MAX_SUBJECT_HOPS = 3
# Verbs whose active use names the one addressed (`told residents to stop`): with a subject, a
# "to" infinitive and no one addressed, they are a headline's passive (`residents told to stop`).
ADDRESSING_VERBS: frozenset[str] = frozenset({"tell", "urge", "order", "advise", "instruct"})
# Dependency labels of the one addressed.
ADDRESSEE_DEPS: frozenset[str] = frozenset({"dobj", "dative", "iobj"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Speech-cue verbs, by lemma (lower-case)."""

    verbs: frozenset[str]

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> CueLexicon:
        return cls(frozenset(e.lower() for e in entries if e and " " not in e))

    def to_entries(self) -> list[str]:
        return sorted(self.verbs)


def is_cue_verb(token: Token, lexicon: CueLexicon) -> bool:
    """A verb whose lemma is a speech cue ("said", "tells", "tweeted")."""
    return token.pos_ in VERB_POS and token.lemma_.lower() in lexicon.verbs


def according_to_source(according: Token) -> Token | None:
    """For the "according" of a matched "according to X", X (the object of "to")."""
    doc = according.doc
    if according.i + 1 >= len(doc):
        return None
    to = doc[according.i + 1]
    for child in to.children:
        if child.dep_ == "pobj":
            return child
    if to.i + 1 < len(doc) and doc[to.i + 1].pos_ in MENTION_POS:
        return mention_head(doc[to.i + 1])
    return None


def subject_of(
    verb: Token,
    passive_agents: Mapping[int, int],
    *,
    max_hops: int = MAX_SUBJECT_HOPS,
    lexicon: CueLexicon | None = None,
    issued_nouns: frozenset[str] = frozenset(),
    causing_verbs: frozenset[str] = frozenset(),
) -> Token | None:
    """The subject of a cue verb, following shared-subject links and relative clauses; for a
    verb of addressing or naming with a by-phrase, the speaker of that phrase (`X was asked by
    Y`: the grammatical subject is the listener; `described as "Q" by Y`). `passive_agents`:
    verb index -> speaker index (pattern matches); `lexicon`: the cue verbs (a participle after
    a clause of its own cue keeps that cue's subject); `issued_nouns`: nouns of what someone
    issues (`X put out a press release saying "Q"`: the participle's speaker is X);
    `causing_verbs`: verbs that move their object to speak (`That prompted Ruiz to call Hale
    "Q"`: the object, not the subject, speaks)."""
    agent = passive_agents.get(verb.i)
    if agent is not None:
        return verb.doc[agent]
    if told_to(verb):
        return None  # `island residents told to stop watering`: the subject was told
    if asked_aside(verb):
        return None  # `Suzuki, asked whether it stung, shrugged`: the subject was asked
    if reduced_passive(verb):
        return None  # `the trial of a man accused of shooting ...`: the man was accused
    current = _conjoined_report(_reporting_verb(verb, lexicon), lexicon)
    for _ in range(max_hops + 1):
        if current.dep_ == "relcl" and _issued(current, issued_nouns) and _relative(current):
            current = current.head.head  # `X released a video that said "Q"`: the issuer
            continue
        subject = (
            own_subject(current) or _name_read_as_adverb(current) or _misread_inverted(current)
        )
        if subject is not None:
            return _past_dateline(subject)
        if current.dep_ == "relcl" and current.head.pos_ in MENTION_POS:
            return current.head
        if _finite_after_relative(current):
            return current.head  # `The Saints, who played there in 1996, posted on X: "Q"`
        if aside_main_verb(current.head) == current and asked_aside(current.head):
            return own_subject(current.head)  # `Suzuki, asked whether ..., said`: Suzuki's
        if _issued(current, issued_nouns):
            current = current.head.head  # `X issued a statement saying "Q"`: the issuer
            continue
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in causing_verbs:
            controller = [c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i]
            if controller and controller[0].pos_ in {"NOUN", "PROPN"}:
                return mention_head(controller[0])  # `prompted the Atlas to state "Q"`
        if current.dep_ in SHARED_SUBJECT_DEPS and current.head.i != current.i:
            current = current.head
            continue
        act = acting_clause(current)
        if act is not None:
            return acting_subject(act)  # `Police arrest two men, say "Q"`: the first verb's subject
        break
    return None


def _past_dateline(subject: Token) -> Token:
    """`SAN FRANCISCO, Oct 21 (Reuters) - Lumora Systems said`: the wire service in a dateline's
    parentheses, or the dateline's place (`TORONTO — Emeka Okonkwo said`), which the parser made
    the subject, stands for the name set off after the dash."""
    doc = subject.doc
    k = subject.i
    dash = dateline_dash(subject)
    if dash is not None:
        # (past the dash: `CLEVELAND, July 19 (UPI) — Michael Mukasey`, not the agency)
        after = [c for c in subject.children if c.dep_ == "appos" and c.i > dash.i]
        return after[0] if after else subject
    if k == 0 or k + 2 >= len(doc) or doc[k - 1].text != "(" or doc[k + 1].text != ")":
        return subject
    if doc[k + 2].text not in DATELINE_DASHES:
        return subject
    after = [c for c in subject.children if c.dep_ == "appos" and c.i > k + 2]
    return after[0] if after else subject


def _finite_after_relative(verb: Token) -> bool:
    """`The Lowdown Saints, who played their first show there, posted on Instagram`: a verb the
    parser hung on a name as a participle, right after the name's set-off relative clause, is
    the sentence's own verb (a participle of the name would follow it directly)."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ != "PROPN" or verb.doc[verb.i - 1].text != ",":
        return False
    return any(c.dep_ == "relcl" and c.i < verb.i for c in head.children)


def _name_read_as_adverb(verb: Token) -> Token | None:
    """`And Tully called Braddock "Q"`, `Parents Together issued a statement`: the name right
    before a verb with no subject, which the tagger took for an adverb modifying it (a
    capitalised word inside the sentence, or a proper noun)."""
    if verb.i == 0:
        return None
    word = verb.doc[verb.i - 1]
    if word.head.i != verb.i or word.dep_ not in ADVERB_DEPS or not word.is_title:
        return None
    before = verb.doc[word.i - 1] if word.i > 0 else None
    first = before is None or word.is_sent_start or before.is_punct or before.is_space
    if first and word.pos_ != "PROPN":
        return None  # `Later said`, `Then, asked`: a sentence's first word is capitalised anyway
    return word


def _misread_inverted(verb: Token) -> Token | None:
    """`"Q," said Skelly, explaining that ...`: the capitalised word right after an inverted cue
    (a quotation's mark or a comma before it), which the tagger, reading a surname's ending,
    took for an adverb or an adjective of the cue."""
    doc = verb.doc
    if (
        verb.i == 0
        or verb.i + 1 >= len(doc)
        or not (doc[verb.i - 1].is_quote or doc[verb.i - 1].text == ",")
    ):
        return None
    word = doc[verb.i + 1]
    return word if word.head.i == verb.i and misread_surname(word) else None


def misread_surname(word: Token) -> bool:
    """A capitalised word the tagger called an adverb or an adjective from its ending (`Skelly`,
    `Connolly`), where a name is expected."""
    return word.is_title and word.is_alpha and word.pos_ in MISREAD_NAME_POS


def _issued(participle: Token, issued_nouns: frozenset[str]) -> bool:
    """A participle or relative clause modifying the object of a verb, the object a noun of
    what someone issues (`issued a statement saying`, `released a video that said`)."""
    noun = participle.head
    return (
        participle.dep_ in {"acl", "relcl"}
        and noun.dep_ == "dobj"
        and noun.lemma_.lower() in issued_nouns
        and noun.head.pos_ in VERB_POS
    )


def _relative(clause: Token) -> bool:
    """The relative clause's subject is its relative pronoun (`a video that said`)."""
    return any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children)


def _reporting_verb(verb: Token, lexicon: CueLexicon | None) -> Token:
    """`X argued that the plan would work, saying "Q"`, `X said the process could be messy,
    adding "Q"`: a participle set off by a comma at the end of a reported clause (a `that`
    clause, or any clause of a cue) shares the subject of the verb that reports the clause (the
    parse hangs it on the clause's own verb)."""
    if verb.tag_ != GERUND_TAG or verb.dep_ != "advcl" or verb.i == 0:
        return verb
    before = verb.i - 1
    while before > 0 and verb.doc[before].is_quote:
        before -= 1  # `could be "messy," adding`
    if verb.doc[before].text != ",":
        return verb
    clause = verb.head
    if clause.dep_ != "ccomp" or clause.i > verb.i or clause.head.pos_ not in VERB_POS:
        return verb
    marked = that_clause(clause)
    if (
        lexicon is not None
        and is_cue_verb(clause, lexicon)
        and (not marked or _clause_ends_at_verb(clause, before))
    ):
        # `Lund cannot say that "Q," Okafor added, saying`: added's subject (but a
        # that-clause running on past its verb is what is reported, whatever the verb: `X
        # announced that Canada will admit fewer workers, saying`: X says)
        return verb
    reported = lexicon is not None and is_cue_verb(clause.head, lexicon)
    if not (marked or reported):
        return verb  # a bare complement (`remember Carter going on TV, declaring`) is no report
    return clause.head


def _clause_ends_at_verb(clause: Token, comma: int) -> bool:
    """Only the verb's adverbs stand between `clause` and the comma at `comma` (`Okafor
    added Tuesday,`): the clause is a cue and its speaker, not a reported clause."""
    doc = clause.doc
    return all(
        doc[k].head.i == clause.i and doc[k].dep_ in ADVERB_DEPS for k in range(clause.i + 1, comma)
    )


def _conjoined_report(verb: Token, lexicon: CueLexicon | None) -> Token:
    """`Lopez said Hale is responsible and accused him of "Q"`: a cue verb conjoined to the
    verb of a reported clause, in the tense of the reporting verb and not the clause's, goes on
    the reporter's sentence (the parse hangs it on the clause's verb, whose subject is not the
    speaker). In the clause's own tense (`said Smith resigned and called it "Q"`) it may be
    either, and keeps the parse's reading."""
    clause = verb.head
    if lexicon is None or verb.dep_ != "conj" or clause.dep_ != "ccomp" or clause.i > verb.i:
        return verb
    if own_subject(verb) is not None:
        return verb  # `X said A won and B said "Q"`: the verb names its own speaker
    reporter = clause.head
    if not (is_cue_verb(verb, lexicon) and is_cue_verb(reporter, lexicon)):
        return verb
    if is_cue_verb(clause, lexicon) or not verb.tag_ == reporter.tag_ != clause.tag_:
        return verb
    return reporter


def cue_extent(verb: Token) -> tuple[int, int]:
    """Token range of a cue: the verb with its particle ("pointed out") or "according to"."""
    if verb.lower_ == "according":
        return verb.i, min(verb.i + 2, len(verb.doc))
    end = verb.i + 1
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb.i, end


def told_to(verb: Token) -> bool:
    """`Island residents told to stop all outdoor watering`: a verb of addressing with its
    subject and a "to" infinitive right after it but no one addressed, the headline's passive
    (the subject is who was told; who told them is not said)."""
    if verb.lemma_.lower() not in ADDRESSING_VERBS or verb.tag_ not in {"VBD", "VBN"}:
        return False
    children = list(verb.children)
    if any(c.dep_ in ADDRESSEE_DEPS or c.dep_ == "auxpass" for c in children):
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        after is not None
        and after.lower_ == "to"
        and any(c.dep_ == "xcomp" and c.i == verb.i + 2 for c in children)
        and any(c.dep_ == "nsubj" for c in children)
    )
