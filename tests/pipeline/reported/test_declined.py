"""A reported-speech cue that is negated or refused (`reported/declined.py`), on hand-parsed
sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from app.pipeline.reported.declined import declined_cue

# the dependencies of `Lee declined to say`
INFINITIVE = ["nsubj", "ROOT", "aux", "xcomp"]


def _doc(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "cue", "declined"),
    [
        # `Lee did not respond`
        (["Lee", "did", "not", "respond"], [3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT"], 3, True),
        # `Lee never said`
        (["Lee", "never", "said"], [2, 2, 2], ["nsubj", "neg", "ROOT"], 2, True),
        # `Lee declined to say`
        (["Lee", "declined", "to", "say"], [1, 1, 3, 1], INFINITIVE, 3, True),
        # `Lee refused to comment`
        (["Lee", "refused", "to", "comment"], [1, 1, 3, 1], INFINITIVE, 3, True),
        # `Lee said`, `Lee wanted to say`
        (["Lee", "said"], [1, 1], ["nsubj", "ROOT"], 1, False),
        (["Lee", "wanted", "to", "say"], [1, 1, 3, 1], INFINITIVE, 3, False),
    ],
)
def test_a_negated_or_refused_cue_is_declined(
    words: list[str], heads: list[int], deps: list[str], cue: int, declined: bool
) -> None:
    lemmas = {"declined": "decline", "refused": "refuse", "said": "say", "wanted": "want"}
    doc = _doc(words, heads, deps, [lemmas.get(w, w.lower()) for w in words])
    assert declined_cue(doc[cue]) is declined
