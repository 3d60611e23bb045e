"""The speaker_attributor on hand-parsed docs (no model): candidates, errors, saving, and
linear work on degenerate input."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Token

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.speakers import context
from app.pipeline.speakers.component import SpeakerAttributor
from app.pipeline.speakers.layouts import after, before, continued
from app.pipeline.types import Quote, SpeakerCandidate
from tests.pipeline.support import attributor_data


def _attributor() -> SpeakerAttributor:
    """The component with its factory defaults and the cue data of models/."""
    attributor = spacy.blank("en").add_pipe("speaker_attributor")
    assert isinstance(attributor, SpeakerAttributor)
    attributor.initialize(lambda: [], **attributor_data())  # type: ignore[arg-type]
    return attributor


def _parsed_doc() -> Doc:
    """ "It works ," she said .  (hand-set heads, one sentence)"""
    vocab = spacy.blank("en").vocab
    words = ['"', "It", "works", ",", '"', "she", "said", "."]
    heads = [2, 2, 6, 2, 2, 6, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]
    lemmas = ['"', "it", "work", ",", '"', "she", "say", "."]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    span = doc[1:4]
    span._.quote = Quote(span.start_char, span.end_char, span.text, "direct", '"', '"')
    doc.spans[QUOTES_KEY] = [span]
    return doc


def test_hand_parsed_cueless_partial_quote_takes_the_subject_of_its_sentence() -> None:
    # Reyes pictured boats and " a new town " .  A degenerate parse ("pictured" tagged NOUN, as
    # the small model sometimes does): no verb governs the quote, so no cue is found.
    vocab = spacy.blank("en").vocab
    words = ["Reyes", "pictured", "boats", "and", '"', "a", "new", "town", '"', "."]
    heads = [1, 1, 1, 2, 7, 7, 7, 2, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "cc", "punct", "det", "amod", "conj", "punct", "punct"]
    pos = ["PROPN", "NOUN", "NOUN", "CCONJ", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "PUNCT"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=words)
    span = doc[5:8]
    span._.quote = Quote(span.start_char, span.end_char, span.text, "partial", '"', '"')
    doc.spans[QUOTES_KEY] = [span]
    candidate = _attributor()(doc).spans[QUOTES_KEY][0]._.speaker_candidate
    assert candidate == SpeakerCandidate(
        mention=(0, 1), head=0, cue=None, layout="sentence_subject", prior=0.3, local=True
    )


def test_hand_parsed_quote_then_pronoun_cue() -> None:
    doc = _attributor()(_parsed_doc())
    candidate = doc.spans[QUOTES_KEY][0]._.speaker_candidate
    assert candidate == SpeakerCandidate(
        mention=(5, 6), head=5, cue=(6, 7), layout="after", prior=0.9, local=True
    )
    attribution = doc.spans[QUOTES_KEY][0]._.attribution
    assert attribution is not None
    assert (attribution.mention.text if attribution.mention else None) == "she"
    assert attribution.name is None and attribution.entity_id is None


def test_missing_parse_raises() -> None:
    nlp = spacy.blank("en")
    doc = nlp('"It works," she said.')
    span = doc[1:4]
    span._.quote = Quote(span.start_char, span.end_char, span.text, "direct", '"', '"')
    doc.spans[QUOTES_KEY] = [span]
    with pytest.raises(ValueError, match="needs a dependency parse"):
        _attributor().find(doc)


def test_doc_without_quotes_is_left_alone() -> None:
    doc = spacy.blank("en")("Nothing quoted here.")
    assert _attributor()(doc).spans.get(QUOTES_KEY) is None


def test_save_and_reload(tmp_path: Path) -> None:
    attributor = _attributor()
    attributor.to_disk(tmp_path / "attributor")
    reloaded = spacy.blank("en").add_pipe("speaker_attributor").from_disk(tmp_path / "attributor")
    assert reloaded.lexicon == attributor.lexicon
    again = spacy.blank("en").add_pipe("speaker_attributor").from_bytes(attributor.to_bytes())
    assert again.lexicon == attributor.lexicon
    assert again.speech_nouns == reloaded.speech_nouns == attributor.speech_nouns
    assert again.poll_nouns == reloaded.poll_nouns == attributor.poll_nouns
    assert "poll" in attributor.poll_nouns
    assert again.patterns.to_json() == reloaded.patterns.to_json() == attributor.patterns.to_json()
    first, second = attributor(_parsed_doc()), reloaded(_parsed_doc())
    assert first.spans[QUOTES_KEY][0]._.speaker_candidate is not None
    assert (
        first.spans[QUOTES_KEY][0]._.speaker_candidate
        == second.spans[QUOTES_KEY][0]._.speaker_candidate
    )


def _repeated_doc(copies: int) -> Doc:
    """`"It works," she said. "Fine" - Ann Lee` `copies` times in ONE paragraph (4 quote marks
    each), hand-parsed. Only the last dash is a signature: more text follows the others."""
    vocab = spacy.blank("en").vocab
    unit = ['"', "It", "works", ",", '"', "she", "said", ".", '"', "Fine", '"', "-", "Ann", "Lee"]
    unit_heads = [2, 2, 6, 2, 2, 6, 6, 6, 9, 9, 9, 9, 13, 9]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"]
    deps += ["punct", "ROOT", "punct", "punct", "compound", "appos"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]
    pos += ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PROPN", "PROPN"]
    words: list[str] = []
    heads: list[int] = []
    for k in range(copies):
        words += unit
        heads += [h + k * len(unit) for h in unit_heads]
    doc = Doc(
        vocab,
        words=words,
        heads=heads,
        deps=deps * copies,
        pos=pos * copies,
        lemmas=[w.lower().replace("said", "say") for w in words],
    )
    spans = []
    for k in range(copies):
        for lo, hi in ((1, 4), (9, 10)):
            span = doc[k * len(unit) + lo : k * len(unit) + hi]
            span._.quote = Quote(span.start_char, span.end_char, span.text, "direct", '"', '"')
            spans.append(span)
    doc.spans[QUOTES_KEY] = spans
    return doc


def test_many_quote_marks_in_one_paragraph_are_attributed_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """10,000 quote marks in one paragraph: every quote gets its speaker, and the work (token
    checks by the layout searches) grows linearly with the number of quotes, not quadratically."""
    calls = 0
    real_is_mark = context.is_mark

    def counting_is_mark(token: Token) -> bool:
        nonlocal calls
        calls += 1
        return real_is_mark(token)

    for module in (context, after, before, continued):
        monkeypatch.setattr(module, "is_mark", counting_is_mark)
    attributor = _attributor()
    work: list[int] = []
    for copies in (625, 2500):
        calls = 0
        doc = attributor(_repeated_doc(copies))
        work.append(calls)
        found = [span._.speaker_candidate for span in doc.spans[QUOTES_KEY]]
        assert len(found) == 2 * copies
        assert all(c is not None for c in found)
        assert [c.layout if c else None for c in found[::2]] == ["after"] * copies
        mentions = [doc[c.mention[0] : c.mention[1]].text for c in found if c and c.mention]
        # the last dash ends the paragraph: a signature; every other one is followed by more text
        assert set(mentions[:-1]) == {"she"} and mentions[-1] == "Ann Lee"
    assert work[1] <= 5 * work[0]  # 4x the quotes: about 4x the work
