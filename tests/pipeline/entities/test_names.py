"""The speaker_resolver's names on hand-written articles parsed by the full model (and a few
hand-made docs): which words are someone's name, what the NER and tagger misread, how names
cluster into one entity, and what a title or role before or after a name makes of it."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.entities.clusters import cluster_names
from app.pipeline.entities.component import SpeakerResolver, quoted_mask
from app.pipeline.entities.gender import mark_bound_genders
from app.pipeline.entities.named import Cluster, Name
from app.pipeline.entities.names import NameModel
from app.pipeline.entities.resolve import _surname
from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.types import EntityKind
from tests.pipeline.support import attribute, resolutions, speakers, who


@pytest.mark.full_model
def test_a_surname_with_a_gendered_honorific_stays_apart_from_a_name_of_the_other_gender(
    nlp: Language,
) -> None:
    """`Ms. Haddad` after `Tariq Haddad`: another person of the family, so "she" means her."""
    text = (
        'Tariq Haddad spoke at the rally on Thursday. "I have given this town everything," '
        'Mr. Haddad said.\n\nMs. Haddad stood beside him on the stage. "Every parent here knows '
        'this fear," she said.'
    )
    doc = attribute(nlp, text)
    assert resolutions(doc) == [("Tariq Haddad", "alias"), ("Haddad", "pronoun")]
    assert [(e.name, e.gender) for e in doc._.speakers] == [
        ("Tariq Haddad", "male"),
        ("Haddad", "female"),
    ]


@pytest.mark.full_model
def test_first_name_the_project_lexicon_knows_overrides_the_package(nlp: Language) -> None:
    """gender_guesser calls "Bernie" mostly female; models/first_names.tsv says male, so "she"
    cannot mean Bernie Walsh and "he" can."""
    text = 'Bernie Walsh spoke to the board. "The numbers are bad," she said.'
    assert resolutions(attribute(nlp, text)) == [(None, "context")]
    text = 'Bernie Walsh met Kelly Ayers. "The numbers are bad," he said.'
    doc = attribute(nlp, text)
    assert resolutions(doc) == [("Bernie Walsh", "pronoun")]
    assert doc._.speakers[0].gender == "male"


@pytest.mark.full_model
def test_a_first_name_and_surname_the_tagger_calls_an_organisation_may_be_a_person(
    nlp: Language,
) -> None:
    """The model tags "Nadia Amber" ORG; her known first name makes her someone "she" can
    mean (not the Tribune). "Edison Research" keeps its organisation noun: no one "he" means."""
    text = (
        "Nadia Amber, a Danish nurse visiting Lyon, told the Tribune that she saw the fire. "
        '"Everyone was running," she said.'
    )
    doc = attribute(nlp, text)
    assert resolutions(doc) == [("Nadia Amber", "pronoun")]
    assert doc._.speakers[0].gender == "female"
    text = 'Edison Research released a poll on Monday. Tom Lee read it. "It is bad," he said.'
    assert resolutions(attribute(nlp, text)) == [("Tom Lee", "pronoun")]


@pytest.mark.full_model
def test_a_he_subject_of_the_next_clause_binds_a_shared_surname(nlp: Language) -> None:
    """`Pike called it "Q," but he also praised "Q2"`: the he of the conjoined clause says which
    Pike, so the surname is not the daughter named last (the she whom "he" could not mean)."""
    text = (
        "Harold Pike spoke in Denver on Monday. His daughter Claire Pike, 34, introduced him. "
        'In brief remarks, Pike called the flood "a test for all of us," but he also '
        'praised the "tireless work" of the rescue crews.'
    )
    doc = attribute(nlp, text, ["partial"])
    assert [w[:2] for w in who(doc)] == [("Harold Pike", "Pike"), ("Harold Pike", "Pike")]


@pytest.mark.full_model
def test_a_surname_a_family_shares_joins_the_name_its_bound_pronoun_fits(nlp: Language) -> None:
    """`Eli Marsh` is named last, but `Marsh ... her study` is Helen Marsh."""
    text = (
        "Helen Marsh spoke in Boston on Monday.\n\nEli Marsh retired from the navy in 2012. "
        'Marsh keeps the old logbooks in her study. "They are a family treasure," she said.'
    )
    doc = attribute(nlp, text)
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    spans = list(doc.spans[QUOTES_KEY])
    quoted = quoted_mask(doc, spans, [s._.quote for s in spans])
    model = NameModel(resolver.lexicons, resolver._genders)
    names = model.collect(doc, [s._.speaker_candidate for s in spans], quoted)
    mark_bound_genders(doc, names, quoted)
    clusters = cluster_names(names, resolver._genders)
    assert [n.text for n in clusters["helen marsh"].names] == ["Helen Marsh", "Marsh"]
    assert [n.text for n in clusters["eli marsh"].names] == ["Eli Marsh"]
    assert resolutions(doc) == [("Helen Marsh", "pronoun")]


def test_a_name_model_builds_each_name_once_per_doc(nlp: Language) -> None:
    """The resolver's second look at a head `collect` saw gets the same name; another doc's token
    at the same index gets its own."""
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    model = NameModel(resolver.lexicons, resolver._genders)
    first = nlp("Sen. Jeff Sessions spoke.")
    other = nlp("Mayor Ed Lee spoke first.")
    name = model.name_at(first[2])
    assert name is not None and (name.text, name.role) == ("Jeff Sessions", "Sen.")
    assert model.name_at(first[2]) is name
    again = model.name_at(other[2])
    assert again is not None and (again.text, again.role) == ("Ed Lee", "Mayor")


@pytest.mark.full_model
def test_a_name_the_parser_hangs_on_a_common_word_is_still_a_name(nlp: Language) -> None:
    """The model parses `Amber Price strode` as a noun compound ("strode" a noun): the run
    starting with a first name is still someone "she" can mean."""
    text = (
        "On the final evening of the Liberal Party Congress in June, Amber Price strode "
        'across the hall in a pale grey suit. "Families need real support," she said.'
    )
    assert resolutions(attribute(nlp, text)) == [("Amber Price", "pronoun")]


@pytest.mark.full_model
def test_a_name_set_before_a_colon_that_the_ner_missed_is_still_a_name(nlp: Language) -> None:
    """`And oh yes, Carly Fenwick: What ...`: the NER tags nothing and the parser hangs the name
    loose ("dep"); the run starting with a first name is still who "she" means, not the
    capitalised "Roommate" of a phrase before it."""
    text = (
        "Gary Holt reminds us of the Roommate Who Won't Pay Rent. And oh yes, Carly Fenwick: "
        "What, precisely, are her plans? She had a memorable line when she said, "
        '"Talking is a habit, not a policy."'
    )
    assert resolutions(attribute(nlp, text)) == [("Carly Fenwick", "pronoun")]


@pytest.mark.full_model
def test_a_title_the_tagger_calls_a_proper_noun_is_a_role_its_apposed_name_holds(
    nlp: Language,
) -> None:
    """`The Harlow Group's CEO, Denise Varga, said`: "CEO" (a proper noun to the tagger) is her
    role, not a name: "she" is Denise Varga."""
    text = (
        "The Harlow Group's CEO, Denise Varga, said the two firms had settled. "
        '"We would have happily disclosed it," she said in a statement.'
    )
    assert resolutions(attribute(nlp, text)) == [("Denise Varga", "pronoun")]


@pytest.mark.full_model
def test_one_picked_from_a_group_is_the_person_apposed_to_it(nlp: Language) -> None:
    """`One of them, Amanda Lee, 27, said`: "one" is the person the apposition names; "two of
    them" names no one person."""
    text = 'One of them, Amanda Lee, 27, said: "I grew up here."'
    assert resolutions(attribute(nlp, text)) == [("Amanda Lee", "nominal")]
    text = 'Two of them, Amanda Lee and Tom Ray, said: "We grew up here."'
    assert resolutions(attribute(nlp, text))[0][0] != "Amanda Lee"


