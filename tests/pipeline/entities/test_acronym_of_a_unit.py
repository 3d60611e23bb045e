"""An acronym of a name the tagger took for a person's (`Special Investigations Unit` ...
`the SIU`): the acronym joins it, the entity is an organisation, and "the agency" means it; on
a hand-written article parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_an_acronym_and_the_agency_mean_the_unit_named_in_full(nlp: Language) -> None:
    text = (
        "SIU investigating after police shoot man in London, Ont.\n\n"
        "The Special Investigations Unit said officers were called to an apartment at 4:50 a.m.\n\n"
        'According to the SIU, the man was "holding a knife" when officers entered.\n\n'
        'The agency said three investigators were "assigned to the case."'
    )
    doc = attribute(nlp, text, ["partial", "partial"])
    assert [(name, mention) for name, mention, _ in who(doc)] == [
        ("Special Investigations Unit", "the SIU"),
        ("Special Investigations Unit", "The agency"),
    ]
