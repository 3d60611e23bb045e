"""The tokenizer guard keeps every text intact and long chunks cheap."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from app.pipeline.text import doc_text
from app.pipeline.tokenizer import (
    KNOWN_TITLE,
    BoundedTokenizer,
    bound_tokenizer,
    keep_abbreviations,
    straighten_apostrophe,
    straighten_quote_marks,
    title_case_surnames,
)
from tests.pipeline.support import typed_speakers

MAX_CHUNK = 16


@pytest.fixture(scope="module")
def guarded() -> BoundedTokenizer:
    return BoundedTokenizer(spacy.blank("en").tokenizer, max_chunk=MAX_CHUNK)


def test_short_chunks_tokenize_exactly_as_the_wrapped_tokenizer(guarded: BoundedTokenizer) -> None:
    text = '"We will fight," Garcetti said.'
    assert [t.text for t in guarded(text)] == [t.text for t in guarded.tokenizer(text)]


def test_a_long_chunk_is_cut_into_pieces_of_max_chunk(guarded: BoundedTokenizer) -> None:
    text = "Hi " + "x" * 40 + " there"
    doc = guarded(text)
    assert doc.text == text
    assert [t.text for t in doc] == ["Hi", "x" * 16, "x" * 16, "x" * 8, "there"]


def test_thousands_of_marks_in_a_row_stay_one_char_a_token() -> None:
    nlp = spacy.blank("en")
    bound_tokenizer(nlp, 256)
    bound_tokenizer(nlp, 256)  # installing twice wraps once
    assert isinstance(nlp.tokenizer, BoundedTokenizer)
    assert not isinstance(nlp.tokenizer.tokenizer, BoundedTokenizer)
    doc = nlp('"' * 20_000)
    assert len(doc) == 20_000
    assert doc.text == '"' * 20_000


def test_too_small_a_chunk_is_refused() -> None:
    with pytest.raises(ValueError, match="max_chunk must be at least 16"):
        BoundedTokenizer(spacy.blank("en").tokenizer, max_chunk=4)


def test_save_and_reload_keeps_the_guard(tmp_path: object) -> None:
    nlp: Language = spacy.blank("en")
    bound_tokenizer(nlp, 64)
    data = nlp.tokenizer.to_bytes()
    other = spacy.blank("en")
    bound_tokenizer(other, 64)
    other.tokenizer.from_bytes(data)
    assert [t.text for t in other("a" * 100)] == ["a" * 64, "a" * 36]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \"“”'\n\t.,-") + ["\u00a0", "😀"]), max_size=120))
def test_text_is_always_kept_exactly(guarded: BoundedTokenizer, text: str) -> None:
    doc = guarded(text)
    assert doc.text == text
    assert all(len(token.text) <= MAX_CHUNK or token.is_space for token in doc)
    # the text is kept for the components, whole chunks or pieces alike: nothing joins it again
    assert doc.user_data["quotes.text"] == text
    assert doc_text(doc) == text


def test_the_typographic_apostrophe_shows_the_typewriter_ones_features() -> None:
    blank = spacy.blank("en")
    straighten_apostrophe(blank)
    curly, straight = blank.vocab["\u2019"], blank.vocab["'"]
    assert (curly.shape_, curly.prefix_, curly.suffix_, curly.norm_) == (
        straight.shape_,
        straight.prefix_,
        straight.suffix_,
        straight.norm_,
    )
    assert curly.orth_ == "\u2019"  # the text is untouched


@pytest.mark.parametrize(
    ("text", "owner", "apostrophe_tag"),
    [
        ("In Forbes\u2019 words, the city is a hub.", "Forbes", "POS"),
        ("Sanders\u2019 campaign said no.", "Sanders", "POS"),
    ],
)
def test_a_lone_typographic_apostrophe_after_an_s_is_a_possessive(
    nlp: Language, text: str, owner: str, apostrophe_tag: str
) -> None:
    doc = nlp(text)
    name = next(t for t in doc if t.text == owner)
    apostrophe = doc[name.i + 1]
    assert (apostrophe.text, apostrophe.tag_, name.dep_) == ("\u2019", apostrophe_tag, "poss")


def test_a_closing_single_quote_stays_a_quote(nlp: Language) -> None:
    doc = nlp("He said \u2018no\u2019 twice.")
    assert [t.tag_ for t in doc if t.text == "\u2019"] == ["''"]


@pytest.mark.parametrize(
    ("mark", "typewriter"), [("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'")]
)
def test_the_typographic_quote_marks_show_the_typewriter_ones_features(
    mark: str, typewriter: str
) -> None:
    blank = spacy.blank("en")
    straighten_quote_marks(blank)
    curly, straight = blank.vocab[mark], blank.vocab[typewriter]
    assert (curly.shape_, curly.prefix_, curly.suffix_, curly.norm_) == (
        straight.shape_,
        straight.prefix_,
        straight.suffix_,
        straight.norm_,
    )
    assert curly.orth_ == mark  # the text is untouched


def test_a_sentence_parses_alike_with_either_double_quotes(nlp: Language) -> None:
    # without the typewriter features the curly marks change the parse ("to bring" became an
    # adverbial clause of "take" instead of its complement)
    text = (
        "Housing Minister Sean Fraser said Monday the government will take "
        "\u201cdecisive action\u201d to bring rents down."
    )
    curly, straight = nlp(text), nlp(text.replace("\u201c", '"').replace("\u201d", '"'))
    assert [(t.tag_, t.dep_, t.head.i) for t in curly] == [
        (t.tag_, t.dep_, t.head.i) for t in straight
    ]


def test_an_abbreviated_title_keeps_its_full_stop() -> None:
    nlp = spacy.blank("en")
    bound_tokenizer(nlp)
    assert [t.text for t in nlp("Cpl. Lee and Capt. Ng")] == [
        "Cpl",
        ".",
        "Lee",
        "and",
        "Capt",
        ".",
        "Ng",
    ]
    keep_abbreviations(nlp, ["cpl.", "capt."])
    assert [t.text for t in nlp("Cpl. Lee, CAPT. Ng and Xyz. Ho")] == [
        "Cpl.",
        "Lee",
        ",",
        "CAPT.",
        "Ng",
        "and",
        "Xyz",
        ".",
        "Ho",
    ]


def test_a_joined_rank_keeps_its_full_stop_with_each_part_capitalised() -> None:
    nlp = spacy.blank("en")
    bound_tokenizer(nlp)
    keep_abbreviations(nlp, ["det.-sgt.", "s/sgt."])
    assert [t.text for t in nlp("Det.-Sgt. Ann Lee and S/Sgt. Tom Ng")] == [
        "Det.-Sgt.",
        "Ann",
        "Lee",
        "and",
        "S/Sgt.",
        "Tom",
        "Ng",
    ]


@pytest.mark.full_model
@pytest.mark.parametrize("rank", ["Det.-Sgt.", "S/Sgt.", "Staff Sgt.", "Warden"])
def test_a_police_or_county_rank_is_no_part_of_the_name(nlp: Language, rank: str) -> None:
    doc = nlp(f'"It is early," said {rank} Ann Leblanc.')
    assert [s._.attribution.name for s in doc.spans["quotes"]] == ["Ann Leblanc"]


@pytest.mark.full_model
def test_a_quote_keeps_its_speaker_after_an_abbreviated_rank(nlp: Language) -> None:
    # a split-off stop after "Capt" ended the sentence before the name
    doc = nlp('"He was a hero," Capt. Ann Lee said.')
    assert [s._.attribution.name for s in doc.spans["quotes"]] == ["Ann Lee"]


@pytest.mark.full_model
def test_an_abbreviated_place_word_ends_no_sentence(nlp: Language) -> None:
    # a split-off stop after "Ste" ended the sentence, and "Rita" became the speaker
    doc = nlp(
        "Reeve Arlene Wiebe of the Rural Municipality of Ste. Rita said her council had ordered "
        'sandbags. "We are not waiting," she said.'
    )
    assert [s._.attribution.name for s in doc.spans["quotes"]] == ["Arlene Wiebe"] * 2


def test_an_abbreviated_title_is_shown_to_the_model_as_one_it_knows() -> None:
    nlp = spacy.blank("en")
    bound_tokenizer(nlp)
    keep_abbreviations(nlp, ["coun."])
    known = nlp.vocab[KNOWN_TITLE]
    for form in ("Coun.", "coun.", "COUN."):
        seen = nlp.vocab[form]
        assert (seen.norm_, seen.shape_, seen.prefix_, seen.suffix_) == (
            known.norm_,
            known.shape_,
            known.prefix_,
            known.suffix_,
        )
    # the text the token gives is as written
    assert [t.text for t in nlp("Coun. Lee")] == ["Coun.", "Lee"]


@pytest.mark.full_model
def test_a_rank_the_model_never_saw_leaves_the_cue_its_subject(nlp: Language) -> None:
    # the model read "Coun." as a sentence of its own: "said" lost its subject, and "the TTC",
    # inside the relative clause, became the speaker
    text = (
        "Coun. Brad Bradford, who has pushed for the TTC to be declared an essential service, "
        "said the vote showed the province should step in."
    )
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == [text]
    assert typed_speakers(doc) == [("indirect", "Brad Bradford")]
    doc = nlp("The vote was close, said Coun. Brad Bradford.")
    assert [(s.text, s._.attribution.name) for s in doc.spans["quotes"]] == [
        ("The vote was close", "Brad Bradford")
    ]


def test_a_prefixed_surname_is_title_case() -> None:
    nlp = spacy.blank("en")
    held = nlp.vocab["McDonald"]  # a word the vocab held before
    assert not held.is_title
    title_case_surnames(nlp)
    assert held.is_title
    words = (
        "Rebecca MacIsaac met DeSantis , LeBlanc and McDonald on an iPhone at PayPal NATO".split()
    )
    assert [t.text for t in nlp(" ".join(words)) if t.is_title] == [
        "Rebecca",
        "MacIsaac",
        "DeSantis",
        "LeBlanc",
        "McDonald",
    ]


@pytest.mark.full_model
def test_a_prefixed_surname_the_ner_called_an_organisation_is_a_person_she_means(
    nlp: Language,
) -> None:
    text = (
        "Speaking to reporters at Halifax Stanfield International Airport on Tuesday, Rebecca "
        "MacIsaac described how she was taken from her truck at gunpoint.\n\n"
        "Foreign Affairs Minister Mélanie Joly said in a statement that Canada was relieved. She "
        "thanked the aid group's staff in Juba.\n\n"
        'MacIsaac said she planned to spend the winter at home. "Ask me in a year," she said.'
    )
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == "Rebecca MacIsaac"] == ["ORG"]
    said = [s._.attribution.name for s in doc.spans["quotes"] if s._.quote.type == "direct"]
    assert said == ["Rebecca MacIsaac"]
