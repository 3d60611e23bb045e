"""The reported_speech component: reported speech on small hand-written articles, one test per
shape, the negative cases (beliefs, questions, conditionals, "said" as an adjective, page
furniture), and saving and reloading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.reported.component import ReportedSpeech
from tests.pipeline.support import initialize_data, reports, typed_speakers


@pytest.fixture
def rules_only(nlp: Language) -> Iterator[Language]:
    """The full pipeline with the reported_speech rules alone (the learned filter off)."""
    component = nlp.get_pipe("reported_speech")
    assert isinstance(component, ReportedSpeech)
    use_model, component.use_model = component.use_model, False
    yield nlp
    component.use_model = use_model


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maria Lopez said the bridge would open in May.",
            [("the bridge would open in May", "Maria Lopez", "said")],
        ),
        (
            "Maria Lopez said that the bridge would open in May.",
            [("that the bridge would open in May", "Maria Lopez", "said")],
        ),
        (
            "The bridge will open in May, Maria Lopez said.",
            [("The bridge will open in May", "Maria Lopez", "said")],
        ),
        (
            "Maria Lopez told reporters that the bridge would open in May.",
            [("that the bridge would open in May", "Maria Lopez", "told")],
        ),
        (
            "According to Maria Lopez, the bridge will open in May.",
            [("the bridge will open in May", "Maria Lopez", "According to")],
        ),
        (
            "The bridge will open in May, according to Maria Lopez.",
            [("The bridge will open in May", "Maria Lopez", "according to")],
        ),
        (
            "Maria Lopez said in a statement that the bridge would open in May.",
            [("that the bridge would open in May", "Maria Lopez", "said")],
        ),
        (
            "Maria Lopez warned that the bridge would not open before winter.",
            [("that the bridge would not open before winter", "Maria Lopez", "warned")],
        ),
        (
            "Maria Lopez denied that the county had lost the money.",
            [("that the county had lost the money", "Maria Lopez", "denied")],
        ),
        (
            "The bridge costs, she added, were far higher than planned.\n\n",
            [("The bridge costs", None, "added"), ("were far higher than planned", None, "added")],
        ),
        (
            "The bridge, Maria Lopez said, will open in May.",
            [("The bridge", "Maria Lopez", "said"), ("will open in May", "Maria Lopez", "said")],
        ),
        (
            "Construction, according to Maria Lopez, will end in May.",
            [
                ("Construction", "Maria Lopez", "according to"),
                ("will end in May", "Maria Lopez", "according to"),
            ],
        ),
        (
            "Maria Lopez said seeing the bridge finished was a relief.",
            [("seeing the bridge finished was a relief", "Maria Lopez", "said")],
        ),
        (
            "Maria Lopez distanced herself from the plan by saying the bridge was too costly.",
            [("the bridge was too costly", "Maria Lopez", "saying")],
        ),
        (
            "The Acme Corporation issued a statement saying the bridge would open in May.",
            [("the bridge would open in May", "Acme Corporation", "saying")],
        ),
        (
            # a passive participle: its subject is the listener, not the source
            "Maria Lopez left the meeting after being asked to explain the delay.",
            [("to explain the delay", None, None)],
        ),
        (
            "Maria Lopez cited rising costs for the delay.",
            [("rising costs for the delay", "Maria Lopez", "cited")],
        ),
        (
            "Maria Lopez called the delay unacceptable.",
            [("the delay unacceptable", "Maria Lopez", "called")],
        ),
        (
            # a quoted predicate the parser folds into the object: reported, quotation included
            'Maria Lopez called the toll plan "a disaster."',
            [('the toll plan "a disaster."', "Maria Lopez", "called")],
        ),
        (
            "Maria Lopez called out the county board on Monday.",
            [("the county board", "Maria Lopez", "called out")],
        ),
        (
            # what was urged is that the voters approve: the object opens the content
            "Maria Lopez urged voters to approve the bridge.",
            [("voters to approve the bridge", "Maria Lopez", "urged")],
        ),
        (
            # the parser reads "outside court" as the object: the clause is what was said
            "Maria Lopez said outside court that the bridge would open in May.",
            [("that the bridge would open in May", "Maria Lopez", "said")],
        ),
        (
            # the parser hangs the infinitive on the noun of "with information"
            "Maria Lopez urged anyone with information to call police.",
            [("anyone with information to call police", "Maria Lopez", "urged")],
        ),
        (
            "Maria Lopez accused the county of hiding the costs.",
            [("the county of hiding the costs", "Maria Lopez", "accused")],
        ),
        (
            "Maria Lopez called on the mayor to resign.",
            [("the mayor to resign", "Maria Lopez", "called")],
        ),
        (
            # an indirect question, from its "if"; the one asked is the listener
            "Maria Lopez asked the mayor if the bridge would open in May.",
            [("if the bridge would open in May", "Maria Lopez", "asked")],
        ),
        (
            # asked by no one named: the question has no source (not the one who answers)
            "Asked whether the bridge was safe, Maria Lopez said it was.",
            [("whether the bridge was safe", None, "Asked"), ("it was", "Maria Lopez", "said")],
        ),
        (
            # a subjectless `asked` the tagger calls a past tense, or read as a relative clause:
            # still a question no one named put
            "When asked which plan she backed, Maria Lopez declined to say.",
            [("which plan she backed", None, "asked")],
        ),
        (
            "Maria Lopez, when asked about the bridge, blamed the county.",
            [("the bridge", None, "asked")],
        ),
        (
            # the one accused is not the accuser
            "Maria Lopez is accused of hiding the costs from the council.",
            [("of hiding the costs from the council", None, "accused")],
        ),
        (
            "When questioned about the costs, Maria Lopez said nothing.",
            [("the costs", None, "questioned")],
        ),
        (
            # the passive subject of `asked` is the one asked: the asker is not named
            "Maria Lopez was asked whether the bridge was safe.",
            [("whether the bridge was safe", None, "asked")],
        ),
        (
            # ... unless a by-phrase names the asker
            "Maria Lopez was asked by reporters whether the bridge was safe.",
            [("whether the bridge was safe", "reporters", "asked")],
        ),
        (
            # a listener is not what was said: after `told` the content is the infinitive
            "Maria Lopez told reporters to wait for the audit.",
            [("to wait for the audit", "Maria Lopez", "told")],
        ),
        (
            "Maria Lopez responded to claims that the bridge was unsafe.",
            [("claims that the bridge was unsafe", "Maria Lopez", "responded")],
        ),
        (
            # who raised the questions is asked, and "the vote" names no speaker
            "The vote raised questions about whether the bridge will open.",
            [("whether the bridge will open", None, "questions")],
        ),
        (
            "Maria Lopez's calls for an audit went unheeded.",
            [("an audit", "Maria Lopez", "calls")],
        ),
        (
            # the clause before a colon is the article's own
            "The bridge will never open: Maria Lopez said the county had no money.",
            [("the county had no money", "Maria Lopez", "said")],
        ),
        (
            "Still, Maria Lopez said, the bridge will open in May.",
            [("the bridge will open in May", "Maria Lopez", "said")],
        ),
        (
            "Maria Lopez promised to open the bridge in May.",
            [("to open the bridge in May", "Maria Lopez", "promised")],
        ),
        (  # a source in an as-clause: what the clause it hangs on says
            "As Maria Lopez reported, the bridge will open in May.",
            [("the bridge will open in May", "Maria Lopez", "reported")],
        ),
        (
            "The bridge will open in May, as Maria Lopez noted.",
            [("The bridge will open in May", "Maria Lopez", "noted")],
        ),
        (  # the passive's agent is the source
            "As reported by The Herald, the bridge will open in May.",
            [("the bridge will open in May", "Herald", "reported")],
        ),
        (
            "As Maria Lopez put it, the bridge is a disaster.",
            [("the bridge is a disaster", "Maria Lopez", "put")],
        ),
        (  # what was called for: a clause after "for" (without it), a gerund
            "Maria Lopez called for the county to open the bridge in May.",
            [("the county to open the bridge in May", "Maria Lopez", "called")],
        ),
        (
            "Maria Lopez called for her emails to be made public.",
            [("her emails to be made public", "Maria Lopez", "called")],
        ),
        (
            "Maria Lopez called for doubling the bridge tolls.",
            [("doubling the bridge tolls", "Maria Lopez", "called")],
        ),
        (  # a ruling is a statement on record
            "A federal judge ruled on Monday that the county must count the ballots.",
            [("that the county must count the ballots", "A federal judge", "ruled")],
        ),
        (  # what someone stressed is what they said
            "Maria Lopez stressed the need to finish the bridge before winter.",
            [("the need to finish the bridge before winter", "Maria Lopez", "stressed")],
        ),
        (  # an "asked" set off after its subject, which the parse read as the main verb: the
            # subject was asked, by no one named
            "Suzuki, asked whether the loss stung more because it came against Toronto, shrugged.",
            [("whether the loss stung more because it came against Toronto", None, "asked")],
        ),
        (  # such an aside before the sentence's cue: the subject said the rest
            "Suzuki, asked whether the loss stung, said every point matters at this time of year.",
            [
                ("whether the loss stung", None, "asked"),
                ("every point matters at this time of year", "Suzuki", "said"),
            ],
        ),
        (  # the same aside hung under the cue by the parse; "do so" keeps its adverb
            "Trudeau, asked about the tariffs on Tuesday, said Canada had no plans to do so.",
            [
                ("the tariffs", None, "asked"),
                ("Canada had no plans to do so", "Trudeau", "said"),
            ],
        ),
        (  # asked by the subject: the subject's question
            "Smith asked whether the plan would work.",
            [("whether the plan would work", "Smith", "asked")],
        ),
        (  # a statement's that-clause whose head the parse took for an adjective
            'Joly said in a statement that Canada was "relieved and grateful" for the return.',
            [('that Canada was "relieved and grateful" for the return', "Joly", "said")],
        ),
        (  # a call's that-clause read as a relative clause, its "that" filling no role: the
            # chair's report, not "the board asked" (his denial read as its opposite)
            "Alistair Whitmore told analysts on a conference call that the board had not asked "
            "Greg Hallett to resign.",
            [
                (
                    "that the board had not asked Greg Hallett to resign",
                    "Alistair Whitmore",
                    "told",
                )
            ],
        ),
        (  # an email's that-clause read as a relative clause, "that" made the object of a
            # verb beside its own object ("offer ... jobs"): the spokesperson's report
            "A spokesperson for Harbour Bus Lines, Tom Renner, wrote in an email that the "
            'company intends to offer jobs to all current drivers "at equal pay."',
            [
                (
                    'that the company intends to offer jobs to all current drivers "at equal pay."',
                    "Tom Renner",
                    "wrote",
                )
            ],
        ),
        (  # a consortium named beside its noun speaks under its name
            "The consortium, Northgate Rail Partners, said in a statement that the line would "
            "open in May.",
            [("that the line would open in May", "Northgate Rail Partners", "said")],
        ),
        (  # the content's subject, which the parse made the cue's second object
            "One first officer, who asked not to be identified because he was not authorized to "
            'speak publicly, told The Canadian Press the deal "still leaves us behind our '
            'American colleagues."',
            [
                (
                    'the deal "still leaves us behind our American colleagues."',
                    "One first officer",
                    "told",
                )
            ],
        ),
    ],
)
def test_each_shape_of_reported_speech(
    rules_only: Language, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert reports(rules_only, text) == expected


@pytest.mark.full_model
def test_a_speaker_label_at_the_start_of_a_line(nlp: Language) -> None:
    text = "Transcript.\n\nTAPPER: Do you think the bridge will open in May?\n\nLOPEZ: It will."
    assert reports(nlp, text) == [
        ("Do you think the bridge will open in May?", "TAPPER", ":"),
        ("It will", "LOPEZ", ":"),
    ]
    # a roster of names after a place is nobody's words
    text = (
        "The caucus:\n\nIowa: Ada Moss, Ben Price, Cal Ortiz, Dee Vance, "
        "Eli Shore.\n\nLOPEZ: It will."
    )
    assert reports(nlp, text) == [("It will", "LOPEZ", ":")]


@pytest.mark.full_model
def test_a_blurb_after_a_title_case_label_is_no_speech(nlp: Language) -> None:
    # a newsletter's sign-up line; an upper-case transcript label runs on in lower case
    text = (
        "The vote is Tuesday.\n\nMontreal Gazette Headline News: get the latest headlines, "
        "breaking news and columns.\n\nTAPPER: obviously, you are supporting the mayor."
    )
    assert reports(nlp, text) == [("obviously, you are supporting the mayor", "TAPPER", ":")]
    # a game story's notes
    text = "The Pats lost 4-3.\n\nNOTES: Desjardins has 11 points in his last six games."
    assert reports(nlp, text) == []


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a clause of time after the cue is when, not what
            '"We got what we deserved," the coach said as he sat down at the podium, minutes '
            "after his team blew a three-goal lead.",
            [],
        ),
        (  # a that-clause the parser gave a second subordinator is still the content
            "Surveys suggest that mine closures and the farm losses since the middle of this "
            "decade have hurt the valley.",
            [
                (
                    "that mine closures and the farm losses since the middle of this decade "
                    "have hurt the valley",
                    "Surveys",
                    "suggest",
                )
            ],
        ),
        (  # a relative clause with no "that" on a noun before a name: not the clause before
            "The mayor cut two overnight bus routes, a move Coun. Raj Malhotra called "
            '"a slap in the face."',
            [],
        ),
        (  # a title's words the parse made a cue's clause: nobody's report
            "Lee fired back.\n\nThe Herald answered with a second sharp column, entitled "
            "\u201cMayor Lee\u2019s plans are not too daring. They are too timid.\u201d",
            [],
        ),
        (  # the wire service of a dateline is no source: the name after the dash is
            "SAN FRANCISCO, Oct 21 (Reuters) - Lumora Systems (LUMR.O) said on Tuesday it would "
            "cut about 2,300 jobs.",
            [("it would cut about 2,300 jobs", "Lumora Systems", "said")],
        ),
        (  # nor is a dateline's place, which the parse made the subject, or its agency
            "REGINA, Oct. 3 (CP) \u2014 Finance Minister Dale Harnett told reporters the "
            "deficit would shrink.\n\nHALIFAX \u2014 Nurse Ada Pyke said the ward was full.\n\n"
            "MONCTON, N.B. - Mayor Tom Bell's staff said the plan was dead.",
            [
                ("the deficit would shrink", "Dale Harnett", "told"),
                ("the ward was full", "Ada Pyke", "said"),
                ("the plan was dead", "Mayor Tom Bell's staff", "said"),
            ],
        ),
        (  # an acronym with a comma after it opening its paragraph is no dateline's place
            "EHS, which operates ground ambulances in the province through Emergency Medical "
            "Care Inc., said in a statement that it could not comment on individual cases.",
            [("that it could not comment on individual cases", "EHS", "said")],
        ),
        (  # an age description is a person (the NER reads the age as a date)
            "The crowd chanted his name during Jason Miller's free throws, something the "
            "23-year-old said he had never heard.",
            [("he had never heard", "Jason Miller", "said")],
        ),
        (  # a jury and a township speak
            "In its citation, the jury called the novel a ledger of small mercies. In a "
            "statement, the township said it accepted all of the recommendations.",
            [
                ("the novel a ledger of small mercies", "the jury", "called"),
                ("it accepted all of the recommendations", "the township", "said"),
            ],
        ),
    ],
)
def test_what_is_no_report_and_whose_it_is(
    nlp: Language, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert reports(nlp, text) == expected


@pytest.mark.full_model
def test_a_transcripts_lines_are_kept_whatever_the_filter_says(nlp: Language) -> None:
    # the tagger reads the label "A" as the article; the filter, weighing that, dropped it
    text = "Q: Why freeze the fares?\n\nA: Because riders are hurting.\n"
    assert reports(nlp, text) == [
        ("Why freeze the fares?", "Q", ":"),
        ("Because riders are hurting", "A", ":"),
    ]
    # the filter dropped the short questions between those it kept
    text = (
        "Q: Who qualifies?\n\nA: Anyone buying their first home.\n\n"
        "Q: Will this make homes more affordable?\n\nA: In the short term it lowers payments.\n\n"
        "Q: Should buyers wait?\n\nA: Not if they can afford it.\n"
    )
    assert [row[0] for row in reports(nlp, text) if row[1] == "Q"] == [
        "Who qualifies?",
        "Will this make homes more affordable?",
        "Should buyers wait?",
    ]
    # an answer line that names its own speaker credits them, not the label
    text = (
        "Union president Dwan Street spoke on Monday.\n\n"
        "Q: What if the cut goes ahead?\n\nA: Some plants could close for good, Street said.\n"
    )
    assert reports(nlp, text)[1:] == [("Some plants could close for good", "Dwan Street", "said")]


@pytest.mark.full_model
def test_a_headlines_speaker_label_is_kept_whatever_the_filter_says(nlp: Language) -> None:
    text = (
        "Lopez: Lee should have thanked me for opening the bridge\n\n"
        "Maria Lopez said Friday that Ann Lee should have called her."
    )
    assert reports(nlp, text) == [
        ("Lee should have thanked me for opening the bridge", "Maria Lopez", ":"),
        ("that Ann Lee should have called her", "Maria Lopez", "said"),
    ]


@pytest.mark.full_model
def test_a_quoted_fragment_inside_a_report_takes_its_speaker(nlp: Language) -> None:
    doc = nlp('Maria Lopez said the old plan was "dead on arrival."')
    spans = {s._.quote.type: s for s in doc.spans[QUOTES_KEY]}
    assert spans["indirect"].text == 'the old plan was "dead on arrival."'
    assert spans["partial"].text == "dead on arrival."
    fragment = spans["partial"]._.attribution
    assert fragment.name == "Maria Lopez" and fragment.cue.text == "said"
    assert spans["partial"]._.speaker_candidate.layout == "reported_fragment"


@pytest.mark.full_model
def test_a_noun_with_a_participle_phrase_is_the_cue_s_subject(nlp: Language) -> None:
    # the parse reads "Researchers working ..." as a clause before "say": not the island
    text = (
        "Researchers working at a remote research station on the northern coast of Ellesmere "
        "Island say the frozen ground is thawing almost twice as fast as models had projected."
    )
    assert reports(nlp, text) == [
        (
            "the frozen ground is thawing almost twice as fast as models had projected",
            "Researchers",
            "say",
        )
    ]


@pytest.mark.full_model
def test_an_object_before_a_colon_and_a_quotation_is_not_what_was_said(nlp: Language) -> None:
    text = (
        "NDP Leader Sunita Moe has posted her reaction on social media:\n\n"
        '"Some good first steps on dental care. But nothing real for renters."'
    )
    assert reports(nlp, text) == []
    assert typed_speakers(nlp(text)) == [("direct", "Sunita Moe")]


@pytest.mark.full_model
def test_a_clause_before_a_verb_giving_a_name_is_not_reported(nlp: Language) -> None:
    # `he called "Old Grumpy"` names a plane: the clause before it is the article's narration
    text = (
        "By the time he retired in 2008, he had logged 31,000 hours, much of it in a Beaver he "
        "called \u201cOld Grumpy.\u201d"
    )
    assert [r for r in reports(nlp, text) if r[0].startswith("By the time")] == []
    # a clause reported before a naming verb's own report stays: 44% said it
    text = (
        "On housing, younger voters lean anxious: 44% say they're worried, 31% call themselves "
        "hopeful about prices."
    )
    assert reports(nlp, text)[0] == ("they're worried", "44", "say")


@pytest.mark.full_model
def test_a_report_ending_inside_a_quotation_stops_at_its_closing_mark(nlp: Language) -> None:
    # a quotation right after it (only marks between) is not part of the report
    doc = nlp('Premier Dana Ruiz said the plan "will not wait." "We are ready," she said.')
    spans = {s._.quote.type: s for s in doc.spans[QUOTES_KEY]}
    assert spans["indirect"].text == 'the plan "will not wait."'
    assert spans["direct"].text == "We are ready,"


@pytest.mark.full_model
def test_a_report_ending_inside_a_quoted_title_reaches_its_closing_mark(nlp: Language) -> None:
    text = (
        'Past winners include "Green Book" and "Nomadland."\n\n'
        'The runner-up was Bong Joon Ho\'s "Mickey 18," festival organizers said.'
    )
    doc = nlp(text)
    reports = [s for s in doc.spans[QUOTES_KEY] if s._.quote.type == "indirect"]
    assert [s.text for s in reports] == ['The runner-up was Bong Joon Ho\'s "Mickey 18,"']
    # a mark that never closes has no closing mark to reach: the report stops at its cue
    text = (
        "Nora Briggs runs a housing charity.\n\n"
        '"There was not a lot of advice to renters about what forms to sign, said Briggs, '
        "whose group is lobbying for new rules."
    )
    doc = nlp(text)
    reports = [s for s in doc.spans[QUOTES_KEY] if s._.quote.type == "indirect"]
    assert [s.text for s in reports] == [
        "There was not a lot of advice to renters about what forms to sign"
    ]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez thinks the bridge will open in May.",  # a belief
        "Maria Lopez believes that the bridge will open in May.",
        "The bridge seems to be ready, and it is expected to open in May.",  # appearances
        "Did Maria Lopez say that the bridge would open in May?",  # a question
        "If Maria Lopez said that the bridge would open, she was wrong.",  # a conditional
        "The said property was sold to the county in May.",  # "said" as an adjective
        "Maria Lopez agreed that the bridge was too expensive.",  # a stance, not words
        "READ MORE: Maria Lopez says the bridge will open in May",  # another story's headline
        "Related stories\nMaria Lopez says the bridge will open in May",  # a listed headline
        # Postmedia's and the Star's headings of other stories' headlines
        "Recommended from Editorial\nMaria Lopez says 'the bridge will open' in May",
        "SUGGESTED READING\nMaria Lopez says the bridge will open in May",
        # a photo caption, closed by its photographer's credit
        "Maria Lopez says the bridge will open in May. (Sean Kilpatrick/The Canadian Press)",
        "Maria Lopez says the bridge will open in May.Justin Tang/The Canadian Press",
        "Q&A: The mayor on the bridge, the budget and the weather",  # an interview's kicker
        # an embedded post or a link: another document's words
        '<tweet author="@news">Maria Lopez says the bridge will open in May</tweet>',
        'Read <a href="/bridge">Maria Lopez says the bridge will open in May</a> here.',
        # the speaker an inverted cue after a quotation names, with a description
        '"We should wait," said Maria Lopez, a member of the county board since 2019.',
        "''We are facing problems,'' recalled the mayor, who served two terms.",
        'Maria Lopez said: "The bridge will open in May."',  # a quotation, not reported
        "The board prefers what are called user fees.",  # a name, nobody's words
        "Maria Lopez expressed concern about the cost of the bridge.",  # a feeling, not words
        "Maria Lopez considered running for the county board.",  # a thought
        "Maria Lopez admitted that the bridge was late.",  # seldom counted as a report
        "Maria Lopez has given no speeches since announcing her candidacy.",  # no report
        'The plan drew calls for "a full audit."',  # no source: the quotation keeps its own
        "Maria Lopez said in a statement the county put out on Monday.",  # no that-clause
        "The court ruled out a delay.",  # "rule out": a decision, no words reported
        "As Maria Lopez spoke, the crowd cheered.",  # "as": a time, not a source
        "As Maria Lopez said goodbye, the crowd cheered.",  # the cue says something of its own
        # an as-clause run on after a word tells when, not who says
        "Liberals win majority in Nova Scotia as Tory leader concedes",
        "Tolls rose on the bridge as Maria Lopez warned.",
        "As expected, the bridge will open in May.",  # nobody named
        "Maria Lopez waited for the county to open the bridge.",  # no call
        "The party has ruled the county for decades.",  # to govern
        "Maria Lopez was stressed by the delays.",  # a feeling
    ],
)
def test_what_is_not_reported_speech(nlp: Language, text: str) -> None:
    assert reports(nlp, text) == []


@pytest.mark.full_model
def test_a_coordinated_clause_ends_the_report_only_when_it_reports_words(nlp: Language) -> None:
    # "put" is a cue (`as she put it`), but here it reports nothing: the clause goes on
    text = "Maria Lopez said the plan was reckless and would put the town's savings at risk."
    assert reports(nlp, text) == [
        ("the plan was reckless and would put the town's savings at risk", "Maria Lopez", "said")
    ]
    # a second report, with a clause of its own, is not the first one's content
    text = "Maria Lopez said the plan was reckless and warned that the town would pay."
    assert [passage for passage, _, _ in reports(nlp, text)][0] == "the plan was reckless"
    # ... unless it goes on the reported clause's modal: the same report
    text = (
        "He said he would vote for the bill at second reading but would propose amendments to "
        'protect tenants from "renoviction."'
    )
    assert [passage for passage, _, _ in reports(nlp, text)][0] == (
        "he would vote for the bill at second reading but would propose amendments to protect "
        'tenants from "renoviction."'
    )


@pytest.mark.full_model
def test_two_clauses_the_parse_makes_of_one_report_are_one_passage(nlp: Language) -> None:
    # the parser takes "parcels" into the first clause and hangs "will be held" on "said" too
    text = (
        "Canada Post said no mail will be delivered during the strike and parcels will be "
        "held until it ends."
    )
    assert reports(nlp, text) == [
        (
            "no mail will be delivered during the strike and parcels will be held until it ends",
            "Canada Post",
            "said",
        )
    ]


@pytest.mark.full_model
def test_a_retort_reports_its_clause_but_the_verb_alone_reports_nothing(nlp: Language) -> None:
    text = "Carney shot back that the Conservatives had no plan for the climate."
    assert reports(nlp, text) == [
        ("that the Conservatives had no plan for the climate", "Carney", "shot")
    ]
    assert reports(nlp, "Police fired back at the gunman, who had shot at officers.") == []


@pytest.mark.full_model
def test_a_second_that_clause_of_one_cue_belongs_to_the_report(nlp: Language) -> None:
    # the parser hangs "that actions matter ..." on "said" as a conjunct of the verb
    text = "Terry Teegee said the apology was welcome but that actions matter more than words."
    assert reports(nlp, text) == [
        (
            "the apology was welcome but that actions matter more than words",
            "Terry Teegee",
            "said",
        )
    ]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "dateline", ["WASHINGTON (AP) \u2014 ", "MEXICO CITY - ", "SAN JUAN, P.R. -- "]
)
def test_a_dateline_is_no_part_of_the_report(nlp: Language, dateline: str) -> None:
    text = f"{dateline}The bridge will open in May, the mayor said on Monday."
    assert reports(nlp, "The bridge opens.\n\n" + text) == [
        ("The bridge will open in May", "the mayor", "said")
    ]


@pytest.mark.full_model
def test_a_headlines_two_verbs_share_their_subject(nlp: Language) -> None:
    # the parser hangs "Police arrest two men" under "say": what the police did, not said
    text = "Police arrest two men, say more charges are coming\n\nPolice arrested two men."
    assert reports(nlp, text) == [("more charges are coming", "Police", "say")]
    text = "More charges are coming, police say.\n\nPolice arrested two men."
    assert reports(nlp, text) == [("More charges are coming", "police", "say")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The plan, said Maria Lopez, would cost the town millions.", "Maria Lopez"),
        (
            "The plan, said the mayor of the town, would cost the town millions.",
            "the mayor of the town",
        ),
        (
            "The plan, the mayor of the town said, would cost the town millions.",
            "the mayor of the town",
        ),
    ],
)
def test_an_attribution_inside_the_content_leaves_two_pieces(
    nlp: Language, text: str, speaker: str
) -> None:
    # the parser hangs "The plan" on an inverted "said" as a second subject
    assert reports(nlp, text) == [
        ("The plan", speaker, "said"),
        ("would cost the town millions", speaker, "said"),
    ]


@pytest.mark.full_model
def test_questions_about_a_topic_are_asked_by_whoever_raised_them(nlp: Language) -> None:
    # the topic is never its own source
    text = "Critics have raised questions about the cost of the bridge."
    assert reports(nlp, text) == [("the cost of the bridge", "Critics", "questions")]
    text = "There are questions about the cost of the bridge."
    assert reports(nlp, text) == [("the cost of the bridge", None, None)]


@pytest.mark.full_model
def test_a_report_that_opens_a_quotation(nlp: Language) -> None:
    # it takes in the opening mark; a verb coordinated after the closing mark is what the
    # speaker did, and the quotation alone is a direct quote
    text = 'Maria Lopez said "the bridge is late" and the county would pay for it.'
    assert reports(nlp, text) == [
        ('"the bridge is late" and the county would pay for it', "Maria Lopez", "said")
    ]
    text = 'Maria Lopez wrote to her followers, "It is time to end this," and shared a link.'
    assert reports(nlp, text) == []


@pytest.mark.full_model
def test_an_attribution_with_its_listener_before_the_content(nlp: Language) -> None:
    # the parser hangs "told" on the content's verb: "CBC" is who listened, not what was said
    text = "Instead, Lopez told CBC, her plan would simply be to listen if she takes office."
    assert reports(nlp, text) == [
        ("her plan would simply be to listen if she takes office", "Lopez", "told")
    ]


@pytest.mark.full_model
def test_a_that_clause_parsed_as_a_relative_clause_of_a_noun_after_the_cue(nlp: Language) -> None:
    # "that" parsed as the clause's mark, or as a second subject
    text = "Lopez said in one of a round of radio interviews that the van was carrying arms."
    assert reports(nlp, text) == [("that the van was carrying arms", "Lopez", "said")]
    text = "Lopez said in one of a round of radio interviews that the bridge was closing."
    assert reports(nlp, text) == [("that the bridge was closing", "Lopez", "said")]
    # a relative clause proper, under a verb that reports nothing
    assert reports(nlp, "Lopez visited the plant in the county that the storm hit.") == []


@pytest.mark.full_model
def test_a_that_clause_parsed_as_a_clause_of_the_listener_is_what_was_told(
    nlp: Language,
) -> None:
    text = (
        "Several students who spoke at the meeting agreed. Grade 11 student Amira Haddad told "
        "trustees that the ban had made it harder to reach her parents during a lockdown drill."
    )
    assert reports(nlp, text) == [
        (
            "that the ban had made it harder to reach her parents during a lockdown drill",
            "Amira Haddad",
            "told",
        )
    ]
    # a noun's own that-clause under a cue that addresses no one is not the cue's words: the
    # mayor did not say the city had hidden the costs
    text = "The mayor dismissed the claim that the city had hidden the costs."
    assert reports(nlp, text) == []


@pytest.mark.full_model
def test_a_clause_before_an_inverted_cue_is_one_report(nlp: Language) -> None:
    text = "The plan is dead, said Maria Lopez, the mayor."
    assert reports(nlp, text) == [("The plan is dead", "Maria Lopez", "said")]
    # the noun phrase opening a half-quoted clause before the cue is its subject, not a speaker
    # (only a phrase after an inverted cue names one: `"Q," said Maria Lopez, the mayor`)
    text = 'The party, attended by hundreds of guests, "lets us meet voters," said Maria Lopez.'
    assert reports(nlp, text) == [
        ('The party, attended by hundreds of guests, "lets us meet voters,"', "Maria Lopez", "said")
    ]


@pytest.mark.full_model
def test_a_clause_before_a_cue_parsed_as_its_second_verb_is_reported(nlp: Language) -> None:
    """`CLAUSE, X announced Friday.` with the cue hung on the clause's verb as a conjunct."""
    text = (
        "HALIFAX \u2014 The federal government will spend $2 billion over five years to build "
        "homes in Atlantic Canada, Housing Minister Sean Fraser announced Friday."
    )
    assert reports(nlp, text) == [
        (
            "The federal government will spend $2 billion over five years to build homes in "
            "Atlantic Canada",
            "Sean Fraser",
            "announced",
        )
    ]
    # a second verb with its own object (what it reports), or joined by "but", reports nothing
    # of the first
    text = "The team lost the game, and the coach announced his resignation."
    assert reports(nlp, text) == [("his resignation", "the coach", "announced")]
    assert reports(nlp, "The party lost the seat, but the leader insisted.") == []


