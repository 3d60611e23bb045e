"""A name possessed by another name (`opined Cleveland's Plain Dealer`, `said CNN's Jake
Tapper`) is the speaker, not its possessor."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_the_possessed_name_speaks(nlp: Language) -> None:
    text = (
        'Editorial pages warned of disaster. "Gun owners should leave their weapons at home," '
        "opined Springfield's Daily Ledger."
    )
    doc = attribute(nlp, text)
    assert who(doc)[0][:2] == ("Daily Ledger", "Springfield's Daily Ledger")
