"""Dependency labels, parts of speech and entity labels the components reason with (spaCy's
English label scheme), and the one noun-phrase helper they share."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, LEMMA, POS
from spacy.symbols import AUX, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from app.pipeline.shapes import distinct_string_mask, hashes_of, in_sorted
from app.pipeline.text import SENTENCE_END

# Dependency labels of a clause's grammatical subject.
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj"})
# ... of a subject that is a noun phrase (a clausal subject names no one).
NOMINAL_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})
# Every subject a clause may have (a clause, an expletive "there" too).
CLAUSE_SUBJECT_DEPS: frozenset[str] = NOMINAL_SUBJECT_DEPS | {"csubj", "csubjpass", "expl"}
# How a relative clause hangs on the noun it describes.
RELATIVE_CLAUSE_DEPS: frozenset[str] = frozenset({"relcl", "acl"})
# Determiners of one thing, and the tags of a plural noun and of a plural present verb.
SINGULAR_DETERMINERS: frozenset[str] = frozenset({"a", "an", "another", "each", "every"})
PLURAL_NOUN_TAGS: frozenset[str] = frozenset({"NNS", "NNPS"})
PLURAL_PRESENT_TAG = "VBP"
# Dependency labels of a verb's auxiliaries, and of "both"/"either" opening a list.
AUXILIARY_DEPS: frozenset[str] = frozenset({"aux", "auxpass"})
PRECONJUNCTION_DEP = "preconj"
# A description set beside a noun, and the tag of a singular proper noun.
APPOSITION_DEP = "appos"
SINGULAR_NAME_TAG = "NNP"
# Penn Treebank tags of finite verbs and modals (a word with one heads a clause of its own).
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP", "MD"})
# The tag of a modal (`would`, `could`), and of a gerund or present participle (`adding`).
MODAL_TAGS: frozenset[str] = frozenset({"MD"})
GERUND_TAG = "VBG"
# The dependency of the name a verb of naming gives (`called it "Old Grumpy"`, `a nurse named
# Solange Vu`, `dubbed her "Mayor Pothole"`).
NAME_GIVEN_DEP = "oprd"
# Modifiers that belong to a noun phrase's name part ("Attorney General Jeff Sessions").
NP_LEFT_DEPS: frozenset[str] = frozenset(
    {"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "flat", "case", "predet"}
)
# Dependency labels that chain the words of one name ("Jeff" -> "Sessions").
NAME_CHAIN_DEPS: frozenset[str] = frozenset({"compound", "flat"})
# Parts of speech that can head a speaker mention.
MENTION_POS: frozenset[str] = frozenset({"PROPN", "NOUN", "PRON"})
# Verb parts of speech (the small model sometimes tags "says" as NOUN after a quote; not accepted).
VERB_POS: frozenset[str] = frozenset({"VERB", "AUX"})
VERB_POS_IDS = numpy.array(sorted([AUX, VERB]), dtype="uint64")  # as the POS column holds them
# Named-entity labels of people.
PERSON_LABELS: frozenset[str] = frozenset({"PERSON"})
# Named-entity labels of organisations, places acting as governments, and nationalities.
ORG_LABELS: frozenset[str] = frozenset({"ORG", "GPE", "NORP", "FAC"})
# The NER's label of an organisation's name.
ORG_LABEL = "ORG"
# Entity labels of places: "who" never stands for one.
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
# Entity labels of dates and times (`Tuesday`, `last night`).
TIME_LABELS: frozenset[str] = frozenset({"DATE", "TIME"})
# Entity labels that never name a speaker (times and amounts taken for subjects).
NON_SPEAKER_LABELS: frozenset[str] = frozenset({"DATE", "TIME", "MONEY", "QUANTITY"})
# Relative pronouns: the subject of a relative clause, standing for the noun the clause modifies.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that"})
# Clauses that modify a noun (`the claim, filed in court`, `the man who ...`).
CLAUSE_MODIFIER_DEPS: frozenset[str] = frozenset({"acl", "relcl"})
# Longest chain of name words climbed from a name part to its head.
MAX_NAME_CHAIN = 6
# A surname with an elided particle (`O’Malley`, `D’Souza`, `O'Toole`), which the tagger, used to
# straight apostrophes, may call a pronoun or a common noun.
ELIDED_NAME_RE = re.compile(r"[A-Z][\u2019'][A-Z][a-z]+")


def mention_head(token: Token) -> Token:
    """Climb from a name part to the head of its noun phrase ("Jeff" -> "Sessions"), never onto
    a verb (`"Q," Marsh barked` parsed with "Marsh" a compound of "barked"); a possessive 's
    stands for its owner ("Bush's" -> "Bush")."""
    head = token.head if token.dep_ == "case" and token.head.i < token.i else token
    for _ in range(MAX_NAME_CHAIN):
        up = head.head
        if up.pos_ in VERB_POS:
            break
        if head.dep_ in NAME_CHAIN_DEPS and up.i != head.i and up.i > head.i:
            head = head.head
        else:
            break
    return head


def elided_name(token: Token) -> bool:
    """`O’Malley`, `D’Souza`: a name, whatever the tagger made of it."""
    return ELIDED_NAME_RE.fullmatch(token.text) is not None


def finite_clause(verb: Token) -> bool:
    """The verb heads a tensed clause: finite itself, or with a finite auxiliary (`would take`,
    `has been`), not an infinitive or a participle (`urged them to act`)."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def own_subject(verb: Token, deps: frozenset[str] = SUBJECT_DEPS) -> Token | None:
    """The verb's own subject: the nearest child attached by one of `deps` (a misparse may give
    a verb two: a quote's last name hung on the next cue), and for a relative pronoun in a
    relative clause the noun the clause modifies (`the aide who said` -> aide); None without."""
    subjects = [child for child in verb.children if child.dep_ in deps]
    if not subjects:
        return None
    # (at equal distance the one after the verb: `The plan, said Lopez,`, the verb inverted)
    child = min(subjects, key=lambda t: (abs(t.i - verb.i), t.i < verb.i))
    if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return _who_of(child, verb.head)
    return child


