"""Quote types: speech (direct, partial) or not (scare, title), from the words around them."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.pipeline.support import only, quotes_of, spans_of

# -- types ----------------------------------------------------------------------------------------


def test_so_called_is_scare_quote(blank_nlp: Language) -> None:
    text = 'He criticised so-called "sanctuary cities" on Monday.'
    assert spans_of(blank_nlp, text) == [("sanctuary cities", "scare")]


def test_known_as_is_scare_quote(blank_nlp: Language) -> None:
    text = 'The rule, known as "catch and release", ended.'
    assert spans_of(blank_nlp, text) == [("catch and release", "scare")]


def test_known_as_reaches_past_a_place_but_not_an_article(blank_nlp: Language) -> None:
    """`known around the league as "the Professor"` (a nickname: title) and a term `known to
    crews as "rolling lift"` (scare); after `calling the` the corpus counts the label as the
    words of those who use it (`has been called the "Golden Week"`: speech), and `described it
    as an "X"` names nothing (speech)."""
    text = (
        'The coach, known around the whole league as "the Professor," retired on Friday.\n\n'
        'Rescuers used a manoeuvre known to crews as "rolling lift" to free the driver.\n\n'
        'Its young defence, which fans have taken to calling the "Baby Bleus," grew up fast.\n\n'
        'She described it as an "absolute disgrace."'
    )
    assert spans_of(blank_nlp, text) == [
        ("the Professor,", "title"),
        ("rolling lift", "scare"),
        ("Baby Bleus,", "direct"),
        ("absolute disgrace.", "partial"),
    ]


@pytest.mark.full_model
def test_a_sentence_case_title_set_off_after_a_title_noun_is_a_title(nlp: Language) -> None:
    """A work's name between commas after its noun, capitalised as a sentence (as French titles
    are): a title; words with a verb in the same place stay the writer's."""
    text = (
        'The board warned in its 2024 report, "Clinics at the breaking point," that rural '
        "clinics were closing.\n\n"
        'She wrote in the report, "We found the service overwhelmed," and asked for more staff.'
    )
    assert spans_of(nlp, text) == [
        ("Clinics at the breaking point,", "title"),
        ("We found the service overwhelmed,", "direct"),
    ]


def test_the_rest_of_a_quotation_split_by_its_attribution_is_direct(blank_nlp: Language) -> None:
    """`"We are ready," the coach told reporters, "but ..."`: the second half goes on a whole
    quotation, lower case and all; a fragment after a full stop, or after a partial quote, is a
    partial quote."""
    text = (
        '"We are ready," the coach told reporters on Friday, "but the weather is not."\n\n'
        '"We will win," she said. Others called the result "a fluke."\n\n'
        'He called the plan "reckless," adding it was "rushed and wrong."'
    )
    assert spans_of(blank_nlp, text) == [
        ("We are ready,", "direct"),
        ("but the weather is not.", "direct"),
        ("We will win,", "direct"),
        ("a fluke.", "partial"),
        ("reckless,", "partial"),
        ("rushed and wrong.", "partial"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The drug, sold under the brand name "Elahere," costs $30,000.', "Elahere,"),
        ('The operation, code-named "Midnight Hammer," began at dawn.', "Midnight Hammer,"),
        ('He posts under the screen name "northernlad" every night.', "northernlad"),
    ],
)
def test_a_name_given_to_a_thing_is_scare_quote(
    blank_nlp: Language, text: str, expected: str
) -> None:
    assert spans_of(blank_nlp, text) == [(expected, "scare")]


def test_a_name_cue_does_not_reach_a_quotation_after_it(blank_nlp: Language) -> None:
    text = 'Under the brand name, she said, "We will sell it everywhere, at any price we like."'
    assert spans_of(blank_nlp, text) == [
        ("We will sell it everywhere, at any price we like.", "direct")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('It was a probe that police dubbed "Operation Cold Snap."', "Operation Cold Snap."),
        ('The witness, identified in court only as "J.T.," had a deal.', "J.T.,"),
    ],
)
def test_a_name_after_a_naming_cue_is_scare_quote_even_at_a_sentences_end(
    blank_nlp: Language, text: str, expected: str
) -> None:
    assert spans_of(blank_nlp, text) == [(expected, "scare")]


