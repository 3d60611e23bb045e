"""Two people who share a surname: the bare surname is the one last called by it, not the one
last called by a first name alone; on a hand-written article parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_a_bare_surname_is_the_one_last_called_by_it(nlp: Language) -> None:
    text = (
        "For 28 years, Rosalind Marchetti played the same seven numbers.\n\n"
        "She collected the jackpot on Wednesday, with her husband, Clément, beside her.\n\n"
        '"I thought it was a scam," Marchetti told reporters.\n\n'
        "Clément Marchetti, 69, laughed.\n\n"
        '"She said millions," he said.'
    )
    doc = attribute(nlp, text)
    assert [name for name, *_ in who(doc)] == ["Rosalind Marchetti", "Clément Marchetti"]


@pytest.mark.full_model
def test_a_first_name_the_tagger_calls_an_organisation_joins_the_full_name(
    nlp: Language,
) -> None:
    text = (
        "Wes Kuziak and his wife, Janelle Kuziak, farm 4,200 acres of durum near Kindersley.\n\n"
        "Janelle has a different worry. Their son came home to farm.\n\n"
        '"He keeps telling me it is one year," she said.'
    )
    # (the tagger calls this "Janelle" an organisation; "she" finds her through it)
    doc = attribute(nlp, text)
    assert [name for name, *_ in who(doc)] == ["Janelle Kuziak"]