@pytest.mark.full_model
def test_a_team_read_into_a_players_name_is_the_players_owner(nlp: Language) -> None:
    """`Maple Leafs' Matthews says`: the NER tags the team and the surname one organisation;
    the surname is Auston Matthews's, named in the body."""
    text = (
        'Leafs\' Matthews says "we will be fine"\n\n'
        'Auston Matthews spoke after the loss. "It hurts," he said.'
    )
    assert speakers(attribute(nlp, text)) == ["Auston Matthews", "Auston Matthews"]


@pytest.mark.full_model
def test_an_occupation_before_a_name_is_a_role_the_noun_later_means(nlp: Language) -> None:
    """`Comedian Sugar Sammy`: the NER takes the occupation into the person's name; it is his
    role, and "the comedian" is him."""
    text = 'Comedian Sugar Sammy mocked the law.\n\n"It is absurd," the comedian said.'
    assert resolutions(attribute(nlp, text)) == [("Sugar Sammy", "nominal")]
    text = '"Tyler works hard," quarterback Bo Levi Mitchell wrote.'
    assert speakers(attribute(nlp, text)) == ["Bo Levi Mitchell"]


@pytest.mark.full_model
def test_initials_written_as_a_first_name_stay_in_the_name(nlp: Language) -> None:
    """`RJ Barrett`: the NER labels the surname alone; the initials are his first name."""
    text = 'RJ Barrett, who missed three games, will return.\n\n"I feel great," Barrett said.'
    assert resolutions(attribute(nlp, text)) == [("RJ Barrett", "alias")]


