"""The word lists that steer quote typing, each loaded from a file under `models/`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Word lists that steer classification; each is loaded from a file under models/."""

    scare_cues: frozenset[str] = frozenset()  # phrases right before a term in scare quotes
    title_cues: frozenset[str] = frozenset()  # nouns/verbs right before a work's title
    title_verbs: frozenset[str] = frozenset()  # verbs that name a work by its title (titled)
    speech_cues: frozenset[str] = frozenset()  # word forms that report speech (said, calling)
    title_heads: frozenset[str] = frozenset()  # nouns right after a title they name (the "X" show)
    term_cues: frozenset[str] = frozenset()  # phrases before words used as words (the word "X")
    term_use_verbs: frozenset[str] = frozenset()  # saying/using before a term cue (used the word)
    thinking_verbs: frozenset[str] = frozenset()  # lemmas of thinking/naming (thinks X is "Y")
    furniture_labels: frozenset[str] = frozenset()  # labels that open a line of page furniture
    caption_marks: frozenset[str] = frozenset()  # strings that mark a photo caption or credit
    cue_verbs: frozenset[str] = frozenset()  # lemmas of speech verbs (the attributor's cues)

    def to_dict(self) -> dict[str, list[str]]:
        return {f.name: sorted(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lexicons:
        return cls(**{f.name: frozenset(data.get(f.name, ())) for f in fields(cls)})
