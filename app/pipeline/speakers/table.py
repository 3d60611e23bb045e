"""The layout table: every attribution layout declared once, and the priority of layouts per
quote shape.

A layout is a way an article ties a quote to its speaker. Each entry gives its name, the
confidence prior of an attribution found that way, whether the speaker's mention is written at
this quote (`local`; otherwise it is borrowed from another quote), an example, and its finder
(a function of the quote's context, in `layouts/`; fixed-shape cues are spaCy patterns under
`models/patterns/`). Everything else — the set of local layouts, the priors the resolver reads,
the README's table — is derived from `LAYOUTS`. Adding a layout is one finder, one entry here
(and its name in a priority list) and one test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from app.pipeline.speakers.context import QuoteContext
from app.pipeline.speakers.layouts import (
    after,
    before,
    continued,
    exchange,
    framed,
    governing,
    reported,
    words_of,
)
from app.pipeline.types import SpeakerCandidate

Finder = Callable[[QuoteContext], SpeakerCandidate | None]


@dataclass(frozen=True, slots=True)
class Layout:
    """One attribution layout."""

    name: str
    prior: float  # confidence prior of an attribution found this way
    local: bool  # the mention is written at this quote (not borrowed from another quote)
    example: str
    finder: Finder

    def find(self, q: QuoteContext) -> SpeakerCandidate | None:
        """The finder's candidate, stamped with this layout."""
        found = self.finder(q)
        if found is None:
            return None
        return replace(found, layout=self.name, prior=self.prior, local=self.local)


LAYOUTS: tuple[Layout, ...] = (
    Layout("after", 0.9, True, '"We will fight," Garcetti said.', after.after),
    Layout(
        "signature_below",
        0.8,
        True,
        '"We will look at every option." ¶ - Dana Whitfield.',
        after.signature_below,
    ),
    Layout(
        "framed_below",
        0.7,
        True,
        '"We fill the bags." ¶ That\'s how Gil Roy, 71, put it.',
        framed.framed_below,
    ),
    Layout(
        "governing",
        0.85,
        True,
        'Clinton called them "deplorables." / Trump\'s claim that "it was rigged"',
        governing.governing,
    ),
    Layout(
        "governing_adjunct",
        0.85,
        True,
        'In a clip that Judge Ann Lee called "distasteful," Smith spoke of guns.',
        governing.governing_adjunct,
    ),
    Layout("before", 0.8, True, 'Sessions said: "They make our nation less safe."', before.before),
    Layout("according_to", 0.85, True, 'According to Lee, "it is over."', before.according_to),
    Layout("colon", 0.7, True, 'Sen. Jane Doe: "We will win."', before.colon),
    Layout(
        "words_of",
        0.85,
        True,
        'The plan was, in the words of one aide, "dead on arrival." / "Q," in Lee\'s view.',
        words_of.words_of,
    ),
    Layout("after_late", 0.6, True, '"We won." That was all, Lee said later.', after.after_late),
    Layout(
        "after_plain",
        0.6,
        True,
        '"Where is the money going?" Helen Park pressed.',
        after.after_plain,
    ),
    Layout(
        "after_words",
        0.5,
        True,
        '"Whose money is it?" the editorial read.',
        after.after_words,
    ),
    Layout("verb", 0.5, True, 'Lee wants to "fight back."', governing.verb),
    Layout(
        "sentence_cue",
        0.85,
        True,
        'Warren said "no" twice; the new plan is a "mess."',
        governing.sentence_cue,
    ),
    Layout(
        "introduced",
        0.6,
        True,
        'When Brooks criticized the budget, Baker shot back, "I balanced it twice and I will '
        'balance it again."',
        before.introduced,
    ),
    Layout(
        "answer",
        0.6,
        False,
        '"I checked twice," Ray said. ¶ "Did you open the door?" Lee asked. ¶ "No. I looked '
        'through the window." (a quote-only paragraph: the person asked)',
        exchange.answer,
    ),
    Layout(
        "shared",
        0.7,
        False,
        '"We won," Lee said. The crowd cheered. "It was close."',
        continued.shared,
    ),
    Layout("previous", 0.5, True, 'Baker was blunt. "The budget is balanced."', continued.previous),
    Layout(
        "paragraph",
        0.6,
        False,
        '"We won," Lee said. "It was close," she added. ¶ "Very close." (a quote-only paragraph)',
        continued.paragraph,
    ),
    Layout(
        "previous_across",
        0.5,
        True,
        'Smith praised the plan. ¶ "It works." (a quote-only paragraph)',
        continued.previous_across,
    ),
    Layout(
        "misread_subject",
        0.6,
        True,
        "At a rally in Ohio, Trump accused Kasich, the state's governor, of being \"far too "
        'soft" on trade.',
        continued.misread_subject,
    ),
    Layout(
        "sentence_subject",
        0.3,
        True,
        'She was, in a word, "unhinged."',
        continued.sentence_subject,
    ),
    Layout(
        "sentence_name",
        0.3,
        True,
        'Mayor Ann Brooks, who won easily in March, named "Fargo," "The Wire" and "Cheers" '
        "as her favorite shows.",
        continued.sentence_name,
    ),
)

