"""A speaker candidate's mention: from the token that heads it, the words it spans in its
sentence (the owner of a speech noun, the name after a role, a rank before a name, speakers
joined by "and"), never reaching into a quotation or across the paragraph."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from app.pipeline.speakers.context import DocIndex, is_mark_dash
from app.pipeline.speakers.cues import NON_SPEAKER_PRONOUNS
from app.pipeline.speakers.extent import mention_extent
from app.pipeline.speakers.mentions import DASH_TOKENS, speech_possessor
from app.pipeline.syntax import NON_SPEAKER_LABELS, PERSON_LABELS, apposed_person, mention_head
from app.pipeline.types import SpeakerCandidate

# Entity labels of a name written right after a common noun ("the weekly Courier"): the name is
# the speaker's mention.
FOLLOWING_NAME_LABELS: frozenset[str] = frozenset({"PERSON", "ORG"})
# Parts of speech that cannot end a mention (a preposition, a determiner, a conjunction left
# where a quotation or a comma cut its post-modifier).
DANGLING_POS: frozenset[str] = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})
# Coordinated speakers (`Marsh and Quinn said`): the words that join them and what each may be.
COORDINATORS: frozenset[str] = frozenset({"and", "&"})
COORDINATED_POS: frozenset[str] = frozenset({"PROPN", "NOUN"})
# Parts of speech no word of a name has, whatever the NER's label on it.
CLAUSE_WORD_POS: frozenset[str] = frozenset({"VERB", "AUX", "PRON", "ADP", "DET", "PART"})
# Longest rank abbreviation the tokenizer may split from its period (`Capt.`, `Cmdr.`).
MAX_RANK_LENGTH = 5


def candidate(index: DocIndex, head: Token, cue: tuple[int, int] | None) -> SpeakerCandidate:
    """The mention headed by `head` (its owner for a speech noun, the name for a role), with its
    cue; the layout table stamps the layout."""
    head = mention_head(head)
    if head.dep_ == "poss" and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = mention_head(head.head)  # "Toledo's Morning Star": the possessed name speaks
    possessor = speech_possessor(index, head, index.para[head.i])
    if possessor is not None:
        head = possessor  # "Hale's statement said": the statement's owner is the speaker
    if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.i < head.i and _closed(head):
        named = head.head
        if named.pos_ == "PROPN" and named.dep_ != "pobj" and not index.inside[named.i]:
            head = named  # "Ann Lee, a city adviser, said": the name, not the role
    if head.pos_ == "NOUN":
        head = _following_name(index, head)
    head = _person_read_as_apposed(head)
    rank = head
    head = _name_after_abbreviation(index, head)
    start, end = mention_extent(head)
    start = min(start, mention_extent(rank)[0])  # `Army Capt. Ann Lopez`: the rank kept
    # never let a mention reach into a quotation or across the paragraph
    para = index.para[head.i]
    joined = coordination_end(index, head, cue)
    while start < head.i and (
        index.inside[start]
        or index.para[start] != para
        or is_mark_dash(index.doc[start])
        or index.doc[start].text in DASH_TOKENS  # `- Jane Doe` signed below: the dash is the cue
    ):
        start += 1
    for k in range(head.i - 1, start - 1, -1):
        if index.doc[k].text == "," and head.pos_ == "PROPN":
            start = k + 1  # `Of Marsh, Quinn said`: a name starts after a comma
            break
    while start >= 2 and _hyphen_joined(index.doc, start - 1) and not index.inside[start - 2]:
        start -= 2  # "co-host Dana Whitley", and "co-Anchor" when the phrase began at its "-"
    for k in range(head.i + 1, end):
        if (
            index.inside[k]
            or index.para[k] != para
            or (cue is not None and k >= cue[0] > head.i)
            or index.doc[k].text == ","
        ):
            # a post-modifier stops at a quotation, the paragraph end, the cue or a comma
            # (`a source familiar with it, who spoke on condition of anonymity`)
            end = k
            break
    if joined is not None:
        end = max(end, joined)  # `Marsh and Quinn said`: the speakers together
    # (and a word left hanging where the quotation cut it: `Organizers of "X"` -> Organizers)
    while end > head.i + 1 and (
        index.doc[end - 1].is_punct or index.doc[end - 1].pos_ in DANGLING_POS
    ):
        end -= 1
    while _hyphen_joined(index.doc, end) and not index.inside[end + 1]:
        end += 2  # "the 43-year-old": a word the tokenizer split at its hyphens
    return SpeakerCandidate(mention=(start, end), head=head.i, cue=cue)


def coordination_end(index: DocIndex, head: Token, cue: tuple[int, int] | None) -> int | None:
    """The end of the last conjunct when the mention's head is coordinated with other speakers
    by "and" (`Hale and his attorneys said`, `Sen. Ann Lee and Rep. Tom Ray wrote`): the words
    up to it, all outside quotes and in the paragraph and before the cue; else None."""
    if head.pos_ not in COORDINATED_POS and not (head.is_title and head.pos_ != "PRON"):
        return None  # (a name the tagger took for a verb counts; `she and her peers` does not)
    if not any(c.dep_ == "cc" and c.lower_ in COORDINATORS for c in head.rights):
        return None
    conjuncts = [c for c in head.rights if c.dep_ == "conj" and c.pos_ in COORDINATED_POS]
    if not conjuncts:
        return None
    last = conjuncts[-1]
    if last.lower_ in NON_SPEAKER_PRONOUNS or last.ent_type_ in NON_SPEAKER_LABELS:
        return None
    if any(c.dep_ == "appos" and c.i < last.i and _after_comma(c) for c in head.rights):
        return None  # `Ann Lee, an aide to Ray, and a Republican`: the description goes on
    _, end = mention_extent(last)
    para = index.para[head.i]
    for k in range(head.i, end):
        if index.inside[k] or index.para[k] != para or (cue is not None and cue[0] <= k < cue[1]):
            return None
    return end


def _person_read_as_apposed(head: Token) -> Token:
    """The person's name the parse set in apposition right after a party's or a team's word it
    made the subject (`Progressive Conservative MPP Lorne Pettigrew (York Centre) said`, with
    "Conservative" the subject): the person, whose title the party's words open."""
    if head.pos_ != "PROPN" or head.ent_type_ in PERSON_LABELS:
        return head
    for child in head.rights:
        if apposed_person(child) and child.left_edge.i == head.i + 1:
            return child
    return head


