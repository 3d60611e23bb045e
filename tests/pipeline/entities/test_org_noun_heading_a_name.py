"""`the university` means the organisation whose name that noun heads (`Brock University`), not
one whose name only holds it before another organisation's noun (`Brock University Students'
Union`, named since); on hand-written text run through the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports

# a university, then its students' union named since
ARTICLE = (
    "Students at Brock University have voted to boycott classes for a day.\n\n"
    "Results released Thursday by the Brock University Students' Union show 71 per cent "
    "voted in favour.\n\n"
)


@pytest.mark.full_model
def test_the_university_is_not_its_students_union(nlp: Language) -> None:
    text = ARTICLE + "The university said it has cut 120 positions over the past two years.\n"
    assert reports(nlp, text)[-1] == (
        "it has cut 120 positions over the past two years",
        "Brock University",
        "said",
    )


@pytest.mark.full_model
def test_the_union_is_still_the_students_union(nlp: Language) -> None:
    text = ARTICLE + "The union said turnout was 38 per cent.\n"
    assert reports(nlp, text)[-1] == (
        "turnout was 38 per cent",
        "Brock University Students' Union",
        "said",
    )
