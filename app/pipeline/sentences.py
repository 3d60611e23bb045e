"""The `paragraph_sentences` component: a line break ends a sentence, before the parser runs.

News copy puts one paragraph on a line (see `app.pipeline.text`), and a headline has no full stop.
Left alone, the small English parser runs a sentence across the break: in `... as evacuation
orders expand` / `Fire officials say ...` it made "officials" the object of "expand" and left
"say" with no subject. The parser keeps the sentence starts it is given, so the first word of
every line is marked as one.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.text import has_break


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Mark the first word after each line break as a sentence start."""
    if len(doc) < 2:
        return doc
    columns: Any = doc.to_array([IS_SPACE, SENT_START])  # (numpy; spaCy's stub types differ)
    spaces = numpy.flatnonzero(columns[:-1, 0]).tolist()
    starts = [i + 1 for i in spaces if not columns[i + 1, 0] and has_break(doc[i].text)]
    if starts:
        # (one array write: setting `Token.is_sent_start` word by word is quadratic)
        columns[starts, 1] = 1
        doc.from_array([SENT_START], columns[:, 1:])
    return doc
