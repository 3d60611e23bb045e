"""Lookups over an article's name clusters, shared by the mention resolver and the salience
timeline."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from app.pipeline.entities.named import Cluster
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
    # people the article says use they/them pronouns (`_singular_they`), whom "they" may mean
    singular_they: frozenset[str] = frozenset()

    @classmethod
    def of(cls, clusters: dict[str, Cluster], doc: Doc | None = None) -> ArticleNames:
        """The lookups over `clusters`; with `doc`, who there goes by they/them too."""
        by_start = sorted((name.start, key) for key, c in clusters.items() for name in c.names)
        starts = [s for s, _ in by_start]
        return cls(
            clusters=clusters,
            by_start=by_start,
            starts=starts,
            extents={(n.start, n.end): key for key, c in clusters.items() for n in c.names},
            subjects=frozenset(n.start for c in clusters.values() for n in c.names if n.subject),
            heads={n.head: key for key, c in clusters.items() for n in c.names},
            singular_they=_singular_they(doc, by_start, starts, clusters)
            if doc is not None
            else frozenset(),
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


def _singular_they(
    doc: Doc, by_start: list[tuple[int, str]], starts: list[int], clusters: dict[str, Cluster]
) -> frozenset[str]:
    """People the article says use they/them pronouns (`Joshi, who uses they/them pronouns,
    said ...`): the person named last before that statement in its sentence."""
    found: set[str] = set()
    for match in THEY_THEM_RE.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        sentence_start = span[0].sent.start
        k = bisect_left(starts, span.start) - 1
        while k >= 0 and by_start[k][0] >= sentence_start:
            key = by_start[k][1]
            if clusters[key].kind == "person":
                found.add(key)
                break
            k -= 1
    return frozenset(found)