@pytest.mark.full_model
def test_a_time_right_after_the_cue_dates_the_saying(nlp: Language) -> None:
    text = "Maple Leafs coach Craig Berube said Tuesday the team needs a veteran defenceman."
    assert reports(nlp, text) == [("the team needs a veteran defenceman", "Craig Berube", "said")]


@pytest.mark.full_model
def test_capitals_and_a_dash_inside_a_sentence_are_no_dateline(nlp: Language) -> None:
    text = "The mayor said I \u2014 and only I \u2014 would decide."
    assert [p for p, _, _ in reports(nlp, text)] == ["I \u2014 and only I \u2014 would decide"]
    text = "The bridge opens.\n\nNATO - not the county - will pay for the bridge, the mayor said."
    assert [p for p, _, _ in reports(nlp, text)] == [
        "NATO - not the county - will pay for the bridge"
    ]


@pytest.mark.full_model
def test_a_poll_named_with_a_slash_opening_a_line_is_no_caption(nlp: Language) -> None:
    # "reuters/" credits a photo where it closes a line; here it names a poll
    text = "According to a Reuters/Ipsos poll, both mayoral hopefuls are tied in the suburbs."
    assert reports(nlp, text) == [
        ("both mayoral hopefuls are tied in the suburbs", "a Reuters/Ipsos poll", "According to")
    ]


