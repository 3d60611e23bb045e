"""Evidence from the tagger and parser about a quoted passage: the word after it, the verb that
governs it, and whether a speech cue verb is near (the quote finder runs after the base model)."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import HEAD, IDX, TAG
from spacy.tokens import Doc, Span, Token

from app.pipeline.quotes.features import Features, Passage
from app.pipeline.quotes.lexicons import Lexicons
from app.pipeline.shapes import hashes_of, in_sorted
from app.pipeline.syntax import FINITE_TAGS, NOMINAL_SUBJECT_DEPS, VERB_POS, verb_lemma_mask

# Penn Treebank tags of common nouns: a quoted term right before one modifies it (the “X” debate).
NOUN_TAGS: frozenset[str] = frozenset({"NN", "NNS"})
# Penn Treebank tags of proper nouns.
PROPER_TAGS: frozenset[str] = frozenset({"NNP", "NNPS"})
# Dependency labels of a passage that is a clause of its own or under a verb ("said 'we won'").
CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp", "parataxis", "ROOT", "advcl", "conj"})
# Dependency labels of a passage that names a thing ("on 'Meet the Press'", "the 'X' debate").
NOMINAL_DEPS: frozenset[str] = frozenset(
    {"pobj", "compound", "amod", "appos", "npadvmod", "nmod", "poss", "nsubj", "nsubjpass"}
)
# Dependency labels of a title set beside the noun of the work it names (`the report, "X,"`).
APPOSED_DEPS: frozenset[str] = frozenset({"appos", "acl"})
# How many tokens after a closing mark a speech cue still reports the passage (`"Q," he said`).
CUE_AFTER_TOKENS = 6
# How many tokens before an opening mark a speech cue still introduces it (`he said: "Q"`).
CUE_BEFORE_TOKENS = 6
# How many tokens of its sentence on each side of a passage are searched for a speech cue.
SENTENCE_WINDOW = 40
# How many heads above the passage the governing verb is looked for.
MAX_ASCENT = 4


class ParseView:
    """Char offsets -> tokens of a tagged (and maybe parsed) doc, and the lexicons it asks."""

    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc = doc
        # a list for bisect: numpy's searchsorted copies a uint64 array on every int lookup
        self.starts: list[int] = doc.to_array(IDX).tolist()
        self.lex = lex
        self.tagged = doc.has_annotation("TAG")
        self.parsed = doc.has_annotation("DEP")
        self.heads = head_indices(doc) if self.parsed else numpy.zeros(0, dtype=numpy.int64)
        # per token, from the doc's arrays once (the passages' windows overlap): a cue verb; a
        # finite verb or modal
        self.cues: list[bool] = [False] * len(doc)
        self.finite: list[bool] = [False] * len(doc)
        if self.tagged and len(doc):
            self.cues = verb_lemma_mask(doc, lex.cue_verbs).tolist()
            tags = doc.to_array(TAG)
            self.finite = in_sorted(tags, hashes_of(FINITE_TAGS)).tolist()

    def token_index(self, char: int) -> int:
        """Index of the token holding char `char` (the one before it on a gap)."""
        k = bisect.bisect_right(self.starts, char) - 1
        return max(k, 0)

    def span(self, start: int, end: int) -> Span:
        return self.doc[self.token_index(start) : self.token_index(max(end - 1, start)) + 1]

    def is_cue(self, token: Token) -> bool:
        """A speech cue verb (`syntax.verb_lemma_mask`)."""
        return self.cues[token.i]


def top_token(span: Span, heads: numpy.ndarray) -> Token:
    """The passage's token nearest the root: the head of what it says. `heads`: every token's
    head index in the doc (`head_indices`), so only the tokens that leave the span are visited."""
    start, end = span.start, span.end
    within = heads[start:end]
    leaving = (within < start) | (within >= end) | (within == numpy.arange(start, end))
    tops = [span.doc[start + k] for k in numpy.flatnonzero(leaving).tolist()] or list(span)
    return min(tops, key=lambda t: sum(1 for _ in t.ancestors))


def head_indices(doc: Doc) -> numpy.ndarray:
    """The index of every token's head (a root is its own head)."""
    relative = doc.to_array(HEAD).astype(numpy.int64)  # offsets, stored unsigned
    indices: numpy.ndarray = relative + numpy.arange(len(doc), dtype=numpy.int64)
    return indices


