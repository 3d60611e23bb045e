"""`the restaurant` means the restaurant the story named (a name with a word of a restaurant's
kind: House, Bistro, Grill ...; models/org_kind_words.tsv), not an unnamed source; on
hand-written text run through the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_the_restaurant_is_the_one_named(nlp: Language) -> None:
    text = (
        "The Golden Wok Noodle House on Main Street will close at the end of the month, its "
        'owners said.\n\n"We held on as long as we could," the restaurant wrote on Instagram.'
    )
    name, mention, cue = who(attribute(nlp, text))[0]
    assert name is not None and name.startswith("Golden Wok Noodle House")
    assert (mention, cue) == ("the restaurant", "wrote")