@pytest.mark.full_model
def test_a_word_a_verb_of_describing_gives_only_as_is_speech(nlp: Language) -> None:
    # "only as" names a thing after "identified in court", not after "described ... only as"
    text = 'The minister has so far described the strike only as "regrettable" and urged calm.'
    assert spans_of(nlp, text) == [("regrettable", "partial")]


def test_a_sentence_after_a_naming_cue_at_a_sentences_end_is_speech(nlp: Language) -> None:
    # lower case, a whole clause: words someone said, whatever the cue before them
    text = 'He is known as "the man who never sleeps." Nobody disputes it.'
    assert spans_of(nlp, text)[0][1] in {"direct", "partial"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a title at any length and in any case after a verb that names a work
            'The bill, formally titled "An Act to reinforce French as the common language of '
            'care," was tabled.',
            "An Act to reinforce French as the common language of care,",
        ),
        (  # a report's title set off after it
            'She waved the latest report, "Modernizing Benefit Delivery: The ClaimPath '
            'Application," at the minister.',
            "Modernizing Benefit Delivery: The ClaimPath Application,",
        ),
    ],
)
def test_a_title_after_titled_or_a_report_is_a_title(
    blank_nlp: Language, text: str, expected: str
) -> None:
    assert spans_of(blank_nlp, text) == [(expected, "title")]


@pytest.mark.full_model
def test_a_title_set_beside_the_noun_of_its_work_is_a_title(nlp: Language) -> None:
    # the parse sets the title beside "report" across the phrase between them, at any length
    text = (
        'A 2023 report by an independent panel, "Still Waiting: Water, Trust and the '
        'Long-Term Advisories," found the approach "piecemeal and reactive."'
    )
    assert spans_of(nlp, text) == [
        ("Still Waiting: Water, Trust and the Long-Term Advisories,", "title"),
        ("piecemeal and reactive.", "partial"),
    ]


@pytest.mark.full_model
def test_words_set_beside_a_noun_of_no_work_are_speech(nlp: Language) -> None:
    text = 'Her message to the crowd, "We Will Not Back Down," drew cheers.'
    assert spans_of(nlp, text)[0][1] in {"direct", "partial"}


def test_a_capitalised_name_given_after_calling_someone_is_a_title(nlp: Language) -> None:
    text = (
        'Lindahl, whose teammates have called him "The Wall" since juniors, stopped 31 shots. '
        'Critics called it "a disgrace" on Monday.'
    )
    assert [(t, k) for t, k in spans_of(nlp, text)] == [
        ("The Wall", "title"),
        ("a disgrace", "partial"),
    ]


def test_a_name_given_by_a_calling_verb_whose_object_comes_first_is_a_title(
    nlp: Language,
) -> None:
    text = (
        'Defenceman Jake Ostrowski, whom teammates call "Ozzy," said he was ready.\n\n'
        'Okonkwo, the forward fans have taken to calling "Mek," shot 14-for-22.\n\n'
        "The trial heard about the night outside the tavern known to regulars as "
        '"the Rail."\n\n'
        'He called, "Stop!" and the crowd went quiet.'
    )
    assert spans_of(nlp, text) == [
        ("Ozzy,", "title"),
        ("Mek,", "title"),
        ("the Rail.", "title"),
        ("Stop!", "direct"),
    ]


def test_a_nickname_with_its_article_after_a_calling_verb_is_a_title(nlp: Language) -> None:
    """`the Keeper`, `the Boss`: a name given, article and all; lower-case words after the same
    verbs stay someone's (`called it "the worst deal"`)."""
    text = (
        'Friends called her "the Keeper," a nickname she earned at church suppers.\n\n'
        'Whitlock, a rancher who supporters call "the Boss," said the party had lost touch.\n\n'
        'Critics called it "the worst deal" on Monday.'
    )
    assert spans_of(nlp, text) == [
        ("the Keeper,", "title"),
        ("the Boss,", "title"),
        ("the worst deal", "partial"),
    ]


@pytest.mark.full_model
def test_a_brand_or_a_title_under_its_naming_word_is_a_title(nlp: Language) -> None:
    """`branded "Build Canada."` at a capitalised passage only (`was branded "a tribute to" its
    founder, Reyes wrote` is Reyes's words); `under the title "..."` at any case and length."""
    text = (
        'Munroe repeated his housing plan, a proposal he has branded "Build Canada."\n\n'
        'The account was branded "a tribute to" its founder, Reyes wrote.\n\n'
        'The study, published under the title "A root-expressed transcription factor confers '
        'flowering stability in canola," was led by Dr. Leila Farahani.'
    )
    assert [kind for _, kind in spans_of(nlp, text)] == ["title", "partial", "title"]


