"""A pronoun subject of a clause inside the main clause (`over what they describe as "Q"`,
`what it calls "Q"`) means the main clause's subject when it agrees, not the entity named last
before the sentence; and a counting noun (`Hundreds of protesters`) names a speaker by the noun
it counts. On hand-written sentences parsed by the full model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.entities.clause_antecedent import (
    clause_antecedent,
    clause_subject,
    previous_subject,
)
from app.pipeline.entities.lexicons import ResolverLexicons
from app.pipeline.sources import counted_noun
from tests.pipeline.support import attribute, who

ORG_NOUNS = frozenset({"union", "campaign", "group"})
LEXICONS = ResolverLexicons(org_nouns=ORG_NOUNS, document_nouns=frozenset({"report"}))
# A paragraph that names a place and a team first: the entities a pronoun ranked by recency finds.
BEFORE = "Mayor Jenna Holt met the Ottawa Senators on Elgin Street on Monday.\n\n"


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("sentence", "speaker", "mention", "cue"),
    [
        (
            "Environmental groups are suing the province over what they describe as "
            '"a reckless rush to drill."',
            "Environmental groups",
            "they",
            "describe",
        ),
        (
            'Critics of the plan have a name for what they call a "stealth tax."',
            "Critics of the plan",
            "they",
            "call",
        ),
        (
            'The nurses\' union is fighting what it calls "forced overtime."',
            "The nurses' union",
            "it",
            "calls",
        ),
        (
            "Hundreds of protesters marched down Bank Street, where they chanted "
            '"Fund our schools."',
            "Hundreds of protesters",
            "they",
            "chanted",
        ),
    ],
)
def test_pronoun_in_an_inner_clause_means_the_main_subject(
    nlp: Language, sentence: str, speaker: str, mention: str, cue: str
) -> None:
    doc = attribute(nlp, BEFORE + sentence)
    assert who(doc) == [(speaker, mention, cue)]


@pytest.mark.full_model
def test_a_main_clause_pronoun_keeps_its_antecedent_from_before(nlp: Language) -> None:
    doc = nlp('The Ottawa Senators lost again. They called it "a bad night."')
    they = next(t for t in doc if t.text == "They")
    assert clause_antecedent(they, (they.head.i, they.head.i + 1), LEXICONS) is None


@pytest.mark.full_model
@pytest.mark.parametrize(
    "sentence",
    [
        # the pronoun's clause is inside the subject itself
        "The groups that they call allies are meeting today.",
        # a singular person does not agree with "they"
        "The minister rejected what they call a freeze.",
        # nor a plural with "it"
        "The nurses are fighting what it calls overtime.",
    ],
)
def test_no_antecedent_in_the_sentence(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    pronoun = next(t for t in doc if t.lower_ in {"they", "it"})
    assert clause_subject(pronoun, ORG_NOUNS) is None


@pytest.mark.full_model
def test_the_antecedent_extent_keeps_its_of_phrase_but_not_an_apposition(nlp: Language) -> None:
    doc = nlp(
        "Critics of the plan, including the mayor, rejected what they call a freeze.\n\n"
        "The union is fighting what it calls overtime."
    )
    they, it = (t for t in doc if t.lower_ in {"they", "it"})
    assert clause_antecedent(they, (they.head.i, they.head.i + 1), LEXICONS) == (0, (0, 4))
    found = clause_antecedent(it, (it.head.i, it.head.i + 1), LEXICONS)
    assert found is not None and doc[found[1][0] : found[1][1]].text == "The union"
    # not the subject of the cue: no antecedent asked for
    assert clause_antecedent(they, None, LEXICONS) is None


@pytest.mark.full_model
def test_a_counting_noun_names_what_it_counts(nlp: Language) -> None:
    doc = nlp("Hundreds of protesters chanted. The arrest of protesters followed.")
    hundreds, arrest = doc[0], next(t for t in doc if t.text == "arrest")
    counted = counted_noun(hundreds)
    assert counted is not None and counted.text == "protesters"
    assert counted_noun(arrest) is None
    spoken = attribute(nlp, 'Dozens of residents told council, "We want our pool back."')
    assert who(spoken) == [("Dozens of residents", "Dozens of residents", "told")]


@pytest.mark.full_model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The report by the Ontario Ombudsman was released Tuesday. "
            'It says the ministry "ignored 40 complaints."',
            "The report by the Ontario Ombudsman",
        ),
        (
            "A petition started by the Arruda family has gathered 4,000 signatures. "
            'It asks the city to "act now."',
            "A petition",
        ),
    ],
)
def test_it_opening_a_sentence_means_the_document_before(
    nlp: Language, text: str, speaker: str
) -> None:
    doc = attribute(nlp, BEFORE + text)
    assert who(doc)[0][0] == speaker


@pytest.mark.full_model
def test_it_after_a_paragraph_break_or_a_named_subject_is_ranked_as_before(nlp: Language) -> None:
    doc = nlp(
        "The report was released Tuesday.\n\nIt says the ministry erred.\n\n"
        "Manitoba Hydro met on Monday. It says the dam is safe."
    )
    first, second = (t for t in doc if t.text == "It")
    assert previous_subject(first, frozenset({"report"})) is None  # (a new paragraph)
    assert previous_subject(second, frozenset({"report"})) is None  # (a name, not a noun)
