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
        "Although the budget is not final, a city hall official who spoke "
        'anonymously to discuss the talks said Tuesday, "Certainly there are '
        'meetings between the council and the union."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("a city hall official", "a city hall official", "said")]


@pytest.mark.full_model
def test_short_clause_after_a_quote_read_from_its_words(nlp: Language) -> None:
    text = '"Would the fee be lower for the 40 stalls?" Brannigan pressed.'
    doc = attribute(nlp, text)
    assert who(doc) == [("Brannigan", "Brannigan", "pressed")]
    text = '"If she wants to be the next mayor, she should come to the harbor," the editorial read.'
    doc = attribute(nlp, text)
    assert who(doc) == [("the editorial", "the editorial", "read")]
    assert layouts(doc) == ["after_words"]  # "read" parsed as a noun here
    # a coordinated clause is no attribution
    doc = attribute(nlp, 'The mayor spoke. "It is over," and the crowd laughed.')
    assert layouts(doc) != ["after_words"]


@pytest.mark.full_model
def test_name_tagged_as_a_verb_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Walter Quill faced Dana Pike on stage.\n\n"
        '"Dana wants to look strong tonight," Quill shot back.'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Walter Quill"]


def _fragment_attributions(nlp: Language, text: str) -> list[Attribution]:
    """The attributions of the partial quotes of `text` run through the whole pipeline."""
    doc = nlp(text)
    return [s._.attribution for s in doc.spans["quotes"] if s._.quote.type == "partial"]


@pytest.mark.full_model
def test_fragment_inside_nested_reports_is_the_outermost_sources(nlp: Language) -> None:
    text = 'That is why critics say he had planned to "gut" the ferry service.'
    assert [a.mention.text for a in _fragment_attributions(nlp, text)] == ["critics"]


@pytest.mark.full_model
def test_participle_after_a_reported_clause_shares_the_reporting_subject(nlp: Language) -> None:
    text = (
        "Quill argued that a fence would keep goats from coming into the garden, saying "
        'it is "all about order."'
    )
    assert [a.name for a in _fragment_attributions(nlp, text)] == ["Quill"]
    # the reported clause's verb is a cue word too ("admit"): the clause is still what is reported
    text = (
        "Immigration Minister Lena Diab announced Thursday that Canada will admit fewer workers "
        'next year, saying the system had grown "beyond what our communities can absorb."'
    )
    assert [a.name for a in _fragment_attributions(nlp, text)] == ["Lena Diab"]
    # a clause that ends at its cue verb before the comma is that cue's (`Lewandowski added,
    # saying`), though the parse marks it with the "that" of the report before it
    text = (
        'Comey cannot say that "from his perspective," Lewandowski added, saying it should be '
        '"up to the prosecutor to move forward or not."'
    )
    assert [a.name for a in _fragment_attributions(nlp, text)] == ["Lewandowski"] * 2


@pytest.mark.full_model
def test_common_noun_mention_keeps_its_by_phrase_and_stops_at_a_comma(nlp: Language) -> None:
    text = (
        '"The choice is like picking a tooth to pull," said one person with knowledge of '
        'the plan, who spoke on the condition of anonymity. "I have never seen this."'
    )
    mention = "one person with knowledge of the plan"
    assert who(attribute(nlp, text)) == [(mention, mention, "said")] * 2
    text = '"The plan failed," said a study by economists at the university.'
    mention = "a study by economists at the university"
    assert who(attribute(nlp, text)) == [(mention, mention, "said")]


@pytest.mark.full_model
def test_partial_quote_under_a_cue_in_an_adjunct_clause(nlp: Language) -> None:
    text = 'And, in a clip that Judge Ann Lee called "distasteful," Smith expressed a wish.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Ann Lee", "Judge Ann Lee", "called")]
    assert layouts(doc) == ["governing_adjunct"]
    # a cue whose content the fragment is: the clause after it attributes it
    doc = attribute(nlp, 'Lee cannot say that "from his perspective," Smith added.', ["partial"])
    assert layouts(doc) != ["governing_adjunct"]
    # the relative clause is the subject of the quote, and the sentence's own cue follows it
    text = 'Nothing the president said "will assuage our fears," Senator Tom Baker said.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Tom Baker", "Senator Tom Baker", "said")]
    assert layouts(doc) == ["after"]


