"""Interview transcripts: `A:` lines are the interviewee's, `Q:` lines stay credited to "Q"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.entities.transcript import interviewee
from app.pipeline.extensions import QUOTES_KEY
from tests.pipeline.support import attribute, who

INTERVIEW = (
    "Q&A: Why this scientist thinks the salmon can be saved\n\n"
    "Marine biologist Anita Sandhu has studied salmon for 20 years. Reporter Stephen Quinn "
    "spoke with Sandhu about this year's run.\n\n"
    'Q: "How bad is this year\'s run?"\n\n'
    "A: \"It's the worst we've ever recorded.\"\n\n"
    'Q: "Is there reason for hope?"\n\n'
    'A: "Yes. These fish are resilient."\n'
)


@pytest.mark.full_model
def test_answers_are_the_interviewee_s_and_questions_stay_q(nlp: Language) -> None:
    doc = attribute(nlp, INTERVIEW)
    assert who(doc) == [
        ("Q", "Q", ":"),
        ("Anita Sandhu", "A", ":"),
        ("Q", "Q", ":"),
        ("Anita Sandhu", "A", ":"),
    ]
    assert [span._.attribution.resolution for span in doc.spans[QUOTES_KEY]][1] == "nominal"


@pytest.mark.full_model
def test_the_person_named_most_before_the_transcript_is_the_interviewee(nlp: Language) -> None:
    # Sandhu named once, Quinn twice: the one the introduction is about is named more (with
    # no newsroom role before the name, which would make him the one asking)
    text = INTERVIEW.replace(
        "Reporter Stephen Quinn spoke with Sandhu",
        "Stephen Quinn spoke with her. Quinn hosts the morning show. Quinn asked",
    )
    assert [name for name, _, _ in who(attribute(nlp, text))][1] == "Stephen Quinn"


@pytest.mark.full_model
def test_an_answer_with_no_one_named_before_keeps_its_label(nlp: Language) -> None:
    text = 'Q: "Why freeze the fares?"\n\nA: "Because riders are hurting."\n'
    assert who(attribute(nlp, text)) == [("Q", "Q", ":"), ("A", "A", ":")]


@pytest.mark.full_model
def test_an_a_that_opens_a_sentence_is_no_answer_label(nlp: Language) -> None:
    text = (
        "Anita Sandhu spoke on Monday.\n\n"
        'A spokesperson for the ministry said: "We are reviewing the report."\n'
    )
    assert who(attribute(nlp, text)) == [
        ("A spokesperson for the ministry", "A spokesperson for the ministry", "said")
    ]


@pytest.mark.full_model
def test_an_interviewee_the_ner_calls_an_organisation_is_still_the_person_answering(
    nlp: Language,
) -> None:
    # the NER tags "Sylvain Charlebois" an organisation; a first name and a title apposed to
    # the name make him a person
    text = (
        "Q&A: Why your grocery bill is still going up\n\n"
        "Food prices rose 3.4 per cent over the past year, faster than overall inflation. We "
        "asked Sylvain Charlebois, director of the Agri-Food Analytics Lab at Dalhousie "
        "University, what is going on.\n\n"
        'Q: "Why are grocery prices still climbing?"\n\n'
        'A: "A lot of it is weather."\n'
    )
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == "Sylvain Charlebois"] == ["ORG"]
    assert [(e.name, e.kind) for e in doc._.speakers if e.name != "Q"] == [
        ("Sylvain Charlebois", "person")
    ]
    assert who(attribute(nlp, text)) == [("Q", "Q", ":"), ("Sylvain Charlebois", "A", ":")]


@pytest.mark.full_model
def test_a_q_and_a_headline_over_an_apposed_title_names_no_interviewee(nlp: Language) -> None:
    """`Q&A: The new police chief ...`: the NER calls "Q&A" an organisation with a title in
    apposition, which made it a person named as often as the chief (and first); a name with an
    ampersand is no one's."""
    text = (
        "Q&A: The new police chief on trust and body cameras\n\n"
        "Toronto's new police chief, Myron Demkiw, sat down with us this week.\n\n"
        'Q: "What is your first priority?"\n\n'
        'A: "Rebuilding trust with the communities."\n'
    )
    assert [name for name, _, _ in who(attribute(nlp, text))] == ["Q", "Myron Demkiw"]


