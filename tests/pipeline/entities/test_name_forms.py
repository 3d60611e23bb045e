"""Names written with a hyphenated first name or a nickname in marks are one name: the speaker is
`Jean-François Lacoursière` (the NER labels it from `François` on) and `Ray "Sonny" Pelletier`,
whose surname alone later is the same person, whom he/she can mean; on hand-written text parsed
by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.entities.misread import number_read_as_person
from app.pipeline.entities.written import hyphen_joined, nickname_before
from tests.pipeline.support import attribute, attributions, speakers, typed_speakers


@pytest.mark.full_model
def test_a_hyphenated_first_name_stays_with_the_name(nlp: Language) -> None:
    text = (
        "Trustee Jean-François Lacoursière, who represents Orléans-Sud and voted against the "
        'move, said "we rushed it."\n\n"We did not consult parents," Lacoursière said.'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Jean-François Lacoursière", "Jean-François Lacoursière"]


@pytest.mark.full_model
def test_a_nickname_in_marks_is_part_of_the_name(nlp: Language) -> None:
    text = (
        'That is the view of Ray "Sonny" Pelletier, a welder at the plant.\n\n'
        '"It is over," Pelletier said.\n\n"We will be fine," he said.'
    )
    assert _spoken(attribute(nlp, text, types=("title", "direct", "direct"))) == [
        'Ray "Sonny" Pelletier',
        'Ray "Sonny" Pelletier',
    ]


@pytest.mark.full_model
def test_the_word_before_a_nickname_must_be_a_first_name(nlp: Language) -> None:
    # `Marine John "Tig" Tiegen`: the name starts at the first name, not at the service
    text = (
        'Former operative and Marine John "Tig" Tiegen spoke first.\n\n'
        '"I do not trust her," Tiegen said.\n\n"Her record is clear," he said.'
    )
    assert _spoken(attribute(nlp, text, types=("title", "direct", "direct"))) == [
        'John "Tig" Tiegen',
        'John "Tig" Tiegen',
    ]


@pytest.mark.full_model
def test_the_shapes_themselves(nlp: Language) -> None:
    doc = nlp('Jean-François Roy met Jean - Paul and Ray "Sonny" Pelletier in Trois - Rivières.')
    assert hyphen_joined(doc[0]) is True
    assert hyphen_joined(doc[5]) is False  # spaced hyphen: two words
    pelletier = next(t for t in doc if t.text == "Pelletier")
    assert nickname_before(doc, pelletier.i) == pelletier.i - 4
    assert nickname_before(doc, pelletier.i - 2) is None
    doc = nlp('Goalie Oscar "The Wall" Lindgren and Ben "the" Ross played.')
    lindgren = next(t for t in doc if t.text == "Lindgren")
    assert nickname_before(doc, lindgren.i) == lindgren.i - 5  # Oscar
    ross = next(t for t in doc if t.text == "Ross")
    assert nickname_before(doc, ross.i) is None  # (a lone article is no nickname)


def _spoken(doc: Doc) -> list[str | None]:
    """The speakers of the speech passages (the nickname's passage has no attribution)."""
    return [a.name for a in attributions(doc) if a is not None]


@pytest.mark.full_model
def test_a_person_entity_holding_a_number_is_no_name(nlp: Language) -> None:
    # (the NER tags `Grade 7` a person; such a "name" later answered for a lede's "the chair")
    doc = nlp("Parents at Maple Ridge, whose Grade 7 and 8 students will move, signed a petition.")
    grade = next(t for t in doc if t.text == "Grade")
    assert grade.ent_type_ == "PERSON"  # the model's reading this test is about
    assert number_read_as_person(grade) is True
    lee = nlp("Ann Lee spoke.")[1]
    assert number_read_as_person(lee) is False


@pytest.mark.full_model
def test_a_nickname_of_several_words_is_part_of_the_name(nlp: Language) -> None:
    text = (
        'Goaltender Oscar "The Wall" Lindgren made 34 saves.\n\n'
        'Lindgren shrugged off the praise. "It hit me," he said.'
    )
    assert _spoken(attribute(nlp, text, types=("title", "direct"))) == ['Oscar "The Wall" Lindgren']


@pytest.mark.full_model
def test_a_hyphenated_surname_the_tagger_split_stays_whole(nlp: Language) -> None:
    # the tagger reads "Tremblay" as a verb and "Ouellet" as the subject
    text = (
        "Byelection race tightens\n\n"
        "Political scientist Hugues Tremblay-Ouellet of the Universit\u00e9 de la Mauricie said "
        "byelections often punish governing parties.\n\n"
        '"Usually a byelection is a referendum on the government," Tremblay-Ouellet said.'
    )
    assert typed_speakers(nlp(text)) == [
        ("indirect", "Hugues Tremblay-Ouellet"),
        ("direct", "Hugues Tremblay-Ouellet"),
    ]
