"""An unnamed source the article quotes (`the company said`, `the report says`, `the aides said`)
is what the next quote's "it" or "they" means, as a named organisation would be; a person's
"he" or "she" looks past it to the person quoted before, and means an unnamed person who spoke
last only when no person named fits."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from app.pipeline.entities.first_names import Gender
from app.pipeline.entities.resolved import Resolved
from app.pipeline.entities.salience import Timeline
from app.pipeline.entities.unnamed import UnnamedSources
from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.types import EntityKind
from tests.pipeline.support import attributed_speakers


def _attributed(nlp: Language, text: str) -> list[tuple[str, str | None, str]]:
    """(type, speaker, resolution) of every passage the full pipeline finds."""
    doc = nlp(text)
    out = []
    for span in doc.spans[QUOTES_KEY]:
        a = span._.attribution
        assert a is not None
        out.append((span._.quote.type, a.name, a.resolution))
    return out


def _nominal(text: str, kind: EntityKind, role: str | None = None) -> Resolved:
    return Resolved("nominal:" + text.lower(), text, kind, "nominal", role=role)


def test_it_can_mean_an_unnamed_body_or_text_and_they_a_group_or_body() -> None:
    sources = UnnamedSources()
    assert sources.remember(_nominal("the company", "organization"), 0)
    assert sources.remember(_nominal("the report", "document"), 5)
    assert sources.remember(_nominal("the aides", "group"), 9)
    assert sources.allowed("it") == {"nominal:the company": True, "nominal:the report": True}
    assert sources.allowed("they") == {"nominal:the company": True, "nominal:the aides": True}
    found = sources.get("nominal:the report")
    assert found is not None and found.name == "the report"


@pytest.mark.parametrize(
    ("result", "why"),
    [
        (_nominal("a spokesman", "person"), "a person: he or she stays with named people"),
        (_nominal("the senator", "unknown"), "no kind a pronoun of things can mean"),
        (Resolved("nominal:q", "Q", "person", "explicit"), "a transcript's label"),
        (Resolved("group:trump and ryan", "Trump and Ryan", "group", "explicit"), "not unnamed"),
        (Resolved.unresolved("no speaker"), "unresolved"),
    ],
)
def test_what_is_not_kept_as_an_unnamed_source(result: Resolved, why: str) -> None:
    sources = UnnamedSources()
    assert not sources.remember(result, 0), why
    assert sources.allowed("it") == {} and sources.allowed("they") == {}


def test_he_or_she_with_no_name_to_fit_is_the_unnamed_person_who_spoke_last() -> None:
    sources = UnnamedSources()
    genders: dict[str, Gender] = {"man": "male", "woman": "female"}
    assert sources.last_one(10, "female", genders) is None
    sources.remember(_nominal("One of the clients", "unknown"), 4)
    sources.remember(_nominal("the company", "organization"), 6)  # (not a person)
    found = sources.last_one(10, "female", genders)
    assert found is not None and found.name == "One of the clients"
    assert sources.last_one(200, "female", genders) is None  # too far back
    sources.remember(_nominal("a man in the crowd", "unknown"), 20)
    assert sources.last_one(30, "female", genders) is None  # a man is no "she"
    found = sources.last_one(30, "male", genders)
    assert found is not None and found.name == "a man in the crowd"


def test_he_or_she_looks_past_an_unnamed_source_to_the_person_quoted_before() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    doc = blank("Lee spoke . The firm spoke . Then she spoke .")
    timeline = Timeline(doc, [])
    timeline.add_speaker(0, "lee", named=True, end=1)
    timeline.add_speaker(4, "nominal:the firm", named=True, end=5, unnamed=True)
    assert timeline.current_speaker(9, 2, {"lee": True}) == (0, "lee", True)
    firm = {"nominal:the firm": True}
    assert timeline.current_speaker(9, 2, firm) == (4, "nominal:the firm", True)
    # a named speaker not allowed still ends the search (the pronoun has no one in focus)
    timeline.add_speaker(6, "kim", named=True, end=7)
    assert timeline.current_speaker(9, 2, {"lee": True}) == (6, "kim", True)


@pytest.mark.full_model
def test_it_after_an_unnamed_company_is_the_company_not_a_named_place(nlp: Language) -> None:
    """The NER finds no name for the airline; its "it" went to the airport named before."""
    text = (
        "Passengers were stranded overnight at Halifax Stanfield International Airport.\n\n"
        "The company said a mechanical problem grounded the aircraft. "
        '"We sincerely regret the inconvenience," it said in a statement.'
    )
    assert _attributed(nlp, text) == [
        ("indirect", "The company", "nominal"),
        ("direct", "The company", "pronoun"),
    ]


@pytest.mark.full_model
def test_they_after_unnamed_aides_is_the_aides(nlp: Language) -> None:
    text = (
        "Rubio's advisers met donors in New Hampshire on Monday.\n\n"
        "The aides told the group that they did not expect to win Iowa. "
        '"We are built for a long race," they said.'
    )
    assert _attributed(nlp, text)[-1] == ("direct", "The aides", "pronoun")


@pytest.mark.full_model
def test_she_after_an_unnamed_company_is_still_the_person_quoted_before(nlp: Language) -> None:
    text = (
        "Denise Arsenault waited six hours for news of her flight.\n\n"
        '"Nobody told us anything," Arsenault said. The airline said a part had failed.\n\n'
        '"We slept on the floor," she said.'
    )
    assert _attributed(nlp, text) == [
        ("direct", "Denise Arsenault", "alias"),
        ("indirect", "The airline", "nominal"),
        ("direct", "Denise Arsenault", "pronoun"),
    ]


@pytest.mark.full_model
def test_she_with_only_men_named_is_the_unnamed_woman_quoted_before(nlp: Language) -> None:
    text = (
        "Former accountant charged with fraud\n\n"
        "Police allege that Dennis Wiebe, 58, moved money from client trust accounts.\n\n"
        "One of the clients, a retired teacher who asked not to be named, said she lost her "
        'savings.\n\n"I trusted him with everything," she said.'
    )
    assert _attributed(nlp, text)[-2:] == [
        ("indirect", "One of the clients", "nominal"),
        ("direct", "One of the clients", "pronoun"),
    ]


def test_the_noun_of_a_source_introduced_before_is_that_source() -> None:
    sources = UnnamedSources()
    sources.remember(_nominal("A spokesperson for Alberta Health", "person", "spokesperson"), 10)
    sources.remember(_nominal("the company", "organization", "company"), 30)  # (not introduced)
    sources.remember(_nominal("a headline from the board", "unknown", "headline"), 35)
    found = sources.introduced("spokesperson", 40)
    assert found is not None and found[0] == 10
    assert found[1].name == "A spokesperson for Alberta Health"
    assert sources.introduced("company", 40) is None
    assert sources.introduced("board", 40) is None  # (the noun of the source, not of its words)
    assert sources.introduced("spokesperson", 400) is None  # too far back
    assert sources.introduced("spokesperson", 5) is None  # (introduced after it)


@pytest.mark.full_model
def test_the_spokesperson_after_a_spokesperson_for_a_body_is_that_spokesperson(
    nlp: Language,
) -> None:
    text = (
        "Measles cases climb in Alberta\n\n"
        "A spokesperson for Alberta Health said the province has added vaccination clinics. "
        '"We encourage anyone who is not up to date to book an appointment," the spokesperson '
        "said in an email."
    )
    doc = nlp(text)
    spans = list(doc.spans[QUOTES_KEY])
    names = [(s._.attribution.name, s._.attribution.entity_id) for s in spans]
    assert [n for n, _ in names] == ["A spokesperson for Alberta Health"] * 2
    assert names[0][1] == names[1][1]


@pytest.mark.full_model
def test_the_role_noun_after_an_unnamed_holder_is_not_the_one_named_before(
    nlp: Language,
) -> None:
    # `the MP` after `One Liberal MP argued ...` is that MP, not the MP named paragraphs before
    text = (
        "Rita Sandhu, the MP for Brampton East, was promoted to Housing on Wednesday.\n\n"
        '"I will get shovels in the ground," Ms. Sandhu said.\n\n'
        "Not everyone in caucus was pleased. One Nova Scotia Liberal MP argued the shuffle "
        "rewarded loyalty over results.\n\n"
        '"Nothing changed except the nameplates," the MP said.\n'
    )
    assert attributed_speakers(nlp(text)) == [
        ("direct", "Rita Sandhu"),
        ("indirect", "One Nova Scotia Liberal MP"),
        ("direct", "One Nova Scotia Liberal MP"),
    ]
