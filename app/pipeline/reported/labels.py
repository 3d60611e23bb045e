"""`NAME: CLAUSE` at the start of a line: a transcript's speaker label ("HOLLOWAY: Do you think
..."), a headline's source ("Nora Bellamy: I'm Not Much Of A Gardener"). The words after the
colon, to the end of the line, are what the named speaker is credited with."""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Doc, Span, Token

from app.pipeline.reported.extent import Found, trim
from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS, TIME_LABELS, VERB_POS
from app.pipeline.text import SENTENCE_END
from app.pipeline.types import ReportedCue

# Entity labels a speaker label may carry.
LABEL_ENTITIES: frozenset[str] = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A roster after a label (`Iowa: A, B, C, ...`): at least this many commas, and this share of
# its words proper nouns.
MIN_LIST_COMMAS = 3
LIST_NAME_SHARE = 0.75
# Parts of speech of the words of a speaker label (a name, or a capitalised role word).
LABEL_POS: frozenset[str] = frozenset({"PROPN", "NOUN"})
# Dependencies of a clause that a cue after it reports (`Plants could close, Street said`).
REPORTED_CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp", "parataxis"})


def named_words(doc: Doc) -> frozenset[str]:
    """The words of the doc's person, organisation and group names, lowercase."""
    return frozenset(t.lower_ for ent in doc.ents if ent.label_ in LABEL_ENTITIES for t in ent)


def labelled(
    doc: Doc,
    start: int,
    end: int,
    stop_labels: Set[str],
    max_tokens: int,
    names_in_doc: Set[str] = frozenset(),
    cues: Set[str] = frozenset(),
) -> Found | None:
    """The passage after a `NAME:` that opens the paragraph [start, end), if there is one. A
    label is a name when it is tagged as one or upper case, or when the article names someone
    with its words elsewhere (`Marsh: My plans are not final yet`, the parser taking the
    headline's "Marsh" for a common noun). A line whose main clause is a cue with its own
    subject credits that subject (`A: Some plants could close, Street said.`): no label's."""
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    colon = next(
        (k for k in range(start, min(end, start + max_tokens + 1)) if doc[k].text == ":"), None
    )
    if colon is None or colon == start:
        return None
    label = doc[start:colon]
    if label.text.lower().strip() in stop_labels or not all(
        _label_word(t, names_in_doc) for t in label
    ):
        return None
    if not any(_name_word(t, names_in_doc) for t in label):
        return None
    content_start, content_end = trim(doc, colon + 1, end)
    if content_end - content_start < 2 or _list_of_names(doc[content_start:content_end]):
        return None
    if doc[content_start].is_lower and not label.text.isupper():
        # `Montreal Gazette Headline News: get the latest headlines`: a line whose words start in
        # lower case after a label in title case is a page's blurb (a transcript's upper-case
        # label may run on from its last line: `Q: come on, do you miss being on the road?`)
        return None
    if _reports_itself(doc[content_start:content_end], cues):
        return None
    if _date_line(doc[content_start:end]):
        return None  # `NEWS: Nunavut November 24, 2025 - 2:30 pm`: a section over a date line
    names = [
        t
        for t in label
        if t.pos_ == "PROPN" or t.is_upper or t.ent_type_ or t.lower_ in names_in_doc
    ]
    if not names:
        return None
    return Found(
        content_start, content_end, ReportedCue((colon, colon + 1), None, names[-1].i, "colon")
    )


def _reports_itself(content: Span, cues: Set[str]) -> bool:
    """The content is `CLAUSE, X said`: its main verb a cue with a subject of its own after the
    clause it reports (not `Lopez should have congratulated us`, a cue saying something); or
    a headline's `KICKER: Carlisle says price was right`, a name then its cue and clause."""
    root = content.root
    if root.lemma_.lower() not in cues:
        return False
    children = [c for c in root.children if content.start <= c.i < content.end]
    subjects = [c for c in children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    if not subjects:
        return False
    if any(c.dep_ in REPORTED_CLAUSE_DEPS and c.i < root.i for c in children):
        return True
    named = subjects[0].i < root.i and subjects[0].pos_ == "PROPN"
    return named and any(c.dep_ in REPORTED_CLAUSE_DEPS and c.i > root.i for c in children)


def _date_line(content: Span) -> bool:
    """A line with a date or a time, no verb and no mark that ends a sentence: a page's date
    line, not an answer (`A: Last Tuesday.`)."""
    return (
        any(t.ent_type_ in TIME_LABELS for t in content)
        and not any(t.pos_ in VERB_POS for t in content)
        and not any(t.text in SENTENCE_END for t in content)
    )


def _list_of_names(content: Span) -> bool:
    """`Ohio: Ann Pike, Ben Ortiz, Cal Reyes, ...`: a list of names after a label, no
    verb among them, is a roster, not words anyone said."""
    if sum(1 for t in content if t.text == ",") < MIN_LIST_COMMAS:
        return False
    if any(t.pos_ in VERB_POS for t in content):
        return False
    words = [t for t in content if not t.is_punct]
    return sum(1 for t in words if t.pos_ == "PROPN") >= LIST_NAME_SHARE * len(words)


def _name_word(token: Token, names_in_doc: Set[str]) -> bool:
    return token.ent_type_ in LABEL_ENTITIES or token.is_upper or token.lower_ in names_in_doc


def _label_word(token: Token, names_in_doc: Set[str]) -> bool:
    """A word of a name or role: capitalised, not a verb (a headline's `X Says:` is not one)."""
    if token.is_punct:
        return token.text in {".", "-", "'", "\u2019"}
    if token.is_upper:
        return True
    return token.is_title and (token.pos_ in LABEL_POS or token.lower_ in names_in_doc)