def _who_of(relative: Token, noun: Token) -> Token:
    """What a relative clause's subject stands for: the noun the clause hangs on, but for "who"
    hung on a place inside a noun's prepositional phrase, that noun (`A reader in Barrhaven,
    who asked`: the reader, not the place), and for "who" right after the last of a list, that
    one (`Arden, McLachlan and Cochrane, who joked`: the parse may hang it on any of them)."""
    if relative.lower_ != "who":
        return noun
    last = _listed_before(relative, noun)
    if last is not None:
        return last
    if noun.ent_type_ not in PLACE_LABELS or noun.dep_ != "pobj":
        return noun
    owner = noun.head.head
    return owner if owner.pos_ in {"NOUN", "PROPN"} and owner.i < noun.i else noun


def _listed_before(relative: Token, noun: Token) -> Token | None:
    """The conjunct of `noun`'s list that ends right before the relative pronoun, when it is
    another than `noun`: next to it (`parents angry about fees and nurses unions who said`), or
    after a comma when it is a person's name (`McLachlan and Cochrane, who joked`: one said it).
    Not in a description of one person (`Kaplan, a banker and former official who has`), nor
    when the clause is about the whole list (`economists and union leaders, who`; `both ...`)."""
    before = [c for c in noun.conjuncts if c.i < relative.i]
    if not before or min([noun, *before], key=lambda c: c.i).dep_ == APPOSITION_DEP:
        return None
    last = max(before, key=lambda c: c.i)
    between = relative.doc[last.right_edge.i + 1 : relative.i]
    if last.i < noun.i or not all(t.is_punct for t in between):
        return None
    if between and last.tag_ != SINGULAR_NAME_TAG:
        return None
    return None if _about_all(relative.head, [noun, *before]) else last


def _about_all(verb: Token, listed: list[Token]) -> bool:
    """A relative clause's verb agrees with a plural (`who have`, `who say`), or the list opens
    with "both" or "either"."""
    finite = [verb, *(c for c in verb.children if c.dep_ in AUXILIARY_DEPS)]
    return any(t.tag_ == PLURAL_PRESENT_TAG for t in finite) or any(
        c.dep_ == PRECONJUNCTION_DEP for t in listed for c in t.children
    )


def verb_lemma_mask(doc: Doc, lemmas: frozenset[str]) -> numpy.ndarray:
    """Per token: a verb or auxiliary whose lower-cased lemma is in `lemmas` (a speech cue),
    from the doc's arrays: the components test the same tokens for many quotes."""
    columns = doc.to_array([POS, LEMMA])
    verbs = numpy.flatnonzero(in_sorted(columns[:, 0], VERB_POS_IDS))
    return distinct_string_mask(doc, columns[:, 1], verbs, lambda lemma: lemma.lower() in lemmas)


