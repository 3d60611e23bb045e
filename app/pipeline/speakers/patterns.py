"""The fixed-shape attribution cues as spaCy patterns kept as data (`models/patterns/*.jsonl`).

Token patterns (spaCy `Matcher` format) find cue phrases ("according to", "in a statement");
dependency patterns (`DependencyMatcher` format) find fixed dependency shapes ("X was asked by
Y": the speaker is the object of the by-phrase). Both are matched once per doc, from their
anchor tokens (`app.pipeline.shapes`); the layouts read the results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from app.pipeline.shapes import compile_phrases, compile_shapes, match, match_phrases

# Label of the token pattern whose first token is the "according" of "according to X".
ACCORDING_TO = "according_to"
# Label of the dependency pattern of a verb of addressing or naming with a by-phrase (`X was
# asked by Y`, `described as "Q" by Y`: Y speaks); its nodes are named "verb" and "speaker".
PASSIVE_AGENT = "passive_agent"


@dataclass(frozen=True, slots=True)
class CueMatches:
    """What the patterns found in one doc (token indices)."""

    according: frozenset[int] = frozenset()  # "according" of every "according to"
    phrase_starts: frozenset[int] = frozenset()  # first token of every cue phrase
    passive_agents: dict[int, int] = field(default_factory=dict)  # verb -> speaker


class CuePatterns:
    """Compiled token and dependency patterns, with the raw patterns kept for saving."""

    def __init__(
        self,
        vocab: Vocab,
        phrases: Sequence[dict[str, Any]] = (),
        dependencies: Sequence[dict[str, Any]] = (),
    ) -> None:
        self.phrases = list(phrases)
        self.dependencies = list(dependencies)
        # both kinds validated by spaCy, matched from their anchors (`app.pipeline.shapes`)
        self._phrases = compile_phrases(vocab, self.phrases)
        self._shapes = compile_shapes(vocab, self.dependencies)

    def __call__(self, doc: Doc) -> CueMatches:
        according: set[int] = set()
        starts: set[int] = set()
        for label, start, _end in match_phrases(doc, self._phrases):
            starts.add(start)
            if label == ACCORDING_TO:
                according.add(start)
        agents: dict[int, int] = {}
        if self.dependencies and doc.has_annotation("DEP"):
            # in the order of the matched tokens, node by node (a match binds its pattern's nodes
            # in order), as spaCy's matcher gives them
            found = sorted(
                (tuple(nodes.values()), label, nodes) for label, nodes in match(doc, self._shapes)
            )
            for _tokens, label, nodes in found:
                if label == PASSIVE_AGENT:
                    agents.setdefault(nodes["verb"], nodes["speaker"])
        return CueMatches(frozenset(according), frozenset(starts), agents)

    def to_json(self) -> dict[str, Any]:
        return {"phrases": self.phrases, "dependencies": self.dependencies}
