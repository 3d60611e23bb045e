"""Quotes whose words are no one's the article names (a question an unnamed asker put), and
common-noun mentions that name no speaker: tested on sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, speakers, who


@pytest.mark.full_model
def test_a_quote_inside_a_question_put_to_the_subject_has_no_speaker(nlp: Language) -> None:
    """`Asked whether X "Q", 64 percent said yes`: the pollster's question, not the
    respondents' words (the corpus names no speaker); a quote of the answer keeps its cue."""
    text = (
        'Asked whether the mayor "has the temperament to run the port," 64 percent of '
        "residents said yes.\n\n"
        'Asked about the harbor plan, Tom Baker said it was "a waste of money."'
    )
    doc = attribute(nlp, text, ["partial", "partial"])
    assert speakers(doc) == [None, "Tom Baker"]


@pytest.mark.full_model
def test_the_one_asked_or_told_is_not_the_speaker(nlp: Language) -> None:
    """`X was asked, "Q?"`: X is the listener and no one named put the question; a by-phrase
    names the asker, and X's answer is X's."""
    text = (
        'In an interview, Tom Baker was asked, "Will the ferry run on time?" '
        'He answered, "Every day."\n\n'
        'Tom Baker was asked by Ana Ruiz, "Who pays for the dock?"\n\n'
        'Tom Baker was told, "The dock will close in May."'
    )
    doc = attribute(nlp, text, ["direct"] * 4)
    assert speakers(doc) == [None, "Tom Baker", "Ana Ruiz", None]


@pytest.mark.full_model
def test_the_ones_told_in_a_second_passive_verb_are_not_the_speaker(nlp: Language) -> None:
    """`staff were called into a meeting and told "Q"`: the second verb shares the passive, so
    the staff were told; with an object of its own (`and told police "Q"`) the subject spoke."""
    text = (
        'Staff were called into a meeting on Friday and told, "The company is closing today."'
        '\n\nTom Baker was arrested on Friday and told police, "I was never there."'
    )
    assert speakers(attribute(nlp, text)) == [None, "Tom Baker"]


@pytest.mark.full_model
def test_a_share_written_as_a_ratio_is_the_whole_ratio(nlp: Language) -> None:
    """`Two in three said ...`: the mention is the ratio, not its first number."""
    text = (
        "The harbor survey asked riders about the new ferry. Two in three said the fares "
        'were "far too high for a short ride."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Two in three", "Two in three", "said")]


@pytest.mark.full_model
def test_the_issuer_of_a_text_that_said_the_quote_is_its_speaker(nlp: Language) -> None:
    """`X released a video that said, "Q"`: the corpus credits X, who issued the text, as it
    does `X issued a statement saying "Q"`."""
    text = (
        "In selling the tickets, Marta Quill released a short video that said, "
        '"Every ferry will run on time this winter."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Marta Quill", "Marta Quill", "said")]


@pytest.mark.full_model
def test_the_object_a_verb_moves_to_speak_is_the_speaker(nlp: Language) -> None:
    """`The report prompted Pike to call the plan "Q"`: the prompted object speaks."""
    text = 'The council report prompted Dana Pike to call the plan "a plain disgrace."'
    doc = attribute(nlp, text, ["partial"])
    assert speakers(doc) == ["Dana Pike"]