@pytest.mark.full_model
def test_according_to_inside_a_report_is_the_reporters(nlp: Language) -> None:
    # the quoted words stay the reporter's: no inner report of the county
    doc = nlp('Maria Lopez said that according to the county, the bridge was "years away."')
    spans = {s._.quote.type: s for s in doc.spans[QUOTES_KEY]}
    assert [s.text for s in doc.spans[QUOTES_KEY] if s._.quote.type == "indirect"] == [
        'that according to the county, the bridge was "years away."'
    ]
    assert spans["partial"]._.attribution.name == "Maria Lopez"


@pytest.mark.full_model
def test_a_passage_inside_another_report_is_left_out(rules_only: Language) -> None:
    # the object of "criticized" inside what Lopez said: the corpus counts the outer report
    found = reports(rules_only, "Maria Lopez said the mayor criticized the bridge plan on Monday.")
    assert [passage for passage, _, _ in found] == [
        "the mayor criticized the bridge plan on Monday"
    ]


@pytest.mark.full_model
def test_a_headline_label_the_article_names_elsewhere(nlp: Language) -> None:
    # the parser takes the headline's "Lopez" for a common noun; the article names her
    text = "Lopez: Bridge tolls aren't locked in.\n\nMaria Lopez spoke on Monday."
    found = reports(nlp, text)
    assert [(passage, cue) for passage, _, cue in found] == [("Bridge tolls aren't locked in", ":")]


