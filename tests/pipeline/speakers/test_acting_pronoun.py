"""A he/she subject of the plain verb governing a fragment is the one acting, so it is the
source (`Then he turned to "little" Marco Rubio`), not the previous quote's speaker; a subject
that "be" only describes (`he is a "bully"`) is not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_an_acting_pronoun_is_the_fragments_source(nlp: Language) -> None:
    text = (
        'Tom Lee released a statement on Monday, insisting that the city "must stop wasting '
        'money." Meanwhile, Mayor Ann Brooks backed the deal, although she made it clear that '
        'she has "serious doubts" about its cost.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert [w[:2] for w in who(doc)] == [("Tom Lee", "Tom Lee"), ("Ann Brooks", "she")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ('he backed "a very big tax"', ("Tom Lee", "he")),
        # "be" only describes him: the fragment stays with the quote before it
        ('he was "very pro-tax"', ("Ann Brooks", "Mayor Ann Brooks")),
    ],
)
def test_a_described_pronoun_is_not_the_source(
    nlp: Language, clause: str, speaker: tuple[str, str]
) -> None:
    text = (
        '"The budget is a mess," Mayor Ann Brooks said on Monday. Her rival, Tom Lee, wants '
        f"the job. In 2009 {clause} and never apologised."
    )
    doc = attribute(nlp, text, ["direct", "partial"])
    assert who(doc)[1][:2] == speaker
