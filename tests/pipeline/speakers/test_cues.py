"""Cue helpers and the cue patterns (models/patterns/) on hand-parsed docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.lexicon import read_patterns
from app.pipeline.speakers.cues import CueLexicon, according_to_source, cue_extent, subject_of
from app.pipeline.speakers.patterns import CueMatches, CuePatterns
from tests.pipeline.support import MODELS, hand_parsed


def _patterns() -> CuePatterns:
    return CuePatterns(
        spacy.blank("en").vocab,
        read_patterns(MODELS / "patterns" / "cue_phrases.jsonl"),
        read_patterns(MODELS / "patterns" / "passive_agent.jsonl"),
    )


def _according_doc() -> Doc:
    """According to Baker , it works .  (hand-set heads)"""
    words = ["According", "to", "Baker", ",", "it", "works", "."]
    heads = [5, 0, 1, 5, 5, 5, 5]
    deps = ["prep", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_cue_lexicon_keeps_single_word_lemmas() -> None:
    lexicon = CueLexicon.from_entries(["say", "Tell", "according to", "say"])
    assert lexicon.verbs == frozenset({"say", "tell"})
    assert lexicon.to_entries() == ["say", "tell"]


def test_according_to_is_matched_by_its_pattern_and_names_its_object() -> None:
    doc = _according_doc()
    matches = _patterns()(doc)
    assert matches.according == frozenset({0})
    assert matches.phrase_starts == frozenset({0})
    source = according_to_source(doc[0])
    assert source is not None and source.text == "Baker"
    assert cue_extent(doc[0]) == (0, 2)


def test_in_a_statement_is_a_cue_phrase_but_no_source() -> None:
    doc = spacy.blank("en")("Lee said in a statement that it works.")
    matches = _patterns()(doc)
    assert matches.phrase_starts == frozenset({2})
    assert matches.according == frozenset()
    assert matches.passive_agents == {}  # no parse: dependency patterns are skipped


def test_subject_of_a_plain_cue() -> None:
    doc = _according_doc()
    subject = subject_of(doc[5], {})
    assert subject is not None and subject.text == "it"


def test_passive_verb_of_addressing_names_the_agent() -> None:
    # "Smith was asked by Jones": the listener is the subject, the speaker the agent
    words = ["Smith", "was", "asked", "by", "Jones", "."]
    heads = [2, 2, 2, 2, 3, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]
    lemmas = ["Smith", "be", "ask", "by", "Jones", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    matches = _patterns()(doc)
    assert matches == CueMatches(frozenset(), frozenset(), {2: 4})
    subject = subject_of(doc[2], matches.passive_agents)
    assert subject is not None and subject.text == "Jones"
    # without the pattern's match the grammatical subject (the listener) would be taken
    listener = subject_of(doc[2], {})
    assert listener is not None and listener.text == "Smith"


def test_a_passive_verb_that_does_not_address_anyone_keeps_its_subject() -> None:
    words = ["Smith", "was", "praised", "by", "Jones", "."]
    heads = [2, 2, 2, 2, 3, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]
    lemmas = ["Smith", "be", "praise", "by", "Jones", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert _patterns()(doc).passive_agents == {}


def test_a_verb_given_two_subjects_by_a_misparse_takes_the_nearest() -> None:
    # `"... never Lopez ." ¶ Another official said , "Q"`: the parse hung the name at the end of
    # the quote before on "said" as a second subject
    words = ["never", "Lopez", ".", "Another", "official", "said", ","]
    heads = [1, 5, 1, 4, 5, 5, 5]
    deps = ["neg", "nsubj", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["ADV", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    subject = subject_of(doc[5], {})
    assert subject is not None and subject.text == "official"


def test_participle_on_an_issued_noun_takes_the_issuers_subject() -> None:
    # `The council sent out a release saying Lee owes "an apology"`
    words = ["The", "council", "sent", "out", "a", "release", "saying", "Lee", "owes", "it"]
    heads = [1, 2, 2, 2, 5, 2, 5, 8, 6, 8]
    deps = ["det", "nsubj", "ROOT", "prt", "det", "dobj", "acl", "nsubj", "ccomp", "dobj"]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "PROPN", "VERB", "PRON"]
    lemmas = ["the", "council", "send", "out", "a", "release", "say", "Lee", "owe", "it"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    subject = subject_of(doc[6], {}, issued_nouns=frozenset({"release"}))
    assert subject is not None and subject.text == "council"
    # without the noun in the lexicon the participle has no subject of its own
    assert subject_of(doc[6], {}) is None


def _adverb_doc(words: list[str]) -> Doc:
    """`It works . WORDS called Baker a friend .`, the word before "called" tagged an adverb
    of it (hand-set heads), as the tagger may take a surname it does not know for one."""
    k = 3 + len(words)  # "called"
    heads = [1, 1, 1] + [k] * len(words) + [k, k, k + 2, k, k]
    deps = ["nsubj", "ROOT", "punct"] + ["cc"] * (len(words) - 1) + ["advmod"]
    deps += ["ROOT", "dobj", "det", "oprd", "punct"]
    pos = ["PRON", "VERB", "PUNCT"] + ["CCONJ"] * (len(words) - 1) + ["ADV"]
    pos += ["VERB", "PROPN", "DET", "NOUN", "PUNCT"]
    words = ["It", "works", ".", *words, "called", "Baker", "a", "friend", "."]
    lemmas = [w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_capitalised_adverb_right_before_a_subjectless_verb_is_its_subject() -> None:
    doc = _adverb_doc(["And", "Lopez"])  # `And Lopez called Baker a friend.`
    subject = subject_of(doc[5], {})
    assert subject is not None and subject.text == "Lopez"


def test_a_sentence_s_capitalised_first_word_is_no_subject() -> None:
    doc = _adverb_doc(["Later"])  # `Later called Baker a friend.`
    assert doc[3].is_sent_start
    assert subject_of(doc[4], {}) is None


def test_a_by_phrase_hung_on_the_name_given_speaks_for_a_passive_verb_of_naming() -> None:
    # `The plan was called "a disaster" by Lee`: the parse hangs "by Lee" on "disaster"
    words = ["The", "plan", "was", "called", '"', "a", "disaster", '"', "by", "Lee", "."]
    heads = [1, 3, 3, 3, 6, 6, 3, 6, 6, 8, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "punct", "det", "oprd", "punct", "prep"]
    deps += ["pobj", "punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "PUNCT", "DET", "NOUN", "PUNCT", "ADP", "PROPN", "PUNCT"]
    lemmas = ["the", "plan", "be", "call", '"', "a", "disaster", '"', "by", "Lee", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    agents = _patterns()(doc).passive_agents
    assert agents == {3: 9}
    subject = subject_of(doc[3], agents)
    assert subject is not None and subject.text == "Lee"


def _tagged(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]
) -> Doc:
    """A hand-parsed doc with tags; the lemmas are the lower-cased words but for the verb's."""
    lemmas = [LEMMAS.get(w, w.lower()) for w in words]
    return hand_parsed(words, heads, deps, pos, tags=tags, lemmas=lemmas)


