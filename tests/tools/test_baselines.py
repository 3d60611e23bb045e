"""The textacy baseline: paragraphs, content offsets, the missing-extra message, real offsets."""

from __future__ import annotations

import sys

import pytest
import spacy

from app.tools.baselines import TEXTACY_MISSING, content_offsets, paragraphs, textacy_quotes
from app.tools.evaluation.matching import speakers_match


def test_paragraphs_keep_offsets() -> None:
    text = "One.\n\n  \nTwo two.\n\nThree"
    assert list(paragraphs(text)) == [(0, "One."), (9, "Two two."), (19, "Three")]
    assert all(text[o : o + len(p)] == p for o, p in paragraphs(text))


def test_content_offsets_strip_marks_and_blanks() -> None:
    doc = spacy.blank("en")('He said " We win. " today')
    first, last = [t.i for t in doc if t.is_quote]
    assert doc.text[slice(*content_offsets(doc, first, last))] == "We win."


def test_missing_textacy_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    with pytest.raises(ImportError, match="eval"):
        textacy_quotes(spacy.blank("en"), "text")
    assert "textacy" in TEXTACY_MISSING


@pytest.mark.full_model
def test_textacy_baseline_maps_offsets_back() -> None:
    pytest.importorskip("textacy")
    from app.settings import Settings
    from app.tools.baselines import load_base_model

    base = load_base_model(Settings().model_name)
    text = (
        'Intro line.\n\n"We will build the bridge next year," Mayor Jane Doe said on Monday.\n\n'
        'An "odd mark paragraph.'
    )
    (found,) = textacy_quotes(base, text)
    assert found[:3] == (14, 49, "We will build the bridge next year,")
    assert speakers_match("Jane Doe", found.speaker)  # "Mayor Jane Doe" or "Jane Doe"
    assert text[found.start : found.end] == found.text
