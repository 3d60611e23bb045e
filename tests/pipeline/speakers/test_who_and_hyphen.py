"""Two misreadings of the words around a cue, on hand-written text parsed by the full model:
"who" hung on a place inside a noun's phrase stands for that noun (`A reader in Barrhaven, who
asked ..., emailed`: the reader speaks, not the place), and a hyphen inside the name a colon
follows is no dash crediting that name (`told Radio-Canada: "Q"`: the teller speaks)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.syntax import own_subject
from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_who_after_a_place_means_the_noun_the_place_belongs_to(nlp: Language) -> None:
    text = (
        "A reader in Barrhaven, who asked me not to use her name, emailed after my last column: "
        '"I need a 15-minute bus."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("A reader in Barrhaven", "A reader in Barrhaven", "emailed")]
    asked = next(t for t in doc if t.text == "asked")
    subject = own_subject(asked)
    assert subject is not None and subject.text == "reader"


@pytest.mark.full_model
def test_who_after_a_person_is_still_that_person(nlp: Language) -> None:
    doc = nlp("The mayor met Ann Lee, who asked for a new bus route.")
    asked = next(t for t in doc if t.text == "asked")
    subject = own_subject(asked)
    assert subject is not None and subject.text == "Lee"


@pytest.mark.full_model
def test_a_hyphenated_name_before_the_colon_is_the_listener(nlp: Language) -> None:
    text = (
        "One Grade 6 student at Le Tournesol, who will be among the first to move, told "
        'Radio-Canada: "I am not scared of the big kids. I am scared of the bus."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [
        ("One Grade 6 student at Le Tournesol", "One Grade 6 student at Le Tournesol", "told")
    ]


@pytest.mark.full_model
def test_a_spaced_dash_before_a_name_still_credits_it(nlp: Language) -> None:
    doc = attribute(nlp, 'Polls were right all along - Harlow Research: "We saw it coming."')
    assert who(doc)[0][0] == "Harlow Research"