def test_title_of_a_work(blank_nlp: Language) -> None:
    text = 'She wrote the book "Hard Choices" after leaving office.'
    assert spans_of(blank_nlp, text) == [("Hard Choices", "title")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Her art toured in a 2019 exhibition, "Women of the Tundra."', "Women of the Tundra."),
        ('His debut feature, "Under the Ice," won the jury prize.', "Under the Ice,"),
        ('She edits the arts quarterly "Canvas North" from Whitehorse.', "Canvas North"),
    ],
)
def test_title_of_an_exhibition_or_a_feature_film(
    blank_nlp: Language, text: str, expected: str
) -> None:
    assert spans_of(blank_nlp, text) == [(expected, "title")]


def test_programme_of_a_named_owner_is_a_title(blank_nlp: Language) -> None:
    text = 'He spoke on NBC\'s "Meet the Press." on Sunday.'
    assert spans_of(blank_nlp, text) == [("Meet the Press.", "title")]


def test_term_modifying_a_noun_is_scare_quote(blank_nlp: Language) -> None:
    text = 'Others sparred in the smaller "sideshow" forum.'
    assert spans_of(blank_nlp, text) == [("sideshow", "scare")]


@pytest.mark.full_model
def test_short_fragment_without_evidence_is_speech(nlp: Language) -> None:
    # parsed, "view" is a noun here, not a verb of thinking over the fragment
    text = 'His economic view is "simply naive" and he is a "menace" to voters.'
    assert [t for _, t in spans_of(nlp, text)] == ["partial", "partial"]


def test_called_fragment_in_speech_context_is_partial(blank_nlp: Language) -> None:
    text = 'Moreau called half of her critics "cranks."'
    assert spans_of(blank_nlp, text) == [("cranks.", "partial")]
    text = 'Trump called him a "loser" at the rally.'
    assert spans_of(blank_nlp, text) == [("loser", "partial")]


def test_title_before_a_noun_it_names_is_a_title(blank_nlp: Language) -> None:
    text = 'Fans lined up for the "Morning Report" radio show on Friday.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (23, 37, "Morning Report", "title")
    text = "She wore a \u201cVote Local\u201d hat to the council meeting."
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (12, 22, "Vote Local", "title")


def test_a_title_before_a_noun_and_its_head_is_a_title(blank_nlp: Language) -> None:
    # one lower-case word between the name and the head of what it names
    text = 'Workers can apply to the province\'s "Ready for Work" transition program.'
    assert spans_of(blank_nlp, text) == [("Ready for Work", "title")]
    # a word of saying there is the attribution, not part of a name
    text = '"We have to keep going," said program director Ana Ruiz.'
    assert spans_of(blank_nlp, text) == [("We have to keep going,", "direct")]


@pytest.mark.full_model
def test_songs_and_collections_are_titles(nlp: Language) -> None:
    text = (
        'His granddaughter said he would belt out "North to the Yukon Sky," an old country tune, '
        "over the radio.\n\n"
        'Ostrowski is the author of the essay collection "Underground Hours."\n\n'
        'Odette Ruiz closed the night with the union anthem "Bread Before Borders," to a roar.'
    )
    assert spans_of(nlp, text) == [
        ("North to the Yukon Sky,", "title"),
        ("Underground Hours.", "title"),
        ("Bread Before Borders,", "title"),
    ]


@pytest.mark.full_model
def test_a_title_with_a_noun_set_off_after_it_is_a_title(nlp: Language) -> None:
    # `"X," the podcast she started`: the noun after the comma says what the title names
    text = (
        "Makowsky said she will join the broadcast team, and she will keep co-hosting "
        '"Sweep Talk," the podcast she started with Ouellet.'
    )
    assert [t for t in spans_of(nlp, text) if t[0] == "Sweep Talk,"] == [("Sweep Talk,", "title")]
    # a noun of no named thing after it leaves a capitalised quote speech
    text = '"Hold the Line," the mayor said on Friday.'
    assert spans_of(nlp, text) == [("Hold the Line,", "direct")]


