"""A dependency match -> the passage it reports: the content's extent without the attribution
(split in two around an attribution in its middle: `The plan, she said, is dead`), and the checks
that keep a shape from reporting what it does not (`called a press conference`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.pipeline.reported.extent import (
    REPORT_COMPLEMENT_DEPS,
    Found,
    cut_tail,
    ends_sentence,
    only_trailer,
    past_leading_time,
    subtree_range,
    trim,
    without,
)
from app.pipeline.reported.misread import (
    QUESTION_MARKS,
    absolute_phrase,
    calls_back,
    circumstance,
    clause_before_conj,
    contact_relative,
    content_clause_after,
    inverted_after_quote,
    named_listener,
    postposed_source,
    question_before,
    split_opening,
    stranded_preposition,
)
from app.pipeline.syntax import (
    NAME_GIVEN_DEP,
    NOMINAL_SUBJECT_DEPS,
    TIME_LABELS,
    acting_clause,
    adds_a_count,
    aside_main_verb,
    asked_aside,
    finite_clause,
    own_subject,
    reduced_passive,
)
from app.pipeline.types import ReportedCue

# Punctuation that sets an attribution off from the clause it reports.
SET_OFF_PUNCT: frozenset[str] = frozenset({",", "\u2014", "--", "\u2013"})
# The complements that make a cue's clause its own (not an attribution).
COMPLEMENT_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp", "dobj"})
# How a noun holding a misparsed that-clause hangs from its cue (`wrote in one of a string of
# posts that`, `told reporters during a visit that`), and how many links up the cue may be.
PREPOSITION_CHAIN_DEPS: frozenset[str] = frozenset({"pobj", "prep", "dobj", "npadvmod"})
MAX_PREPOSITION_HOPS = 6
# Cue verbs that take no that-clause (`as she put it`, `put her finger on X that ...`, `described
# the plan as a gamble that taxpayers would regret`): a that-clause below them is a relative one.
NO_THAT_CLAUSE_CUES: frozenset[str] = frozenset({"put", "describe"})
# Cue verbs whose object is the listener, not what was said (`Lee told the Herald, CLAUSE`).
ADDRESSING_VERBS: frozenset[str] = frozenset({"tell", "remind", "assure", "inform", "advise"})
# Verbs whose object may be the one addressed (`asked Lee about it`).
ASKING_VERBS: frozenset[str] = ADDRESSING_VERBS | {"ask"}
# Complements after an object that belong to what it reports ("it a mistake", "it as a failure").
OBJECT_COMPLEMENT_DEPS: frozenset[str] = frozenset({"oprd", "attr", "acomp", "xcomp", "prep"})
OBJECT_PREPOSITIONS: frozenset[str] = frozenset({"as", "of", "for"})
# Prepositions whose object is what a cue verb was about, and the verbs they follow ("about"
# follows any cue verb).
TOPIC_PREPOSITIONS: dict[str, frozenset[str]] = {
    "about": frozenset(
        {"ask", "write", "tweet", "comment", "complain", "joke", "testify"}
        | {"say", "boast", "brag", "lament", "warn", "caution", "muse", "wonder", "question"}
    ),
    "against": frozenset({"warn", "caution", "argue", "speak", "testify", "rail", "protest"}),
    "on": frozenset({"comment", "elaborate", "opine"}),
    "to": frozenset({"point", "allude", "respond"}),
    "of": frozenset({"warn", "write", "speak", "boast", "brag"}),
}
# Punctuation after which a clause before a cue is no longer what the cue reports.
CLAUSE_BREAKS: frozenset[str] = frozenset({":", ";"})
# A naming verb in the passive names a thing (`what are called green bonds`).
PASSIVE_DEPS: frozenset[str] = frozenset({"auxpass", "nsubjpass"})
# Parts of speech of a piece of content that says something (not `Still`, `Nor`, `In particular`).
CONTENT_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM", "ADJ"})
# Verbs that report words only with a predicate after their object ("called it a mistake").
NAMING_VERBS: frozenset[str] = frozenset({"call", "dub", "label", "brand", "term"})
# Verbs that call a thing or a person back, not to mind, when a "from" names whence or a company
# recalls a number of things (`recalled right-hander X from triple-A Buffalo`, `Ford is
# recalling 300,000 vehicles`); recalling an event reports it (`Lopez recalled her days as`).
CALLING_BACK_VERBS: frozenset[str] = frozenset({"recall"})
NAMING_COMPLEMENT_DEPS: frozenset[str] = frozenset({"oprd", "attr", "acomp", "xcomp", "ccomp"})
QUESTION_DEPS: frozenset[str] = frozenset({"advcl", "ccomp"})
# Verbs whose object is the one the report is about, so it opens the content (`accused Ruiz of
# lying` reports "Ruiz of lying", `urged voters to wait` "voters to wait", `called on him to
# quit` "him to quit"). Train's reported gold starts at the object for accuse 38 of 39, call
# on 14 of 17, ask 18 of 27, urge 17 of 24; for tell and warn it starts after it (the listener).
OBJECT_FIRST_VERBS: frozenset[str] = frozenset({"accuse", "ask", "urge", "call"})
# The shapes whose content follows such an object (an infinitive, `of`/`for` + gerund).
OBJECT_FIRST_LABELS: frozenset[str] = frozenset({"infinitive", "charge"})


# Patterns of a that-clause the parser read as a relative clause of the noun before it.
RELATIVE_THAT_LABELS: frozenset[str] = frozenset({"relative_that", "relative_that_object"})


def passages_of(doc: Doc, label: str, nodes: dict[str, int], cues: frozenset[str]) -> list[Found]:
    """The passages a pattern match reports: none when the shape reports nothing, two when the
    attribution sits inside the content (`The plan, she said, is dead`)."""
    content = doc[nodes["content"]]
    if label == "according_to":
        according = doc[nodes["according"]]
        cue = ReportedCue((according.i, min(according.i + 2, len(doc))), None, None, label)
        root = according.sent.root
        if root.i < according.i and root.is_ancestor(content) and ends_sentence(according):
            # `CLAUSE when X pulled its crew, according to the band.`: the whole sentence is
            # the band's, wherever the parse hung the phrase
            content = root
        return _around(doc, subtree_range(content), subtree_range(according), cue)
    if label in RELATIVE_THAT_LABELS:
        # (a subject the parser hung on the clause's auxiliary counts: `that the bridge was`)
        heads = {content.i} | {c.i for c in content.children if c.dep_ == "aux"}
        subjects = [
            t for t in content.subtree if t.dep_ in NOMINAL_SUBJECT_DEPS and t.head.i in heads
        ]
        relative = doc[nodes["that"]].dep_ not in ("mark", "dobj") and len(subjects) < 2
        if relative:
            return []  # `the plant that the storm hit`: a relative clause proper
        found_cue = _cue_above(content, cues)
        if found_cue is None:
            return []
        if content.dep_ == "acl" and not _told_listener(content.head, found_cue):
            return []  # `denied the report that ...`: a noun's own clause, not the cue's words
        nodes = {**nodes, "cue": found_cue.i}
    cue_verb = doc[nodes["cue"]]
    cue = ReportedCue(_cue_extent(doc, cue_verb.i), cue_verb.i, None, label)
    if content.i < cue_verb.i and _gives_a_name(cue_verb):
        return []  # `..., much of it in a Beaver he called "Old Grumpy."`: not a report of it
    if label == "noun_topic":
        # `Lund's calls for a recount`: the possessor, if any, is the source
        owner = next((c for c in cue_verb.children if c.dep_ == "poss"), None)
        cue = ReportedCue(cue.cue, None, owner.i if owner is not None else None, label)
        start, end = trim(doc, *subtree_range(content))
        return [Found(start, end, cue)] if start < end else []
    if label == "clause_before":
        if not _set_off(doc, cue_verb) or contact_relative(cue_verb):
            return []
        if content.i > cue_verb.i and absolute_phrase(cue_verb, content):
            return []  # `"Q," he said, his voice breaking`: the participle read as the root
        # `CLAUSE, X said.` / `Repair costs, he added, were "Q"`
        outer = cut_tail(doc, *subtree_range(content), content, cues, skip=cue_verb.i)
        return _around(doc, outer, _set_off_attribution(doc, cue_verb), cue)
    if label == "as_clause":
        if not _reports_as(cue_verb):
            return []
        # `As The Post reported, CLAUSE` / `CLAUSE, as X noted`: the clause without the as-clause
        outer = cut_tail(doc, *subtree_range(content), content, cues, skip=cue_verb.i)
        return _around(doc, outer, subtree_range(cue_verb), cue)
    if label == "naming":
        if any(c.dep_ == "dobj" for c in cue_verb.children):
            return []  # the object shape has it (`called it "a mistake"`)
        if any(c.dep_ in PASSIVE_DEPS for c in cue_verb.children):
            return []  # `what are called green bonds`: a name, nobody's words
        start, end = trim(doc, *subtree_range(content))
    elif label == "object":
        if postposed_source(cue_verb) == content:
            # `CLAUSE, reported CBC News.`: the object is the source; a clause the parse joined
            # to the cue as a conjunct is the content (one under it as ccomp is found as such)
            joined = clause_before_conj(cue_verb)
            if joined is None:
                return []
            start, end = trim(doc, joined.left_edge.i, cue_verb.i - 1)
            return [Found(start, end, cue)] if start < end else []
        if cue_verb.lemma_.lower() in ASKING_VERBS and named_listener(cue_verb, content):
            return []  # `I asked Okonkwo-Pratt`, `asked the minister about it`: the one asked
        if cue_verb.lemma_.lower() in NAMING_VERBS and not _names_it(cue_verb, content):
            return []  # "called a press conference": no words reported
        if cue_verb.lemma_.lower() in CALLING_BACK_VERBS and calls_back(cue_verb, content):
            return []  # `The Canucks recalled defenceman X from Abbotsford`: no words reported
        if any(c.dep_ == "xcomp" and c.tag_ == "VB" and c.i > content.i for c in cue_verb.children):
            return []  # `urged voters to wait`: the infinitive shape reports what they were urged
        if any(c.i > content.i and _is_question(c) for c in cue_verb.children):
            return []  # `asked the tenants if ...`: the question shape reports the question
        if any(c.dep_ == "ccomp" and c.i > content.i for c in cue_verb.children):
            return []  # `said outside court that ...`: the clause is what was said
        if _opens_quotation(cue_verb):
            return []  # `has posted her reaction on social media: "Q"`: the quotation is it
        start, end = trim(doc, content.left_edge.i, _object_end(cue_verb, content))
    elif label == "topic" and not _topic_cue(cue_verb, doc[nodes["prep"]]):
        return []
    else:
        act = acting_clause(cue_verb)
        if act is not None and act.i == content.i:
            return []  # `Police arrest two men, say ...`: what the source did, not what it said
        if reduced_passive(cue_verb):
            return []  # `the trial of a man accused of shooting ...`: no one's saying
        if adds_a_count(cue_verb):
            return []  # `Canada adds 40,000 jobs, rate holds at 6.9%`: a figure, not a saying
        if content.i > cue_verb.i and (circumstance(content) or absolute_phrase(cue_verb, content)):
            return []  # `said as he sat down ...`, `said, his voice breaking`: when or how
        if content.i > cue_verb.i and inverted_after_quote(doc, cue_verb, content):
            return []  # `"Q," said Riders head coach Glen Stasiuk`: the speaker misread
        if aside_main_verb(cue_verb) == content and asked_aside(cue_verb):
            # `Suzuki, asked whether ..., said ...`: the sentence's verb is not what was asked;
            # the question the parse read into its clause is (`asked what it meant, laughed`)
            question = question_before(doc, cue_verb, content)
            return [] if question is None else [Found(*question, cue)]
        if content.i < cue_verb.i and _subject_read_as_clause(doc, cue_verb, content):
            return []  # `The mother of a teen killed in a crash told the court ...`: the subject
        if content.i < cue_verb.i and content_clause_after(cue_verb, content, cues):
            return []  # `Sitting down with X, ..., Smith remarked that ...`: not a fronted report
        if content.i < cue_verb.i and stranded_preposition(cue_verb):
            return []  # `..., a change developers have asked for`: a relative clause's verb
        if content.i < cue_verb.i and contact_relative(cue_verb):
            # `Council approved the plan, a move critics say will fail`: a relative clause the
            # parser read as the sentence's root; the clause before it is the article's
            return []
        start, end = trim(doc, *subtree_range(content))
        if start == cue_verb.i + 1:
            start = past_leading_time(doc, start, end, content)
        if label in OBJECT_FIRST_LABELS:
            start = min(start, _object_first(cue_verb, content))
        if "for" in nodes:
            start = max(start, nodes["for"] + 1)  # `called for X to act`: what was asked for
        subject = _object_read_as_subject(cue_verb, content)
        if subject is not None:
            start = subject.left_edge.i  # `told The Canadian Press the deal "still leaves us"`
        fronted = _fronted_subject(doc, cue_verb, content)
        if fronted is not None:
            # `The plan, said the mayor, would cost millions`: the content's subject, then the rest
            head_piece = trim(doc, *subtree_range(fronted))
            rest = cut_tail(doc, start, end, content, cues)
            pieces = [head_piece, rest]
            return [Found(a, b, cue, piece=True) for a, b in pieces if _has_content(doc, a, b)]
    start, end = cut_tail(doc, start, end, content, cues)
    if start >= end:
        return []
    if end <= cue_verb.i and any(doc[k].text in CLAUSE_BREAKS for k in range(end, cue_verb.i)):
        return []  # `CLAUSE: X said ...` / `CLAUSE; X said`: the clause is the article's own
    if start <= cue_verb.i < end:
        # `This season, he says, is different` parsed with the clause under the cue
        return _around(doc, (start, end), _attribution(cue_verb, content, start, end), cue)
    opening = split_opening(cue_verb, content)
    if opening is not None:  # `It is no surprise, he said, that ...`: the two halves
        return [Found(*opening, cue, piece=True), Found(start, end, cue, piece=True)]
    return [Found(start, end, cue)]


def _is_question(clause: Token) -> bool:
    """An indirect question under its verb: a clause opened by "if" or "whether"."""
    return clause.dep_ in QUESTION_DEPS and any(
        c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children
    )


def _object_first(cue: Token, content: Token) -> int:
    """Where the content starts when the cue's object opens it (`OBJECT_FIRST_VERBS`): the
    object's first token (the object of `on` after `call`), or the content's own start."""
    if cue.lemma_.lower() not in OBJECT_FIRST_VERBS:
        return content.left_edge.i
    for child in cue.children:
        if not cue.i < child.i < content.i:
            continue
        if child.dep_ == "dobj":
            return child.left_edge.i
        if child.dep_ == "prep" and child.lower_ == "on" and cue.lemma_.lower() == "call":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].left_edge.i
    return content.left_edge.i


def _attribution(cue: Token, content: Token, start: int, end: int) -> tuple[int, int]:
    """The tokens of an attribution inside [start, end): the cue with what hangs from it there,
    the content aside."""
    lo, hi = cue.i, cue.i + 1
    for child in cue.children:
        if child.i != content.i and start <= child.i < end:
            lo, hi = min(lo, child.left_edge.i), max(hi, child.right_edge.i + 1)
    return lo, hi


def _fronted_subject(doc: Doc, cue: Token, content: Token) -> Token | None:
    """The subject of a content clause that sits before an inverted cue, set off by commas
    (`The plan, said the mayor, would cost millions`: the parser makes "The plan" a second
    subject of "said", and "would cost" a clause with no subject of its own)."""
    if not _subjectless_after(cue, content):
        return None
    subjects = [c for c in cue.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    before = [c for c in subjects if c.i < cue.i]
    after = [c for c in subjects if cue.i < c.i < content.i]
    if len(before) != 1 or len(after) != 1 or doc[cue.i - 1].text not in SET_OFF_PUNCT:
        return None
    if not any(doc[k].text in SET_OFF_PUNCT for k in range(after[0].right_edge.i + 1, content.i)):
        return None  # (the clause must be set off after the speaker too)
    return before[0]


def _subjectless_after(cue: Token, content: Token) -> bool:
    """The content clause comes after the cue with no subject of its own: a misparse took it
    (`_fronted_subject`, `_object_read_as_subject`)."""
    return content.i > cue.i and own_subject(content, NOMINAL_SUBJECT_DEPS) is None


def _object_read_as_subject(cue: Token, content: Token) -> Token | None:
    """The subject of a content clause with none, which the parser read as the cue's object
    right before the clause: its second one after a verb that takes a listener (`told The
    Canadian Press the deal "still leaves us behind"`), else its only one (`said the mood at
    the meeting was grim`, `was told the repairs would take "months"`)."""
    if not _subjectless_after(cue, content) or not finite_clause(content):
        return None  # (`urged officials to boost security`: the object is the listener)
    objects = [
        c
        for c in cue.children
        if c.dep_ == "dobj" and cue.i < c.i < content.i and c.ent_type_ not in TIME_LABELS
    ]
    listener = cue.lemma_.lower() in ADDRESSING_VERBS and not any(
        c.dep_ in PASSIVE_DEPS for c in cue.children
    )
    if len(objects) < (2 if listener else 1):
        return None
    last = objects[-1]
    between = range(last.right_edge.i + 1, content.left_edge.i)
    return last if all(cue.doc[k].is_quote for k in between) else None


def _opens_quotation(verb: Token) -> bool:
    """The verb's sentence ends with a colon that a quotation follows (`posted her reaction:
    ¶ "Q"`): what was said is the quotation, not the verb's object."""
    doc = verb.doc
    k = verb.sent.end - 1
    while k > verb.i and doc[k].is_space:
        k -= 1
    if doc[k].text != ":":
        return False
    k += 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    return k < len(doc) and doc[k].is_quote


def _gives_a_name(verb: Token) -> bool:
    """A verb of naming with the name it gives (`he called "Old Grumpy"`)."""
    return verb.lemma_.lower() in NAMING_VERBS and any(
        c.dep_ == NAME_GIVEN_DEP for c in verb.children
    )


def _told_listener(noun: Token, cue: Token) -> bool:
    """`told trustees that CLAUSE` parsed with the clause on "trustees": the noun is the
    listener a verb of addressing takes as its object."""
    return noun.dep_ == "dobj" and noun.head.i == cue.i and cue.lemma_.lower() in ADDRESSING_VERBS


def _cue_above(content: Token, cues: frozenset[str]) -> Token | None:
    """The cue verb a that-clause parsed as a relative clause belongs to: up from the noun it
    hangs on through prepositions (and a listener), a cue verb with no complement clause of its
    own (`wrote in one of a string of posts that CLAUSE`)."""
    current = content.head
    for _ in range(MAX_PREPOSITION_HOPS):
        if current.dep_ not in PREPOSITION_CHAIN_DEPS or current.head.i == current.i:
            return None
        current = current.head
        lemma = current.lemma_.lower()
        if current.pos_ == "VERB" and lemma in cues and lemma not in NO_THAT_CLAUSE_CUES:
            if any(c.dep_ in REPORT_COMPLEMENT_DEPS for c in current.children):
                return None
            return current
    return None


def _set_off_attribution(doc: Doc, cue: Token) -> tuple[int, int]:
    """The attribution a set-off cue heads: its subtree, from the comma or dash before it
    (`The plan, said Maria Lopez, would cost millions`: the parser hangs "The plan" on "said"
    too, but the comma sets the attribution apart from it)."""
    lo, hi = subtree_range(cue)
    for k in range(cue.i - 1, lo - 1, -1):
        if doc[k].text in SET_OFF_PUNCT:
            return k + 1, hi
    return lo, hi


def _around(
    doc: Doc, outer: tuple[int, int], inner: tuple[int, int], cue: ReportedCue
) -> list[Found]:
    """The content `outer` without the attribution `inner`: cut off at one end, or the two
    pieces around it when it sits in the middle (each piece may be a single word)."""
    start, end = outer
    lo, hi = inner
    if start < lo and hi < end and not only_trailer(doc, hi, end):
        pieces = [trim(doc, start, lo), trim(doc, hi, end)]
        return [Found(a, b, cue, piece=True) for a, b in pieces if _has_content(doc, a, b)]
    start, end = without(doc, outer, inner)
    return [Found(start, end, cue)] if start < end else []


def _has_content(doc: Doc, start: int, end: int) -> bool:
    """A piece that says something: not a bare connective (`Still, he said, ...`)."""
    return any(doc[k].pos_ in CONTENT_POS for k in range(start, end))


def _object_end(cue: Token, obj: Token) -> int:
    """The end of what an object reports: the object with the complements that finish it
    (`called it "a mistake"`, `described the plan as a failure`)."""
    end = obj.right_edge.i + 1
    for child in cue.rights:
        if child.i > obj.i and child.dep_ in OBJECT_COMPLEMENT_DEPS:
            if child.dep_ != "prep" or child.lower_ in OBJECT_PREPOSITIONS:
                end = max(end, child.right_edge.i + 1)
    return end


def _topic_cue(cue: Token, preposition: Token) -> bool:
    """The preposition completes a verb of speaking about something ("asked about")."""
    allowed = TOPIC_PREPOSITIONS.get(preposition.lower_, frozenset())
    return cue.lemma_.lower() in allowed


def _names_it(cue: Token, obj: Token) -> bool:
    """`called it "a mistake"`: a naming verb with a predicate after its object; or the parser
    folded the predicate into the object, quoted (`called the pact "insanity"`: the corpus
    reports "the pact "insanity"", the quotation inside it is a partial) or an adjective
    (`called the squabble unusual`); or `called out X` (criticized X)."""
    if any(c.i > obj.i and c.dep_ in NAMING_COMPLEMENT_DEPS for c in cue.children):
        return True
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children):
        return True
    inside = obj.doc[obj.left_edge.i : obj.right_edge.i + 1]
    if any(t.is_quote for t in inside[1:]):
        return True
    last = inside[-1]
    return last.pos_ == "ADJ" and last.dep_ == "amod"


def _subject_read_as_clause(doc: Doc, cue: Token, content: Token) -> bool:
    """A "clause" before a cue with no subject, run into it with no punctuation between: the
    cue's subject, whose participle the parse read as a clause's verb (`The mother of a
    teenager killed in a crash told the court that ...`)."""
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children):
        return False
    return not any(t.is_punct for t in doc[content.right_edge.i + 1 : cue.i])


def _set_off(doc: Doc, cue: Token) -> bool:
    """An attribution set off by a comma or dash before it (`..., X said`): the cue has a
    subject of its own and no complement of its own (`X did Y, saying Z` is no such thing)."""
    if not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in cue.children):
        return False
    addressed = cue.lemma_.lower() in ADDRESSING_VERBS  # `X told CNN,`: the object listens
    if any(
        c.dep_ in COMPLEMENT_DEPS and not (addressed and c.dep_ == "dobj") for c in cue.children
    ):
        return False
    if any(c.i < cue.i and c.text in SET_OFF_PUNCT for c in cue.children):
        return True  # the comma hangs from the cue: ", he added,"
    before = cue.left_edge.i - 1
    return before >= 0 and doc[before].text in SET_OFF_PUNCT


def _reports_as(cue: Token) -> bool:
    """`As X reported`: the cue names its source (a subject, or `by X` in the passive: `As
    reported by X`) and says nothing of its own (no clause or object: not `as he said goodbye`;
    a listener is allowed, `as he told reporters`, and `as she put it`). The as-clause is set
    off: it opens the sentence or follows punctuation or a conjunction. Run on after a word it
    tells when, not who says (`Liberals win majority as Tory leader concedes`); all 51 of
    train's gold as-clauses are set off."""
    if not any(c.dep_ in NOMINAL_SUBJECT_DEPS or c.dep_ == "agent" for c in cue.children):
        return False
    opening = cue.left_edge
    if opening.i > 0 and not opening.is_sent_start:
        before = cue.doc[opening.i - 1]
        if not (before.is_punct or before.is_space or before.pos_ == "CCONJ"):
            return False
    lemma = cue.lemma_.lower()
    for child in cue.children:
        if child.dep_ == "dobj" and (
            lemma in ADDRESSING_VERBS or (lemma == "put" and child.lower_ == "it")
        ):
            continue
        if child.dep_ in COMPLEMENT_DEPS:
            return False
    return lemma != "put" or any(c.dep_ == "dobj" for c in cue.children)


def _cue_extent(doc: Doc, verb: int) -> tuple[int, int]:
    """The cue verb with a particle right after it ("pointed out")."""
    end = verb + 1
    for child in doc[verb].children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb, end
