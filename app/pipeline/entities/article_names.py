"""Lookups over an article's name clusters, shared by the mention resolver and the salience
timeline."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from app.pipeline.entities.names import Cluster
from app.pipeline.text import doc_text, headline_range

# A statement of a person's pronouns that includes the singular they (`uses they/them pronouns`).
THEY_THEM_RE = re.compile(r"\bthey\s*/\s*them\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """The article's name clusters with the lookups resolution needs."""

    clusters: dict[str, Cluster]
    by_start: list[tuple[int, str]]  # (first token of a name, its cluster key), sorted
    starts: list[int]  # the first elements of by_start
    extents: dict[tuple[int, int], str]  # token range of a name -> its cluster key
    subjects: frozenset[int]  # first tokens of names that are grammatical subjects
    heads: dict[int, str]  # head token of a name -> its cluster key

    @classmethod
    def of(cls, clusters: dict[str, Cluster]) -> ArticleNames:
        by_start = sorted((name.start, key) for key, c in clusters.items() for name in c.names)
        return cls(
            clusters=clusters,
            by_start=by_start,
            starts=[s for s, _ in by_start],
            extents={(n.start, n.end): key for key, c in clusters.items() for n in c.names},
            subjects=frozenset(n.start for c in clusters.values() for n in c.names if n.subject),
            heads={n.head: key for key, c in clusters.items() for n in c.names},
        )

    def before(self, token: int) -> int:
        """Index in `by_start` of the last name starting before `token` (-1: none)."""
        return bisect_left(self.starts, token) - 1

    def no_person_named(self, doc: Doc, token: int) -> bool:
        """No person is named in the body of `doc` before `token` (the headline aside): the
        token lies in the lede, as far as people go."""
        first = headline_range(doc_text(doc))
        body_start = first[1] if first is not None else 0
        return not any(
            self.clusters[key].kind == "person" and doc[start].idx >= body_start
            for start, key in self.by_start[: self.before(token) + 1]
        )

    def singular_they(self, doc: Doc) -> frozenset[str]:
        """People the article says use they/them pronouns (`Joshi, who uses they/them pronouns,
        said ...`): the person named last before that statement in its sentence, whom a later
        "they" may mean."""
        text = doc_text(doc)
        found: set[str] = set()
        for match in THEY_THEM_RE.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            sentence_start = span[0].sent.start
            k = self.before(span.start)
            while k >= 0 and self.by_start[k][0] >= sentence_start:
                key = self.by_start[k][1]
                if self.clusters[key].kind == "person":
                    found.add(key)
                    break
                k -= 1
        return frozenset(found)