@pytest.mark.full_model
def test_a_speaker_label_needs_a_name(nlp: Language) -> None:
    # a label of common nouns only (was an error: no word to name the speaker)
    assert reports(nlp, "Voter turnout: lower than in any year since 1996.") == []


def test_missing_parse_raises() -> None:
    component = spacy.blank("en").add_pipe("reported_speech")
    assert isinstance(component, ReportedSpeech)
    component.initialize(lambda: [], **initialize_data("reported_speech"))
    with pytest.raises(ValueError, match="needs a dependency parse and tags"):
        component.find(spacy.blank("en")("Lee said it works."))


def _parsed() -> Doc:
    """Lee said it works .  (hand-set heads)"""
    words = ["Lee", "said", "it", "works", "."]
    heads = [1, 1, 3, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "PRON", "VERB", "PUNCT"]
    lemmas = ["Lee", "say", "it", "work", "."]
    tags = ["NNP", "VBD", "PRP", "VBZ", "."]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def test_save_and_reload(tmp_path: Path) -> None:
    component = spacy.blank("en").add_pipe("reported_speech")
    assert isinstance(component, ReportedSpeech)
    component.initialize(lambda: [], **initialize_data("reported_speech"))
    found = component.find(_parsed())
    assert [(f.start, f.end, f.cue.layout) for f in found] == [(2, 4, "clause")]
    component.to_disk(tmp_path / "reported")
    reloaded = spacy.blank("en").add_pipe("reported_speech").from_disk(tmp_path / "reported")
    assert reloaded.cue_verbs == component.cue_verbs
    assert reloaded.patterns == component.patterns
    assert reloaded.colon_labels == component.colon_labels
    assert reloaded.find(_parsed()) == found
    again = spacy.blank("en").add_pipe("reported_speech").from_bytes(component.to_bytes())
    assert again.find(_parsed()) == found


