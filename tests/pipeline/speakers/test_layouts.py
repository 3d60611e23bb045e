"""Attribution layouts on hand-written sentences parsed by the full model: one test per layout
of the layout table (each layout's own example sentence, too) and the edge cases around them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.speakers.table import LAYOUTS, Layout
from tests.pipeline.support import attribute, attributions, layouts, speakers, who


@pytest.mark.full_model
@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_every_layout_finds_its_own_example(nlp: Language, layout: Layout) -> None:
    """The table's example sentence of a layout is attributed by that layout (¶ = paragraph)."""
    text = layout.example.split(" (")[0].replace(" ¶ ", "\n\n").replace(" / ", "\n\n")
    doc = nlp(text)
    found = [s._.speaker_candidate for s in doc.spans[QUOTES_KEY] if s._.quote.is_speech]
    assert layout.name in [c.layout for c in found if c is not None], (text, found)


@pytest.mark.full_model
def test_quote_then_speaker_then_cue(nlp: Language) -> None:
    doc = attribute(nlp, '"We will rebuild the bridge," Maria Lopez said on Monday.')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]
    assert layouts(doc) == ["after"]


@pytest.mark.full_model
def test_quote_then_cue_then_speaker_with_apposition(nlp: Language) -> None:
    doc = attribute(nlp, '"We will rebuild the bridge," said Maria Lopez, the city\'s mayor.')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]
    assert doc._.speakers[0].role == "the city's mayor"


@pytest.mark.full_model
def test_apposition_between_speaker_and_cue(nlp: Language) -> None:
    text = '"We will rebuild the bridge," Maria Lopez, the city\'s mayor, said on Monday.'
    doc = attribute(nlp, text)
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]
    assert doc._.speakers[0].role == "the city's mayor"


@pytest.mark.full_model
def test_speaker_cue_colon_quote(nlp: Language) -> None:
    doc = attribute(nlp, 'Maria Lopez said: "We will rebuild the bridge before winter."')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]


@pytest.mark.full_model
def test_speaker_said_that_partial_quote(nlp: Language) -> None:
    text = 'Maria Lopez said that the bridge was "a disgrace to the city."'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]


@pytest.mark.full_model
def test_interrupted_quote_both_halves_get_the_speaker(nlp: Language) -> None:
    text = '"We will rebuild the bridge," Lopez said, "and we will do it before winter."'
    doc = attribute(nlp, text)
    assert who(doc) == [("Lopez", "Lopez", "said"), ("Lopez", "Lopez", "said")]
    assert [a.entity_id for a in attributions(doc) if a] == ["e1", "e1"]


@pytest.mark.full_model
def test_according_to(nlp: Language) -> None:
    doc = attribute(nlp, 'According to Governor Tom Baker, "the budget is balanced."')
    assert who(doc) == [("Tom Baker", "Governor Tom Baker", "According to")]
    assert layouts(doc) == ["according_to"]
    assert doc._.speakers[0].role == "Governor"


@pytest.mark.full_model
def test_name_colon_quote(nlp: Language) -> None:
    doc = attribute(nlp, 'Tom Baker: "The budget is balanced."')
    assert who(doc) == [("Tom Baker", "Tom Baker", ":")]
    assert layouts(doc) == ["colon"]


@pytest.mark.full_model
def test_speaker_in_the_sentence_before(nlp: Language) -> None:
    text = (
        "Governor Tom Baker spoke to the legislature on Tuesday. Baker was blunt. "
        '"The budget is balanced and it will stay that way."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Tom Baker", "Baker", None)]
    assert layouts(doc) == ["previous"]


@pytest.mark.full_model
def test_quote_only_paragraph_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        '"The budget is balanced," Tom Baker said.\n\n'
        '"We have no deficit this year and we will have none next year."'
    )
    doc = attribute(nlp, text)
    # the last sentence of the paragraph before names the speaker: explicit, without a cue
    assert who(doc) == [("Tom Baker", "Tom Baker", "said"), ("Tom Baker", "Tom Baker", None)]
    assert layouts(doc) == ["after", "previous_across"]
    text = (
        '"The budget is balanced," Tom Baker said. "It is," he added.\n\n'
        '"We have no deficit this year and we will have none next year."'
    )
    doc = attribute(nlp, text)
    assert layouts(doc) == ["after", "after", "paragraph"]
    third = attributions(doc)[2]
    assert third is not None and third.resolution == "context" and third.name == "Tom Baker"


