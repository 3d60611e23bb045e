"""Which lines of a pasted page are furniture: labelled lines, and the headlines a bare label
lists. Pure functions over strings, on texts of our own."""

from __future__ import annotations

import spacy

from app.pipeline.furniture import (
    MAX_LIST_LINES,
    doc_furniture_lines,
    furniture_lines,
    is_bare_label,
    is_byline,
    is_furniture_line,
    is_time_stamp,
    within,
)

LABELS = frozenset({"read more", "related stories", "trending now", "watch", "advertisement"})


def lines_of(text: str, extra: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The furniture lines of `text` under `LABELS` and the `extra` labels."""
    return [text[a:b] for a, b in furniture_lines(text, LABELS | extra)]


def test_a_labelled_line_is_furniture_and_lists_nothing() -> None:
    text = "READ MORE: Mayor says bridge will open\nCouncil votes on Monday\nThe vote was close."
    assert lines_of(text) == ["READ MORE: Mayor says bridge will open"]


def test_a_bare_label_lists_the_headlines_after_it_up_to_a_paragraph() -> None:
    text = (
        "The council met on Monday.\n\nRELATED STORIES\n\n"
        'Mayor says bridge will "open in May"\n\nUnion vows to fight cuts\n\n'
        "The vote was close, and the mayor left early.\n\nBudget talks resume"
    )
    assert lines_of(text) == [
        "RELATED STORIES",
        'Mayor says bridge will "open in May"',
        "Union vows to fight cuts",
    ]


def test_a_bare_label_lists_at_most_max_list_lines() -> None:
    heads = [f"Headline number {k}" for k in range(MAX_LIST_LINES + 3)]
    text = "Trending now:\n" + "\n".join(heads)
    assert lines_of(text) == ["Trending now:", *heads[:MAX_LIST_LINES]]


def test_label_words_inside_a_sentence_are_no_label() -> None:
    assert not is_bare_label("Related stories ran all week.", LABELS)
    assert not is_furniture_line("Watch what happens next, she said.", LABELS)
    assert is_bare_label("  Related Stories: ", LABELS)
    assert lines_of("Watch what happens next, she said.\nShort line") == []


def test_within_sorted_ranges() -> None:
    ranges = [(0, 5), (10, 20)]
    # ends are exclusive; the gap between ranges is outside
    assert [c for c in (0, 4, 5, 9, 10, 19, 20) if within(ranges, c)] == [0, 4, 10, 19]
    assert not within([], 3)


def test_a_videos_running_time_takes_its_title_and_description_along() -> None:
    text = (
        "The council met on Monday.\n\nWATCH | Mayor defends the budget:\n\n"
        "Mayor defends budget\n\nDuration 2:14\n\n"
        "The mayor says the cuts will not touch transit.\n\n"
        "The vote was close.\n\nClick to play video: 'Union vows to fight'\n\n2:01\n\n"
        "Union vows to fight\n\nThe union met later.\n\nWATCH | Mayor on transit:\n\n"
        "Mayor says transit is safe\n\n2 days ago\n\nDuration 1:45\n\nThe mayor spoke Monday."
        "\n\nThe council adjourned."
    )
    assert lines_of(text) == [
        "WATCH | Mayor defends the budget:",
        "Mayor defends budget",
        "Duration 2:14",
        "The mayor says the cuts will not touch transit.",
        "Click to play video: 'Union vows to fight'",  # the player's label, even unlisted
        "2:01",
        "Union vows to fight",
        "WATCH | Mayor on transit:",
        "Mayor says transit is safe",  # the title, above the video's age
        "2 days ago",
        "Duration 1:45",
        "The mayor spoke Monday.",
    ]


def test_a_running_time_over_the_storys_dateline_leaves_the_story_alone() -> None:
    # an audio player's label and running time over the first paragraph of a wire story
    text = (
        "Inflation rises to 2.6%\n\nListen to this article\n\n00:04:12\n\n"
        "OTTAWA — Canada's annual inflation rate rose to 2.6 per cent in October, Statistics "
        "Canada said Tuesday.\n\nHALIFAX, N.S. -- Prices rose too.\n\n2:01\n\n"
        "ST. JOHN'S, N.L. \u2015 Rents rose.\n\n1:12\n\n"
        "REGINA (The Canadian Press) \u2014 Wages rose.\n"
    )
    assert lines_of(text) == [
        "Listen to this article",
        "00:04:12",
        "HALIFAX, N.S. -- Prices rose too.",  # (the title above a running time)
        "2:01",
        "ST. JOHN'S, N.L. \u2015 Rents rose.",
        "1:12",
    ]


def test_a_line_repeating_the_furniture_line_above_it_is_its_caption() -> None:
    text = (
        "WATCH: 'Union vows to fight the cuts'\n\nUnion vows to fight the cuts\n\n"
        "Union vows to fight the cuts, its leader said on Monday."
    )
    assert lines_of(text) == [
        "WATCH: 'Union vows to fight the cuts'",
        "Union vows to fight the cuts",
    ]


def test_an_advertisements_slot_heads_no_list() -> None:
    text = "The council met.\n\nAdvertisement\n\n\u201cWhere is the money?\u201d\n\nShe left."
    assert lines_of(text) == ["Advertisement"]


def test_an_advertisements_notice_between_paragraphs_heads_no_list() -> None:
    extra = {
        "story continues below advertisement",
        "article continues below",
        "continue reading the main story",
    }
    text = (
        "The council met.\n\nStory continues below advertisement\n\n\u201cWhere is it?\u201d"
        "\n\nArticle continues below\n\nShe left.\n\nThe story continues below the fold."
        "\n\nContinue reading the main story\n\nHe stayed."
    )
    assert lines_of(text, extra) == [
        "Story continues below advertisement",
        "Article continues below",
        "Continue reading the main story",
    ]


def test_a_byline_and_a_time_stamp_are_furniture_with_the_author_lines_above_it() -> None:
    text = (
        "Council delays the vote\n\nBy Jane Smith Global News\nPosted March 3, 2021 4:00 pm\n\n"
        "The council met.\n\nTom Baker\nReporter, City News\n\nPublished Wednesday, March 3, 2021"
        "\n\nBy then, the vote was over.\n\nUpdated rules take effect in May, she said."
    )
    assert lines_of(text) == [
        "By Jane Smith Global News",
        "Posted March 3, 2021 4:00 pm",
        "Tom Baker",
        "Reporter, City News",
        "Published Wednesday, March 3, 2021",
    ]


def test_bylines_and_time_stamps_and_what_only_looks_like_them() -> None:
    assert is_byline("By JANE SMITH and John Doe, The Canadian Press")
    assert not is_byline("By 61%-29%, the members polled voted no.")
    assert not is_byline("By Monday the vote was over")
    assert is_time_stamp("Jane Smith \u00b7 CBC News \u00b7 Posted: Mar 03, 2021 4:00 AM ET")
    assert is_time_stamp("Last updated: Sept. 4, 2020")
    assert not is_time_stamp("The bill was posted 3 times.")
    assert not is_time_stamp("Published Marvel comics since 1961.")
    assert not is_time_stamp("Posted 12 times on Facebook, the video drew 3 million views.")
    assert is_time_stamp("Updated 2 hours ago")


def test_a_pages_own_tools_are_furniture_and_list_nothing() -> None:
    extra = {"article content", "report an error in this article", "share this story"}
    text = (
        "Report an error on Monday\n\nArticle content\n\nThe council met.\n\nArticle content"
        "\n\n\u201cWhere is the money?\u201d\n\nShare this story\n\nReport an error in this article"
    )
    assert lines_of(text, extra) == [
        "Article content",
        "Article content",
        "Share this story",
        "Report an error in this article",
    ]


def test_an_open_label_is_a_links_own_words_and_heads_no_list() -> None:
    text = (
        'Read the full analysis: "Who pays the tax?"\n\nWatch the ad below:\n\nShe left early'
        "\n\nRead what the mayor told the council about the bridge on Monday: it is late."
        "\n\nReading the report: it is late."
    )
    assert lines_of(text, {"read *", "watch *"}) == [
        'Read the full analysis: "Who pays the tax?"',
        "Watch the ad below:",
    ]


def test_a_docs_furniture_lines_are_found_once_and_kept() -> None:
    text = "The council met.\n\nRELATED STORIES\n\nMayor vows to fight\n\nThe vote was close."
    doc = spacy.blank("en")(text)
    assert doc_furniture_lines(doc, LABELS) == furniture_lines(text, LABELS)
    kept = dict(doc.user_data)
    # one entry for this set of labels, as plain lists (beside the doc's joined text)
    entries = [v for k, v in kept.items() if k.startswith("quotes.furniture")]
    assert entries == [[[18, 33], [35, 54]]]
    assert doc_furniture_lines(doc, LABELS) == [(18, 33), (35, 54)]
    assert doc.user_data == kept


def test_a_bare_labels_list_holds_items_a_name_and_a_colon_open() -> None:
    """A sports recap's `UP NEXT` list: `Team: Sentence.` items end with a full stop, yet they
    are the list's, not the story's (whose paragraph after them ends the list)."""
    text = (
        "The Leafs won 3-2.\n\nUP NEXT\n\nCanadiens: Host the Boston Bruins on Tuesday.\n\n"
        "Maple Leafs: Visit the Ottawa Senators on Thursday.\n\n"
        "Fans said it was the best game of the year, and many stayed late."
    )
    assert lines_of(text, {"up next"}) == [
        "UP NEXT",
        "Canadiens: Host the Boston Bruins on Tuesday.",
        "Maple Leafs: Visit the Ottawa Senators on Thursday.",
    ]
    # outside a list, such a line is the story's (a transcript's `Trump: We will win.`)
    assert lines_of("The Leafs won.\n\nCanadiens: Host the Bruins on Tuesday.", {"up next"}) == []


def test_a_list_label_naming_its_site_is_the_label() -> None:
    # `Trending on TSN`: the label with the site it lists from; a sentence that only starts
    # like one is no label
    text = (
        "The season is over.\n\nTrending on TSN\n\nRaptors' coach says team is 'not far off'\n\n"
        "Leafs recall defenceman from Marlies\n\nThe coach talked about the season at length."
    )
    assert lines_of(text, {"trending"}) == [
        "Trending on TSN",
        "Raptors' coach says team is 'not far off'",
        "Leafs recall defenceman from Marlies",
    ]
    assert lines_of("Trending stocks fell on Monday in Toronto.", {"trending"}) == []
    assert is_bare_label("Most popular in Canada", LABELS | {"most popular"})
    assert not is_bare_label("Most popular in the western suburbs of Regina", {"most popular"})
