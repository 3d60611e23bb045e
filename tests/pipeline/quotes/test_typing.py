"""What is a quote (issue 15): page furniture, scare quotes and words as words, titles, unclosed
marks; each rule with a passage it types and a look-alike it leaves as speech."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.pipeline.quotes.classify import rule_verdict
from app.pipeline.quotes.component import find_quotes
from app.pipeline.quotes.features import build_passages, text_features
from app.pipeline.quotes.scan import scan_quotes
from app.pipeline.types import Quote
from tests.pipeline.support import only, quotes_of, spans_of


def why(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """(content, type, deciding rule) of every passage, with the lexicons of `nlp`'s finder."""
    lexicons = nlp.get_pipe("quote_finder").lexicons  # type: ignore[attr-defined]
    out = []
    for passage in build_passages(text, scan_quotes(text)):
        qtype, rule = rule_verdict(text_features(text, passage, lexicons))
        out.append((text[passage.start : passage.end], qtype, rule))
    return out


def speech(quotes: list[Quote]) -> list[str]:
    return [q.text for q in quotes if q.is_speech]


BODY = 'Officials met on Monday.\n\n"We will not back down," the mayor said.\n\n'

# -- page furniture -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        'READ MORE: Mayor says city will "never back down" on transit',
        'WATCH: Premier calls budget "a disaster for families"',
        'RELATED: "We are not done yet," union leader says',
        'Related | Senator vows to "fight on" after vote',
        # a video player's label, as a news site's page is copied (its title in either marks)
        "Click to play video: \"Premier says budget will 'protect families'\"",
        "Click to play video: 'Premier vows to protect jobs amid tariff threat'",
    ],
)
def test_quotes_on_a_furniture_line_are_not_speech(quote_nlp: Language, line: str) -> None:
    quotes = quotes_of(quote_nlp, BODY + line + "\n\nThe council voted later.")
    assert speech(quotes) == ["We will not back down,"]
    assert [q.type for q in quotes][1:] == ["title"]


def test_quotes_in_a_list_of_related_headlines_are_not_speech(quote_nlp: Language) -> None:
    text = BODY + (
        'RELATED STORIES\n\nMayor says city will "never back down" on transit\n\n'
        '"We are not done yet," union leader says\n\n'
        '"The vote is final," the clerk said after the meeting.'
    )
    quotes = quotes_of(quote_nlp, text)
    assert [(q.text, q.type) for q in quotes][1:] == [
        ("never back down", "title"),
        ("We are not done yet,", "title"),
        ("The vote is final,", "direct"),  # a paragraph of the story again: it ends the list
    ]


def test_a_line_that_merely_starts_with_a_label_word_is_speech(quote_nlp: Language) -> None:
    text = BODY + 'More than 200 people said they would "never back down" on transit.'
    text += '\n\nWatch what happens next, "if we lose," she said.'
    assert speech(quotes_of(quote_nlp, text)) == [
        "We will not back down,",
        "never back down",
        "if we lose,",
    ]


@pytest.mark.parametrize(
    "credit",
    [
        " (AP Photo/Jane Doe)",
        " (Sean Kilpatrick/The Canadian Press)",
        " (Evan Mitsui/CBC News).",
        # glued to the caption's last word, without parentheses, as some pages paste it
        "Justin Tang/The Canadian Press",
        " Fred Lum/The Globe and Mail",
        "Blair Gable/Reuters",
        # an agency's name alone in parentheses, closing the line
        " (CBC)",
        " (The Canadian Press).",
        " (Submitted by Jane Doe)",
    ],
)
def test_quotes_in_a_photo_caption_are_not_speech(quote_nlp: Language, credit: str) -> None:
    caption = f'Protesters hold a sign reading "No more cuts" outside city hall.{credit}'
    quotes = quotes_of(quote_nlp, BODY + caption)
    assert [(q.text, q.type) for q in quotes][1:] == [("No more cuts", "title")]