@pytest.mark.full_model
def test_a_one_word_name_describing_a_noun_is_no_person(nlp: Language) -> None:
    """`a Peronist youth group`: the NER's organisation "Peronist" describes the group; it is
    nobody "he" can mean, and no man is named."""
    text = 'He wore the cap of a Peronist youth group.\n\n"I met many supporters," he said.'
    assert resolutions(attribute(nlp, text)) == [(None, "context")]


@pytest.mark.full_model
def test_a_nationality_describing_a_noun_is_no_organisation(nlp: Language) -> None:
    """`The Swiss constitution ... it does state`: "Swiss" describes the constitution and is
    nothing "it" can mean."""
    text = (
        "The draft was approved by Swiss lawmakers. The Swiss constitution says nothing of "
        'tariffs, although it does state that the country will "remain neutral."'
    )
    assert resolutions(attribute(nlp, text)) == [(None, "context")]


@pytest.mark.full_model
def test_an_organisation_keeps_its_name_past_a_preposition_and_speaks_as_the_bank(
    nlp: Language,
) -> None:
    """`The Bank of Canada` is named "Bank of Canada", not "Bank"; `the central bank` later is
    that bank (a bank is an organisation that speaks)."""
    text = (
        'The Bank of Canada held its rate on Wednesday, calling the economy "fragile."\n\n'
        'The central bank said inflation is "close to target."'
    )
    assert resolutions(attribute(nlp, text)) == [
        ("Bank of Canada", "explicit"),
        ("Bank of Canada", "nominal"),
    ]


@pytest.mark.full_model
def test_a_role_named_after_someone_is_not_that_person(nlp: Language) -> None:
    """`the senior Becker adviser` works for Becker: the speaker is the adviser, not Paul
    Becker."""
    text = (
        "Paul Becker won Ohio on Tuesday.\n\n"
        '"Voters want results, not speeches," said the senior Becker adviser.'
    )
    assert resolutions(attribute(nlp, text)) == [("the senior Becker adviser", "nominal")]


@pytest.mark.full_model
def test_a_name_set_off_after_a_role_and_a_short_phrase_is_the_speaker(nlp: Language) -> None:
    """`wrote the French envoy at that point, Marc R. Dumont.`: the name after the phrase is the
    envoy."""
    text = '"The port was run by smugglers," wrote the French envoy at that point, Marc R. Dumont.'
    assert resolutions(attribute(nlp, text)) == [("Marc R. Dumont", "nominal")]


