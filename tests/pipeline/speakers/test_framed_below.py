"""A quote-only paragraph whose speaker the paragraph below names, in a sentence that points back
at it (`framed.framed_below`): `That's how X put it`, `That was X's view`, `That's the advice
from X`; tested on text of our own, with a speaker quoted in the paragraph before who must not
take the quote."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who

BEFORE = (
    'Mayor Dana Whitcombe toured the dike on Sunday. "We are ready," Whitcombe said.\n\n'
    "Volunteers filled bags until dark.\n\n"
)
QUOTE = '"You help your neighbour. Next year he helps you."\n\n'


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("below", "speaker", "cue"),
    [
        (
            "That's how Gerald Bouchard, 71, explained his sixth flood fight.",
            "Gerald Bouchard",
            "explained",
        ),
        ("That was farmer Gerald Bouchard's view of the week.", "Gerald Bouchard", "view"),
        ("That's the advice from Staff Sgt. Irene Maclean of the RCMP.", "Irene Maclean", "advice"),
        ('That\'s how Ray "Buddy" Okafor, a retired welder, put it.', 'Ray "Buddy" Okafor', "put"),
        (
            "That's how Darlene Lafleur remembers the night of the flood.",
            "Darlene Lafleur",
            "remembers",
        ),
    ],
)
def test_the_paragraph_below_names_the_speaker(
    nlp: Language, below: str, speaker: str, cue: str
) -> None:
    doc = attribute(nlp, BEFORE + QUOTE + below + "\n")
    # (the nickname in `Ray "Buddy" Okafor` is a passage of its own here)
    assert layouts(doc)[:2] == ["after", "framed_below"]
    assert who(doc)[1][0] == speaker
    assert who(doc)[1][2] == cue


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("below", "speaker"),
    [
        (
            "That was how one volunteer, who asked not to be named, described the sixth flood "
            "fight of Gerald Bouchard.",
            "one volunteer",
        ),
        ("That is how she described the week Gerald Bouchard lost his barn.", "Dana Whitcombe"),
    ],
)
def test_the_frame_verbs_own_subject_speaks_not_a_name_in_its_object(
    nlp: Language, below: str, speaker: str
) -> None:
    doc = attribute(nlp, BEFORE + QUOTE + below + "\n")
    assert layouts(doc)[1] == "framed_below"
    assert who(doc)[1][0] == speaker


@pytest.mark.full_model
@pytest.mark.parametrize(
    "below",
    [
        # the sentence does not point back at the quote
        "Gerald Bouchard explained his sixth flood fight.",
        # it points back, but with no word of saying or of a view
        "That was the first time Gerald Bouchard saw the river so high.",
    ],
)
def test_no_frame_leaves_the_quote_to_the_other_layouts(nlp: Language, below: str) -> None:
    doc = attribute(nlp, BEFORE + QUOTE + below + "\n")
    assert layouts(doc)[1] != "framed_below"
    assert who(doc)[1][0] != "Gerald Bouchard"


@pytest.mark.full_model
def test_a_quote_sharing_its_paragraph_is_not_framed_from_below(nlp: Language) -> None:
    text = BEFORE + '"You help your neighbour," a volunteer added.\n\n'
    text += "That was Gerald Bouchard's view too.\n"
    doc = attribute(nlp, text)
    assert layouts(doc)[1] != "framed_below"
