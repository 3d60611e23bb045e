"""A place the NER named may speak as "it" (`Ottawa said`), never as "they": a "they" after a
sentence that ends on a place does not mean that place."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import reports


@pytest.mark.full_model
def test_they_after_a_sentence_ending_on_a_place_is_not_that_place(nlp: Language) -> None:
    text = (
        "Health report urges action\n\n"
        "Nurses from Moncton toured the clinics in Nova Scotia last spring. They said the waits "
        "there had fallen by a third."
    )
    # (no one the article names: the nurses are no named group, and Nova Scotia is no "they")
    assert reports(nlp, text) == [("the waits there had fallen by a third", None, "said")]
