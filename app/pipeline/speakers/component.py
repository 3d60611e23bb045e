"""The `speaker_attributor` component: for every speech quote, the speaker mention and the cue.

For each quote in `doc.spans[spans_key]` it finds the words that name its source at that place
("Sessions", "he", "the White House", "a spokesman") and the speech cue ("said", "according to",
":"), trying the layouts of the quote's shape in the priority order of the layout table
(`table.py`). It sets `span._.speaker_candidate` and a provisional `span._.attribution`; the
`speaker_resolver` then ties each mention to an entity and rewrites the attribution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.training import Example

from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.lexicon import LexiconSource, entries, read_table
from app.pipeline.pipes import DataPipe
from app.pipeline.sources import noun_names_source
from app.pipeline.speakers import candidate as candidates
from app.pipeline.speakers.apposed import name_before_role
from app.pipeline.speakers.context import AttributorSettings, DocIndex, QuoteContext, is_mark
from app.pipeline.speakers.cues import CueLexicon, according_to_source
from app.pipeline.speakers.layouts.after import according_later, unfinished
from app.pipeline.speakers.layouts.before import cue_adjacent
from app.pipeline.speakers.mentions import (
    acting_pronoun,
    listener_subject,
    names_someone,
    passive_subject,
    weak_subject,
)
from app.pipeline.speakers.misread import verb_read_as_noun
from app.pipeline.speakers.patterns import CuePatterns
from app.pipeline.speakers.polls import poll_source
from app.pipeline.speakers.table import BY_NAME, first_found
from app.pipeline.text import char_span
from app.pipeline.types import UNCLOSED_TYPE, Attribution, Quote, SpeakerCandidate

# The last token of a quote that ends its sentence inside the marks ("Q.", "Q?").
SENTENCE_FINAL: frozenset[str] = frozenset({".", "!", "?", "...", "…"})
# The last token of a quote the sentence may go on after (`"Q?" asked Lee`).
OPEN_ENDS: frozenset[str] = frozenset({"?", "!"})
# Confidence of a quote with no speaker mention at all, before resolution.
NO_MENTION_CONFIDENCE = 0.1
# Layouts whose mention is the subject of the verb that governs the quote.
PASSIVE_LAYOUTS: frozenset[str] = frozenset({"governing", "verb"})
# Links from a verb up to the main verb whose subject it shares (`declined to detail`).
MAIN_VERB_CHAIN_DEPS: frozenset[str] = frozenset({"xcomp"})
# Verbs of a question put to the sentence's subject (`Asked whether X "Q", 75 percent said yes`).
QUESTION_VERBS: frozenset[str] = frozenset({"ask", "question"})
# The clause that puts the question: a participle with no subject, adverbial ("Asked whether
# ...", "When asked about ..."), read as a reduced relative clause ("Hale, when asked about X,
# blamed") or as a complement ("Ruiz said, asked about X"); the tagger may call it a past tense.
_QUESTION_CLAUSE_DEPS = frozenset(get_string_id(d) for d in ("advcl", "relcl", "xcomp"))
_PARTICIPLE_TAGS = frozenset(get_string_id(t) for t in ("VBN", "VBD"))


@Language.factory(
    "speaker_attributor",
    assigns=["span._.attribution", "span._.speaker_candidate"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.spans"],
    default_config={
        "spans_key": QUOTES_KEY,
        "after_window": 30,
        "before_window": 40,
        "max_ascent": 8,
    },
)
def make_speaker_attributor(
    nlp: Language,
    name: str,
    *,
    spans_key: str,
    after_window: int,
    before_window: int,
    max_ascent: int,
) -> SpeakerAttributor:
    return SpeakerAttributor(
        nlp.vocab,
        name,
        spans_key=spans_key,
        after_window=after_window,
        before_window=before_window,
        max_ascent=max_ascent,
    )


class SpeakerAttributor(DataPipe):
    """Quote -> speaker mention + cue, by the layouts of the layout table."""

    data_file = "attributor.json"

    def __init__(
        self,
        vocab: Any,
        name: str = "speaker_attributor",
        *,
        spans_key: str,
        after_window: int,
        before_window: int,
        max_ascent: int,
    ) -> None:
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.after_window = after_window
        self.before_window = before_window
        self.max_ascent = max_ascent
        self.lexicon = CueLexicon(frozenset())
        self.speech_nouns: frozenset[str] = frozenset()
        self.source_nouns: frozenset[str] = frozenset()
        self.issued_nouns: frozenset[str] = frozenset()
        self.causing_verbs: frozenset[str] = frozenset()
        self.poll_nouns: frozenset[str] = frozenset()
        self.answer_openers: frozenset[str] = frozenset()
        self.patterns = CuePatterns(vocab)

    # ---- set-up and serialization ----------------------------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        cue_verbs: LexiconSource = (),
        speech_nouns: LexiconSource = (),
        cue_phrases: Sequence[dict[str, Any]] = (),
        dependency_patterns: Sequence[dict[str, Any]] = (),
        source_nouns: LexiconSource = (),
        gendered_nouns: Path | str | Iterable[Sequence[str]] = (),
        issued_nouns: LexiconSource = (),
        causing_verbs: LexiconSource = (),
        poll_nouns: LexiconSource = (),
        answer_openers: LexiconSource = (),
    ) -> None:
        """Load the cue verbs, speech nouns, the common nouns that can name a speaker (the
        resolver's source nouns with its gendered nouns, a table whose first column counts) and
        the nouns of what someone issues, the verbs that move their object to speak and the
        nouns of a poll, the words a reply opens with (paths or entries), and the cue patterns."""
        self.lexicon = CueLexicon.from_entries(entries(cue_verbs))
        self.speech_nouns = frozenset(entries(speech_nouns))
        rows = (
            read_table(gendered_nouns) if isinstance(gendered_nouns, str | Path) else gendered_nouns
        )
        self.source_nouns = frozenset(entries(source_nouns)) | {
            row[0].lower() for row in rows if row
        }
        self.issued_nouns = frozenset(entries(issued_nouns))
        self.causing_verbs = frozenset(entries(causing_verbs))
        self.poll_nouns = frozenset(entries(poll_nouns))
        self.answer_openers = frozenset(entries(answer_openers))
        self.patterns = CuePatterns(self.vocab, cue_phrases, dependency_patterns)

    def to_json(self) -> dict[str, Any]:
        return {
            "cue_verbs": self.lexicon.to_entries(),
            "speech_nouns": sorted(self.speech_nouns),
            "source_nouns": sorted(self.source_nouns),
            "issued_nouns": sorted(self.issued_nouns),
            "causing_verbs": sorted(self.causing_verbs),
            "poll_nouns": sorted(self.poll_nouns),
            "answer_openers": sorted(self.answer_openers),
            **self.patterns.to_json(),
        }

    def load_json(self, data: dict[str, Any]) -> None:
        self.lexicon = CueLexicon.from_entries(data["cue_verbs"])
        self.speech_nouns = frozenset(data["speech_nouns"])
        self.source_nouns = frozenset(data.get("source_nouns", ()))
        self.issued_nouns = frozenset(data.get("issued_nouns", ()))
        self.causing_verbs = frozenset(data.get("causing_verbs", ()))
        self.poll_nouns = frozenset(data.get("poll_nouns", ()))
        self.answer_openers = frozenset(data.get("answer_openers", ()))
        self.patterns = CuePatterns(self.vocab, data["phrases"], data["dependencies"])

    # ---- the component (called by `DataPipe.__call__`) ---------------------------------------

    @property
    def settings(self) -> AttributorSettings:
        return AttributorSettings(
            lexicon=self.lexicon,
            speech_nouns=self.speech_nouns,
            source_nouns=self.source_nouns,
            issued_nouns=self.issued_nouns,
            causing_verbs=self.causing_verbs,
            after_window=self.after_window,
            before_window=self.before_window,
            max_ascent=self.max_ascent,
            poll_nouns=self.poll_nouns,
            answer_openers=self.answer_openers,
        )

    def find(self, doc: Doc) -> list[SpeakerCandidate | None]:
        """One candidate per span of the quotes group (None for non-speech quotes)."""
        if self.spans_key not in doc.spans:
            return []
        quotes = list(doc.spans[self.spans_key])
        if not quotes:
            return []
        if not doc.has_annotation("DEP"):
            raise ValueError(
                f"[speaker_attributor] needs a dependency parse: add a parser before '{self.name}'"
            )
        index = DocIndex(doc, quotes, self.settings, self.patterns(doc))
        results: list[SpeakerCandidate | None] = []
        for qi, span in enumerate(quotes):
            quote: Quote | None = span._.quote
            if quote is not None and quote.type == UNCLOSED_TYPE:
                # `"Q1," she said. "Q2 ...` with no closing mark: the words go on the quotation
                # before them in the paragraph, so its speaker's (nobody's when none comes first)
                results.append(BY_NAME["shared"].find(QuoteContext(index, quotes, results, qi)))
                continue
            if quote is None or not quote.is_speech:
                results.append(None)
                continue
            q = QuoteContext(index, quotes, results, qi)
            found = first_found(q, quote_shape(q))
            if asked_question(index, span) or (
                found is not None and listener_subject(index, found)
            ):
                # the words are a question an unnamed asker put (or what an unnamed teller told
                # the subject): no one is named as saying them
                results.append(replace(found, mention=None, head=None) if found else None)
                continue
            if quote.type == "indirect":
                results.append(found)
                continue
            if (
                found is not None
                and found.layout in PASSIVE_LAYOUTS
                and passive_subject(index, found)
            ):
                # the passive's subject is what the words are about: no one is named as saying them
                results.append(replace(found, mention=None, head=None))
                continue
            if found is not None and found.layout == "verb":
                # a plain verb's subject is rarely the source of a fragment it governs
                if acting_pronoun(index, found):
                    # `Then he turned to "little" Dan Mercer`: he or she, acting, is the source
                    # unless the sentence has a speech cue of its own
                    found = BY_NAME["sentence_cue"].find(q) or found
                elif not weak_subject(index, found):
                    found = first_found(q, "named_verb") or found
                elif main_clause_source(index, found):
                    found = BY_NAME["sentence_cue"].find(q) or found
                else:
                    found = first_found(q, "weak_verb") or found
            opening = according_opening(q)
            if opening is not None:
                # `According to the Ledger, one sign read, "Q"`: the corpus credits the relay
                results.append(opening)
                continue
            if found is None:
                found = first_found(q, "unattributed")
                if found is not None and not names_someone(index, found):
                    found = verb_read_as_noun(index, found) or found
            elif lone_word(found) and (misread := verb_read_as_noun(index, found)) is not None:
                found = misread  # `Recommendation 7 states: "Q"`: "states" a noun of its own
            elif not names_someone(index, found):
                # `The campaign projects that "Q"`: the cue read as the mention's last noun;
                # `Quinn said the move was ... and said, "Q"`: the mention names no one (the
                # resolver would leave the quote without a speaker), so the sentence's own
                # named cue or subject, if it has one
                found = verb_read_as_noun(index, found) or first_found(q, "no_speaker") or found
            if found is not None and found.local:
                # `Ann Lee, the city's adviser, said`: the person, not the role or a name in it;
                # `Lee called it "Q," the Times reported`: the source relaying the quote
                found = name_before_role(index, found) or found
                found = relayed(q) or poll_source(index, found) or found
            if found is not None and _holds(found.mention, span):
                # `The "Team Canada" approach won praise`: a phrase holding the quote names no
                # one who says it (the quote modifies it); nor does a plain verb whose subject
                # that phrase is (`The "Raise the Floor" campaign rallied`) tell who says it
                spoken = found.cue is not None and any(
                    index.is_cue(doc[k]) for k in range(*found.cue)
                )
                found = replace(found, mention=None, head=None) if spoken else None
            results.append(found)
        return results

    def set_annotations(self, doc: Doc, found: Sequence[SpeakerCandidate | None]) -> None:
        if not found:
            return
        for span, candidate in zip(doc.spans[self.spans_key], found, strict=True):
            ext = span._  # (one accessor per span: `span._` is built anew on every access)
            ext.speaker_candidate = candidate
            quote: Quote | None = ext.quote
            if quote is None or not quote.is_speech:
                ext.attribution = None
                continue
            ext.attribution = provisional_attribution(doc, candidate)


def lone_word(found: SpeakerCandidate) -> bool:
    """The candidate's mention is one word."""
    return found.mention is not None and found.mention[1] - found.mention[0] == 1


def _holds(mention: tuple[int, int] | None, span: Span) -> bool:
    """The mention's tokens overlap the quote's."""
    return mention is not None and mention[0] < span.end and span.start < mention[1]


def main_clause_source(index: DocIndex, found: SpeakerCandidate) -> bool:
    """`The agency declined to detail the "Q"`, `A House report found "Q"`: the plain verb is
    its sentence's main verb (or an infinitive complement of it) and its subject, before the
    quote, is a common noun that names a source (a person, group, organisation or text), so
    the sentence is about that source's words, not the previous quote's speaker's."""
    if found.head is None or found.cue is None:
        return False
    doc, nouns = index.doc, index.settings.source_nouns
    head, verb = doc[found.head], doc[found.cue[0]]
    main = head.head
    while verb.dep_ in MAIN_VERB_CHAIN_DEPS and verb.i != main.i:
        verb = verb.head
    return (
        bool(nouns)
        and head.pos_ == "NOUN"
        and main.dep_ == "ROOT"
        and verb.i == main.i
        and noun_names_source(head, nouns)
    )


def quote_shape(q: QuoteContext) -> str:
    """The quote's shape, which picks its layout priority list in the table."""
    span: Span = q.span
    if q.quote.type == "indirect":
        return "indirect"
    if q.quote.type == "partial":
        return "partial_unfinished" if unfinished(q.index, span) else "partial"
    if span[-1].text in SENTENCE_FINAL and not _sentence_goes_on(q) and cue_adjacent(q):
        return "direct_after_cue"
    return "direct"


def relayed(q: QuoteContext) -> SpeakerCandidate | None:
    """The source relaying a quote that the sentence goes on after (`according to CNN`, `the
    Times reported` later in it), as `after.according_later` finds it."""
    span, doc = q.span, q.doc
    if span[-1].text in SENTENCE_FINAL:
        return None  # the sentence ends inside the marks
    end = span.end
    while end < len(doc) and is_mark(doc[end]):
        end += 1
    found = according_later(q, end)
    return replace(found, layout="after", prior=BY_NAME["after"].prior) if found else None


def according_opening(q: QuoteContext) -> SpeakerCandidate | None:
    """`According to The Sentinel, the men wore shirts that read "Q"`: the source of an
    "according to" that opens the quote's sentence relays everything the sentence says."""
    index, doc, span = q.index, q.doc, q.span
    k = span[0].sent.start
    while k < span.start and (doc[k].is_space or is_mark(doc[k])):
        k += 1
    if k >= span.start or k not in index.matches.according or not index.usable(doc[k], q.para):
        return None
    source = according_to_source(doc[k])
    if source is None or source.i >= span.start or not index.usable(source, q.para):
        return None
    found = candidates.candidate(index, source, index.cue_extent(doc[k]))
    return replace(found, layout="according_to", prior=BY_NAME["according_to"].prior)


def asked_question(index: DocIndex, span: Span) -> bool:
    """`Asked whether Hale "has the temperament to lead," 62 percent said yes`, `When asked
    about the levy, Hale said ...`: the quote lies inside a subjectless question clause with no
    `by` naming the asker, so its words are the unnamed asker's, not the subject's."""
    # (labels compared as hashes first: this runs for every quote, over its whole sentence)
    verbs = [t for t in span.sent if t.dep in _QUESTION_CLAUSE_DEPS and t.tag in _PARTICIPLE_TAGS]
    if not verbs:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return False
    for verb in verbs:
        if (
            verb.lemma_.lower() in QUESTION_VERBS
            and not span.start <= verb.i < span.end
            and not index.inside[verb.i]
            and verb.left_edge.i <= words[0].i
            and verb.right_edge.i >= words[-1].i
            and not any(c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in verb.children)
        ):
            return True
    return False


def _sentence_goes_on(q: QuoteContext) -> bool:
    """`"Q?" asked Lee.`, `"Q!" she shouted.`: a question or exclamation inside the marks that
    the sentence goes on after (a lower-case word follows the closing mark)."""
    span, doc = q.span, q.doc
    if span[-1].text not in OPEN_ENDS:
        return False
    k = span.end
    while k < len(doc) and is_mark(doc[k]):
        k += 1
    return k < len(doc) and doc[k].is_alpha and doc[k].is_lower


def provisional_attribution(doc: Doc, candidate: SpeakerCandidate | None) -> Attribution:
    """The attribution before resolution: the mention's own words as the name."""
    if candidate is None or candidate.mention is None:
        cue = char_span(doc, candidate.cue) if candidate is not None else None
        return Attribution(None, cue, None, None, "context", NO_MENTION_CONFIDENCE)
    mention = char_span(doc, candidate.mention)
    pronoun = candidate.head is not None and doc[candidate.head].pos_ == "PRON"
    return Attribution(
        mention=mention,
        cue=char_span(doc, candidate.cue),
        entity_id=None,
        name=mention.text if mention is not None and not pronoun else None,
        resolution="explicit" if candidate.local else "context",
        confidence=candidate.prior,
    )
