"""More attribution rules from the study of the training articles' errors (issue 13), each
tested on sentences of our own: coordinated speakers, the by-phrase of a naming participle, a
name the parse hung on its verb."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.syntax import mention_head
from tests.pipeline.support import attribute, layouts, speakers, who


@pytest.mark.full_model
def test_coordinated_speakers_are_named_together(nlp: Language) -> None:
    doc = attribute(nlp, '"We will appeal the ruling," Maria Lopez and Tom Baker said on Monday.')
    assert who(doc) == [("Maria Lopez and Tom Baker", "Maria Lopez and Tom Baker", "said")]


@pytest.mark.full_model
def test_speaker_coordinated_with_a_common_noun(nlp: Language) -> None:
    text = 'Mayor Ann Brooks and her lawyers called the verdict "a travesty."'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [
        ("Mayor Ann Brooks and her lawyers", "Mayor Ann Brooks and her lawyers", "called")
    ]


@pytest.mark.full_model
def test_a_pronoun_coordinated_with_others_is_left_alone(nlp: Language) -> None:
    text = 'Maria Lopez spoke first. "We will appeal," she and her lawyers said.'
    doc = attribute(nlp, text)
    assert who(doc)[0][1] != "she and her lawyers"


@pytest.mark.full_model
def test_naming_participle_with_a_by_phrase_takes_its_agent(nlp: Language) -> None:
    text = 'The budget, described as "a disaster" by Senator Tom Baker, passed on Friday.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Tom Baker", "Senator Tom Baker", "described")]
    # the by-phrase hung on the object of "as" (`labeled as a "fishing trip" by Democrats`)
    text = (
        "The council drew fire for the audit, often labeled as a "
        '"fishing trip" by Democrats, but kept going.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Democrats", "Democrats", "labeled")]
    # a participle with no auxiliary (`dubbed the "bag tax" by critics`)
    text = 'The bylaw, dubbed the "bag tax" by critics, took effect Jan. 1.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("critics", "critics", "dubbed")]


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A hand-made doc with the parse given word by word."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_name_hung_on_a_verb_as_a_compound_stays_the_mention_head() -> None:
    # `"Sit down," Baker barked` parsed with "Baker" a compound of the verb "barked"
    doc = _parsed(
        ["Baker", "barked", "."],
        [1, 1, 1],
        ["compound", "ROOT", "punct"],
        ["PROPN", "VERB", "PUNCT"],
    )
    assert mention_head(doc[0]).text == "Baker"
    # a name part still climbs to its name's head
    name = _parsed(
        ["Ann", "Baker", "barked"],
        [1, 2, 2],
        ["compound", "nsubj", "ROOT"],
        ["PROPN", "PROPN", "VERB"],
    )
    assert mention_head(name[0]).text == "Baker"


def test_a_possessive_s_stands_for_its_owner() -> None:
    # `George Bush's refusal to condemn`: a layout that lands on "'s" means the owner
    doc = _parsed(
        ["Bush", "\u2019s", "refusal"],
        [2, 0, 2],
        ["poss", "case", "ROOT"],
        ["PROPN", "PART", "NOUN"],
    )
    assert mention_head(doc[1]).text == "Bush"
    assert mention_head(doc[2]).text == "refusal"


@pytest.mark.full_model
def test_a_mention_that_names_no_one_gives_way_to_the_sentences_named_cue(nlp: Language) -> None:
    text = (
        # (in one tense, "said ... and said", the conjoined cue takes the reporter's subject
        # itself: test_conjoined_report)
        "Mayor Ann Brooks says the choice was made by the board and said, "
        '"Who else should pick the new chief?"'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Ann Brooks", "Mayor Ann Brooks", "says")]
    assert layouts(doc) == ["sentence_cue"]


@pytest.mark.full_model
def test_the_writers_own_pronoun_gives_way_to_the_sentences_named_cue(nlp: Language) -> None:
    doc = attribute(nlp, 'At the hearing Tom Baker said, and I quote, "We will win this fight."')
    assert who(doc) == [("Tom Baker", "Tom Baker", "said")]


@pytest.mark.full_model
def test_a_mention_that_names_no_one_stays_when_the_sentence_names_no_one(nlp: Language) -> None:
    doc = attribute(nlp, 'The plan, as we call it, was "a bold idea."', ["partial"])
    assert who(doc) == [(None, "we", "call")]


@pytest.mark.full_model
def test_a_proper_noun_that_names_no_person_keeps_its_post_modifiers(nlp: Language) -> None:
    doc = attribute(nlp, '"The bill has stalled," said one Republican familiar with the budget.')
    assert who(doc) == [("Republican", "one Republican familiar with the budget", "said")]
    # a person's name does not (`Lee in Boston`)
    doc = attribute(nlp, '"The bill has stalled," said Ann Lee in Boston on Monday.')
    assert who(doc) == [("Ann Lee", "Ann Lee", "said")]


@pytest.mark.full_model
def test_a_rank_split_from_its_period_keeps_the_name_after_it(nlp: Language) -> None:
    doc = attribute(nlp, '"We are ready," said Army Capt. Ann Lopez, a spokeswoman.')
    assert who(doc) == [("Ann Lopez", "Army Capt. Ann Lopez", "said")]


@pytest.mark.full_model
def test_a_role_run_into_its_verb_is_not_an_apposition_of_the_name_before(nlp: Language) -> None:
    # the parse hangs "the Republican candidate" on "Ann Lee" as an apposition; no comma closes it
    text = (
        "In an interview with radio hosts Tom Baker and Ann Lee, the Republican candidate "
        'stated that the plan was "a total failure."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert [mention for _, mention, _ in who(doc)] == ["the Republican candidate"]
    # an apposition set off by commas still gives way to the name
    doc = attribute(nlp, '"We will rebuild," Maria Lopez, the city\'s mayor, said on Monday.')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]


@pytest.mark.full_model
def test_a_speech_nouns_owner_after_it_may_be_a_common_noun_source(nlp: Language) -> None:
    text = (
        "The storm was fierce, and the statement by a senior adviser that the town "
        '"will rebuild" was welcome.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("a senior adviser", "a senior adviser", "statement")]


@pytest.mark.full_model
def test_a_question_the_sentence_goes_on_after_takes_the_cue_after_it(nlp: Language) -> None:
    text = (
        "Many residents want the market moved, but the council strongly disagrees - "
        '"why would we move it now?" asked Tom Baker, a council member.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Tom Baker", "Tom Baker", "asked")]


@pytest.mark.full_model
def test_a_quote_relayed_by_a_source_is_the_source_s(nlp: Language) -> None:
    """`"Q," Lee said, according to the Tribune`: the corpus credits the source that relays the
    words; the same layout without one keeps the speaker."""
    text = (
        '"We will not raise the fare this year," Maria Lopez said, according to the Daily '
        'Tribune.\n\n"The bus lines stay open," Tom Baker said on Monday.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [
        ("Daily Tribune", "the Daily Tribune", "according to"),
        ("Tom Baker", "Tom Baker", "said"),
    ]
    assert layouts(doc) == ["after", "after"]


@pytest.mark.full_model
def test_a_relative_clause_with_its_own_speaker_is_that_speakers(nlp: Language) -> None:
    """`a practice some MPs call "Q"`: the relative clause's subject said it, not the main
    clause's (`Baker called ...`); an acronym's plural (`MPs`) names people."""
    text = (
        'Senator Tom Baker has called the prime minister "Justin" in question period, '
        'a practice some MPs call "juvenile."'
    )
    assert who(attribute(nlp, text, ["partial"])) == [
        ("Tom Baker", "Senator Tom Baker", "called"),
        ("some MPs", "some MPs", "call"),
    ]


@pytest.mark.full_model
def test_a_partial_quote_in_a_that_clause_is_the_clause_verbs_subjects(nlp: Language) -> None:
    """`Smith fired back that the NDP had "Q"`: no cue verb, but a that-clause is what the
    verb's subject put forward, so Smith (not the NDP, the clause's own subject) said Q; nested
    that-clauses climb to the outermost (`A review concluded that the board could not be sure
    that the funds were not ending up with "Q"`)."""
    text = 'Premier Ann Smith fired back that the NDP had "no credibility" on health care.'
    assert who(attribute(nlp, text, ["partial"])) == [("Ann Smith", "Premier Ann Smith", "fired")]
    text = (
        "A state auditor review concluded that the board could not be sure that the funds "
        'were not ending up with "phantom vendors."'
    )
    assert speakers(attribute(nlp, text, ["partial"])) == ["A state auditor review"]