REPORTED_LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "reported",
        0.8,
        True,
        "Lee said the plan was dead. / The plan is dead, according to Lee.",
        reported.reported,
    ),
    Layout(
        "reported_fragment",
        0.8,
        True,
        'Lee said the plan was "dead on arrival."',
        reported.fragment,
    ),
)
LAYOUTS = LAYOUTS + REPORTED_LAYOUTS

BY_NAME: Mapping[str, Layout] = {layout.name: layout for layout in LAYOUTS}
# Layouts whose mention was written at this quote (the others borrow an earlier quote's).
LOCAL_LAYOUTS: frozenset[str] = frozenset(layout.name for layout in LAYOUTS if layout.local)
# Confidence prior of each layout.
LAYOUT_PRIORS: Mapping[str, float] = {layout.name: layout.prior for layout in LAYOUTS}

# Which layouts are tried, in order, for each shape of quote (the first that finds a speaker
# wins). A partial quote sits inside reported speech, so the clause that governs it comes first.
PRIORITY: Mapping[str, tuple[str, ...]] = {
    # `X cannot say that "Q," Y added`: a fragment that the sentence goes on after
    "partial_unfinished": (
        "words_of",
        "reported_fragment",
        "governing_adjunct",
        "after",
        "governing",
        "before",
        "according_to",
        "colon",
        "verb",
        "after_late",
    ),
    "partial": (
        "words_of",
        "reported_fragment",
        "governing",
        "before",
        "according_to",
        "colon",
        "after",
        "verb",
        "after_late",
    ),
    # `X said, "Q." The next sentence ...`: a finished quote right after its cue
    "direct_after_cue": (
        "before",
        "according_to",
        "colon",
        "words_of",
        "after",
        "signature_below",
        "governing",
        "after_late",
        "verb",
        "after_plain",
        "after_words",
    ),
    "direct": (
        "after",
        "signature_below",
        "governing",
        "before",
        "according_to",
        "colon",
        "words_of",
        "after_late",
        "verb",
        "after_plain",
        "after_words",
    ),
    # a plain verb's common-noun or pronoun subject (`X said the city embodied the "Q"`) is
    # rarely the source: the sentence's named speaker or the previous quote's speaker is
    "weak_verb": (
        "sentence_cue",
        "shared",
        "previous",
        "previous_across",
        "paragraph",
        "sentence_subject",
    ),
    # `Hale said Tuesday that Pratt was "a lightweight" while Ruiz is "a lost cause"`: the
    # sentence's named speaker, not the named subject of the plain verb
    "named_verb": ("sentence_cue",),
    # reported speech: the source at the cue that reports it, and nothing else
    "indirect": ("reported",),
    # the mention found names no one (`Quinn said the move was forced by X and said, "Q"`):
    # the sentence's named cue, or its named subject, or a name in it
    "no_speaker": ("sentence_cue", "misread_subject", "sentence_subject", "sentence_name"),
    # no attribution written at the quote
    "unattributed": (
        "framed_below",
        "misread_subject",
        "introduced",
        "answer",
        "shared",
        "previous",
        "previous_across",
        "paragraph",
        "sentence_subject",
        "sentence_name",
    ),
}


def first_found(q: QuoteContext, shape: str) -> SpeakerCandidate | None:
    """The first candidate the layouts of `shape` find, in priority order."""
    for name in PRIORITY[shape]:
        found = BY_NAME[name].find(q)
        if found is not None:
            return found
    return None


def _check_table() -> None:
    """Every name in a priority list is a declared layout; names are unique."""
    if len(BY_NAME) != len(LAYOUTS):
        raise ValueError("layout names must be unique")
    for shape, names in PRIORITY.items():
        unknown = [n for n in names if n not in BY_NAME]
        if unknown:
            raise ValueError(f"priority {shape!r} names unknown layouts: {unknown}")


_check_table()


def markdown_table() -> str:
    """The layout table as Markdown (the README's contributor section shows it; a test keeps the
    two equal): each layout, its prior, whether its mention is written at the quote, the quote
    shapes that try it, and its example."""
    shapes = {
        layout.name: [shape for shape, names in PRIORITY.items() if layout.name in names]
        for layout in LAYOUTS
    }
    rows = [
        "| layout | prior | mention at the quote | tried for | example |",
        "| --- | --- | --- | --- | --- |",
    ]
    for layout in LAYOUTS:
        example = layout.example.replace("|", "\\|")
        rows.append(
            f"| `{layout.name}` | {layout.prior} | {'yes' if layout.local else 'no (borrowed)'} "
            f"| {', '.join(shapes[layout.name])} | {example} |"
        )
    return "\n".join(rows)