@pytest.mark.full_model
def test_a_name_coordinated_with_another_that_the_ner_missed_is_a_name(nlp: Language) -> None:
    """`my grandparents, Walter and Edna Pruitt`: the NER tags "Walter" alone; "Edna Pruitt",
    hung on it by "and", is a name of its own (her first name says she is a woman)."""
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    doc = nlp(
        "In case you think that my grandparents, Walter and Edna Pruitt, were idle, think again."
    )
    spans = list(doc.spans[QUOTES_KEY])
    names = NameModel(resolver.lexicons, resolver._genders).collect(
        doc,
        [s._.speaker_candidate for s in spans],
        quoted_mask(doc, spans, [s._.quote for s in spans]),
    )
    assert [n.text for n in names] == ["Walter", "Edna Pruitt"]


@pytest.mark.full_model
def test_an_object_her_is_no_evidence_of_the_subjects_gender(nlp: Language) -> None:
    """`Jim Comey criticized her`: "her" is someone else, so Comey stays a man and "she" is Ann
    Lee."""
    text = (
        "Ann Lee testified in the morning.\n\nJim Comey criticized her in the afternoon. "
        '"It was careless," she said.'
    )
    doc = attribute(nlp, text)
    assert resolutions(doc) == [("Ann Lee", "pronoun")]


@pytest.mark.full_model
def test_a_possessive_after_an_object_pronoun_is_no_evidence_of_the_subjects_gender(
    nlp: Language,
) -> None:
    """`Kemi Badenoch accused him of breaking his promises`: "his" is the man she accused, so
    she is not made a man, and "she" after her quotation is hers."""
    text = (
        "Prime Minister Keir Starmer defended the budget.\n\n"
        "Conservative leader Kemi Badenoch accused him of breaking his promises. "
        '"He has done exactly that," she said.'
    )
    doc = attribute(nlp, text)
    assert resolutions(doc) == [("Kemi Badenoch", "pronoun")]
    assert [s.gender for s in doc._.speakers] == ["female"]


@pytest.mark.full_model
def test_a_word_inside_a_longer_organisation_name_is_no_person(nlp: Language) -> None:
    """`told MPs in the House of Commons`: "Commons" is no one "she" could be."""
    text = (
        "Keir Starmer told MPs in the House of Commons that the plan would work. "
        '"It is a mess," she said.'
    )
    doc = attribute(nlp, text)
    assert resolutions(doc) == [(None, "context")]


@pytest.mark.full_model
def test_a_lawsuit_is_no_name_a_surname_joins(nlp: Language) -> None:
    """`Mercer v. Mercer` names a case: the lone "Mercer" after it is still Frank Mercer."""
    text = (
        "Frank Mercer sued his brother in 1990. The case, Mercer v. Mercer, was settled in 1991. "
        'Mercer said he had won. "It was a great deal," he said.'
    )
    doc = attribute(nlp, text)
    assert resolutions(doc) == [("Frank Mercer", "pronoun")]


def test_a_lone_surname_tagged_as_a_common_word_names_a_person_the_ner_called_an_org() -> None:
    # `Dale Hanley` tagged ORG, then `Hanley asked` with "Hanley" a common noun
    doc = Doc(spacy.blank("en").vocab, words=["Dale", "Hanley", "spoke", ".", "Hanley", "asked"])
    name = Name(
        start=0,
        end=2,
        words=("dale", "hanley"),
        text="Dale Hanley",
        role=None,
        role_words=frozenset(),
        gender=None,
        kind="organization",
        subject=True,
    )
    found = _surname(doc[4], {"e1": Cluster([name], name, "organization")})
    assert found is not None and found.name == "Dale Hanley"
    assert _surname(doc[4], {"e1": Cluster([name], name, "document")}) is None


def _name(start: int, text: str, kind: EntityKind, role: str | None = None) -> Name:
    words = tuple(text.lower().split())
    return Name(
        start=start,
        end=start + len(words),
        words=words,
        text=text,
        role=role,
        role_words=frozenset({role.lower()}) if role else frozenset(),
        gender=None,
        kind=kind,
        subject=True,
    )