@pytest.mark.full_model
def test_a_relative_clause_without_that_reports_only_its_own_words(nlp: Language) -> None:
    # the parser reads `a move critics say` as the subject of the sentence's root, "say"
    text = (
        "The province announced a $40-million fund, a move critics say will do little for "
        "renters.\n\nThe union rejected the offer, a decision officials said could prolong the "
        "strike into the new year."
    )
    found = reports(nlp, text)
    assert ("will do little for renters", "critics", "say") in found
    assert ("could prolong the strike into the new year", "officials", "said") in found
    assert not [row for row in found if row[0].startswith(("The province", "The union"))]


@pytest.mark.full_model
def test_a_team_recalling_a_player_or_a_company_its_products_reports_nothing(nlp: Language) -> None:
    text = (
        "Canucks recall defenceman from Abbotsford as injuries mount\n\n"
        "The Vancouver Canucks recalled defenceman Elias Pettersson from the Abbotsford Canucks "
        "on Thursday.\n\nThe Blue Jays also recalled right-hander Bowden Francis from triple-A "
        "Buffalo.\n\nFord Motor Co. is recalling 300,000 vehicles over a faulty brake line.\n\n"
        "Veteran recalls D-Day landing as Juno Beach anniversary nears\n"
    )
    # a person recalling an event reports it
    assert reports(nlp, text) == [("D-Day landing", "Veteran", "recalls")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    "answer",
    [
        '"We have restrained about $2.4 million," Marchetti said.',
        '"No, and I want to be careful," Marchetti said. "A judge has to look at the protest."',
    ],
)
def test_a_transcript_answer_in_quotation_marks_is_no_report(nlp: Language, answer: str) -> None:
    """`A: "Q," Marchetti said`: the quotation speaks for itself; the label and the cue do not
    make its words reported speech again (the question, with no marks, still is)."""
    text = (
        "Police bust fraud ring\n\nOPP Det. Insp. Colleen Marchetti spoke to reporters.\n\n"
        f"Q: How much of the money do you expect to recover?\n\nA: {answer}\n"
    )
    assert [content for content, *_ in reports(nlp, text)] == [
        "How much of the money do you expect to recover?"
    ]


@pytest.mark.full_model
def test_a_gerund_cue_introducing_its_own_quotation_reports_nothing(nlp: Language) -> None:
    # the parse hangs `before adding, "Q"` on the first quotation's clause: that is the second
    # quotation, a direct quote, not a report of "said"
    text = (
        "Pipeline hearing\n\n"
        '"I withdraw," Fitzgerald said, before adding, "but the numbers do not change."\n\n'
        "The city's chief planner, Omar Haddad, said the plan was sound.\n"
    )
    assert reports(nlp, text) == [("the plan was sound", "Omar Haddad", "said")]
    # a gerund cue with no word tying it to the sentence reports its own quoted words
    text = (
        'The union wrote to the health minister last week, threatening "a province-wide '
        'strike," according to the letter the Star obtained.'
    )
    assert [passage for passage, _, _ in reports(nlp, text)] == [
        'threatening "a province-wide strike,"'
    ]
