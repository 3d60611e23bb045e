"""What the article's own text puts on the salience timeline before any quote is resolved: every
name of every cluster (not those only a title-case headline or a line of page furniture gives),
and the story's he/she subjects that keep a person in focus."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from app.pipeline.entities.article_names import ArticleNames
from app.pipeline.entities.resolve import PRONOUN_GENDER
from app.pipeline.entities.salience import (
    BACKGROUND_DEPS,
    Mention,
    acting_subject,
    sole_main_subject,
)
from app.pipeline.furniture import doc_furniture_lines, within
from app.pipeline.quotes.features import is_title_case
from app.pipeline.shapes import hashes_of, in_sorted
from app.pipeline.syntax import NAME_GIVEN_DEP, NOMINAL_SUBJECT_DEPS
from app.pipeline.text import doc_text, headline_range, paragraph_ranges

# What may surround a name alone on its line (a signature's dash, a bullet), and the most words
# of such a line.
NAME_LINE_STRIP = " \t-\u2014\u2013\u2015*\u2022.,"
MAX_NAME_LINE_WORDS = 4
# The participle "asked" that opens a sentence as a clause of its main verb (`Asked whether ...,
# Rempel shrugged`).
ASK_LEMMA = "ask"
ASIDE_DEP = "advcl"


def name_mentions(doc: Doc, article: ArticleNames, furniture: frozenset[str]) -> list[Mention]:
    """Every name of every cluster, as a mention on the timeline; not the names only a title-case
    headline gives, whom the story never names (`Coach Wants Swim Team Parents To Be ...`:
    "Wants"): such a line makes names of common words."""
    headline_end = _headline_end(doc)
    elsewhere = doc_furniture_lines(doc, furniture)
    alone = _name_only_lines(doc)
    mentions = []
    for key, cluster in article.clusters.items():
        if all(name.start < headline_end for name in cluster.names):
            continue
        for name in cluster.names:
            if within(elsewhere, doc[name.start].idx):
                continue  # `RELATED: Trudeau says ...`: another story's name, not this one's
            if within(alone, doc[name.start].idx):
                continue  # `Bill Graveland ¶ The Canadian Press`: a byline, not the story's
            if name.dep == NAME_GIVEN_DEP and _in_marks(doc, name.start):
                continue  # `dubbed her "Mayor Pothole."`: what someone is called, no one else
            subject = acting_subject(doc[name.head])
            if subject is not None and _in_question_put(subject):
                # `Asked whether he was worried Brooks might sit out, Rempel shrugged`: what the
                # question was about, not who is in focus
                mentions.append(Mention(name.start, key, "name", background=True))
                continue
            mentions.append(
                Mention(
                    token=name.start,
                    key=key,
                    kind="name",
                    subject=subject is not None,
                    embedded=subject is not None and not sole_main_subject(subject),
                    background=name.dep in BACKGROUND_DEPS,
                )
            )
    return mentions


def _in_question_put(token: Token) -> bool:
    """The token is inside an "Asked ..." clause that opens its sentence, the question put to
    the sentence's subject (`Asked whether Brooks might sit out, Rempel shrugged`)."""
    for verb in token.ancestors:
        if verb.lemma_.lower() == ASK_LEMMA:
            # (the tagger may make it a past tense: no subject of its own tells it apart)
            return (
                verb.dep_ == ASIDE_DEP
                and verb.i < verb.head.i
                and verb.is_sent_start is True
                and not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children)
            )
    return False


def _in_marks(doc: Doc, start: int) -> bool:
    """The name starting at `start` opens a quotation, after any capitalised words of its
    title (`"Mayor Pothole."`); not `a resident named Caroline`."""
    k = start - 1
    while k >= 0 and doc[k].is_title and not doc[k].is_quote:
        k -= 1
    return k >= 0 and doc[k].is_quote


def _name_only_lines(doc: Doc) -> list[tuple[int, int]]:
    """The lines that hold a name and nothing else (`Bill Graveland` over `The Canadian Press`):
    a byline or a signature, whose person the story's he/she does not mean."""
    text = doc_text(doc)
    lines = []
    for lo, hi in paragraph_ranges(text):
        # (a split past the longest name line tells that the line is longer: no need for all)
        words = text[lo:hi].strip(NAME_LINE_STRIP).split(maxsplit=MAX_NAME_LINE_WORDS)
        if 2 <= len(words) <= MAX_NAME_LINE_WORDS and all(w[:1].isupper() for w in words):
            span = doc.char_span(lo, hi, alignment_mode="expand")
            if span is not None and all(t.ent_type_ == "PERSON" or t.is_punct for t in span):
                lines.append((lo, hi))
    return lines


def _headline_end(doc: Doc) -> int:
    """The first token after the article's first line, when that is a title-case headline over
    more lines (else 0)."""
    text = doc_text(doc)
    first = headline_range(text)
    if first is None:
        return 0
    if not is_title_case(text[first[0] : first[1]].split()):
        return 0  # (`Mayor Maria Lopez spoke on Monday.` opening the story is no headline)
    after = doc.char_span(first[1], len(text), alignment_mode="expand")
    return after.start if after is not None else 0


def narrative_pronouns(doc: Doc, speakers: frozenset[int], quoted: list[bool]) -> list[int]:
    """The he/she outside quotation marks that are the one subject of their sentence's main
    clause and no quote's speaker (`speakers`: the heads of the quotes' speaker mentions;
    `Dunwoody said X. He said that Pratt had conceded. "Q," he said`): each tells who the
    article is talking about, as a named subject would."""
    # a column test first: making a Token for each of the doc's words costs more than the rest
    columns = doc.to_array([LOWER, DEP])
    found = in_sorted(columns[:, 0], hashes_of(frozenset(PRONOUN_GENDER))) & in_sorted(
        columns[:, 1], hashes_of(NOMINAL_SUBJECT_DEPS)
    )
    return [
        i
        for i in numpy.flatnonzero(found).tolist()
        if not quoted[i] and i not in speakers and sole_main_subject(doc[i])
    ]