@pytest.mark.full_model
@pytest.mark.parametrize(("role", "kind"), [("Dr.", "person"), (None, "organization")])
def test_a_title_on_one_name_makes_an_organisation_tagged_cluster_a_person(
    nlp: Language, role: str | None, kind: str
) -> None:
    """`Parker Dunmore` tagged ORG, later `Dr. Dunmore`: the title says a person, whom "he"
    can mean; without a title the fullest name's organisation tag stands."""
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    names = [
        _name(0, "Parker Dunmore", "organization"),
        _name(20, "Dunmore", "person", role),
    ]
    clusters = cluster_names(names, resolver._genders)
    assert list(clusters) == ["parker dunmore"]
    assert clusters["parker dunmore"].kind == kind


def _named_clause(nlp: Language, ents: list[str]) -> Doc:
    """`Chow told council .` with the entity tags given (the NER's reading of the clause)."""
    return Doc(
        nlp.vocab,
        words=["Chow", "told", "council", "."],
        pos=["PROPN", "VERB", "NOUN", "PUNCT"],
        tags=["NNP", "VBD", "NN", "."],
        deps=["nsubj", "ROOT", "dobj", "punct"],
        heads=[1, 1, 1, 1],
        ents=ents,
    )


def test_a_name_the_ner_read_with_its_verb_as_a_title_is_a_name(nlp: Language) -> None:
    """`Chow told council` tagged a work of art: the tag covers the name's own verb, so it says
    nothing of the name; a work of art that is the name alone stays no one who speaks."""
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    model = NameModel(resolver.lexicons, resolver._genders)
    clause = _named_clause(nlp, ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O"])
    name = model.name_at(clause[0])
    assert name is not None and (name.text, name.kind, name.subject) == ("Chow", "person", True)
    title = _named_clause(nlp, ["B-WORK_OF_ART", "O", "O", "O"])
    assert model.name_at(title[0]) is None


@pytest.mark.full_model
def test_a_surname_read_as_a_title_joins_the_full_name(nlp: Language) -> None:
    """The model tags `Chow told council` a work of art; the quote is still Olivia Chow's."""
    text = (
        "Toronto city council has passed Mayor Olivia Chow's first budget.\n\n"
        '"This budget begins to fix what\'s broken," Chow told council after the vote.'
    )
    doc = attribute(nlp, text, ["direct"])
    assert [e.label_ for e in doc.ents if e.text == "Chow told council"] == ["WORK_OF_ART"]
    assert resolutions(doc) == [("Olivia Chow", "alias")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Ontario Housing Minister Steve Clark announced the cap on Wednesday.", "Steve Clark"),
        ("Ontario Premier Doug Ford announced the cap on Wednesday.", "housing minister"),
        ("", "housing minister"),  # one line: no body to name the minister
    ],
)
def test_a_headlines_bare_role_is_the_person_the_body_names_with_it(
    nlp: Language, body: str, speaker: str
) -> None:
    text = 'Rent cap "protects tenants," housing minister says'
    doc = attribute(nlp, f"{text}\n\n{body}" if body else text, ["partial"])
    assert who(doc) == [(speaker, "housing minister", "says")]


@pytest.mark.full_model
def test_a_headlines_organisation_noun_is_not_the_person_who_leads_it(nlp: Language) -> None:
    # the body names the union's president with "Union" in his role: he is not the union; the
    # union the body names is
    text = (
        'Transit cuts "will hurt riders," union says\n\n'
        "Chris Scott, president of Amalgamated Transit Union Local 1505, spoke on Monday."
    )
    union = "Amalgamated Transit Union Local 1505"
    assert who(attribute(nlp, text, ["partial"])) == [(union, "union", "says")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Ontario Premier Doug Ford said Tuesday the budget would be balanced.", "Doug Ford"),
        ("Finance Minister Peter Bethlenfalvy tabled it on Tuesday.", "Premier"),  # no premier
    ],
)
def test_a_headlines_capitalised_title_is_the_person_the_body_names_with_it(
    nlp: Language, body: str, speaker: str
) -> None:
    text = f'Premier Says Budget Will "Balance the Books"\n\n{body}'
    assert who(attribute(nlp, text, ["partial"])) == [(speaker, "Premier", "Says")]


