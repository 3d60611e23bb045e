"""A speaker calls themself "I": a "he" inside a transcript answer (`A: He told me, "Q"`) is not
the person answering, while a "he" inside reported speech (`Tolliver said he told them, "Q"`)
may be the reporting speaker. On hand-written text run through the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.entities.misread import adverb_read_as_name
from app.pipeline.extensions import QUOTES_KEY

TRANSCRIPT = (
    "Blue Jays manager Greg Tolliver spoke after the game.\n\n"
    "Q: Is Reyes available tomorrow?\n\n"
    "A: We will see how he comes in. He has thrown a lot the last two nights.\n\n"
    "Q: And Kowalski's hamstring?\n\n"
    'A: He is fine. He told me, "Skip, I am running better than I was in April." '
    "I do not know if I believe him.\n"
)


def _speakers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    out = []
    for span in doc.spans[QUOTES_KEY]:
        attribution = span._.attribution
        if attribution is not None:
            out.append((span._.quote.type, attribution.name))
    return out


@pytest.mark.full_model
def test_he_inside_an_answer_is_not_the_one_answering(nlp: Language) -> None:
    found = _speakers(nlp, TRANSCRIPT)
    assert found[-2] == ("indirect", "Greg Tolliver")  # the answer
    assert found[-1] == ("direct", "Kowalski")  # the words the answer reports


@pytest.mark.full_model
def test_he_inside_reported_speech_may_be_the_reporter(nlp: Language) -> None:
    text = (
        "Blue Jays manager Greg Tolliver spoke after the game.\n\n"
        'Tolliver said he told the players, "Nobody sleeps until we win."\n'
    )
    assert ("direct", "Greg Tolliver") in _speakers(nlp, text)


@pytest.mark.full_model
def test_an_adverb_opening_an_answer_is_no_name(nlp: Language) -> None:
    """`A: Briefly. He said, "Coach, ..."`: with the one answering out of the question, "he"
    must not fall to `Briefly`, which the tagger reads as a proper noun."""
    text = (
        "Coach Rick Dunleavy spoke after practice. He was asked about the new defenceman.\n\n"
        "Q: Did you talk to Étienne Thériault?\n\n"
        'A: Briefly. He said, "Coach, I will play wherever." That is all I needed to hear.\n'
    )
    # (the coach answers, so "he" is not him; Thériault, named in the question, is the man the
    # answer is about, and his first name, known with its accented capital, makes him a "he")
    assert _speakers(nlp, text)[-1] == ("direct", "Étienne Thériault")
    doc = nlp("A: Briefly. He left.\n\nKelly. She left.")
    briefly = next(t for t in doc if t.text == "Briefly")
    kelly = next(t for t in doc if t.text == "Kelly")
    assert adverb_read_as_name(briefly, lambda word: word == "Kelly") is True
    assert adverb_read_as_name(kelly, lambda word: word == "Kelly") is False
