"""Interview transcripts (`Q: ...` / `A: ...` lines): the answers are the interviewee's, the
person the introduction names most often (`Q&A with Governor Ellen Marsh. Governor Ellen
Marsh spent Thursday ... she spoke with Ledger senior writer Paul Haddad`). Train's three
transcripts all name theirs so; the questions stay credited to "Q", as the corpus does, since
the interviewer is often the unnamed author or several reporters."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

# The labels of a transcript's lines.
QUESTION_LABEL = "Q"
ANSWER_LABEL = "A"


def transcript_label(token: Token) -> str | None:
    """ "Q" or "A" when the token is that label, opening its line before a colon (the tagger
    takes "A" for the article, and "Q" at times for a common noun)."""
    if token.text in (QUESTION_LABEL, ANSWER_LABEL) and _labels_line(token):
        return token.text
    return None


def interviewee(
    label: Token, name_starts: Sequence[tuple[int, str]], is_person: Callable[[str], bool]
) -> str | None:
    """The cluster key of the person named most often before the transcript's first label
    (on a tie, the one named first), or None when no person is named there."""
    doc = label.doc
    first = next((t.i for t in doc[: label.i] if transcript_label(t)), label.i)
    counts: dict[str, int] = {}
    for start, key in name_starts:  # (sorted by start: dict order is first-named order)
        if start >= first:
            break
        if is_person(key):
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda key: counts[key])


def _labels_line(token: Token) -> bool:
    """The token is followed by a colon and opens its line."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ":":
        return False
    return token.i == 0 or (doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text)
