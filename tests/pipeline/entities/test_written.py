"""Where a name as written ends (`written.py`), on hand-made docs: an organisation's name runs
through a preposition or a French name's lower-case words; an untagged organisation's noun takes
its proper-noun "of" phrase; a name the parse read as a list of words before an organisation's
entity (`Fisheries and Oceans Canada`) is one name."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.entities.written import (
    apposed_role,
    apposition,
    coordinated_org,
    name_word,
    org_apposition,
    org_name_end,
    pronoun_name,
    quoted_alone,
    role_lemmas,
)
from tests.pipeline.support import hand_parsed


def _doc(
    words: list[str],
    pos: list[str],
    deps: list[str],
    heads: list[int],
    ents: list[str],
    lemmas: list[str] | None = None,
) -> Doc:
    lemmas = lemmas or [w.lower() for w in words]
    return hand_parsed(words, heads, deps, pos, ents=ents, lemmas=lemmas)


PORT = ["the", "Port", "of", "Montreal", "said"]
PORT_POS = ["DET", "PROPN", "ADP", "PROPN", "VERB"]
PORT_DEPS = ["det", "nsubj", "prep", "pobj", "ROOT"]
PORT_HEADS = [1, 4, 1, 2, 4]


def test_an_organisations_entity_runs_through_its_preposition() -> None:
    doc = _doc(PORT, PORT_POS, PORT_DEPS, PORT_HEADS, ["O", "B-ORG", "I-ORG", "I-ORG", "O"])
    assert org_name_end(doc[1], "ORG", org_noun=False) == 4
    # a person's name does not run on (`Smith of Ohio`)
    assert org_name_end(doc[1], "PERSON", org_noun=False) == 2


def test_an_untagged_organisation_noun_takes_its_proper_of_phrase() -> None:
    untagged = ["O"] * 5
    doc = _doc(PORT, PORT_POS, PORT_DEPS, PORT_HEADS, untagged)
    assert org_name_end(doc[1], "", org_noun=True) == 4
    # no organisation's noun, or a common noun in the phrase: the head alone
    assert org_name_end(doc[1], "", org_noun=False) == 2
    common = ["the", "Port", "of", "call", "said"]
    doc = _doc(common, ["DET", "PROPN", "ADP", "NOUN", "VERB"], PORT_DEPS, PORT_HEADS, untagged)
    assert org_name_end(doc[1], "", org_noun=True) == 2


def test_a_french_names_lower_case_words_stay_in_it() -> None:
    words = ["la", "Fédération", "autonome", "de", "l'enseignement", "said"]
    pos = ["DET", "PROPN", "ADJ", "ADP", "NOUN", "VERB"]
    deps = ["det", "nsubj", "amod", "prep", "pobj", "ROOT"]
    heads = [1, 5, 1, 1, 3, 5]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert org_name_end(_doc(words, pos, deps, heads, ents)[1], "ORG", org_noun=False) == 5
    # outside the entity, a lower-case word is the sentence's, not the name's
    ents = ["O", "B-ORG", "O", "O", "O", "O"]
    assert org_name_end(_doc(words, pos, deps, heads, ents)[1], "ORG", org_noun=False) == 2


def _across(words: list[str]) -> Doc:
    """`Hope Across Borders said it was quitting` (or a headline's words in its place), as the
    model parses it: the name's preposition under its first word."""
    pos = ["PROPN", "ADP", "PROPN", "VERB", "PRON", "AUX", "VERB"]
    deps = ["nsubj", "prep", "pobj", "ROOT", "nsubj", "aux", "ccomp"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    return _doc(words, pos, deps, [3, 0, 1, 3, 6, 6, 3], ents)


def test_a_capitalised_preposition_carries_a_name_on_outside_a_headline() -> None:
    words = ["Hope", "Across", "Borders", "said", "it", "was", "quitting"]
    assert org_name_end(_across(words)[0], "ORG", org_noun=False) == 3
    # every word capitalised, as a headline's: the preposition is the headline's
    words = ["Move", "Against", "Sanders", "Could", "It", "Will", "Backfire"]
    assert org_name_end(_across(words)[0], "ORG", org_noun=False) == 1


def _listed(words: list[str], ents: list[str], lemmas: list[str] | None = None) -> Doc:
    """`words` as the parse reads a department's name: a list under its first word."""
    n = len(words)
    pos = ["PUNCT" if w == "," else "CCONJ" if w == "and" else "PROPN" for w in words[:-1]]
    deps = ["nsubj"] + ["dep"] * (n - 3) + ["dep", "ROOT"]
    return _doc(words, pos + ["VERB"], deps, [0] * (n - 1) + [n - 1], ents, lemmas)


NO_ONE = frozenset({"tenant"})


def _no_person(word: str) -> bool:
    return word in {"Doug", "Premier"}


def _org_word(word: str) -> bool:
    return word in {"canada", "corp."}


def _listed_org(doc: Doc, k: int) -> tuple[int, int] | None:
    return coordinated_org(doc[k], NO_ONE, _no_person, _org_word)


def test_a_name_read_as_a_list_before_an_organisation_is_one_name() -> None:
    words = ["Fisheries", "and", "Oceans", "Canada", "said"]
    doc = _listed(
        words, ["O", "O", "B-ORG", "I-ORG", "O"], ["fishery", "and", "ocean", "canada", "say"]
    )
    # from any of its words: the first, the "and", the organisation's own
    assert {_listed_org(doc, k) for k in range(4)} == {(0, 4)}
    assert _listed_org(doc, 4) is None
    words = ["Immigration", ",", "Refugees", "and", "Citizenship", "Canada", "said"]
    doc = _listed(words, ["O", "O", "O", "O", "B-ORG", "I-ORG", "O"])
    assert _listed_org(doc, 0) == (0, 6)
    assert _listed_org(doc, 5) == (0, 6)


def test_a_list_of_names_or_people_is_no_organisations_name() -> None:
    ent = ["O", "O", "B-ORG", "I-ORG", "O"]
    # a common noun capitalised at the start of the sentence
    doc = _listed(
        ["Tenants", "and", "ACORN", "Canada", "said"],
        ent,
        ["tenant", "and", "acorn", "canada", "say"],
    )
    assert _listed_org(doc, 3) is None
    # a person's words, or an entity of its own (`Statistics Canada and Health Canada`)
    doc = _listed(["Doug", "and", "Ontario", "Health", "said"], ent)
    assert _listed_org(doc, 3) is None
    doc = _listed(
        ["Canada", "and", "Health", "Canada", "said"], ["B-GPE", "O", "B-ORG", "I-ORG", "O"]
    )
    assert _listed_org(doc, 3) is None
    # a one-word "organisation" may be anyone (`Sanders and Trump have leads`)
    doc = _listed(["Sanders", "and", "Trump", "lead"], ["O", "O", "B-ORG", "O"])
    assert _listed_org(doc, 2) is None
    # no "and" right before the organisation, or two of them: a list
    doc = _listed(["Fisheries", ",", "Oceans", "Canada", "said"], ent)
    assert _listed_org(doc, 3) is None
    words = ["Parks", "and", "Lakes", "and", "Rivers", "Canada", "said"]
    doc = _listed(words, ["O", "O", "O", "O", "B-ORG", "I-ORG", "O"])
    assert _listed_org(doc, 5) is None


def test_a_name_the_ner_missed_is_one_when_a_word_shows_an_organisation() -> None:
    words = ["Environment", "and", "Climate", "Change", "Canada", "said"]
    doc = _listed(words, ["O"] * 6)
    assert {_listed_org(doc, k) for k in range(5)} == {(0, 5)}
    assert _listed_org(doc, 5) is None  # (the verb after it is no word of the name)
    # no word of an organisation's kind, or one proper noun after the "and": no name
    doc = _listed(["Environment", "and", "Climate", "Change", "Ottawa", "said"], ["O"] * 6)
    assert _listed_org(doc, 4) is None
    doc = _listed(["Environment", "and", "Canada", "said"], ["O"] * 4)
    assert _listed_org(doc, 2) is None


def test_two_organisations_the_ner_split_at_the_and_it_put_in_the_first_are_one() -> None:
    words = ["Canada", "Mortgage", "and", "Housing", "Corp.", "said"]
    split = ["B-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG", "O"]
    doc = _listed(words, split)
    assert {_listed_org(doc, k) for k in range(5)} == {(0, 5)}
    # an "and" outside both entities joins two organisations (`Google and Microsoft`)
    doc = _listed(words, ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O"])
    assert _listed_org(doc, 0) is None
    assert _listed_org(doc, 4) is None
    # the second a person's: no organisation's name
    doc = _listed(words, ["B-ORG", "I-ORG", "I-ORG", "B-PERSON", "I-PERSON", "O"])
    assert _listed_org(doc, 0) is None
    # the NER's "the" is no word of the name
    words = ["the", "Department", "of", "Fisheries", "and", "Oceans", "said"]
    pos = ["DET", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB"]
    deps = ["det", "nsubj", "prep", "pobj", "cc", "conj", "ROOT"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "O"]
    doc = _doc(words, pos, deps, [1, 6, 1, 2, 3, 3, 6], ents)
    assert {_listed_org(doc, k) for k in range(1, 6)} == {(1, 6)}


def _apposed(first: str) -> Doc:
    """`FIRST Québec, the agency, said`: a name and an organisation's noun apposed to it."""
    words = [first, "Québec", ",", "the", "agency", ",", "said"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"]
    deps = ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT"]
    return _doc(words, pos, deps, [1, 6, 1, 4, 1, 1, 6], ["B-PERSON", "I-PERSON"] + ["O"] * 5)


def test_an_organisations_noun_apposed_to_a_name_makes_it_an_organisation() -> None:
    org_nouns = frozenset({"agency"})
    doc = _apposed("Santé")
    assert org_apposition(apposition(doc[1]), org_nouns)
    # no organisation's noun, or no apposition
    assert not org_apposition(apposition(doc[1]), frozenset({"union"}))
    assert not org_apposition(None, org_nouns)


def _sister(noun: str, tag: str) -> Doc:
    """`Grewal 's NOUN , Manpreet Grewal , said`: a name apposed to a common noun."""
    words = ["Grewal", "'s", noun, ",", "Manpreet", "Grewal", ",", "said"]
    pos = ["PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"]
    deps = ["poss", "case", "nsubj", "punct", "compound", "appos", "punct", "ROOT"]
    doc = _doc(words, pos, deps, [2, 0, 7, 2, 5, 2, 2, 7], ["B-PERSON", "O", "O", "O"] + ["O"] * 4)
    doc[2].tag_ = tag
    doc[2].lemma_ = noun.rstrip("s") if tag == "NNS" else noun
    return doc


def test_the_singular_noun_a_name_is_apposed_to_is_its_role() -> None:
    assert apposed_role(_sister("sister", "NN")[5]) == frozenset({"sister"})
    # plural: the name is one of several (`the lawyers, Ann Lee and Tom Ng,`)
    assert apposed_role(_sister("sisters", "NNS")[5]) == frozenset()
    # the noun itself, or a name with no apposition: nothing
    assert apposed_role(_sister("sister", "NN")[2]) == frozenset()
    assert apposed_role(_sister("sister", "NN")[0]) == frozenset()


def test_an_appositions_role_words_are_its_heads_and_their_qualifiers() -> None:
    # `Rochman , a professor at the university and the study 's lead author`
    words = ["Rochman", ",", "a", "professor", "at", "the", "university", "and", "the", "study"]
    words += ["'s", "lead", "author"]
    heads = [0, 0, 3, 0, 3, 6, 4, 3, 9, 12, 9, 12, 3]
    deps = ["ROOT", "punct", "det", "appos", "prep", "det", "pobj", "cc", "det", "poss", "case"]
    deps += ["amod", "conj"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "CCONJ", "DET", "NOUN", "PART"]
    pos += ["ADJ", "NOUN"]
    doc = _doc(words, pos, deps, heads, ["B-PERSON"] + ["O"] * 12)
    appos = apposition(doc[0])
    assert appos is not None and appos.text.endswith("lead author")
    # not "university" (where she works) nor "study" (whose author she is)
    assert role_lemmas(appos) == frozenset({"professor", "lead", "author"})


def test_a_name_all_a_quotation_holds_is_quoted_alone() -> None:
    # `identified only as "J.T.," had struck`: a label, whatever role the parse gave it
    doc = Doc(spacy.blank("en").vocab, words=["as", '"', "J.T.", ",", '"', "had", "struck"])
    assert quoted_alone(doc, 2, 3)
    doc = Doc(spacy.blank("en").vocab, words=['"', "Ann", "Lee", "said", '"', "no"])
    assert not quoted_alone(doc, 1, 3)  # the quotation holds more than the name
    doc = Doc(spacy.blank("en").vocab, words=["Ann", "Lee", '"', "said"])
    assert not quoted_alone(doc, 0, 2)  # no mark before it


def test_a_one_word_pronoun_is_no_name() -> None:
    assert pronoun_name(("hers",))
    assert not pronoun_name(("our", "lady", "of", "guadalupe"))  # a name that opens with one
    assert not pronoun_name(("herschel",))


def test_a_symbol_the_tagger_calls_a_proper_noun_is_no_word_of_a_name() -> None:
    words = ["WATCH", "|", "Union", "says"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["PROPN", "PROPN", "PROPN", "VERB"])
    assert [name_word(t) for t in doc] == [True, False, True, False]