def test_a_polls_slashed_name_closing_a_line_is_no_credit(quote_nlp: Language) -> None:
    # one capitalised word before the slash: a pollster's pair, not a photographer's name
    text = BODY + 'Voters called the cuts "not fair," according to a new Leger/Postmedia'
    assert spans_of(quote_nlp, text)[1:] == [("not fair,", "partial")]


def test_a_slash_in_parentheses_closing_running_text_is_no_credit(quote_nlp: Language) -> None:
    # lower-case words or a sentence after the slash: no photographer's credit
    for tail in ["(and/or the county)", "(see the report/appendix)"]:
        text = BODY + f'The mayor said the cuts were "not on the table." {tail}'
        assert spans_of(quote_nlp, text)[1:] == [("not on the table.", "partial")]


@pytest.mark.parametrize(
    "line",
    [
        '<tweet author="@mayor">"We will rebuild the bridge" - @mayor</tweet>',
        'Read it <a href="/story">Mayor vows "to rebuild the bridge"</a> here.',
    ],
)
def test_quotes_in_an_embedded_post_or_link_are_not_speech(quote_nlp: Language, line: str) -> None:
    quotes = quotes_of(quote_nlp, BODY + line)
    assert [q.type for q in quotes] == ["direct", "title"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<tweet author="@mayor"/> "We will rebuild," she said.', ("We will rebuild,", "direct")),
        (
            '<a href="/story">The story</a> quotes her: "We will rebuild."',
            ("We will rebuild.", "direct"),
        ),
    ],
)
def test_quotes_after_a_closed_embed_are_speech(
    quote_nlp: Language, line: str, expected: tuple[str, str]
) -> None:
    assert spans_of(quote_nlp, BODY + line)[1:] == [expected]


def test_a_dateline_with_an_agency_is_no_caption(quote_nlp: Language) -> None:
    text = 'Cuts loom.\n\nOTTAWA (Reuters) - The minister said cuts were "not on the table."'
    assert spans_of(quote_nlp, text) == [("not on the table.", "partial")]
    # a short line: the dateline's agency inside the line's last characters is still no credit
    text = 'Cuts loom.\n\n(CBC) The minister said cuts were "off."'
    assert spans_of(quote_nlp, text) == [("off.", "partial")]


def test_the_articles_own_headline_is_not_furniture(quote_nlp: Language) -> None:
    text = 'WATCH: Mayor vows to "fight every day" for transit\n\nThe mayor spoke on Monday.'
    assert spans_of(quote_nlp, text) == [("fight every day", "partial")]


def test_single_marked_line_in_a_double_marked_article_is_a_subhead(quote_nlp: Language) -> None:
    text = BODY + "'A healthy environment.'\n\nThe plant opened in 1998, he said."
    assert why(quote_nlp, text)[1] == ("A healthy environment.", "title", "foreign_marks")
    pulled = BODY + "Workers there call it a \u2018second home\u2019 these days."
    assert why(quote_nlp, pulled)[1] == ("second home", "scare", "foreign_marks")


def test_a_single_marked_sentence_a_speech_cue_follows_is_speech(quote_nlp: Language) -> None:
    # a double-marked article; the aside and the sentence that goes on after its cue are words
    text = (
        BODY
        + '"We start Monday," she added.\n\n'
        + (
            "'I'll tell them anything they want to know,' he said with a grin. "
            "'Just don't ask me to climb those stairs again.'"
        )
    )
    assert spans_of(quote_nlp, text)[2:] == [
        ("I'll tell them anything they want to know,", "direct"),
        ("Just don't ask me to climb those stairs again.", "direct"),
    ]
    # no cue after it, or not a sentence of its own: a term or a subhead, as before
    assert why(quote_nlp, BODY + "'We will rebuild,' the sign read.")[1][1:] == (
        "scare",
        "foreign_marks",
    )
    assert why(quote_nlp, BODY + "They call it a 'second home,' she said.")[1][1:] == (
        "scare",
        "foreign_marks",
    )


