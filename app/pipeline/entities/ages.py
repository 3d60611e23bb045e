"""A person the article names with their age (`Amanda Lee, 27,`, `Tom Ray (64)`) and later
describes by it (`the 27-year-old said`): the description means that person."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.pipeline.entities.article_names import ArticleNames
from app.pipeline.entities.described import DESCRIBED_KEY
from app.pipeline.entities.named import Cluster

# An age description (`27-year-old`, also before a noun: `the 27-year-old mother`), with the age.
AGE_DESCRIPTION_RE = re.compile(r"\b(\d{1,3})-year-old\b")
# What sets an age off right after a name: `Amanda Lee, 27,` or `Tom Ray (64)`.
AGE_OPENERS: frozenset[str] = frozenset({",", "("})


def described_age(text: str) -> int | None:
    """The age an age description states (`the 27-year-old`, `the 27-year-old nurse` -> 27),
    else None."""
    match = AGE_DESCRIPTION_RE.search(text.lower())
    return int(match.group(1)) if match else None


def person_of_age(doc: Doc, age: int, before: int, article: ArticleNames) -> str | None:
    """The key of the person last named with `age` beside their name before token `before`,
    else None."""
    for start, key in reversed(article.by_start[: article.before(before) + 1]):
        cluster = article.clusters[key]
        if cluster.kind != "person":
            continue
        for name in cluster.names:
            if name.start == start and _aged(doc, name.end, age):
                return key
    return None


def person_in_sentence(head: Token, age: int, article: ArticleNames) -> str | None:
    """The key of the person named last before `head` in its own sentence and paragraph (`the
    crowd chanted during Okonkwo's free throws — something the 23-year-old said`: an epithet
    points back at the person its sentence has just named), unless the article gave that person
    another age; else None."""
    doc = head.doc
    start_of_sentence = head.sent.start
    k = article.before(head.i)
    while k >= 0 and article.by_start[k][0] >= start_of_sentence:
        start, key = article.by_start[k]
        if "\n" in doc[start : head.i].text:
            return None  # (the parse ran the sentence over a paragraph break)
        cluster = article.clusters[key]
        if cluster.kind == "person" and not key.startswith(DESCRIBED_KEY):
            return None if aged_otherwise(doc, cluster, age) else key
        k -= 1
    return None


def aged_otherwise(doc: Doc, cluster: Cluster, age: int) -> bool:
    """The article set another age than `age` off with commas beside one of the cluster's names
    (`Amanda Lee, 31,`; not a bracketed number, often a player's jersey: `Emeka Okonkwo (14)`)."""
    ages = {_age_after(doc, n.end) for n in cluster.names if doc[n.end : n.end + 1].text == ","}
    return bool(ages - {None, age})


def _aged(doc: Doc, end: int, age: int) -> bool:
    """`age` set off right after the name that ends at token `end`."""
    return _age_after(doc, end) == age


def _age_after(doc: Doc, end: int) -> int | None:
    """The age set off right after the name that ends at token `end` (`Amanda Lee, 27,`)."""
    if end + 1 >= len(doc) or doc[end].text not in AGE_OPENERS:
        return None
    number = doc[end + 1]
    return int(number.text) if number.is_digit else None
