"""Where a reported-speech passage starts and ends: the content a cue reports, as a token range,
without the attribution itself, edge punctuation or a leading conjunction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from app.pipeline.syntax import DATELINE_DASHES, MODAL_TAGS, NOMINAL_SUBJECT_DEPS, TIME_LABELS
from app.pipeline.types import ReportedCue

# Clauses after a report's content that report something else when a cue verb heads them.
TAIL_DEPS: frozenset[str] = frozenset({"conj", "advcl", "parataxis"})
DASH_TOKENS: frozenset[str] = frozenset({"\u2014", "--", "\u2013"})
# The complements of a cue verb that say what was said (a clause, a quotation after a colon).
REPORT_COMPLEMENT_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp", "parataxis"})

# Tokens trimmed from the edges of a reported passage.
EDGE_PUNCT: frozenset[str] = frozenset({",", ";", ":", "-", "--", "—", "–", "(", ")", "."})
# Words trimmed from either edge of a passage (`CLAUSE, and X said`; `X said CLAUSE and warned
# that ...`, cut before the second report): a bare conjunction is no content.
EDGE_CONJUNCTIONS: frozenset[str] = frozenset({"and", "but", "or", "so"})
# The most tokens a dateline takes (`SAN JUAN, P.R. (AP) —`).
MAX_DATELINE_TOKENS = 10
# Most tokens between two passages of one cue that still make them one report (`said A, and B`).
MAX_JOIN_GAP = 2


@dataclass(frozen=True, slots=True)
class Found:
    """One reported passage before it becomes a span (token range, end exclusive)."""

    start: int
    end: int
    cue: ReportedCue
    piece: bool = False  # one of the two pieces around an attribution in the content's middle


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, blanks, conjunctions and a story's dateline."""
    start = _after_dateline(doc, start, end)
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].is_space):
        start += 1
    while start < end and doc[start].lower_ in EDGE_CONJUNCTIONS:
        start += 1
    while end > start and (
        doc[end - 1].text in EDGE_PUNCT
        or doc[end - 1].is_space
        or (doc[end - 1].lower_ in EDGE_CONJUNCTIONS and doc[end - 1].dep_ != "advmod")
    ):  # (not the adverb of `plans to do so`, `she thought so`)
        end -= 1
    return start, end


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Past the dateline that opens a paragraph (`WASHINGTON (AP) — `, `MEXICO CITY - `): the
    place the story was filed from, no one's words. Upper-case words and punctuation up to a
    dash, with a wire service's name in parentheses or a region after a comma (`WATERLOO, Ont.
    — `), and a capitalised word after the dash."""
    if start >= end or (start > 0 and not doc[start - 1].is_space):
        return start  # (empty, or a passage that starts inside a paragraph)
    depth = 0
    place = False  # a place's name in capitals (`I — ` opens a sentence, not a dateline)
    region = False  # past the comma after it, its region may be written as a word (`, Ont.`)
    for k in range(start, min(end, start + MAX_DATELINE_TOKENS)):
        token = doc[k]
        if token.text in DATELINE_DASHES and k > start:
            # the story's first sentence starts after it (`NATO - not the county -`: no dateline)
            opens = k + 1 < end and doc[k + 1].is_title
            return k + 1 if place and opens else start
        place = place or (depth == 0 and token.is_upper and len(token) >= 3)
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif token.text == "," and place:
            region = True
        elif not (token.is_upper or token.is_punct or ((depth > 0 or region) and token.is_title)):
            return start
    return start


def without(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int]:
    """`outer` without `inner` when `inner` sits at one of its ends (`CLAUSE, X said.`,
    `According to X, CLAUSE`); `outer` itself when `inner` is in the middle."""
    start, end = outer
    lo, hi = inner
    if lo <= start < hi:
        start = hi
    elif lo < end <= hi or (lo >= start and only_trailer(doc, hi, end)):
        end = lo
    return trim(doc, start, end)


def only_trailer(doc: Doc, start: int, end: int) -> bool:
    """Nothing but punctuation and blanks in [start, end)."""
    return all(doc[k].is_punct or doc[k].is_space for k in range(start, end))


def joined(doc: Doc, found: Sequence[Found]) -> list[Found]:
    """The passages in text order, two that one cue reports side by side made one (`said no
    mail will be delivered during the strike and parcels will be held`: the parse made two
    clauses of one report, with "parcels" in the first). Not the two pieces around an
    attribution in the content's middle, nor passages a paragraph break parts."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        last = out[-1] if out else None
        if last is not None and _side_by_side(doc, last, f):
            out[-1] = replace(last, end=f.end)
        else:
            out.append(f)
    return out


def _side_by_side(doc: Doc, first: Found, second: Found) -> bool:
    if first.piece or second.piece or first.cue.cue != second.cue.cue:
        return False
    if first.cue.verb != second.cue.verb:
        return False
    if first.start < second.start < first.end < second.end:
        return True  # `said the numbers showed the "spend now, pay later" approach was X`, the
        # parse cutting the quotation at its comma: one report, overlapping where it was cut
    if not 0 <= second.start - first.end <= MAX_JOIN_GAP:
        return False
    # (a paragraph break is a blank token, neither punctuation nor a conjunction)
    return all(
        doc[k].is_punct or doc[k].lower_ in EDGE_CONJUNCTIONS
        for k in range(first.end, second.start)
    )


def cut_tail(
    doc: Doc, start: int, end: int, root: Token, cues: frozenset[str], *, skip: int = -1
) -> tuple[int, int]:
    """The content without what follows it in the same sentence but reports something else: a
    coordinated or adverbial clause of another cue (`he respects Lopez and calls her "Q"`,
    `..., while Ruiz said ...`, `..., vowing to ...`) or an appositive after a dash."""
    cut = end
    for token in root.rights:
        if not start <= token.i < cut:
            continue
        if (
            token.i != skip
            and token.dep_ in TAIL_DEPS
            and token.lemma_.lower() in cues
            and _reports_words(token)
            and not _parallel_modal(root, token)
        ):
            cut = min(cut, token.left_edge.i)
    for k in range(root.i + 1, cut):
        if doc[k].text in DASH_TOKENS and k + 1 < cut:
            after = next((t for t in doc[k + 1 : cut] if not t.is_punct), None)
            if (
                after is not None
                and after.head.dep_ == "appos"
                or (after is not None and after.dep_ == "appos")
            ):
                cut = k
                break
    return trim(doc, start, cut)


def _parallel_modal(root: Token, conjunct: Token) -> bool:
    """A conjunct that goes on the reported clause in its mood (`he would vote for it but would
    propose amendments to stop "renoviction"`): both verbs carry a modal, so the second is the
    same report, not another one of the speaker's."""
    return conjunct.dep_ == "conj" and all(
        any(c.tag_ in MODAL_TAGS for c in verb.children) for verb in (root, conjunct)
    )


def _reports_words(verb: Token) -> bool:
    """The cue verb heads a report of its own: a clause or a quotation says what was said
    (`and warned that ...`, `and urged voters to wait`, `and calls her "Q"`). A cue word used in
    another sense reports nothing (`and would put savings at risk`, `and began work`)."""
    if any(child.dep_ in REPORT_COMPLEMENT_DEPS for child in verb.children):
        return True
    return any(t.is_quote for t in verb.subtree)


# How a time is hung on a verb (see `past_leading_time`).
TIME_DEPS: frozenset[str] = frozenset({"npadvmod", "prep"})


def past_leading_time(doc: Doc, start: int, end: int, content: Token) -> int:
    """The content's start past a time the parser hung on its verb though it dates the saying
    (`said Tuesday the team needs ...`, `said on Monday he called ...`): a phrase of date or time
    words, with its comma, right after the cue and before the clause's own subject."""
    phrase = doc[start]
    while phrase.head.i != content.i and phrase.head.i != phrase.i and phrase.head.i < end:
        phrase = phrase.head
    if phrase.head.i != content.i or phrase.dep_ not in TIME_DEPS or phrase.left_edge.i != start:
        return start
    words = [t for t in phrase.subtree if t.dep_ != "prep"]
    if not words or not all(t.ent_type_ in TIME_LABELS for t in words):
        return start
    after = phrase.right_edge.i + 1
    if after < end and doc[after].text == ",":
        after += 1
    subject = next((c for c in content.lefts if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    return after if subject is not None and subject.left_edge.i >= after else start


def ends_sentence(phrase: Token) -> bool:
    """The phrase is set off by a comma at its sentence's end (`..., according to the band.`)."""
    doc = phrase.doc
    start, end = phrase.left_edge.i, phrase.right_edge.i + 1
    return start > 0 and doc[start - 1].text == "," and only_trailer(doc, end, phrase.sent.end)
