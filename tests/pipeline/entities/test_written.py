"""Where a name as written ends (`written.py`), on hand-made docs: an organisation's name runs
through a preposition or a French name's lower-case words; an untagged organisation's noun takes
its proper-noun "of" phrase."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.entities.written import org_name_end


def _doc(
    words: list[str], pos: list[str], deps: list[str], heads: list[int], ents: list[str]
) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents)


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
