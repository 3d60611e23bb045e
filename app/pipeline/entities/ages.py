"""A person the article names with their age (`Amanda Lee, 27,`, `Tom Ray (64)`) and later
describes by it (`the 27-year-old said`): the description means that person."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from app.pipeline.entities.article_names import ArticleNames

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


def _aged(doc: Doc, end: int, age: int) -> bool:
    """`age` set off right after the name that ends at token `end`."""
    if end + 1 >= len(doc) or doc[end].text not in AGE_OPENERS:
        return False
    number = doc[end + 1]
    return number.is_digit and int(number.text) == age
