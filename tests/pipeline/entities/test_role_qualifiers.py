"""A role noun's own place or title word keeps it from another office's holder
(`Quebec's attorney general` is not `Ontario Solicitor General X`), on hand-written articles
parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who

INTRO = (
    "Ontario Solicitor General Gregory Naidoo said the province will study the ruling.\n\n"
    "Lawyers for the accused welcomed it.\n\n"
)


@pytest.mark.full_model
def test_another_provinces_office_is_not_the_named_holder(nlp: Language) -> None:
    text = INTRO + 'Quebec\'s attorney general argued that the law was "clear enough."'
    assert who(attribute(nlp, text)) == [
        ("Quebec's attorney general", "Quebec's attorney general", "argued")
    ]


@pytest.mark.full_model
def test_the_same_office_is_the_named_holder(nlp: Language) -> None:
    text = INTRO + 'The solicitor general argued that the law was "clear enough."'
    assert who(attribute(nlp, text)) == [("Gregory Naidoo", "The solicitor general", "argued")]
    text = INTRO + 'Ontario\'s solicitor general argued that the law was "clear enough."'
    assert who(attribute(nlp, text)) == [
        ("Gregory Naidoo", "Ontario's solicitor general", "argued")
    ]
