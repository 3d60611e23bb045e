"""The `paragraph_sentences` component: a line break ends a sentence, before the parser runs.

News copy puts one paragraph on a line (see `app.pipeline.text`), and a headline has no full stop.
Left alone, the small English parser runs a sentence across the break: in `... as evacuation
orders expand` / `Fire officials say ...` it made "officials" the object of "expand" and left
"say" with no subject. The parser keeps the sentence starts it is given, so the first word of
every line is marked as one.

Given those starts, the parser sometimes ends a one-word sentence inside a name instead
(`Barnes says team is fine` / `Scottie | Barnes isn't hiding`), and the NER, which never
crosses a sentence, then misses the name. So the second of two proper nouns written side by
side on a line is marked as no sentence start.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.shapes import hashes_of, in_sorted
from app.pipeline.text import has_break

# "Not a sentence start" (-1) as the doc's unsigned arrays hold it.
NOT_START = numpy.iinfo(numpy.uint64).max
# The tagger's proper-noun tags.
PROPER_TAGS: frozenset[str] = frozenset({"NNP", "NNPS"})


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Mark the first word after each line break as a sentence start, and the second of two
    proper nouns side by side (tagged, with one space between) as none."""
    if len(doc) < 2:
        return doc
    columns: Any = doc.to_array([IS_SPACE, SENT_START, TAG])  # (numpy; spaCy's stub types differ)
    spaces = numpy.flatnonzero(columns[:-1, 0]).tolist()
    starts = [i + 1 for i in spaces if not columns[i + 1, 0] and has_break(doc[i].text)]
    proper = in_sorted(columns[:, 2], hashes_of(PROPER_TAGS))
    joined = [
        i + 1
        for i in numpy.flatnonzero(proper[:-1] & proper[1:]).tolist()
        if doc[i].whitespace_ == " " and not doc[i].text.endswith(".")
    ]
    if starts or joined:
        # (one array write: setting `Token.is_sent_start` word by word is quadratic)
        columns[joined, 1] = NOT_START
        columns[starts, 1] = 1
        doc.from_array([SENT_START], columns[:, 1:2])
    return doc
