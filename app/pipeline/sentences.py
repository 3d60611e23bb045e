"""The `paragraph_sentences` component: a line break ends a sentence, before the parser runs.

News copy puts one paragraph on a line (see `app.pipeline.text`), and a headline has no full stop.
Left alone, the small English parser runs a sentence across the break: in `... as evacuation
orders expand` / `Fire officials say ...` it made "officials" the object of "expand" and left
"say" with no subject. The parser keeps the sentence starts it is given, so the first word of
every line is marked as one.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.text import PARAGRAPH_BREAKS


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Mark the first word after each line break as a sentence start."""
    if len(doc) < 2:
        return doc
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()
    for i in spaces:
        if i + 1 < len(doc) and not doc[i + 1].is_space and _breaks(doc[i].text):
            doc[i + 1].is_sent_start = True
    return doc


def _breaks(whitespace: str) -> bool:
    return any(c in PARAGRAPH_BREAKS for c in whitespace)
