"""When a predicted quote matches a gold quote (offsets), and when two speaker names match.

The rules are defined, with the figures built on them, in `app.tools.evaluation.scoring`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from app.tools.evaluation.gold import GoldQuote, PredQuote

# Words dropped from speaker names before comparing: titles and honorifics written before a name.
HONORIFICS: frozenset[str] = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame madam sen senator rep representative gov "
    "governor gen col lt sgt rev fr hon president pres".split()
)
# Words dropped from speaker names: name suffixes after a surname, and the article "the".
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv", "esq"})
DROPPED_WORDS: frozenset[str] = NAME_SUFFIXES | {"the"}
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_WORD_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
# Where a gold source's description starts, as the eval README defines it: the first comma,
# parenthesis, dash, " who " or " which " ("Ann Lee, a former official", "Ray (R-OH)",
# "Tom Bell — a teacher —"). A hyphen inside a word ("Lloyd-Hart") is no dash, and "of"
# is no cut: "Mr. Dunn of the River Trust" is matched whole or by its last word ("trust").
_DESCRIPTION = re.compile(r"\s*[,(\u2013\u2014]|\s+-{1,2}\s+|\s+(?:who|which)\s+")

MatchMode = Literal["exact", "overlap"]


def name_head(name: str) -> str:
    """A gold source without its description: the text before the first cut (`_DESCRIPTION`).

    'Kenneth Baer, a former official' -> 'Kenneth Baer'; 'Sen. Claire McCaskill (D-Mo.)' ->
    'Sen. Claire McCaskill'. A description that starts with one is kept whole.
    """
    head = _DESCRIPTION.split(name, maxsplit=1)[0]
    return head if head.strip() else name


def normalize_name(name: str) -> tuple[str, ...]:
    """Comparable words of a speaker name: "Mr. Trump's" -> ('trump',).

    Case-folded; possessive 's and edge punctuation stripped; "the" and name suffixes dropped;
    honorifics dropped while a word remains ("the senator" -> ('senator',)).
    """
    words: list[str] = []
    for raw in name.casefold().split():
        word = _WORD_EDGE_PUNCT.sub("", _POSSESSIVE.sub("", _WORD_EDGE_PUNCT.sub("", raw)))
        if word and word not in DROPPED_WORDS:
            words.append(word)
    kept = [w for w in words if w not in HONORIFICS]
    return tuple(kept or words)


def _same_source(gold: str, pred: str) -> bool:
    g = normalize_name(gold)
    p = normalize_name(pred)
    if not g or not p:
        return gold.strip().casefold() == pred.strip().casefold()
    return g == p or g[-1] == p[-1]


def speakers_match(gold: str | None, pred: str | None, *, head_only: bool = True) -> bool:
    """Equal normalized names or the same last word; null matches null only.

    The gold source is tried whole and, with `head_only` (the eval README's rule), also without
    its description (`name_head`); the predicted name is compared as it is.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    if _same_source(gold, pred):
        return True
    head = name_head(gold)
    return head_only and head != gold and _same_source(head, pred)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def spans_match(gold: GoldQuote, pred: PredQuote, mode: MatchMode) -> bool:
    if mode == "exact":
        return gold.start == pred.start and gold.end == pred.end
    common = overlap(gold.start, gold.end, pred.start, pred.end)
    shorter = min(gold.end - gold.start, pred.end - pred.start)
    return common > 0 and 2 * common >= shorter


def match_quotes(
    gold: Sequence[GoldQuote], pred: Sequence[PredQuote], mode: MatchMode = "overlap"
) -> dict[int, int]:
    """One-to-one matching, greedy by overlap: gold index -> predicted index."""
    candidates = sorted(
        (
            (-overlap(g.start, g.end, p.start, p.end), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if spans_match(g, p, mode)
        )
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs
