"""A he/she subject of the plain verb governing a fragment is the one acting, so it is the
source (`In 2014 he opposed "a reckless bond"`), not the previous quote's speaker; a subject
that "be" only describes (`he was "deeply anti-bond"`) is not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_an_acting_pronoun_is_the_fragments_source(nlp: Language) -> None:
    text = (
        'Owen Pratt issued a statement on Friday, warning that the district "cannot keep cutting '
        'corners." Later, Councilwoman Ruth Ellis endorsed the plan, though she made it clear '
        'that she still has "real worries" about its timing.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert [w[:2] for w in who(doc)] == [("Owen Pratt", "Owen Pratt"), ("Ruth Ellis", "she")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ('he opposed "a reckless bond"', ("Owen Pratt", "he")),
        # "be" only describes him: the fragment stays with the quote before it
        ('he was "deeply anti-bond"', ("Ruth Ellis", "Councilwoman Ruth Ellis")),
    ],
)
def test_a_described_pronoun_is_not_the_source(
    nlp: Language, clause: str, speaker: tuple[str, str]
) -> None:
    text = (
        '"The schools are underfunded," Councilwoman Ruth Ellis said on Friday. Her challenger, '
        f"Owen Pratt, wants the seat. In 2014 {clause} and never changed course."
    )
    doc = attribute(nlp, text, ["direct", "partial"])
    assert who(doc)[1][:2] == speaker