def test_a_places_nickname_before_neighbourhood_is_a_title(blank_nlp: Language) -> None:
    text = 'Residents of the "Annex" neighbourhood complained about the noise.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (18, 23, "Annex", "title")


def test_a_term_after_a_plural_possessive_does_not_start_a_sentence(nlp: Language) -> None:
    """`the Liberals' "supply and confidence" agreement`: the mark before is an apostrophe, so the
    term modifies a noun (scare), and a quotation there is partial, never direct."""
    text = 'The deal is part of the Liberals\' "supply and confidence" agreement with the NDP.'
    assert spans_of(nlp, text) == [("supply and confidence", "scare")]
    text = "She respects Jones\u2019 \u201cenergy and focus\u201d but disagrees."
    assert spans_of(nlp, text) == [("energy and focus", "partial")]


def test_title_after_episode_of_is_a_title(blank_nlp: Language) -> None:
    text = 'She appeared on Monday\'s episode of "The Late Hour," the host said.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (37, 51, "The Late Hour,", "title")


def test_a_work_after_production_of_is_a_title(blank_nlp: Language) -> None:
    text = 'The festival\'s new production of "Hamlet" opens with the ghost eating a sandwich.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (34, 40, "Hamlet", "title")


def test_programme_after_interview_with_is_a_title(blank_nlp: Language) -> None:
    text = 'He said so in an interview with "Sunday Politics Hour."'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (33, 54, "Sunday Politics Hour.", "title")


def test_numeral_title_after_a_title_cue(blank_nlp: Language) -> None:
    text = 'Her new documentary, "24th," opens this week.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (22, 27, "24th,", "title")


def test_title_case_line_of_its_own_is_a_subheading(blank_nlp: Language) -> None:
    text = 'The mayor spoke first.\n\n"Nothing Left to Lose."\n\nThe council met later.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (25, 46, "Nothing Left to Lose.", "title")


def test_quoted_line_that_is_no_subheading_stays_speech(blank_nlp: Language) -> None:
    # the first line is the headline: a quote there is speech; one word is no subheading
    headline = '"Nothing Left to Lose."\n\nThe council met later.'
    one_word = 'He paused.\n\n"Never."\n\nThen he left.'
    sentence_case = 'He paused.\n\n"We have nothing left to lose."\n\nThen he left.'
    assert spans_of(blank_nlp, headline) == [("Nothing Left to Lose.", "direct")]
    assert spans_of(blank_nlp, one_word) == [("Never.", "direct")]
    assert spans_of(blank_nlp, sentence_case) == [("We have nothing left to lose.", "direct")]


def test_nickname_between_first_name_and_surname(blank_nlp: Language) -> None:
    text = 'Rep. Thomas J. "Tommy" Reed opened the hall, and Ana "Nani" Ruiz spoke.'
    quotes = quotes_of(blank_nlp, text)
    assert [(q.start, q.end, q.text, q.type) for q in quotes] == [
        (16, 21, "Tommy", "title"),
        (54, 58, "Nani", "title"),
    ]


def test_short_quote_between_sentence_end_and_a_name_is_no_nickname(blank_nlp: Language) -> None:
    text = 'He met Obama. "Thanks," Biden said. "Sure" Biden wrote.'
    assert [t for _, t in spans_of(blank_nlp, text)] == ["direct", "direct"]