def test_single_marks_of_a_single_marked_article_are_speech(quote_nlp: Language) -> None:
    text = (
        "Officials met on Monday.\n\n\u2018We will not back down,\u2019 the mayor said.\n\n"
        "\u2018A healthy environment.\u2019\n\nThe plant opened in 1998."
    )
    assert [q.type for q in quotes_of(quote_nlp, text)] == ["direct", "direct"]


def test_an_unclosed_double_mark_does_not_set_the_house_style(quote_nlp: Language) -> None:
    # one single-marked quotation over two paragraphs, one stray double mark: single is the style
    text = (
        "Talks stalled.\n\nShe said: 'We will build the bridge.\n\n"
        "'We will pay for it ourselves,' she added.\n\nHe said \"this never ends\n\nThey voted."
    )
    assert spans_of(quote_nlp, text) == [
        ("We will build the bridge.\n\n'We will pay for it ourselves,", "direct"),
        ("this never ends", "unclosed"),
    ]


def test_single_marked_headline_quote_stays_speech(quote_nlp: Language) -> None:
    text = "Moreau: \u2018We are going to build it all.\u2019\n\n" + BODY
    assert [(q.text, q.type) for q in quotes_of(quote_nlp, text)][0] == (
        "We are going to build it all.",
        "direct",
    )


def test_a_headline_quote_the_body_repeats_is_the_headlines_echo(quote_nlp: Language) -> None:
    text = (
        "Mayor: \u2018We Will Fix Every Road\u2019\n\n"
        '"We will fix every road, and we start on Monday," the mayor said.'
    )
    quotes = quotes_of(quote_nlp, text)
    assert [(q.start, q.end, q.text, q.type) for q in quotes] == [
        (8, 30, "We Will Fix Every Road", "title"),
        (34, 81, "We will fix every road, and we start on Monday,", "direct"),
    ]
    assert why(quote_nlp, text)[0] == ("We Will Fix Every Road", "title", "headline_echo")
    # a run of half its words, repeated: the headline shortened the body's quotation
    text = 'Mayor vows to "fix every road in town"\n\nHe said he would "fix every road" soon.'
    assert why(quote_nlp, text)[0] == ("fix every road in town", "title", "headline_echo")


def test_a_deck_quote_the_body_repeats_is_an_echo_too(quote_nlp: Language) -> None:
    # the line under the headline, over the byline, is a head line as well
    text = (
        "Ferry hits breakwater in fog, 14 hurt\n\n"
        '"I thought we were going under," says passenger; TSB sends investigators\n\n'
        "By Jane Smith\n\n"
        "A harbour ferry struck the breakwater in heavy fog on Tuesday evening, police said.\n\n"
        '"I thought we were going under. I am not being dramatic," Kwame Asante said.'
    )
    assert why(quote_nlp, text)[0] == ("I thought we were going under,", "title", "headline_echo")


def test_a_headline_quote_the_body_does_not_repeat_stays_speech(quote_nlp: Language) -> None:
    text = 'Mayor vows to "fix every road in town"\n\nThe mayor spoke about town roads on Monday.'
    quotes = quotes_of(quote_nlp, text)
    assert [(q.start, q.end, q.text, q.type) for q in quotes] == [
        (15, 37, "fix every road in town", "partial")
    ]
    # a first line too long for a headline is running text (an article pasted without one)
    first = (
        "The mayor, speaking to a crowd of several hundred residents at the town hall on Monday "
        'night after weeks of angry complaints, promised to "fix every road in town" before winter.'
    )
    text = first + '\n\nShe said she would "fix every road in town" soon.'
    assert [t for _, t in spans_of(quote_nlp, text)] == ["partial", "partial"]
    # the same words in the headline only (a one-line text has no body to repeat them)
    assert spans_of(quote_nlp, 'Mayor vows to "fix every road"') == [("fix every road", "partial")]


