"""A quote under a plain verb whose subject, the sentence's own, is a common noun naming a source
(`The agency declined to detail the "Q"`): that source, not the previous quote's speaker, on a
small hand-written article parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who

AUDIT = (
    '"We are checking every invoice," Senator Tom Baker said on Monday. The agency declined '
    'to publicly detail the audit\'s "exact cost, length or likely findings."'
)


@pytest.mark.full_model
def test_the_main_verbs_source_noun_subject_speaks_a_new_sentences_quote(
    nlp: Language,
) -> None:
    doc = attribute(nlp, AUDIT)
    assert who(doc)[1] == ("The agency", "The agency", "detail")
    assert layouts(doc) == ["after", "verb"]


@pytest.mark.full_model
def test_a_source_subject_in_a_subordinate_clause_defers_to_the_previous_speaker(
    nlp: Language,
) -> None:
    text = (
        '"We are checking every invoice," Senator Tom Baker said on Monday. The meeting ended '
        'after the agency declined to detail the audit\'s "exact cost and length."'
    )
    doc = attribute(nlp, text)
    assert who(doc)[1] == ("Tom Baker", "Senator Tom Baker", "said")
    assert layouts(doc)[1] == "shared"
