"""A lede names its speaker by role, the next lines by name (`Toronto's police chief says ...`
over `Chief Myron Demkiw told reporters ...`): in the lede, with no one named before it in the
body, the role is the person the next lines name with it. So is a headline's role a place owns
(`Canada's top doctor says`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, who

LEDE = 'Toronto\'s police chief says the force will show "zero tolerance" for hate crimes.'


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("before", "after", "speaker"),
    [
        (
            "",
            "Chief Myron Demkiw told reporters Monday that officers had a suspect.",
            "Myron Demkiw",
        ),
        # someone named before the role: the role is no one of the later lines
        (
            "Mayor Olivia Chow spoke first.\n\n",
            "Chief Myron Demkiw told reporters Monday that officers had a suspect.",
            "Toronto's police chief",
        ),
        # the role not in the lede, the body's first two lines of text
        (
            "Council met on Monday to discuss the vandalism and what the police would do next.\n\n"
            "Residents gathered outside the building for hours, and several of them spoke.\n\n",
            "Chief Myron Demkiw told reporters Monday that officers had a suspect.",
            "Toronto's police chief",
        ),
        # the person named later holds another role
        (
            "",
            "Mayor Olivia Chow told reporters Monday that the city would help.",
            "Toronto's police chief",
        ),
    ],
)
def test_a_ledes_role_is_the_person_the_next_lines_name_with_it(
    nlp: Language, before: str, after: str, speaker: str
) -> None:
    text = f"Police vow action after synagogue vandalized\n\n{before}{LEDE}\n\n{after}"
    assert who(attribute(nlp, text, ["partial"]))[0] == (speaker, "Toronto's police chief", "says")


@pytest.mark.full_model
def test_a_ledes_noun_of_no_persons_role_is_no_one_named_later(nlp: Language) -> None:
    # "policy" is a word of the economist's affiliation, not a role a person holds
    text = (
        "Opinion: the budget\n\n"
        "The prime minister talks about prudence on the campaign trail, but his policies "
        'suggest he "never finished" the book.\n\n'
        "Jack Mintz, a fellow at the School of Public Policy, told reporters the numbers are off."
    )
    assert who(attribute(nlp, text, ["partial"]))[0][:2] == ("his policies",) * 2


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("owner", "speaker"),
    [("Canada's", "Theresa Tam"), ("Her", "Her top doctor")],  # (her doctor: someone else's)
)
def test_a_headlines_role_a_place_owns_is_the_person_the_body_names_with_it(
    nlp: Language, owner: str, speaker: str
) -> None:
    text = (
        f'Measles "can be stopped," {owner} top doctor says\n\n'
        "Dr. Theresa Tam told reporters Friday that most cases are among unvaccinated children."
    )
    assert who(attribute(nlp, text, ["partial"]))[0][0] == speaker