LEMMAS = {"labeled": "label", "dubbed": "dub"}


def test_a_by_phrase_hung_on_the_object_of_as_speaks_for_a_participle_of_naming() -> None:
    # `an audit labeled as a "fishing trip" by Democrats`: the parse hangs "by Democrats" on
    # "trip", the object of "as"
    words = ["audit", "labeled", "as", "a", '"', "fishing", "trip", '"', "by", "Democrats"]
    heads = [0, 0, 1, 6, 6, 6, 2, 6, 6, 8]
    deps = ["ROOT", "acl", "prep", "det", "punct", "compound", "pobj", "punct", "prep", "pobj"]
    pos = ["NOUN", "VERB", "ADP", "DET", "PUNCT", "NOUN", "NOUN", "PUNCT", "ADP", "PROPN"]
    tags = ["NN", "VBN", "IN", "DT", "``", "NN", "NN", "''", "IN", "NNPS"]
    assert _patterns()(_tagged(words, heads, deps, pos, tags)).passive_agents == {1: 9}
    # the same words with an active verb: `labeled as ...` is no passive participle
    active = [*tags[:1], "VBD", *tags[2:]]
    assert _patterns()(_tagged(words, heads, deps, pos, active)).passive_agents == {}


def test_a_by_phrase_hung_on_the_name_a_participle_gives_speaks_for_it() -> None:
    # `The bylaw, dubbed the "bag tax" by critics,`: no auxiliary; "by critics" hangs on "tax"
    words = ["bylaw", ",", "dubbed", "the", '"', "bag", "tax", '"', "by", "critics"]
    heads = [0, 0, 0, 6, 6, 6, 2, 6, 6, 8]
    deps = ["ROOT", "punct", "acl", "det", "punct", "compound", "oprd", "punct", "prep", "pobj"]
    pos = ["NOUN", "PUNCT", "VERB", "DET", "PUNCT", "NOUN", "NOUN", "PUNCT", "ADP", "NOUN"]
    tags = ["NN", ",", "VBN", "DT", "``", "NN", "NN", "''", "IN", "NNS"]
    assert _patterns()(_tagged(words, heads, deps, pos, tags)).passive_agents == {2: 9}
