"""French organisation names the NER cuts up: `Société de transport de Montréal` (an ORG and a
PERSON half) is one organisation that `the STM` abbreviates, and the PERSON it makes of
`travailleurs de l'entretien de la STM` is no one's name; particles that open a name
(`de Blasio`, `bin Laden`) stay. On hand-written text parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.entities.written import lower_word, past_particles
from tests.pipeline.support import attribute, speakers

STM = (
    "Tens of thousands of commuters scrambled for buses Monday after the Société de transport "
    "de Montréal shut down the western half of the Orange line.\n\n"
    'The STM said in a statement that the closure would last "a minimum of three weeks."\n\n'
    '"We wrote it down," said Benoît Laramée, president of the Syndicat des travailleuses et '
    "travailleurs de l'entretien de la STM (CSN).\n\n"
    'The STM says the line carried "about 320,000 trips a day."\n'
)


@pytest.mark.full_model
def test_the_agency_speaks_not_the_union_named_after_it(nlp: Language) -> None:
    doc = attribute(nlp, STM)
    assert speakers(doc) == [
        "Société de transport de Montréal",
        "Benoît Laramée",
        "Société de transport de Montréal",
    ]


@pytest.mark.full_model
def test_particles_that_open_a_name_stay(nlp: Language) -> None:
    doc = nlp(
        "Mayor Bill de Blasio met the editors of La Stampa and the union of l'entretien de la STM."
    )
    de = next(t for t in doc if t.text == "de")
    blasio = next(t for t in doc if t.text == "Blasio")
    assert past_particles(doc, de.i, blasio.i) == de.i  # (after a capitalised first name)
    stm = next(t for t in doc if t.text == "STM")
    la = stm.i - 1
    assert past_particles(doc, la - 1, stm.i) == stm.i  # (after a lower-case word)
    assert lower_word(doc[la - 2]) is True  # l'entretien
    assert lower_word(de) is False
    assert lower_word(next(t for t in doc if t.text == "La")) is False