@pytest.mark.full_model
def test_organisation_said_in_a_statement(nlp: Language) -> None:
    text = '"We are reviewing the decision," the Justice Department said in a statement.'
    doc = attribute(nlp, text)
    assert who(doc) == [("Justice Department", "the Justice Department", "said")]
    assert doc._.speakers[0].kind == "organization"


@pytest.mark.full_model
def test_partial_quote_object_of_a_cue_verb(nlp: Language) -> None:
    text = 'Hillary Clinton called them "deplorables" during a fundraiser.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Hillary Clinton", "Hillary Clinton", "called")]
    assert layouts(doc) == ["governing"]


@pytest.mark.full_model
def test_pronoun_told_reporters(nlp: Language) -> None:
    text = (
        'Senator John Miller visited the plant. "We will keep these jobs here," he told reporters.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("John Miller", "he", "told")]


@pytest.mark.full_model
def test_group_source(nlp: Language) -> None:
    doc = attribute(nlp, 'Critics say the plan is "a giveaway to developers."', ["partial"])
    assert who(doc) == [("Critics", "Critics", "say")]
    assert doc._.speakers[0].kind == "group"


@pytest.mark.full_model
def test_unattributed_quote_stays_unresolved(nlp: Language) -> None:
    doc = attribute(nlp, 'The storm hit the coast on Monday. "Nobody expected this."')
    (found,) = attributions(doc)
    assert found is not None
    assert (found.mention, found.cue, found.entity_id, found.name, found.resolution) == (
        None,
        None,
        None,
        None,
        "context",
    )
    assert found.reason == "no speaker named at this quote"
    # "no speaker" is right about half the time on train: surer than nothing, far below a name
    named = attributions(attribute(nlp, 'The storm hit. "Nobody expected this," Ana Ruiz said.'))
    assert named[0] is not None and named[0].name == "Ana Ruiz"
    assert 0.0 < found.confidence < named[0].confidence - 0.3
    assert doc._.speakers == ()


@pytest.mark.full_model
def test_words_inside_the_quote_are_never_the_speaker(nlp: Language) -> None:
    doc = attribute(nlp, '"I told them we would win," Maria Lopez said.')
    assert who(doc) == [("Maria Lopez", "Maria Lopez", "said")]


@pytest.mark.full_model
def test_non_speech_quotes_get_no_attribution(nlp: Language) -> None:
    text = 'The so-called "sanctuary cities" are safe, Maria Lopez said.'
    doc = attribute(nlp, text, ["scare"])
    assert attributions(doc) == [None]
    assert doc._.speakers == ()


@pytest.mark.full_model
def test_signature_after_a_dash(nlp: Language) -> None:
    doc = attribute(nlp, '"He cannot answer a single question." \u2015 Ana Ruiz\n')
    assert who(doc) == [("Ana Ruiz", "Ana Ruiz", "\u2015")]
    # the organisation after a comma describes the person: not the speaker
    doc = attribute(nlp, '\u2022 "A missed opportunity." \u2014 Dan Kelly, CFIB\n')
    assert who(doc) == [("Dan Kelly", "Dan Kelly", "\u2014")]
    text = '\u2022 "It is a start." \u2014 Cole Dudley, Canadian Alliance to End Homelessness\n'
    assert who(attribute(nlp, text)) == [("Cole Dudley", "Cole Dudley", "\u2014")]
    # a verb in the description (`retired`) does not make the signature a clause
    text = 'Voters spoke.\n\n"Honestly, the ferries." \u2014 Tom Baird, retired\n'
    assert who(attribute(nlp, text)) == [("Tom Baird", "Tom Baird", "\u2014")]


@pytest.mark.full_model
def test_common_noun_mention_keeps_its_post_modifiers(nlp: Language) -> None:
    text = '"The bridge will open in May," a source familiar with the project said.'
    mention = "a source familiar with the project"
    assert who(attribute(nlp, text)) == [(mention, mention, "said")]
    text = '"The bridge will open in May," said a memo released by the county on Friday.'
    mention = "a memo released by the county on Friday"
    assert who(attribute(nlp, text)) == [(mention, mention, "said")]
    text = 'A letter to the county board said the bridge was "a disgrace."'
    mention = "A letter to the county board"
    assert who(attribute(nlp, text, ["partial"])) == [(mention, mention, "said")]


@pytest.mark.full_model
def test_quote_only_paragraph_after_a_paragraph_without_quotes(nlp: Language) -> None:
    text = 'Mayor Ellen Brooks toured the bridge on Monday.\n\n"We will finish it before winter."'
    doc = attribute(nlp, text)
    assert who(doc) == [("Ellen Brooks", "Mayor Ellen Brooks", None)]
    assert layouts(doc) == ["previous_across"]


@pytest.mark.full_model
def test_quote_only_paragraph_after_a_noun_subject_with_a_name_set_off(nlp: Language) -> None:
    # `Her husband, Dale Morrow, ... remembers the moment.`: the name stands for the noun
    text = (
        "Ann Morrow ran for mayor in 2022.\n\nHer husband, Dale Morrow, a retired shop teacher, "
        'remembers the moment.\n\n"She came home from the plant and told me she was running."'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Dale Morrow", "Dale Morrow", None)]
    assert layouts(doc) == ["previous_across"]
    # a noun with no name set off is too weak: the quote stays unattributed
    text = 'Ann Morrow ran in 2022.\n\nHer husband remembers the moment.\n\n"She told me."'
    assert who(attribute(nlp, text)) == [(None, None, None)]


@pytest.mark.full_model
def test_possessor_of_a_speech_noun_is_the_speaker(nlp: Language) -> None:
    doc = attribute(nlp, 'Helen Park\'s statement said: "The factory will reopen next spring."')
    assert who(doc) == [("Helen Park", "Helen Park's", "said")]


@pytest.mark.full_model
def test_possessive_pronoun_of_a_speech_noun_resolves_like_its_pronoun(nlp: Language) -> None:
    text = 'Mr. Reyes arrived late at the hall. His statement said: "The port will stay open."'
    doc = attribute(nlp, text)
    assert who(doc) == [("Reyes", "His", "said")]


@pytest.mark.full_model
def test_possessor_of_a_speech_noun_governing_a_partial_quote(nlp: Language) -> None:
    text = 'Voters remembered Omar Reyes\'s promise of "a park on every corner" last year.'
    doc = attribute(nlp, text, types=["partial"])
    assert who(doc) == [("Omar Reyes", "Omar Reyes's", "promise")]
    assert layouts(doc) == ["governing"]


@pytest.mark.full_model
def test_reporting_verb_above_a_speech_noun_wins(nlp: Language) -> None:
    text = 'Helen Park criticized Omar Reyes\'s call for a "tax holiday" on Monday.'
    doc = attribute(nlp, text, types=["partial"])
    assert speakers(doc) == ["Helen Park"]


@pytest.mark.full_model
def test_colon_takes_the_subject_of_its_clause(nlp: Language) -> None:
    text = 'Helen Park leaned toward the microphone and delivered her verdict: "We are done."'
    doc = attribute(nlp, text)
    assert who(doc) == [("Helen Park", "Helen Park", ":")]
    assert layouts(doc) == ["colon"]


@pytest.mark.full_model
def test_quote_then_short_clause_with_a_verb_outside_the_lexicon(nlp: Language) -> None:
    text = 'The hall fell silent. "Where is the money going?" Helen Park pressed.'
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Helen Park"]
    assert layouts(doc) == ["after_plain"]


@pytest.mark.full_model
def test_partial_quote_under_a_plain_verb_takes_the_named_speaker(nlp: Language) -> None:
    # the plain verb's common-noun subject ("the water system") did not say the words
    text = (
        "During the long winter, Laura Kim feared that the old water system was turning into "
        '"a sieve that drains the town budget."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert speakers(doc) == ["Laura Kim"]


@pytest.mark.full_model
def test_participle_cue_after_a_quote_has_no_inverted_subject(nlp: Language) -> None:
    # `"Q," saying the valley ...`: "the valley" is not an inverted subject as in `"Q," said X`
    text = (
        'Senator Mary Jones gave a spirited speech on "farm country," saying the valley held '
        'the "patience and pride of the region."'
    )
    doc = attribute(nlp, text, ["partial", "partial"])
    assert speakers(doc) == ["Mary Jones", "Mary Jones"]


@pytest.mark.full_model
def test_passive_verb_of_addressing_takes_the_agent(nlp: Language) -> None:
    text = (
        "Walsh was questioned by anchor Peter Novak about whether the bill would mean "
        '"more paperwork for every farmer."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Peter Novak", "anchor Peter Novak", "questioned")]


@pytest.mark.full_model
def test_coordinated_nominal_mention_keeps_both_nouns(nlp: Language) -> None:
    doc = attribute(nlp, '"We will win," the former governor and current party chairman said.')
    mention = "the former governor and current party chairman"
    assert who(doc) == [(mention, mention, "said")]


@pytest.mark.full_model
def test_named_subject_when_the_parse_ties_the_quote_to_nothing(nlp: Language) -> None:
    text = (
        'Mayor Ann Brooks, who won easily in March, named "Fargo," "The Wire" and "Cheers" '
        "as her favorite shows."
    )
    doc = attribute(nlp, text, ["partial", "partial", "partial"])
    assert speakers(doc) == ["Ann Brooks"] * 3
    # the parse hangs "named" on the name as a participle, after her set-off relative clause:
    # read as the sentence's verb, whose subject she is
    assert layouts(doc) == ["verb", "shared", "shared"]


@pytest.mark.full_model
def test_name_of_a_verb_the_parse_read_as_a_modifier_speaks(nlp: Language) -> None:
    # the parse reads "Trump accused Kasich" as a noun phrase, so nothing governs the fragment
    text = (
        "Donald Trump campaigned in Ohio.\n\n"
        "At a rally in Ohio, Trump accused Kasich, the state's governor, of being "
        '"far too soft" on trade.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Donald Trump", "Trump", "accused")]
    assert layouts(doc) == ["misread_subject"]


@pytest.mark.full_model
def test_an_as_clause_right_after_a_quote_is_its_attribution(nlp: Language) -> None:
    text = 'Still, the fact that the vote is "far too close," as Ann Lee said on Monday, matters.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Ann Lee", "Ann Lee", "said")]
    assert layouts(doc) == ["after"]


@pytest.mark.full_model
def test_a_quote_inside_the_subject_of_an_inverted_cue_takes_the_name_after_it(
    nlp: Language,
) -> None:
    text = 'Any "serious" reading of the plan, said Ann Lee, a professor at the college, shows it.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Ann Lee", "Ann Lee", "said")]
    assert layouts(doc) == ["governing"]


@pytest.mark.full_model
def test_a_cue_tagged_as_a_noun_before_a_prepositional_phrase_after_a_quote(
    nlp: Language,
) -> None:
    # "state" is tagged a noun; the clause runs on past it to a comma
    text = '"We will never accept this deal," the Norwegians state in the letter, sent Friday.'
    doc = attribute(nlp, text)
    assert who(doc) == [("Norwegians", "the Norwegians", "state")]
    assert layouts(doc) == ["after_words"]


@pytest.mark.full_model
def test_the_cue_of_a_framing_clause_keeps_its_quote_from_the_main_clause(nlp: Language) -> None:
    text = (
        'While Ann Lopez conceded on Monday that the vote would be "very tight" in the north, '
        "her staff has argued that she will win."
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Ann Lopez", "Ann Lopez", "conceded")]
    assert layouts(doc) == ["governing"]


@pytest.mark.full_model
def test_a_cue_read_as_a_participle_after_a_who_clause_takes_the_person_before_it(
    nlp: Language,
) -> None:
    # "called" is parsed as a participle modifying a noun: it has no subject of its own, and
    # "Baker's remarks" would otherwise give the speech noun's owner
    text = (
        "Ann Lopez, who served as the finance chair during the 2018 race, called "
        'Baker\'s remarks and conduct at the debate "reckless."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Ann Lopez", "Ann Lopez", "called")]


@pytest.mark.full_model
def test_a_cue_coordinated_with_its_own_subject_keeps_its_quote(nlp: Language) -> None:
    text = (
        "Ann Lopez toured the market. Near the end, a vendor asked for a handshake and Lopez "
        'said, "once we finish the tour."'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Ann Lopez", "Lopez", "said")]
    assert layouts(doc) == ["governing"]


@pytest.mark.full_model
def test_attribution_right_after_a_partial_quote_wins(nlp: Language) -> None:
    # the cue verb that governs the fragment ("said") reports Smith's words, not the source
    text = (
        'Smith should never have said that "the case is closed," Tom Brown added, '
        "calling it a mistake."
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [("Tom Brown", "Tom Brown", "added")]
    assert layouts(doc) == ["after"]


@pytest.mark.full_model
def test_signature_after_a_mark_glued_to_its_dash(nlp: Language) -> None:
    # the tokenizer gives `"―` as one token: still a dash signature
    text = (
        'Readers sent us their views.\n\n"The schools need more money."― Ann Lee\n\n'
        '"Taxes are too high."― Bob Stone.\n\nThanks to all.'
    )
    doc = attribute(nlp, text)
    assert who(doc) == [("Ann Lee", "Ann Lee", '"―'), ("Bob Stone", "Bob Stone", '"―')]
    assert layouts(doc) == ["after", "after"]


@pytest.mark.full_model
def test_passive_subject_is_not_the_speaker(nlp: Language) -> None:
    """`X has been called "Q"`: the passive's subject is what the words are about; with no
    by-phrase nobody is named as saying them. A by-phrase names the source; a cue verb below the
    passive (`is reported to have called`) keeps its subject as the speaker."""
    text = 'The new mayor, Ann Brooks, has been called "the builder of Fargo" for her record.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc) == [(None, None, "called")]
    text = 'The mayor, Ann Brooks, is reported to have called the plan "a disaster" last week.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][0] == "Ann Brooks"


@pytest.mark.full_model
def test_surname_that_is_a_common_word(nlp: Language) -> None:
    """A person named in full earlier (`Paul From`, `George Will`) whose surname alone the tagger
    reads as a preposition or an auxiliary is still the speaker where it stands as the subject."""
    text = (
        "The clinic was started by Paul From, a nurse from Vermont.\n\n"
        'Patients saw the old hours as too short, From said. "We had to fix that."\n\n'
        "The columnist George Will wrote about the levy on Friday.\n\n"
        'In his column, Will described the levy as a "needless burden."'
    )
    doc = attribute(nlp, text, ["direct", "partial"])
    assert speakers(doc) == ["Paul From", "George Will"]


@pytest.mark.full_model
def test_source_relaying_the_quote_later_in_its_sentence(nlp: Language) -> None:
    """`Lee called the plan "Q," the Times reported`: the corpus credits the quote to the source
    that relays it (as `according to Y` after it); not when the sentence ends inside the marks."""
    text = (
        'Ann Lee praised the decision, saying the council was "acting in good faith," hinting '
        "she might back the plan herself, NBC reported."
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][:2] == ("NBC", "NBC")
    text = 'Mayor Ann Lee called the plan "a disaster." The Times reported it first.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][0] == "Ann Lee"


@pytest.mark.full_model
def test_name_set_off_by_a_dash_before_a_colon(nlp: Language) -> None:
    """`Coaches agree - Dana Whitcomb: "Q"` (a digest's credit line): the name between the dash
    and the colon, not the subject of the clause before the dash."""
    text = 'Coaches agree on the lesson - Dana Whitcomb: "Keep stretching until the final whistle."'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Dana Whitcomb", "Dana Whitcomb")


@pytest.mark.full_model
def test_a_byline_before_a_colon_credits_the_excerpt_to_its_writer(nlp: Language) -> None:
    """A digest's link line, `"Headline," by the News' Nora Whitley: "excerpt"`: the writer named
    after "by" wrote the excerpt, not the subject of the headline's clause."""
    text = (
        'CLOSING\u2014"The Blue Door to shut in March," by News\' Nora Whitley: "The Blue Door, a '
        "corner bakery that trained many of the city's chefs, will shut in March.\""
    )
    doc = attribute(nlp, text, ["title", "direct"])
    excerpt = attributions(doc)[1]
    assert excerpt is not None and excerpt.mention is not None
    assert (excerpt.name, excerpt.mention.text) == ("Nora Whitley", "News' Nora Whitley")


@pytest.mark.full_model
def test_share_of_respondents_speaks_through_the_poll(nlp: Language) -> None:
    """`In a survey, 58 percent of parents said they were "Q"`: the survey, as the corpus credits
    it; a person in an interview keeps the quote."""
    text = (
        "In a Marist survey released Friday, 58 percent of parents said they were "
        '"deeply worried" about the plan.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][1] == "a Marist survey released Friday"
    text = 'In an interview on Friday, Ann Lee said she was "deeply worried" about the plan.'
    doc = attribute(nlp, text, ["partial"])
    assert who(doc)[0][0] == "Ann Lee"


@pytest.mark.full_model
def test_spaces_between_sentences_do_not_hide_the_sentence_before(nlp: Language) -> None:
    """`Baker was blunt.  "Q"` with two spaces (common in copied text): the quote still takes
    the named subject of the sentence before it."""
    text = (
        "Mayor Ann Lee distanced herself from the plan by saying she would vote against it if "
        'asked.  "I am going to oppose it, and oppose it loudly."'
    )
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][0] == "Ann Lee"


@pytest.mark.full_model
def test_according_to_opening_the_sentence_credits_the_relay(nlp: Language) -> None:
    """`According to the Gazette, one sign read, "Q"`: the source of an "according to" that
    opens the sentence, as the corpus credits it, not the subject of the cue after it."""
    text = 'According to the Gazette, one park sign read, "Take only photos, leave nothing."'
    doc = attribute(nlp, text, ["direct"])
    assert who(doc)[0][:2] == ("Gazette", "the Gazette")
    assert layouts(doc) == ["according_to"]


@pytest.mark.full_model
def test_a_multi_paragraph_quote_takes_the_attribution_after_its_last_paragraph(
    nlp: Language,
) -> None:
    """`"A. ¶ "B," Lopez said`: one quote in two paragraphs, attributed where it closes."""
    text = (
        "The council approved the plan on Monday.\n\n"
        '"This is the first step. We have a long way to go.\n\n'
        '"But I am confident we will get there," Lopez said.'
    )
    doc = nlp(text)  # the quote finder itself, which joins the two paragraphs
    [span] = [s for s in doc.spans[QUOTES_KEY] if s._.quote.is_speech]
    assert len(span._.quote.segments) == 2
    attribution = span._.attribution
    assert (attribution.name, attribution.cue.text) == ("Lopez", "said")
    assert span._.speaker_candidate.layout == "after"


@pytest.mark.full_model
def test_no_name_follows_a_noun_in_a_clause_the_ner_calls_a_person(nlp: Language) -> None:
    # the NER tags `Lopez Says He’s` a person: "’s" is no name after "Lopez"
    text = (
        "Lopez Says He\u2019s Unlikely To Make Peace With Ann Lee.\n\n"
        "MIAMI (AP) - Carlos Lopez said he did not expect to end his feud with Lee."
    )
    doc = nlp(text)
    first = doc.spans["quotes"][0]
    assert (first._.attribution.name, first._.attribution.mention.text) == (
        "Carlos Lopez",
        "Lopez",
    )


@pytest.mark.full_model
def test_a_gerund_cue_after_before_or_after_names_other_speech(nlp: Language) -> None:
    # "before answering": she answered later; the question is the reporter's
    text = (
        "Janice Kowalski spoke in Brandon.\n\n"
        'When a reporter asked, "Would you reopen the Grandview ER on day one?" she paused '
        "before answering."
    )
    assert who(attribute(nlp, text, ["direct"])) == [("a reporter", "a reporter", "asked")]


@pytest.mark.full_model
def test_a_quote_ending_a_sentence_of_narration_is_not_the_next_sentences(nlp: Language) -> None:
    # the words before the mark run into it: the speaker after the period says something else
    text = (
        'Parents face what has become an annual "September scramble." The Thames Bus '
        "Consortium says 38 routes had no driver."
    )
    assert layouts(attribute(nlp, text)) != ["after"]
    # a quote that opens its sentence keeps the speaker named right after it
    text = '"We are not going to sugarcoat it." The Thames Bus Consortium says it needs drivers.'
    assert who(attribute(nlp, text)) == [
        ("The Thames Bus Consortium", "The Thames Bus Consortium", "says")
    ]


@pytest.mark.full_model
def test_the_subject_of_what_was_said_after_an_inverted_cue_is_not_the_speaker(
    nlp: Language,
) -> None:
    # the cue has its subject before the quote: "the government" is what Thorne said, of whom
    text = (
        'Critic Jasper Thorne, whose party ran on the slogan "Axe the tax," said the '
        "government is taking money from people."
    )
    assert speakers(attribute(nlp, text)) == ["Jasper Thorne"]
    # no subject before it: a plain inversion, whatever the parse made of the clause after
    text = (
        '"One guy said we should leave," said the woman, who like many here did not want '
        "to be named."
    )
    assert speakers(attribute(nlp, text)) == ["the woman"]