@pytest.mark.full_model
def test_after_a_finished_quote_the_cue_of_the_next_quote_is_not_its_cue(nlp: Language) -> None:
    text = (
        '"He is loud," lawyer Nora Vance said of Quill. "He is a brass band." Of Pike, '
        'Vance, who has given money to Tom Ardle, said, "She is plain dull."'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Nora Vance"] * 3
    text = (
        "Pike brushed off the question before turning to the dangers of a "
        '"broken harbor." Tom Ardle struggled to answer a simple question.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert speakers(doc) != ["Tom Ardle"]


@pytest.mark.full_model
def test_hyphenated_words_in_mentions(nlp: Language) -> None:
    text = '"Picture that on one stage," mused radio co-host Lena Marsh.'
    assert who(attribute(nlp, text)) == [("Lena Marsh", "co-host Lena Marsh", "mused")]
    text = '"What if he took singing lessons?" the 43-year-old asked in the video.'
    assert who(attribute(nlp, text)) == [("43-year-old", "43-year-old", "asked")]


@pytest.mark.full_model
def test_participle_clause_set_off_by_commas_before_a_subjectless_cue(nlp: Language) -> None:
    text = (
        "But Sen. Paula M. Reyes (D-Ore.), noting the size of Pike's crowds, said, "
        '"Let me tell you, she has got a huge mailing list."'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Paula M. Reyes"]


@pytest.mark.full_model
def test_quote_opening_its_sentence_takes_only_a_main_clause_cue_before_it(nlp: Language) -> None:
    text = (
        '"We are going to fix the pier," Quill said at his party, two hours after the papers '
        'declared him the winner. "You are going to like it."'
    )
    assert speakers(attribute(nlp, text)) == ["Quill", "Quill"]


@pytest.mark.full_model
def test_cue_followed_by_its_own_modifiers_introduces_the_quote(nlp: Language) -> None:
    text = (
        'As Irene Fold said last week in Lisbon, "The port is the center of the new '
        'trade." Fully 90 shipping firms have set up offices there, officials said.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Irene Fold", "Irene Fold", "said")]
    assert layouts(doc) == ["before"]


@pytest.mark.full_model
def test_speech_participle_after_a_cues_clause_shares_its_subject(nlp: Language) -> None:
    text = (
        "In an interview Monday, Pike said the process of moving the market could be "
        '"slow," adding, "Change is slow."'
    )
    doc = attribute(nlp, text, ["partial", "direct"])
    assert speakers(doc)[-1] == "Pike"


@pytest.mark.full_model
def test_subjectless_cue_after_a_name_and_its_role_set_off_by_commas(nlp: Language) -> None:
    text = (
        "But in a call with reporters on May 4, Capt. Janet R. Olsen, a navy spokeswoman in "
        'Norfolk, said, "I mean, a drill is a real operation."'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Janet R. Olsen"]


@pytest.mark.full_model
def test_relative_clause_cue_closed_before_the_quote_does_not_introduce_it(nlp: Language) -> None:
    text = (
        "At the fair, which began on Monday, growers are expected to show "
        'apples like "Red Dawn" and more.'
    )
    doc = attribute(nlp, text)
    assert [c for _, _, c in who(doc)] != ["began"]


@pytest.mark.full_model
def test_owner_of_a_speech_noun_named_after_it(nlp: Language) -> None:
    text = 'A statement by the Harbor Authority called the plan "a disgrace."'
    doc = attribute(nlp, text, ["partial"])
    assert speakers(doc) == ["Harbor Authority"]