def acting_clause(cue: Token) -> Token | None:
    """The clause before a subject-less cue that tells what the cue's source did, where the
    parser hung it under the cue as if reported (`Police arrest two men, say more charges are
    coming`: a headline's two verbs of one subject): a clause with a subject of its own, set off
    by a comma, while the cue's content comes after it. None otherwise."""
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children):
        return None
    doc = cue.doc
    before = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    # the content right after the cue, in its sentence (`It is late, says Ann Lee, an adviser.
    # Help comes.` parsed as one: no content of "says")
    after = any(
        c.dep_ == "ccomp"
        and c.i > cue.i
        and not any(doc[k].text in SENTENCE_END for k in range(cue.i + 1, c.i))
        for c in cue.children
    )
    if len(before) != 1 or not after or cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    act = before[0]
    return act if acting_subject(act) is not None else None


# The dash that ends a dateline (`SAN JUAN, P.R. (AP) —`, `Oct 21 (Reuters) -`).
DATELINE_DASHES: frozenset[str] = frozenset({"-", "--", "\u2014", "\u2013"})
# What follows the place name of a dateline (`WASHINGTON (AP) -`, `LONDON --`, `OTTAWA, Ont.`).
DATELINE_FOLLOWERS: frozenset[str] = DATELINE_DASHES | {"(", ","}
# How many tokens after its place's comma or bracket a dateline's dash may come
# (`CLEVELAND, July 19 (UPI) —`).
DATELINE_REACH = 10


def dateline_place(token: Token) -> bool:
    """The place name of a dateline: `WASHINGTON --`, `LONDON (Reuters) -`, `Washington (AFP)
    –` at the start of a paragraph. It names no one: the parse often makes it the subject of
    the sentence after the dash (`TORONTO — Emeka Okonkwo scored`)."""
    return dateline_dash(token) is not None


def dateline_dash(token: Token) -> Token | None:
    """The dash that ends the dateline `token` is the place name of (`dateline_place`), else
    None."""
    doc = token.doc
    opens_paragraph = token.i == 0 or doc[token.i - 1].is_space or "\n" in doc[token.i - 1].text
    if not opens_paragraph or token.i + 1 >= len(doc):
        return None
    after = doc[token.i + 1]
    if token.is_upper and after.text in DATELINE_DASHES:
        return after
    if token.is_upper and after.text in DATELINE_FOLLOWERS:
        # `HALIFAX, N.S. —`, `LONDON (Reuters) -`: a dash soon after (`EHS, which runs the
        # ambulances, said` is an organisation's acronym)
        for t in doc[token.i + 2 : token.i + 2 + DATELINE_REACH]:
            if "\n" in t.text:
                return None
            if t.text in DATELINE_DASHES:
                return t
        return None
    # `Washington (AFP) –`: an agency in parentheses, then a dash
    k = token.i + 1
    if after.text != "(" or k + 3 >= len(doc):
        return None
    if doc[k + 1].is_upper and doc[k + 2].text == ")" and doc[k + 3].text in DATELINE_DASHES:
        return doc[k + 3]
    return None


# How the parse joins an aside's "asked" and the sentence's own verb.
ASIDE_DEPS: frozenset[str] = frozenset({"ccomp", "conj"})


def asked_aside(verb: Token) -> bool:
    """`Suzuki, asked whether the loss stung, shrugged`: an "asked" set off by commas right
    after its subject, with the sentence's own verb after a later comma (under it or above it),
    is a participle (the subject was asked), which the parser read as a finite verb."""
    doc = verb.doc
    if verb.lemma_.lower() != "ask" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return False
    subject = own_subject(verb, NOMINAL_SUBJECT_DEPS)
    if subject is None or subject.right_edge.i not in (verb.i - 2, verb.i - 1):
        return False  # (the parse may hang the comma on the subject)
    head = verb.head
    if verb.dep_ in ASIDE_DEPS and head.i > verb.i and head.pos_ == "VERB":
        # `Lund, asked about the tariffs, said ...`: "asked" hung under the later verb
        return doc[head.i - 1].text == "," and not own_subject(head, NOMINAL_SUBJECT_DEPS)
    return aside_main_verb(verb) is not None


def aside_main_verb(asked: Token) -> Token | None:
    """The sentence's own verb the parser hung under an aside's "asked" (`Suzuki, asked whether
    the loss stung, said ...`: "said"): a later clause of it that a comma opens."""
    doc = asked.doc
    return next(
        (
            c
            for c in asked.children
            if c.dep_ in ASIDE_DEPS
            and c.i > asked.i
            and c.pos_ == "VERB"
            # (or the question read into that clause: `asked what it meant, laughed`)
            and "," in (c.left_edge.text, doc[c.left_edge.i - 1].text, doc[c.i - 1].text)
        ),
        None,
    )