def _after_comma(appos: Token) -> bool:
    """An apposition set off by a comma (`Ann Lee, an aide,`), not a parenthesis (`Lee (R-AL)`)."""
    return appos.left_edge.i > 0 and appos.doc[appos.left_edge.i - 1].text == ","


def _name_after_abbreviation(index: DocIndex, head: Token) -> Token:
    """`said Army Capt. Ann Lopez`: a rank the tokenizer does not know as an abbreviation is
    split from its period, and the parse ends a sentence there; the person's name after the
    period is the mention's head."""
    doc = index.doc
    k = head.i + 2
    if k >= len(doc) or head.pos_ != "PROPN" or not head.is_title or len(head) > MAX_RANK_LENGTH:
        return head
    if head.ent_type_ in PERSON_LABELS:
        return head  # `manager Jon Pike. Marsh said`: a name ending a sentence
    period = doc[head.i + 1]
    if period.text != "." or head.whitespace_ or not period.whitespace_:
        return head
    if index.inside[k] or index.para[k] != index.para[head.i]:
        return head
    end = k
    while end < len(doc) and doc[end].ent_type_ in PERSON_LABELS and doc[end].pos_ == "PROPN":
        end += 1
    return mention_head(doc[end - 1]) if end > k else head


def _closed(appos: Token) -> bool:
    """An apposition set off after it (`Ann Lee, a city adviser, said`), not a noun phrase run
    into the verb that a misparse hung on a name before it (`an interview with hosts A and B,
    the candidate stated`)."""
    after = appos.right_edge.i + 1
    return after >= len(appos.doc) or appos.doc[after].is_punct


def _hyphen_joined(doc: Doc, k: int) -> bool:
    """`doc[k]` is a hyphen written inside a word ("co-host"), followed by the word's rest."""
    return (
        0 < k < len(doc) - 1
        and doc[k].text == "-"
        and not doc[k - 1].whitespace_
        and not doc[k].whitespace_
        and doc[k + 1].is_alpha
    )


def _following_name(index: DocIndex, head: Token) -> Token:
    """ "her nephew Tom Lee", "city adviser Ann Lee", "the weekly Courier": the name that follows
    a common noun, when there is one."""
    doc = index.doc
    first = head.i + 1
    while first < len(doc) and doc[first].is_space:
        first += 1  # "city adviser\u00a0Ann Lee": a no-break space before the name
    while _hyphen_joined(doc, first):
        first += 2  # "Beacon co-host Dana Whitley": the noun is "co-host"
    k = first
    while k < len(doc) and doc[k].ent_type_ in FOLLOWING_NAME_LABELS:
        if doc[k].pos_ != "PROPN" and (
            doc[k].ent_type_ not in PERSON_LABELS or doc[k].pos_ in CLAUSE_WORD_POS
        ):
            break  # (`Hale Says He’s`, a headline the NER calls a person: no name follows)
        k += 1
    if k > first and not index.inside[k - 1]:
        return doc[k - 1]
    return head


def borrow(earlier: SpeakerCandidate, source: int) -> SpeakerCandidate:
    """An earlier quote's mention, for a quote that continues it (`source`: that quote)."""
    return replace(earlier, source=source if earlier.source is None else earlier.source)
