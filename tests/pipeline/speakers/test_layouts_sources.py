"""Attribution rules learned from the training articles, tested on sentences of our own: which
cue a quote that opens its own sentence may take, the noun a relative clause describes, and the
short clause after a quote read from its words when its parse failed."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.types import Attribution
from tests.pipeline.support import attribute, layouts, speakers, who


@pytest.mark.full_model
def test_relative_clause_cue_of_the_sentence_before_is_not_the_next_quotes_cue(
    nlp: Language,
) -> None:
    text = (
        '"Moving the market is costly," Okafor wrote in the memo, which was first described '
        'by the town paper. "It would leave the stalls empty for a year."'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Okafor", "Okafor"]


@pytest.mark.full_model
def test_speaker_described_by_a_relative_clause_before_a_subjectless_cue(nlp: Language) -> None:
    text = (
        "Although no deal has been signed, a school district employee who asked not to be "
        'named because of the negotiations said Friday, "Of course the board and the '
        'teachers keep talking."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("a school district employee", "a school district employee", "said")]


@pytest.mark.full_model
def test_short_clause_after_a_quote_read_from_its_words(nlp: Language) -> None:
    text = '"Would the fee be lower for the 40 stalls?" Brannigan pressed.'
    doc = attribute(nlp, text)
    assert who(doc) == [("Brannigan", "Brannigan", "pressed")]
    text = '"If he means to run the port, he should ride the night ferry," the editorial read.'
    doc = attribute(nlp, text)
    assert who(doc) == [("the editorial", "the editorial", "read")]
    assert layouts(doc) == ["after_words"]  # "read" parsed as a noun here
    # a coordinated clause is no attribution
    doc = attribute(nlp, 'The mayor spoke. "It is over," and the crowd laughed.')
    assert layouts(doc) != ["after_words"]


@pytest.mark.full_model
def test_name_tagged_as_a_verb_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Walter Quill debated Dana Pike at the library.\n\n"
        '"Dana is trying to sound clever now," Quill shot back.'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Walter Quill"]


def _fragment_attributions(nlp: Language, text: str) -> list[Attribution]:
    """The attributions of the partial quotes of `text` run through the whole pipeline."""
    doc = nlp(text)
    return [s._.attribution for s in doc.spans["quotes"] if s._.quote.type == "partial"]


@pytest.mark.full_model
def test_fragment_inside_nested_reports_is_the_outermost_sources(nlp: Language) -> None:
    text = 'This is the reason opponents claim she meant to "starve" the library budget.'
    assert [a.mention.text for a in _fragment_attributions(nlp, text)] == ["opponents"]


@pytest.mark.full_model
def test_participle_after_a_reported_clause_shares_the_reporting_subject(nlp: Language) -> None:
    text = (
        "Quill argued that a toll would stop trucks from using the old bridge, saying "
        'it is "purely about safety."'
    )
    assert [a.name for a in _fragment_attributions(nlp, text)] == ["Quill"]
    # the reported clause's verb is a cue word too ("admit"): the clause is still what is reported
    text = (
        "Immigration Minister Lena Diab announced Thursday that Canada will admit fewer workers "
        'next year, saying the system had grown "beyond what our communities can absorb."'
    )
    assert [a.name for a in _fragment_attributions(nlp, text)] == ["Lena Diab"]
    # a clause that ends at its cue verb before the comma is that cue's (`Dorsey added,
    # saying`), though the parse marks it with the "that" of the report before it
    text = (
        'Hale cannot promise that "on her watch," Dorsey added, saying it should be '
        '"left to the board to decide when to act."'
    )
    assert [a.name for a in _fragment_attributions(nlp, text)] == ["Dorsey"] * 2


@pytest.mark.full_model
def test_common_noun_mention_keeps_its_by_phrase_and_stops_at_a_comma(nlp: Language) -> None:
    text = (
        '"It is like choosing which leg to stand on," said one person with knowledge of '
        'the budget, who asked not to be named. "Nobody wins here."'
    )
    mention = "one person with knowledge of the budget"
    assert who(attribute(nlp, text)) == [(mention, mention, "said")] * 2
    text = '"The plan failed," said a study by economists at the university.'
    mention = "a study by economists at the university"
    assert who(attribute(nlp, text)) == [(mention, mention, "said")]


@pytest.mark.full_model
def test_partial_quote_under_a_cue_in_an_adjunct_clause(nlp: Language) -> None:
    text = 'And, in a recording that Judge Ann Lee called "troubling," Smith voiced a threat.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Ann Lee", "Judge Ann Lee", "called")]
    assert layouts(doc) == ["governing_adjunct"]
    # a cue whose content the fragment is: the clause after it attributes it
    doc = attribute(nlp, 'Lee cannot promise that "on her watch," Smith added.', ["partial"])
    assert layouts(doc) != ["governing_adjunct"]
    # the relative clause is the subject of the quote, and the sentence's own cue follows it
    text = 'Nothing the principal said "will calm the parents," Senator Tom Baker said.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Tom Baker", "Senator Tom Baker", "said")]
    assert layouts(doc) == ["after"]


@pytest.mark.full_model
def test_after_a_finished_quote_the_cue_of_the_next_quote_is_not_its_cue(nlp: Language) -> None:
    text = (
        '"She is tireless," banker Nora Vance said of Quill. "She never sleeps." Of Pike, '
        'Vance, who has raised funds for Tom Ardle, said, "He is utterly bland."'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Nora Vance"] * 3
    text = (
        "Pike waved off the budget question before moving on to the risks of a "
        '"crumbling pier." Tom Ardle stumbled over a plain question.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert speakers(doc) != ["Tom Ardle"]


@pytest.mark.full_model
def test_hyphenated_words_in_mentions(nlp: Language) -> None:
    text = '"Picture that on one stage," mused radio co-host Lena Marsh.'
    assert who(attribute(nlp, text)) == [("Lena Marsh", "co-host Lena Marsh", "mused")]
    text = '"Why not add a second ferry?" the 61-year-old asked on the forum.'
    assert who(attribute(nlp, text)) == [("61-year-old", "61-year-old", "asked")]


@pytest.mark.full_model
def test_participle_clause_set_off_by_commas_before_a_subjectless_cue(nlp: Language) -> None:
    text = (
        "But Rep. Carla D. Mendes (D-Ariz.), pointing to the length of Pike's donor rolls, said, "
        '"Believe me, she has a giant list of backers."'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Carla D. Mendes"]


@pytest.mark.full_model
def test_quote_opening_its_sentence_takes_only_a_main_clause_cue_before_it(nlp: Language) -> None:
    text = (
        '"We will start with the pier," Quill said at the town hall, an hour after the clerk '
        'certified his win. "The schools come next."'
    )
    assert speakers(attribute(nlp, text)) == ["Quill", "Quill"]


@pytest.mark.full_model
def test_cue_followed_by_its_own_modifiers_introduces_the_quote(nlp: Language) -> None:
    text = (
        'As Omar Haddad said on Tuesday in Porto, "This harbor will anchor the whole '
        'coast." Some 40 fishing firms now rent space on the docks, officials said.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Omar Haddad", "Omar Haddad", "said")]
    assert layouts(doc) == ["before"]


@pytest.mark.full_model
def test_speech_participle_after_a_cues_clause_shares_its_subject(nlp: Language) -> None:
    text = (
        "In a radio chat Friday, Pike said the work of repairing the pier might be "
        '"costly," adding, "Good timber is costly."'
    )
    doc = attribute(nlp, text, ["partial", "direct"])
    assert speakers(doc)[-1] == "Pike"


@pytest.mark.full_model
def test_subjectless_cue_after_a_name_and_its_role_set_off_by_commas(nlp: Language) -> None:
    text = (
        "But at a briefing on June 9, Lt. Marcus T. Hale, a coast guard spokesman in "
        'Mobile, said, "Look, every rescue drill counts."'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Marcus T. Hale"]


@pytest.mark.full_model
def test_relative_clause_cue_closed_before_the_quote_does_not_introduce_it(nlp: Language) -> None:
    text = (
        "At the show, which opened on Friday, breeders are expected to present "
        'dogs like "Silver Chief" and more.'
    )
    doc = attribute(nlp, text)
    assert [c for _, _, c in who(doc)] != ["opened"]


@pytest.mark.full_model
def test_owner_of_a_speech_noun_named_after_it(nlp: Language) -> None:
    text = 'A statement by the Harbor Authority called the plan "a disgrace."'
    doc = attribute(nlp, text, ["partial"])
    assert speakers(doc) == ["Harbor Authority"]