def acting_subject(act: Token) -> Token | None:
    """The subject of an acting clause (`acting_clause`): its first nominal subject, since the
    parse that hung the clause under the cue may give it two (`Capt. John Miller, who pushed for
    the TTC to be declared an essential service, said ...`: "Miller", not "TTC")."""
    subjects = [c for c in act.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    return min(subjects, key=lambda t: t.i) if subjects else None


def strip_punct(span: Span) -> Span:
    """The span without the punctuation and blanks at its edges (the span itself if that is
    all it holds)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else span


def that_clause(verb: Token) -> bool:
    """The verb heads a clause that "that" opens (`fired back that the NDP had ...`)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def noun_phrase_tokens(noun: Token) -> list[Token]:
    """The words of the noun phrase `noun` heads, without the clauses on it (`claim, filed in
    Ontario Superior Court`: the claim, not the court)."""
    clauses = [c for c in noun.children if c.dep_ in CLAUSE_MODIFIER_DEPS]
    if not clauses:
        return list(noun.subtree)
    excluded = {t.i for c in clauses for t in c.subtree}
    return [t for t in noun.subtree if t.i not in excluded]


# How the parser hangs the described noun of a contact relative on its subject.
DESCRIBED_NOUN_DEPS: frozenset[str] = frozenset({"compound", "nmod"})


def contact_relative_head(subject: Token) -> Token | None:
    """`a move critics say will do little`, `a plan staff say will cut commute times`: a relative
    clause with no "that", which the parser reads as one subject ("a move critics") of the
    sentence's verb, whose clause has then no subject. The determiner is singular while the noun
    or the verb is plural ("a ... critics", "a ... say"): it is the described noun's. Returns
    that noun ("move") when `subject` is such a verb's subject; else None. (`a probe the agency
    said was ongoing`, which the parser reads as a relative clause, is not one.)"""
    verb = subject.head
    # `a move Coun. Raj Malhotra called "Q"`: no name takes "a" and a noun before it
    named = subject.pos_ == "PROPN"
    if (
        subject.dep_ not in NOMINAL_SUBJECT_DEPS
        or verb.i <= subject.i
        or verb.dep_ in RELATIVE_CLAUSE_DEPS
        or not (named or subject.tag_ in PLURAL_NOUN_TAGS or verb.tag_ == PLURAL_PRESENT_TAG)
    ):
        return None
    described = [c for c in subject.lefts if c.dep_ in DESCRIBED_NOUN_DEPS and c.pos_ == "NOUN"]
    if not described or not any(
        c.dep_ == "det" and c.lower_ in SINGULAR_DETERMINERS and c.i < described[0].i
        for c in subject.lefts
    ):
        return None
    gapped = any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and not any(g.dep_ in CLAUSE_SUBJECT_DEPS or g.dep_ == "mark" for g in c.children)
        for c in verb.rights
    )
    return described[-1] if gapped or named else None


def proper_nouns_in(doc: Doc, deps: frozenset[str]) -> list[int]:
    """Indices of the proper nouns attached by one of `deps` (from the doc's arrays)."""
    if len(doc) == 0:
        return []
    columns = doc.to_array([POS, DEP])
    found = (columns[:, 0] == PROPN) & in_sorted(columns[:, 1], hashes_of(deps))
    indices: list[int] = numpy.flatnonzero(found).tolist()
    return indices


# Cue verbs that also add up things (`The economy added 40,000 jobs`): with a counted object the
# verb reports nothing (`Canada adds 40,000 jobs, jobless rate holds`, `X scored 38 points, Y
# added 21`, `the province had added 62 physicians through its new "Rural Practice Stream"`).
COUNTING_CUES: frozenset[str] = frozenset({"add"})


def adds_a_count(verb: Token) -> bool:
    """A verb of `COUNTING_CUES` with an object that holds a number."""
    return verb.lemma_.lower() in COUNTING_CUES and any(
        c.dep_ == "dobj" and (c.pos_ == "NUM" or any(n.dep_ == "nummod" for n in c.children))
        for c in verb.children
    )


def reduced_passive(verb: Token) -> bool:
    """A participle right after its noun, with no agent or subject of its own (`a man accused
    of shooting`, `a woman asked to leave`): the noun is what the verb was done to, never who
    spoke. (Set off by a comma, or with a subject, the "participle" is often a finite verb
    the parse misread: `Cooper, McCrory's opponent in the election, called for ...`.)"""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.i == verb.i - 1
        and verb.head.pos_ in MENTION_POS
        and not any(c.dep_ == "agent" or c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def apposed_person(token: Token) -> bool:
    """A person's name set off after the noun it hangs on (`Her husband, Dale Morrow, ...`,
    `a spokesman, Ted Bowman, said`): the name's head."""
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.ent_type_ in PERSON_LABELS
