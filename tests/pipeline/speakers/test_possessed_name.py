"""A name possessed by another name (`opined Dayton's Evening Herald`, `said WDX's Laura
Benning`) is the speaker, not its possessor."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_the_possessed_name_speaks(nlp: Language) -> None:
    text = (
        'Columnists predicted chaos. "Drivers should stay off the bridge all week," '
        "opined Dayton's Evening Herald."
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("Evening Herald", "Dayton's Evening Herald")