def test_one_word_or_small_words_of_a_headline_quote_are_no_echo(quote_nlp: Language) -> None:
    # one word of two comes again ("disaster"): the body does not repeat the quotation
    text = 'Mayor calls budget "a disaster"\n\nThe disaster began in May, when the council met.'
    assert spans_of(quote_nlp, text)[0] == ("a disaster", "partial")
    # a run of small words only ("it is") is no echo of "It is what it is"
    text = 'Minister on tariffs: "It is what it is"\n\nThe minister said it is too early to say.'
    assert spans_of(quote_nlp, text)[0] == ("It is what it is", "direct")
    # a first line quoting like every line after it: "Line" alone is no echo
    text = '"Line 0," he said.\n"Line 1," he said.'
    assert spans_of(quote_nlp, text) == [("Line 0,", "direct"), ("Line 1,", "direct")]
    # a one-word quotation the body gives again is still the echo
    text = 'Trudeau calls tariffs "unacceptable"\n\n"This is unacceptable," Trudeau said.'
    assert why(quote_nlp, text)[0] == ("unacceptable", "title", "headline_echo")


# -- scare quotes and words as words --------------------------------------------------------------


def test_a_list_ends_with_its_paragraph(quote_nlp: Language) -> None:
    # the next paragraph opening with a quotation is no item of a title list before it
    text = (
        'He flew a Beaver he called "Old Grumpy."\n\n'
        '"Dad never thought of himself as brave," said his daughter.'
    )
    assert spans_of(quote_nlp, text) == [
        ("Old Grumpy.", "title"),
        ("Dad never thought of himself as brave,", "direct"),
    ]


def test_a_word_used_as_a_word_is_a_scare_quote(quote_nlp: Language) -> None:
    text = 'Critics say the word "woke" has lost its meaning.'
    assert why(quote_nlp, text) == [("woke", "scare", "term_cue")]


def test_every_item_of_a_list_of_words_is_a_scare_quote(quote_nlp: Language) -> None:
    text = 'The filter flagged words such as "harbour," "levy," "Ottawa" and "cost overrun."'
    assert spans_of(quote_nlp, text) == [
        ("harbour,", "scare"),
        ("levy,", "scare"),
        ("Ottawa", "scare"),
        ("cost overrun.", "scare"),
    ]


def test_words_someone_said_after_the_words_are_speech(quote_nlp: Language) -> None:
    text = 'When Moreau used the words, "I\'m not ready to decide yet," he was quoting Pelletier.'
    assert spans_of(quote_nlp, text) == [("I'm not ready to decide yet,", "direct")]
    text = 'He woke up early. "Woke up early, again," she said.'
    assert spans_of(quote_nlp, text) == [("Woke up early, again,", "direct")]


def test_a_term_someone_used_or_refused_to_say_is_their_words(quote_nlp: Language) -> None:
    text = 'The premier refused to say the words "carbon tax" in the interview.'
    assert why(quote_nlp, text) == [("carbon tax", "partial", "speech")]
    text = 'He defended his use of the term "job killer" on Monday.'
    q = only(quote_nlp, text)
    assert (q.start, q.end, q.text, q.type) == (33, 43, "job killer", "partial")


def test_a_term_nobody_is_said_to_use_stays_a_word_as_a_word(quote_nlp: Language) -> None:
    text = 'The memo banned the phrase "job killer" outright.'
    assert why(quote_nlp, text) == [("job killer", "scare", "term_cue")]
    # "say" reports a claim about the word here, not somebody saying it
    text = 'Critics say the term "job killer" is misleading.'
    assert why(quote_nlp, text) == [("job killer", "scare", "term_cue")]


def test_first_person_words_after_a_term_cue_are_speech_with_either_apostrophe(
    quote_nlp: Language,
) -> None:
    for apostrophe in ("'", "\u2019"):
        text = f"Fans printed the phrase \u201cI{apostrophe}m with her\u201d on shirts."
        assert spans_of(quote_nlp, text) == [(f"I{apostrophe}m with her", "partial")]


