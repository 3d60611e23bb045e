"""Attribution rules learned from the training articles: which cue a quote that opens its own
sentence may take, the noun a relative clause describes, and the short clause after a quote read
from its words when its parse failed."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.pipeline.support import attribute, layouts, who


@pytest.mark.full_model
def test_relative_clause_cue_of_the_sentence_before_is_not_the_next_quotes_cue(
    nlp: Language,
) -> None:
    text = (
        '"Reopening the nominations is hard," Ash wrote in the email, which was first reported '
        'by The Associated Press. "It would permit a more acceptable candidate."'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Ash", "Ash"]


@pytest.mark.full_model
def test_speaker_described_by_a_relative_clause_before_a_subjectless_cue(nlp: Language) -> None:
    text = (
        "Although there is no such overlap with Sanders's team, a White House official who spoke "
        'anonymously to discuss internal strategy said Wednesday, "Certainly there are '
        'discussions between the White House and the Sanders campaign."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("a White House official", "a White House official", "said")]


@pytest.mark.full_model
def test_short_clause_after_a_quote_read_from_its_words(nlp: Language) -> None:
    text = '"Would it be negotiable about the 11 million?" Hannity pressed.'
    doc = attribute(nlp, text)
    assert who(doc) == [("Hannity", "Hannity", "pressed")]
    assert layouts(doc) == ["after_words"]
    text = (
        '"If she wants to be the next president, she should come to Louisiana," the editorial read.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("the editorial", "the editorial", "read")]
    # a coordinated clause is no attribution
    doc = attribute(nlp, 'The mayor spoke. "It is over," and the crowd laughed.')
    assert layouts(doc) != ["after_words"]


@pytest.mark.full_model
def test_name_tagged_as_a_verb_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Donald Trump faced Jeb Bush on stage.\n\n"
        '"Jeb wants to be a tough guy tonight," Trump shot back.'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Donald Trump"]


@pytest.mark.full_model
def test_fragment_inside_nested_reports_is_the_outermost_sources(nlp: Language) -> None:
    text = 'That is why critics say he had proposed to "dismantle" the law.'
    doc = nlp(text)
    fragments = [s for s in doc.spans["quotes"] if s._.quote.type == "partial"]
    assert [s._.attribution.mention.text for s in fragments] == ["critics"]


@pytest.mark.full_model
def test_participle_after_a_reported_clause_shares_the_reporting_subject(nlp: Language) -> None:
    text = (
        "Trump argued that a database would keep people from coming into the country, saying "
        'it is "all about management."'
    )
    doc = nlp(text)
    fragments = [s for s in doc.spans["quotes"] if s._.quote.type == "partial"]
    assert [s._.attribution.name for s in fragments] == ["Trump"]


@pytest.mark.full_model
def test_common_noun_mention_keeps_its_by_phrase_and_stops_at_a_comma(nlp: Language) -> None:
    text = (
        '"The decision matrix is like choosing how to die," said one person with knowledge of '
        'the dilemma, who spoke on the condition of anonymity. "I have never seen this."'
    )
    mention = "one person with knowledge of the dilemma"
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


@pytest.mark.full_model
def test_after_a_finished_quote_the_cue_of_the_next_quote_is_not_its_cue(nlp: Language) -> None:
    text = (
        '"He is funny," attorney Eric Levine said of Trump. "He is a circus act." Of Carson, '
        'Levine, who has given money to Marco Rubio, said, "He is flat-out scary."'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Eric Levine"] * 3
    text = (
        "Sanders dispensed with the threat before pivoting to the dangers of a "
        '"rigged economy." Ben Carson struggled to answer a simple question.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert [name for name, _, _ in who(doc)] != ["Ben Carson"]


@pytest.mark.full_model
def test_hyphenated_words_in_mentions(nlp: Language) -> None:
    text = '"Imagine that on one stage," mused Blaze co-host Stu Burguiere.'
    assert who(attribute(nlp, text)) == [("Stu Burguiere", "co-host Stu Burguiere", "mused")]
    text = '"What if he had elocution lessons?" the 43-year-old asked in the video.'
    assert who(attribute(nlp, text)) == [("43-year-old", "43-year-old", "asked")]


@pytest.mark.full_model
def test_participle_clause_set_off_by_commas_before_a_subjectless_cue(nlp: Language) -> None:
    text = (
        "But Sen. Richard J. Durbin (D-Ill.), noting the size of Sanders's following, said, "
        '"Let me tell you, he has got a heck of an email list."'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Richard J. Durbin"]


@pytest.mark.full_model
def test_quote_opening_its_sentence_takes_only_a_main_clause_cue_before_it(nlp: Language) -> None:
    text = (
        '"We are going to win so much," Trump said at his party, two hours after news outlets '
        'declared him the victor. "You are going to be so happy."'
    )
    assert [name for name, _, _ in who(attribute(nlp, text))] == ["Trump", "Trump"]


@pytest.mark.full_model
def test_cue_followed_by_its_own_modifiers_introduces_the_quote(nlp: Language) -> None:
    text = (
        'As Michael Dell said last week in Tel Aviv, "Israel is the center of the digital '
        'future." Fully 250 foreign companies have set up research centers there, officials said.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Michael Dell", "Michael Dell", "said")]
    assert layouts(doc) == ["before"]


@pytest.mark.full_model
def test_speech_participle_after_a_cues_clause_shares_its_subject(nlp: Language) -> None:
    text = (
        "In an interview Monday, Sanders said the process of holding the convention could be "
        '"messy," adding, "Democracy is messy."'
    )
    doc = attribute(nlp, text, ["partial", "direct"])
    assert [name for name, _, _ in who(doc)][-1] == "Sanders"


@pytest.mark.full_model
def test_subjectless_cue_after_a_name_and_its_role_set_off_by_commas(nlp: Language) -> None:
    text = (
        "But in a call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in "
        'Baghdad, said, "I mean, a raid is a combat operation."'
    )
    doc = attribute(nlp, text)
    assert [name for name, _, _ in who(doc)] == ["Steven H. Warren"]


@pytest.mark.full_model
def test_relative_clause_cue_closed_before_the_quote_does_not_introduce_it(nlp: Language) -> None:
    text = (
        "At the presentations, which began on Monday, executives are expected to unveil "
        'films like "Training Day" and more.'
    )
    doc = attribute(nlp, text)
    assert [c for _, _, c in who(doc)] != ["began"]


@pytest.mark.full_model
def test_owner_of_a_speech_noun_named_after_it(nlp: Language) -> None:
    text = 'A statement by the White House called the plan "a disgrace."'
    doc = attribute(nlp, text, ["partial"])
    assert [name for name, _, _ in who(doc)] == ["White House"]
