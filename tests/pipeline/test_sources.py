"""Which common nouns name a speaker (`sources.noun_names_source`): the lexicon's, a noun of a
person by what they do (`-er`, `-ist`, `-man`, `-person`), and not a noun of a thing; and the
words of a fragment inside such a person's report are theirs. On the full model's parses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.sources import noun_names_source
from tests.pipeline.support import attributed_speakers

SOURCE_NOUNS = frozenset({"spokesman"})


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("sentence", "noun", "speaks"),
    [
        ("A maintenance foreman wrote a memo.", "foreman", True),
        ("The chairperson wrote a memo.", "chairperson", True),
        ("The novelist wrote a memo.", "novelist", True),
        ("The spokesman wrote a memo.", "spokesman", True),
        ("The arrest was made at noon.", "arrest", False),
        ("The plan was made at noon.", "plan", False),
    ],
)
def test_nouns_of_people_name_a_source(
    nlp: Language, sentence: str, noun: str, speaks: bool
) -> None:
    doc = nlp(sentence)
    head = next(t for t in doc if t.text == noun)
    assert noun_names_source(head, SOURCE_NOUNS) is speaks


@pytest.mark.full_model
def test_a_fragment_in_a_foremans_report_is_the_foremans(nlp: Language) -> None:
    text = (
        "Union president Ben Laramie spoke on Monday.\n\n"
        "Laramie shared a report in which a maintenance foreman wrote that water had "
        '"accelerated the deterioration" of the vault.'
    )
    spoken = attributed_speakers(nlp(text))
    assert spoken == [("indirect", "a maintenance foreman"), ("partial", "a maintenance foreman")]