@pytest.mark.full_model
def test_a_first_name_the_ner_left_out_stays_in_the_name(nlp: Language) -> None:
    """The NER labels only "Singh" in `Gurratan Singh said`: the first name before the label is
    the name's own, so two Singhs stay two people (the place label on the first "Singh" too)."""
    text = (
        "NDP Leader Jagmeet Singh campaigned with his brother, Ontario MPP Gurratan Singh.\n\n"
        '"My brother is a champion," Jagmeet Singh said.\n\n'
        'Gurratan Singh said the plan would help. "People here are struggling," he said.'
    )
    doc = attribute(nlp, text)
    assert speakers(doc) == ["Jagmeet Singh", "Gurratan Singh"]


@pytest.mark.full_model
def test_a_first_name_and_a_middle_name_the_ner_left_out_stay_in_the_name(nlp: Language) -> None:
    # the NER labels only "Lin": a first name, then proper nouns up to the label, are the name's
    text = (
        "Two candidates, two visions for Ward 12\n\nTORONTO \u2014 The race to replace retiring "
        "councillor Josh Matlow has come down to two women with very different ideas about the "
        "ward's future.\n\nRachel Chernos Lin, a former school board trustee, wants more "
        "apartment buildings along St. Clair Avenue.\n\n"
        '"We need to let people live here," Chernos Lin said at a debate on Tuesday.'
    )
    persons = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    assert persons == ["Josh Matlow", "Lin", "Lin"]
    assert speakers(attribute(nlp, text)) == ["Rachel Chernos Lin"]


@pytest.mark.full_model
def test_a_place_is_no_short_name_of_an_organisation_ending_with_it(nlp: Language) -> None:
    # "Canada" (a place) is not Statistics Canada
    text = 'Statistics Canada released its figures.\n\n"We are ready," Canada said.'
    assert speakers(attribute(nlp, text, ["direct"])) == ["Canada"]
    text = 'Statistics Canada released its figures.\n\n"We are ready," Statistics Canada said.'
    assert speakers(attribute(nlp, text, ["direct"])) == ["Statistics Canada"]


@pytest.mark.full_model
def test_a_person_the_ner_read_as_a_work_of_art_is_still_a_name(nlp: Language) -> None:
    text = (
        '"French is in decline," Language Minister Jean-François Roberge said in French on '
        "Tuesday.\n\nRoberge said the cap would free up space."
    )
    doc = attribute(nlp, text, ["direct"])
    assert [e.label_ for e in doc.ents if "Roberge" in e.text][0] == "WORK_OF_ART"
    assert resolutions(doc) == [("Jean-François Roberge", "explicit")]


def test_a_work_of_art_without_a_first_name_stays_no_name(nlp: Language) -> None:
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    model = NameModel(resolver.lexicons, resolver._genders)
    doc = Doc(
        nlp.vocab,
        words=["Game", "of", "Thrones", "returns", "."],
        pos=["PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
        deps=["nsubj", "prep", "pobj", "ROOT", "punct"],
        heads=[3, 0, 1, 3, 3],
        ents=["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O", "O"],
    )
    assert model.name_at(doc[0]) is None


@pytest.mark.full_model
def test_a_title_counted_or_in_the_plural_is_a_role_not_a_name(nlp: Language) -> None:
    resolver = nlp.get_pipe("speaker_resolver")
    assert isinstance(resolver, SpeakerResolver) and resolver._genders is not None
    model = NameModel(resolver.lexicons, resolver._genders)
    doc = nlp("One Ontario Liberal MP, who backs the leader, argued the plan was sound.")
    mp = next(t for t in doc if t.text == "MP")
    assert model.name_at(mp) is None
    doc = nlp("Several MPs privately complain that advisers make the decisions.")
    assert model.name_at(next(t for t in doc if t.text == "MPs")) is None
    doc = nlp("Liberal MP Rita Sandhu argued the plan was sound.")
    name = model.name_at(next(t for t in doc if t.text == "Sandhu"))
    assert name is not None and name.text == "Rita Sandhu"