def test_a_pronoun_alone_in_quotes_is_a_word_used_as_a_word(quote_nlp: Language) -> None:
    text = 'Would critics say that if "she" were a "he"? A rich, famous "he." Never.'
    assert why(quote_nlp, text) == [
        ("she", "scare", "pronoun_word"),
        ("he", "scare", "pronoun_word"),
        ("he.", "scare", "pronoun_word"),
    ]


def test_a_pronoun_inside_a_longer_quote_or_another_single_word_is_still_speech(
    quote_nlp: Language,
) -> None:
    text = 'He said "we will win" and that "everyone" follows him.'
    assert spans_of(quote_nlp, text) == [("we will win", "partial"), ("everyone", "partial")]
    assert spans_of(quote_nlp, '"No," she said.') == [("No,", "direct")]


def test_a_short_label_under_a_verb_of_thinking_is_a_scare_quote(quote_nlp: Language) -> None:
    text = 'Burton thinks that cats are "cuties".'
    assert why(quote_nlp, text) == [("cuties", "scare", "thinking_label")]


def test_a_label_under_a_speech_verb_is_speech(quote_nlp: Language) -> None:
    assert spans_of(quote_nlp, 'Trump called him a "loser" at the rally.') == [("loser", "partial")]
    assert spans_of(quote_nlp, 'Burton thinks, she said, that cats are "cuties".') == [
        ("cuties", "partial")
    ]


def test_so_called_and_nicknames_are_not_speech(quote_nlp: Language) -> None:
    text = 'He attacked so-called "sanctuary cities" and Rep. Daniel P. "Danny" Walsh replied.'
    assert spans_of(quote_nlp, text) == [("sanctuary cities", "scare"), ("Danny", "title")]


def test_label_of_an_event_modifying_a_noun_is_not_speech(quote_nlp: Language) -> None:
    text = 'Staff went to all the "Super Tuesday" primaries and the "sideshow" forum.'
    assert spans_of(quote_nlp, text) == [("Super Tuesday", "title"), ("sideshow", "scare")]


# -- titles ---------------------------------------------------------------------------------------


def test_title_after_a_title_noun_and_a_copula(quote_nlp: Language) -> None:
    text = 'His favorite book is "One Hundred Years of Solitude" and he rereads it.'
    assert why(quote_nlp, text) == [("One Hundred Years of Solitude", "title", "title_cue")]


@pytest.mark.parametrize("verb", ["may be", "has been", "would have been", "was"])
def test_title_after_a_title_noun_and_a_copula_with_auxiliaries(
    quote_nlp: Language, verb: str
) -> None:
    text = f'His favourite book {verb} "The Wealth of Nations," but he never finished it.'
    assert why(quote_nlp, text) == [("The Wealth of Nations,", "title", "title_cue")]


def test_auxiliaries_without_a_title_noun_before_them_are_speech(quote_nlp: Language) -> None:
    text = 'The problem may be "Too Big To Fix," the mayor said.'
    assert [t for _, t in spans_of(quote_nlp, text)] == ["direct"]


def test_a_copula_without_a_title_noun_is_speech(quote_nlp: Language) -> None:
    text = 'The problem is "Too Big To Fix," the mayor said.'
    assert [t for _, t in spans_of(quote_nlp, text)] == ["direct"]


def test_film_and_show_titles(quote_nlp: Language) -> None:
    text = 'She starred in "Harbour Lights" and appeared on "Morning Report" twice.'
    assert spans_of(quote_nlp, text) == [
        ("Harbour Lights", "title"),
        ("Morning Report", "title"),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a record set off after the noun that names it (a band's debut, a single)
        (
            'The band leans harder on guitars than their 2020 debut, "Kettle and Compass." Some '
            'fans have complained online that the group has gone "too arena."',
            "Kettle and Compass.",
        ),
        ('Their new single, "Salt Roads," is out Friday, she said.', "Salt Roads,"),
    ],
)
def test_a_record_named_after_its_noun_is_a_title(
    quote_nlp: Language, text: str, title: str
) -> None:
    assert spans_of(quote_nlp, text)[0] == (title, "title")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # an event's name before its head noun, in a sentence that reports speech
        ('At the "Freedom Convoy" protest, organizers said they would stay.', "Freedom Convoy"),
        ('Speaking at the "Hold the Line" rally, Smith said talks were over.', "Hold the Line"),
        # a programme someone spoke on
        ('Speaking on "Power & Politics," Freeland said the deal was close.', "Power & Politics,"),
    ],
)
def test_an_event_or_a_programme_named_beside_speech_is_a_title(
    quote_nlp: Language, text: str, title: str
) -> None:
    assert spans_of(quote_nlp, text) == [(title, "title")]


