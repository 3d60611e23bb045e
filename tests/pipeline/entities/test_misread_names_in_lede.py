"""Names the tagger or the NER cut short: a first name read as a modifier at a clause's start
(`— Dorian MacQuarrie has`, the surname an organisation), and a hyphenated surname the NER's name
stops at (`Caroline Desjardins-Pruitt`), which must stay one person under its full name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import typed_speakers


@pytest.mark.full_model
def test_a_first_name_read_as_a_modifier_after_a_dateline_is_the_person_s(
    nlp: Language,
) -> None:
    # the tagger reads "Dorian" as an adjective and the NER "MacQuarrie" as an organisation
    text = (
        "Island growers brace for losses\n\n"
        "SUMMERSIDE, P.E.I. \u2014 Dorian MacQuarrie has 400 acres of russets in storage.\n\n"
        '"We did everything they asked," MacQuarrie said Tuesday.'
    )
    assert typed_speakers(nlp(text)) == [("direct", "Dorian MacQuarrie")]


@pytest.mark.full_model
def test_an_adverb_before_a_place_opening_a_sentence_is_no_first_name(nlp: Language) -> None:
    # "Even" is a given name in some countries; here it is an adverb before a country
    text = (
        "Neighbours condemn the test\n\n"
        "Even Norway, a close trading partner, said it was \u201cdeeply concerned\u201d by the "
        "test."
    )
    assert typed_speakers(nlp(text)) == [("indirect", "Norway"), ("partial", "Norway")]


@pytest.mark.full_model
def test_a_hyphenated_surname_the_ner_cut_short_is_one_person(nlp: Language) -> None:
    text = (
        "Question period turns personal\n\n"
        "A question-period clash turned personal on Wednesday, with the housing minister "
        'accusing the Opposition of "rooting for failure."\n\n'
        "Housing Minister Caroline Desjardins-Pruitt rose to respond.\n\n"
        '"We are building," Desjardins-Pruitt said.'
    )
    assert typed_speakers(nlp(text)) == [
        ("indirect", "Caroline Desjardins-Pruitt"),
        ("partial", "Caroline Desjardins-Pruitt"),
        ("direct", "Caroline Desjardins-Pruitt"),
    ]


@pytest.mark.full_model
def test_two_names_joined_by_a_hyphen_stay_two_people(nlp: Language) -> None:
    text = (
        "Ticket makes its pitch\n\n"
        "Former governor William Weld joined the Johnson-Weld ticket in May.\n\n"
        '"We are the sane choice," Weld said.'
    )
    assert typed_speakers(nlp(text)) == [("direct", "William Weld")]