def governing_verb(span: Span, top: Token) -> Token | None:
    """The nearest full verb above the passage (whose top token is `top`) in the parse, past
    copulas and auxiliaries (`thinks that cats are "cuties"` -> thinks); None when there is
    none near."""
    current = top
    for _ in range(MAX_ASCENT):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ == "VERB" and not (span.start <= head.i < span.end):
            return head
        current = head
    return None


def parse_features(view: ParseView, p: Passage, base: Features) -> Features:
    """`base` with the evidence of the tagger and parser added (unchanged on an untagged doc)."""
    doc = view.doc
    span = view.span(p.start, p.end)
    if not view.tagged or not len(span):
        return base
    v = dict(base.values)
    v["tagged"] = 1.0
    v["has_finite_verb"] = float(any(view.finite[span.start : span.end]))
    open_tok = view.token_index(p.open_pos)
    nxt = view.token_index(max(p.close_end - 1, p.open_pos)) + 1
    v["next_is_noun"] = float(
        p.close_mark is not None
        and nxt < len(doc)
        and doc[nxt].idx >= p.close_end
        and doc[nxt].tag_ in NOUN_TAGS
    )
    v["next_is_proper"] = float(nxt < len(doc) and doc[nxt].tag_ in PROPER_TAGS)
    prev = doc[open_tok - 1] if open_tok > 0 else None
    v["prev_is_verb"] = float(prev is not None and prev.pos_ in VERB_POS)
    v["prev_is_adp"] = float(prev is not None and prev.pos_ == "ADP")
    lo, hi = p.para
    starts, cues = view.starts, view.cues
    after = [i for i in range(nxt, min(nxt + CUE_AFTER_TOKENS, len(doc))) if starts[i] < hi]
    before = range(max(open_tok - CUE_BEFORE_TOKENS, 0), open_tok)
    v["cue_after"] = float(any(cues[i] for i in after))
    v["cue_before"] = float(any(cues[i] for i in before if starts[i] >= lo))
    v["person_after"] = float(any(doc[i].ent_type_ == "PERSON" for i in after))
    if view.parsed:
        v["parsed"] = 1.0
        sent = span[0].sent
        window = [
            *range(max(sent.start, span.start - SENTENCE_WINDOW), span.start),
            *range(span.end, min(sent.end, span.end + SENTENCE_WINDOW)),
        ]
        v["cue_in_sentence"] = float(any(view.cues[i] for i in window))
        top = top_token(span, view.heads)
        verb = governing_verb(span, top)
        cue = verb is not None and view.is_cue(verb)
        v["governed_by_verb"] = float(verb is not None)
        v["governed_by_cue"] = float(cue)
        v["governed_by_thinking"] = float(
            verb is not None
            and not cue
            and verb.i < span.start  # the label follows the verb: thinks that cats are "cuties"
            and top.dep_ not in NOMINAL_SUBJECT_DEPS
            and verb.lemma_.lower() in view.lex.thinking_verbs
        )
        v["cue_with_subject"] = float(
            cue and verb is not None and any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children)
        )
        v["title_apposed"] = float(
            base.has("title_case")
            and base.has("after_comma")
            and any(
                t.dep_ in APPOSED_DEPS
                and t.head.i < span.start
                and t.head.lemma_.lower() in view.lex.title_cues
                for t in span
            )
        )  # `A 2023 report by the panel, "Still Waiting: Water and Trust," found ...`
        v["sentence_root"] = float(top.dep_ == "ROOT")
        v["clause_dep"] = float(top.dep_ in CLAUSE_DEPS and top.pos_ in VERB_POS)
        v["nominal_dep"] = float(top.dep_ in NOMINAL_DEPS)
        v["object_dep"] = float(top.dep_ in {"dobj", "attr", "oprd", "acomp"})
    return Features(v, base.n_words)
