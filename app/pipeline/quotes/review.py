"""The `quote_reviewer` component: a quoted fragment that nobody says is not a quotation.

It runs after the speaker components, because its evidence is theirs: a passage typed speech
(direct or partial) to which the attributor tied neither a speaker mention nor a cue, that holds
no finite verb, and whose sentence has no word of saying, is a term in quotes (`The "patchwork" of
the county rules has been a sticking point`, `But a "booster club" backing her may start`), not
someone's words. So is a single capitalised word to which the attributor tied no cue and that ends
no sentence (`"Neutrality" has been Swiss policy`, `a runoff with Robert "Bobby" Dale`): a name
or a term, where a one-word answer (`"No."`, `"Yesss!"`) ends its sentence. Either is retyped
scare (title when its words are capitalised, as a name's are) and its attribution dropped. The
article's first line is left alone: headlines are typed by the finder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.lexicon import LexiconSource, entries
from app.pipeline.pipes import DataPipe
from app.pipeline.quotes.features import SENTENCE_START_AFTER, closing_char, is_title_case
from app.pipeline.quotes.scan import ALL_MARKS
from app.pipeline.syntax import FINITE_TAGS
from app.pipeline.text import SENTENCE_END, doc_text, iter_paragraph_ranges
from app.pipeline.types import QUOTATION_TYPES, Attribution, Quote, QuoteType


@Language.factory(
    "quote_reviewer",
    assigns=["span._.quote", "span._.attribution"],
    requires=["span._.quote", "span._.attribution"],
    default_config={"spans_key": QUOTES_KEY},
)
def make_quote_reviewer(nlp: Language, name: str, *, spans_key: str) -> QuoteReviewer:
    """Build the component that retypes the quoted fragments nobody says."""
    return QuoteReviewer(nlp.vocab, name, spans_key=spans_key)


def unspoken(
    span: Span,
    quote: Quote,
    attribution: Attribution | None,
    speech_cues: frozenset[str],
    text: str,
) -> bool:
    """`span` (a quote's tokens) has no speaker mention or cue, no finite verb, and no word of
    saying in its sentence outside it: nobody says it. A whole sentence in quotes (`"No."`, an
    answer) is left as speech. `text`: the doc's text (built once a doc)."""
    if attribution is not None and (attribution.mention is not None or attribution.cue is not None):
        return False
    if ends_sentence(quote) and starts_sentence(text, quote):
        return False
    if not span.doc.has_annotation("TAG") or any(t.tag_ in FINITE_TAGS for t in span):
        return False
    sentence = span[0].sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    outside = [t for t in sentence if not span.start <= t.i < span.end]
    return not any(t.lower_ in speech_cues for t in outside)


def ends_sentence(quote: Quote) -> bool:
    return closing_char(quote.text) in SENTENCE_END


def starts_sentence(text: str, quote: Quote) -> bool:
    """Only quote marks and blanks lie between the quote and a sentence end, a colon or dash, or
    its line's start."""
    k = quote.start - 1
    while k >= 0 and (text[k] in ALL_MARKS or text[k] in " \t\u00a0"):
        k -= 1
    return k < 0 or text[k] == "\n" or text[k] in SENTENCE_START_AFTER


def lone_word(quote: Quote, attribution: Attribution | None) -> bool:
    """`quote` is one capitalised word that ends no sentence, with no cue: a name or a term."""
    if attribution is not None and attribution.cue is not None:
        return False
    content = quote.text.split()
    return len(content) == 1 and content[0][:1].isupper() and not ends_sentence(quote)


def term_type(quote: Quote) -> QuoteType:
    """title for a name of several capitalised words ("Comeback City"), scare otherwise (one
    capitalised word may only start its sentence)."""
    found = [w for w in quote.text.split() if w[:1].isalpha()]
    return "title" if len(found) > 1 and is_title_case(found) else "scare"


class QuoteReviewer(DataPipe):
    """Retypes the direct/partial quotes that nobody says (scare or title, attribution None)."""

    data_file = "review.json"

    def __init__(self, vocab: Any, name: str = "quote_reviewer", *, spans_key: str = QUOTES_KEY):
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.speech_cues: frozenset[str] = frozenset()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        speech_cues: LexiconSource = (),
    ) -> None:
        """Load the word forms of saying (models/quote_speech_cues.txt, as the finder reads)."""
        self.speech_cues = frozenset(w.lower() for w in entries(speech_cues))

    def find(self, doc: Doc) -> list[Span]:
        if self.spans_key not in doc.spans or not len(doc):
            return []
        text = doc_text(doc)
        headline_end = next((end for _, end in iter_paragraph_ranges(text)), 0)
        found = []
        for span in doc.spans[self.spans_key]:
            ext = span._  # (one accessor per span: `span._` is built anew on every access)
            quote: Quote | None = ext.quote
            if quote is None or quote.type not in QUOTATION_TYPES or quote.start < headline_end:
                continue
            attribution = ext.attribution
            if unspoken(span, quote, attribution, self.speech_cues, text) or lone_word(
                quote, attribution
            ):
                found.append(span)
        return found

    def set_annotations(self, doc: Doc, found: list[Span]) -> None:
        for span in found:
            span._.quote = replace(span._.quote, type=term_type(span._.quote))
            span._.attribution = None

    def to_json(self) -> dict[str, Any]:
        return {"speech_cues": sorted(self.speech_cues)}

    def load_json(self, data: dict[str, Any]) -> None:
        self.speech_cues = frozenset(data.get("speech_cues", ()))