def test_capitalised_word_in_a_title_case_headline_is_no_nickname(blank_nlp: Language) -> None:
    text = 'Senator Calls Mayor "Liar" Over Budget Plan\n\nThe senator spoke on Monday.'
    q = only(blank_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (21, 25, "Liar", "partial")


def test_chanted_or_written_title_case_words_are_speech(blank_nlp: Language) -> None:
    chant = 'Protesters marched downtown chanting "Hands Off Our Parks" all afternoon.'
    sign = 'They carried signs reading "Hands Off Our Parks" downtown.'
    q = only(blank_nlp, chant)
    assert (q.start, q.end, q.text, q.type) == (38, 57, "Hands Off Our Parks", "partial")
    q = only(blank_nlp, sign)
    assert (q.start, q.end, q.text, q.type) == (28, 47, "Hands Off Our Parks", "partial")


def test_unclassified_quotes_are_direct() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quote_finder", config={"classify": False})
    quotes = quotes_of(nlp, 'A so-called "term" here.')
    assert [q.type for q in quotes] == ["direct"]


@pytest.mark.full_model
def test_a_short_name_or_term_under_a_verb_of_saying_is_speech(nlp: Language) -> None:
    # parsed: the passage's governing verb is a speech cue (refer to X as "Y", cite a "Z" vote)
    text = 'Trump kept referring to his rival as "Little Mike" at rallies.'
    q = only(nlp, text)
    assert (q.start, q.end, q.text, q.type) == (38, 49, "Little Mike", "partial")
    text = 'The senator cited another "rigged" vote.'
    q = only(nlp, text)
    assert (q.start, q.end, q.text, q.type) == (27, 33, "rigged", "partial")


@pytest.mark.full_model
def test_a_short_name_or_term_under_another_verb_stays_a_title_or_term(nlp: Language) -> None:
    text = 'Fans watched "Morning Report" at home.'
    q = only(nlp, text)
    assert (q.start, q.end, q.text, q.type) == (14, 28, "Morning Report", "title")
    text = 'Others sparred in the smaller "sideshow" forum.'
    q = only(nlp, text)
    assert (q.start, q.end, q.text, q.type) == (31, 39, "sideshow", "scare")


def test_titles_with_a_long_noun_phrase_set_off_after_them(blank_nlp: Language) -> None:
    """`"Salmon Run," an Indigenous-led food show`: up to three words before the noun that says
    what the title names; an app named after its noun is a title too."""
    text = (
        "The slate includes “Salmon Run,” an Indigenous-led food show, and “Bike Lane Wars,” a "
        "half-serious civic affairs show.\n\n"
        "It launches its own app, “Harbour Now,” next week.\n\n"
        '"We are back on the air," the host said.'
    )
    assert spans_of(blank_nlp, text) == [
        ("Salmon Run,", "title"),
        ("Bike Lane Wars,", "title"),
        ("Harbour Now,", "title"),
        ("We are back on the air,", "direct"),
    ]


def test_words_the_sentence_calls_a_term_or_a_word_are_scare_quotes(blank_nlp: Language) -> None:
    """`"duty to protect," a term borrowed from ...`, `that word is "collaboration."`: words
    talked about; `"We will protect you," a spokesperson said` is someone's."""
    text = (
        'Operators would owe users a "duty to protect," a term borrowed from British law.\n\n'
        'One word did the heavy lifting this fall, and that word is "collaboration."\n\n'
        'She said that "slow" is no longer a word anyone here uses.\n\n'
        'Everyone on the circuit knows him as "Hoss."\n\n'
        '"We will protect you," a spokesperson said.'
    )
    assert spans_of(blank_nlp, text) == [
        ("duty to protect,", "scare"),
        ("collaboration.", "scare"),
        ("slow", "scare"),
        ("Hoss.", "title"),
        ("We will protect you,", "direct"),
    ]


def test_names_after_remembered_as_and_a_named_fund(blank_nlp: Language) -> None:
    """`remembered as "X"` names like `known as`; a programme's name ends with "Fund"."""
    text = (
        "The singer is based on the dance-hall star remembered as “Klondike Kate.”\n\n"
        'Costs fall under the existing "Growing Communities Fund," she said.\n\n'
        'He called the plan "a choke job" at the rally.'
    )
    assert spans_of(blank_nlp, text) == [
        ("Klondike Kate.", "title"),
        ("Growing Communities Fund,", "title"),
        ("a choke job", "partial"),
    ]


def test_a_work_set_off_after_its_title_or_followed_by_its_writer(blank_nlp: Language) -> None:
    text = (
        'The poet read "The Morning the Harbour Rose," a poem she wrote after the storm.\n\n'
        "Then there was “Dial Tone,” a comedy about a call centre in Estevan.\n\n"
        "“The Wheat King’s Daughter,” written by playwright Colleen Fehr, runs 70 minutes.\n\n"
        '"We Will Rebuild," said Mayor Ann Lee, "and we will."'
    )
    assert spans_of(blank_nlp, text) == [
        ("The Morning the Harbour Rose,", "title"),
        ("Dial Tone,", "title"),
        ("The Wheat King’s Daughter,", "title"),
        ("We Will Rebuild,", "direct"),
        ("and we will.", "direct"),
    ]
