"""Interview transcripts (`Q: ...` / `A: ...` lines): the answers are the interviewee's, the
person the introduction names most often (`Q&A with Governor Ellen Marsh. Governor Ellen
Marsh spent Thursday ... she spoke with Ledger senior writer Paul Haddad`). Train's three
transcripts all name theirs so; the questions stay credited to "Q", as the corpus does, since
the interviewer is often the unnamed author or several reporters."""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set

from spacy.tokens import Doc, Token

from app.pipeline.text import token_paragraphs

# The labels of a transcript's lines.
QUESTION_LABEL = "Q"
ANSWER_LABEL = "A"
# Verbs whose object is the one interviewed (`The Record asked Gauthier about the vote. Part
# of that conversation follows.`); not "spoke with", said of either side (the one interviewed
# may be the subject: `The senator spoke with our reporter`).
INTERVIEW_VERBS: frozenset[str] = frozenset({"ask", "interview", "question"})
# Newsroom roles right before a name in the introduction: the interviewer's (`She spoke with
# Books editor Daniel Ross`), never the one who answers.
INTERVIEWER_ROLES: frozenset[str] = frozenset(
    {"editor", "reporter", "writer", "columnist", "correspondent", "journalist", "host"}
)
# How far back from a name a photo credit's opening parenthesis may stand (`(THE CANADIAN
# PRESS/Jane Doe)`): its name is the photographer's.
CREDIT_SCAN = 8


def transcript_label(token: Token) -> str | None:
    """ "Q" or "A" when the token is that label, opening its line before a colon (the tagger
    takes "A" for the article, and "Q" at times for a common noun)."""
    if token.text in (QUESTION_LABEL, ANSWER_LABEL) and _labels_line(token):
        return token.text
    return None


def interviewee(
    label: Token,
    name_starts: Sequence[tuple[int, str]],
    is_person: Callable[[str], bool],
    subjects: Set[int] = frozenset(),
    surely_person: Callable[[str], bool] = lambda key: True,
) -> str | None:
    """The cluster key of the person the paragraph right before the transcript's first label
    names as the one interviewed (`The Record asked Gauthier about the vote.`) or as a subject
    (`Dunleavy was asked who would sit out. He smiled.` over an excerpt of a story), else of the
    person named most often before that label (on a tie, the one named first); None when no
    person is named there; a name after a newsroom role (the interviewer) or in a photo credit
    does not count, and of those named equally often a person the tagger called one wins over
    a word it called an organisation (`Kindersley`), then a full name over a single word (the
    tagger's person "Newfoundland"). `subjects`: first tokens of subject names."""
    doc = label.doc
    first = next((t.i for t in doc[: label.i] if transcript_label(t)), label.i)
    lead_in = _paragraph_before(doc, first)
    interviewed = _interviewed(doc, lead_in, first)
    counts: dict[str, int] = {}
    subject: str | None = None
    asked: str | None = None
    for start, key in name_starts:  # (sorted by start: dict order is first-named order)
        if start >= first:
            break
        if is_person(key) and not _interviewer_or_credit(doc, start):
            counts[key] = counts.get(key, 0) + 1
            if start >= lead_in and start in subjects:
                subject = key
            if start in interviewed:
                asked = key
    if asked is not None:
        return asked
    if subject is not None and counts[subject] > 1:
        return subject  # (named before that too: not a word of a title the tagger made a name)
    if not counts:
        return None
    most = max(counts.values())
    top = [key for key, count in counts.items() if count == most]
    return max(top, key=lambda key: (surely_person(key), " " in key))  # (the first of equals)


def _interviewer_or_credit(doc: Doc, start: int) -> bool:
    """The name starting at token `start` follows a newsroom role, at once or set off by a comma
    (`Books editor Daniel Ross`, `His editor, Fiona Ross,`), or sits in a photo credit."""
    role = start - 2 if start > 1 and doc[start - 1].text == "," else start - 1
    if role >= 0 and doc[role].lower_ in INTERVIEWER_ROLES:
        return True
    for k in range(start - 1, max(start - CREDIT_SCAN, 0) - 1, -1):
        if doc[k].text == ")":
            return False
        if doc[k].text == "(":
            return any("/" in t.text for t in doc[k + 1 : start + 1])
    return False


def _interviewed(doc: Doc, start: int, end: int) -> set[int]:
    """The tokens in [start, end) of the objects of verbs of interviewing (`asked Gauthier`)."""
    found: set[int] = set()
    for verb in doc[start:end]:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in INTERVIEW_VERBS:
            for child in verb.children:
                if child.dep_ == "dobj":
                    found.update(t.i for t in child.subtree)
    return found


def _paragraph_before(doc: Doc, first: int) -> int:
    """The first token of the paragraph before the one that holds token `first`."""
    paragraphs = token_paragraphs(doc)
    k = paragraphs.of[first] - 1
    return paragraphs.starts[k] if k >= 0 else 0


def _labels_line(token: Token) -> bool:
    """The token is followed by a colon and opens its line."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ":":
        return False
    return token.i == 0 or (doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text)