def test_every_title_of_a_list_after_a_title_cue(quote_nlp: Language) -> None:
    text = 'He named the shows "Northern Rescue," "Hill Street Court" and "Maple" as favorites.'
    assert [t for _, t in spans_of(quote_nlp, text)] == ["title", "title", "title"]


def test_a_named_bill_is_a_title(quote_nlp: Language) -> None:
    text = 'The senators backed the "Dream Act" in 2010.'
    assert why(quote_nlp, text) == [("Dream Act", "title", "named_law")]


def test_a_title_followed_by_its_author(quote_nlp: Language) -> None:
    text = 'One winter, according to "Quiet Ledger" by Martin Keller, she moved abroad.'
    assert why(quote_nlp, text) == [("Quiet Ledger", "title", "by_author")]
    newsletter = 'CLOSING\u2014"The Blue Lantern to shut in March," by Times\' Nora Quinlan.'
    assert why(quote_nlp, newsletter) == [
        ("The Blue Lantern to shut in March,", "title", "by_author")
    ]
    # a headline that opens with a quote of its own
    quoted = "READS\u2014\"'Harbour Lights' star turned down a sequel,\" by the Post's Lena Ortiz."
    assert why(quote_nlp, quoted)[0] == (
        "'Harbour Lights' star turned down a sequel,",
        "title",
        "by_author",
    )


def test_a_passive_agent_after_a_fragment_is_no_author(quote_nlp: Language) -> None:
    text = 'He had been "rocked" by Mr. Christie, the paper said.'
    assert spans_of(quote_nlp, text) == [("rocked", "partial")]


def test_title_case_speech_is_not_a_title(quote_nlp: Language) -> None:
    text = '"We Will Win This Election," Trump said on Monday.'
    assert spans_of(quote_nlp, text) == [("We Will Win This Election,", "direct")]


# -- unclosed marks -------------------------------------------------------------------------------


def test_an_unclosed_double_mark_is_typed_unclosed_and_not_speech(quote_nlp: Language) -> None:
    text = 'She said "this never ends\n\nThe next paragraph has "its own" quote.'
    quotes = quotes_of(quote_nlp, text)
    assert [(q.text, q.type, q.close_mark) for q in quotes] == [
        ("this never ends", "unclosed", None),
        ("its own", "partial", '"'),
    ]
    assert not quotes[0].is_speech


def test_an_unclosed_single_mark_is_no_passage(quote_nlp: Language) -> None:
    assert quotes_of(quote_nlp, "He said \u2018this never ends\n\nThe next one.") == []