@pytest.mark.full_model
def test_an_excerpt_after_a_paragraph_about_its_subject_is_that_persons(nlp: Language) -> None:
    # the general manager is named most, but the coach is the one the excerpt follows
    text = (
        "General manager Brent Carlisle made the trade. Carlisle said the price was right, "
        "and Carlisle said he would do it again.\n\n"
        'Coach Rick Dunleavy said the defenceman could play Saturday. "He is a pest," '
        "Dunleavy said.\n\n"
        "Dunleavy was asked who would come out of the lineup. He smiled.\n\n"
        'Q: "Does he go on the top pair?"\n\n'
        'A: "I am not telling you that tonight."\n'
    )
    assert who(attribute(nlp, text))[-1] == ("Rick Dunleavy", "A", ":")


@pytest.mark.full_model
def test_the_one_the_paper_asked_is_the_interviewee_not_the_reporter_named_more(
    nlp: Language,
) -> None:
    # the reporter is named twice (byline, photo credit) before the excerpt, the provost once
    text = (
        "Students vote to walk out over tuition\n\n"
        "By Lena Okoro Staff Reporter\n\n"
        "Students line up to vote on Wednesday. Lena Okoro/The Courier\n\n"
        "The vote passed with 61 per cent. Provost Ruth Vandermeer said classes will go ahead.\n\n"
        "The Courier asked Vandermeer about the vote on Thursday. Part of that conversation "
        "follows.\n\n"
        'Q: "Do you accept that students are struggling?"\n\n'
        'A: "Absolutely. I hear it every week."\n'
    )
    assert [name for name, _, _ in who(attribute(nlp, text))][-2:] == ["Q", "Ruth Vandermeer"]


@pytest.mark.full_model
def test_the_interviewer_and_the_photographer_named_as_often_are_not_the_interviewee(
    nlp: Language,
) -> None:
    # each named once: the editor who asks and the photographer's credit do not answer
    text = (
        "The Winnipeg-born writer's third novel follows a family in a fading outport. She spoke "
        "with Books editor Daniel Ross ahead of her reading.\n\n"
        "Photo: Marguerite Ashdown at her home in Halifax. (THE CANADIAN PRESS/Aoife Brennan)\n\n"
        'Q: "Why the move to the coast?"\n\n'
        'A: "My grandmother was from a little place near Bonavista."\n'
    )
    assert [name for name, _, _ in who(attribute(nlp, text))] == ["Q", "Marguerite Ashdown"]


@pytest.mark.full_model
def test_a_role_set_off_by_a_comma_still_marks_the_interviewer_side(nlp: Language) -> None:
    # `His editor, Fiona Rasmussen,` is named as often as the author and first: she does not
    # answer
    text = (
        "The novel follows a widowed farmer through one summer. His editor, Fiona Rasmussen, "
        "said the manuscript arrived almost fully formed. Wendell Ashdown still lives on the "
        "farm where he grew up.\n\n"
        "We spoke by phone from his kitchen outside Rosetown.\n\n"
        'Q: "Where did the book begin for you?"\n\n'
        'A: "With a sound, actually. The sound of wind moving dust across a bare field."\n'
    )
    assert [name for name, _, _ in who(attribute(nlp, text))] == ["Q", "Wendell Ashdown"]


@pytest.mark.full_model
def test_of_names_as_often_a_tagged_person_beats_a_word_that_may_be_one(nlp: Language) -> None:
    doc = nlp('Near Kindersley, Ashdown farms.\n\nA: "Yes."')
    label = next(t for t in doc if t.text == "A")
    starts = [(1, "kindersley"), (3, "ashdown")]
    everyone = lambda key: True  # noqa: E731
    assert interviewee(label, starts, everyone) == "kindersley"  # (the first named)
    assert interviewee(label, starts, everyone, surely_person=lambda k: k == "ashdown") == (
        "ashdown"
    )
