"""A person the article describes without a name (`A 40-year-old nurse`, `said the woman`) is an
entity a later he/she can mean; a role noun never means a person of the other gender, and a
mention is definite only by its own determiner (`a spokeswoman for the committee` is not). A
who-clause's own pronouns state the gender of a person described without a gendered noun."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.entities.described import relative_clause_gender
from app.pipeline.extensions import QUOTES_KEY
from tests.pipeline.support import attribute, who


@pytest.mark.full_model
def test_a_described_subject_is_a_pronouns_antecedent(nlp: Language) -> None:
    text = (
        'Mayor Ann Ortiz opened the county fair on Sunday. "We are proud of it," she said.\n\n'
        "A 40-year-old local woman, meanwhile, won the pie contest for the third time. "
        '"I am thrilled," she said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [w[:2] for w in who(doc)] == [
        ("Ann Ortiz", "she"),
        ("A 40-year-old local woman", "she"),
    ]


@pytest.mark.full_model
def test_a_described_speaker_is_the_next_pronouns_antecedent(nlp: Language) -> None:
    text = (
        '"This is a quiet town," said Mary Jones, a waitress at the diner.\n\n'
        "A cashier next door was shaken by the news. "
        '"It scares me," said the woman. "We lock the door now," she said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [w[:2] for w in who(doc)] == [
        ("Mary Jones", "Mary Jones"),
        ("the woman", "the woman"),
        ("the woman", "she"),
    ]


@pytest.mark.full_model
def test_a_sentence_that_names_someone_describes_no_one_new(nlp: Language) -> None:
    # the woman who asks is not who answers: the sentence names the mayor
    text = (
        'Mayor Ann Ortiz opened the county fair on Sunday. "We are proud of it," she said.\n\n'
        'A woman asked Ortiz about the parking fees. "They will go down," she said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [w[:2] for w in who(doc)] == [("Ann Ortiz", "she"), ("Ann Ortiz", "she")]


@pytest.mark.full_model
def test_an_indefinite_role_with_a_definite_object_is_its_own_speaker(nlp: Language) -> None:
    text = (
        'Press secretary John Miller defended the plan. "We are ready," Miller said.\n\n'
        "A spokesperson for the House committee emailed reporters, arguing, "
        '"Nothing in the law says so."'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[1][:2] == (
        "A spokesperson for the House committee",
        "A spokesperson for the House committee",
    )


@pytest.mark.full_model
def test_a_role_noun_never_means_a_person_of_the_other_gender(nlp: Language) -> None:
    text = (
        "Spokesman John Miller said on Monday that the talks had failed. "
        '"We tried everything," the spokeswoman said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("the spokeswoman", "the spokeswoman")


@pytest.mark.full_model
def test_the_storys_bare_role_subject_keeps_its_holder_in_focus(nlp: Language) -> None:
    text = (
        "President Ann Ortiz spoke on Sunday about the flood. Sen. Carla Reyes also spoke.\n\n"
        "Speaking to reporters in the Maria Gomez conference room, the president framed the "
        "flood as a test for the whole region.\n\n"
        '"We stand together," she said.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Ann Ortiz", "she")


def _speakers_of(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(quote type, speaker name) of every passage, through the whole pipeline."""
    doc = nlp(text)
    return [
        (span._.quote.type, span._.attribution.name if span._.attribution else None)
        for span in doc.spans[QUOTES_KEY]
    ]


@pytest.mark.full_model
def test_a_reported_speaker_introduced_without_a_name_is_the_next_pronouns_antecedent(
    nlp: Language,
) -> None:
    text = (
        "The ruling came on Monday.\n\n"
        "One defence lawyer said the ruling would make little difference. "
        '"Justices were already ignoring it," she said.'
    )
    assert _speakers_of(nlp, text) == [
        ("indirect", "One defence lawyer"),
        ("direct", "One defence lawyer"),
    ]
    # a definite role may mean someone the article named: it describes no one new, and "she"
    # is the woman named before; with no one named, the unnamed source who spoke last
    text = (
        "Judge Maria Lopez ruled on Monday.\n\n"
        "The defence lawyer said the ruling would make little difference. "
        '"Justices were already ignoring it," she said.'
    )
    assert _speakers_of(nlp, text) == [
        ("indirect", "The defence lawyer"),
        ("direct", "Maria Lopez"),
    ]
    text = text.replace("Judge Maria Lopez ruled", "The ruling came")
    assert _speakers_of(nlp, text) == [
        ("indirect", "The defence lawyer"),
        ("direct", "The defence lawyer"),
    ]


def _who_clause(pronoun: str, dep: str) -> Doc:
    """`A neighbour, who asked that PRONOUN name not be used, said`, hand-parsed; `dep` is the
    pronoun's link (poss for `her name`, dobj for `a lawyer who represents her`)."""
    words = ["A", "neighbour", ",", "who", "asked", "that", pronoun, "name", "not", "be", "used"]
    words += [",", "said"]
    heads = [1, 12, 1, 4, 1, 10, 7, 10, 10, 10, 4, 1, 12]
    deps = ["det", "nsubj", "punct", "nsubj", "relcl", "mark", dep, "nsubjpass", "neg"]
    deps += ["auxpass", "ccomp", "punct", "ROOT"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_a_who_clause_states_the_gender_of_the_person_it_describes() -> None:
    assert relative_clause_gender(_who_clause("her", "poss")[1]) == "female"
    assert relative_clause_gender(_who_clause("his", "poss")[1]) == "male"
    # an object pronoun is someone else (`a lawyer who represents her`)
    assert relative_clause_gender(_who_clause("her", "dobj")[1]) is None


@pytest.mark.full_model
def test_a_reported_speaker_a_who_clause_genders_is_the_next_pronouns_antecedent(
    nlp: Language,
) -> None:
    text = (
        'Cpl. Vanessa Munn said the two men knew each other. "We are still looking," she said.\n\n'
        "A neighbour, who asked that her name not be used because she fears for her safety, "
        'said she heard shots. "I thought it was fireworks at first," she said.'
    )
    doc = nlp(text)  # (the whole pipeline: the neighbour is a reported passage's speaker)
    direct = [s._.attribution for s in doc.spans[QUOTES_KEY] if s._.quote.type == "direct"]
    assert [(a.name, a.mention.text) for a in direct] == [
        ("Vanessa Munn", "she"),
        ("A neighbour", "she"),
    ]