@pytest.mark.parametrize(
    ("opening", "closing"), [('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("'", "'")]
)
def test_a_quote_reopened_at_each_paragraph_is_one_quote(
    quote_nlp: Language, opening: str, closing: str
) -> None:
    text = (
        f"He said:\n\n{opening}First part of it.\n\n{opening}Second part of it.\n\n"
        f"{opening}Third part,{closing} he added."
    )
    quotes = quotes_of(quote_nlp, text)
    assert len(quotes) == 1 and quotes[0].type == "direct"
    assert [s.text for s in quotes[0].segments] == [
        "First part of it.",
        "Second part of it.",
        "Third part,",
    ]


def test_unclosed_passages_stay_unclosed_without_classification() -> None:
    quotes = find_quotes('He said "no end\n\nNext.')
    assert [(q.text, q.type) for q in quotes] == [("no end", "unclosed")]


# -- with the parse (full model) ------------------------------------------------------------------


def test_thinking_verb_governing_a_short_label_in_the_parse(nlp: Language) -> None:
    assert spans_of(nlp, 'Burton thinks that cats are "cuties".') == [("cuties", "scare")]
    assert spans_of(nlp, 'Many voters now regard him as a "uniter" in the race.') == [
        ("uniter", "scare")
    ]


def test_speech_verbs_and_whole_quotes_stay_speech_in_the_parse(nlp: Language) -> None:
    assert spans_of(nlp, 'Trump called him a "loser" at the rally.') == [("loser", "partial")]
    assert spans_of(nlp, '"We won," he thinks.') == [("We won,", "direct")]
    assert spans_of(nlp, 'She thinks the plan will "hurt working families in every city".') == [
        ("hurt working families in every city", "partial")
    ]


def test_furniture_and_unclosed_with_the_full_pipeline(nlp: Language) -> None:
    text = (
        'Officials met.\n\n"We will not back down," the mayor said.\n\n'
        'READ MORE: Premier calls budget "a disaster"\n\nShe said "this never ends'
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.type) for q in quotes] == [
        ("We will not back down,", "direct"),
        ("a disaster", "title"),
        ("this never ends", "unclosed"),
    ]
    doc = nlp(text)
    attributed = [span._.attribution for span in doc.spans["quotes"]]
    assert attributed[0] is not None and attributed[1:] == [None, None]


def test_a_credit_word_inside_running_text_is_no_caption(quote_nlp: Language) -> None:
    text = (
        BODY + "After the storm the mayor handed out thanks and, giving credit: to the "
        '"volunteers who never stopped," she said, working through the long weekend.'
    )
    assert [t for _, t in spans_of(quote_nlp, text)] == ["direct", "partial"]


def test_a_lower_case_fragment_before_a_passive_agent_is_no_title(quote_nlp: Language) -> None:
    text = 'He said the "rudeness of remarks, mostly unprovoked," by Keller hurt them.'
    assert spans_of(quote_nlp, text) == [("rudeness of remarks, mostly unprovoked,", "partial")]


def test_a_term_a_colon_defines_at_a_lines_start_is_no_quotation(quote_nlp: Language) -> None:
    text = BODY + 'Key terms\n\n"Sunset clause": the five-year limit on an override.'
    assert why(quote_nlp, text)[1] == ("Sunset clause", "scare", "defined_term")
    # a sentence in quotes before a colon, or a term inside running text: not a definition
    text = BODY + '"We will win.": that was the message.'
    assert why(quote_nlp, text)[1] == ("We will win.", "direct", "speech")
    text = BODY + 'He called it "agenda capture": to be seen as the owner of a cause.'
    assert why(quote_nlp, text)[1] == ("agenda capture", "partial", "speech")


def test_quoted_words_a_copula_defines_are_a_term_or_a_title(quote_nlp: Language) -> None:
    text = BODY + '"Level four" is the strictest tier of the alert system.'
    assert why(quote_nlp, text)[1] == ("Level four", "scare", "defined_subject")
    text = BODY + '"The Night Harbour" is a CBC drama about a fishing town.'
    assert why(quote_nlp, text)[1] == ("The Night Harbour", "title", "defined_subject")
    text = BODY + 'Viewers like the classics. "Friends" is a hit on Netflix.'
    assert why(quote_nlp, text)[1] == ("Friends", "title", "defined_subject")
    # a quotation that ends in its own punctuation, or a copula with no article after it
    text = BODY + '"We are ready," is what she said.'
    assert why(quote_nlp, text)[1] == ("We are ready,", "direct", "speech")
    text = BODY + '"Road safety groups" are "not out to ban cars," he said.'
    assert why(quote_nlp, text)[1] == ("Road safety groups", "direct", "speech")
