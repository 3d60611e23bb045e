"""The `speaker_attributor` component: for every speech quote, the speaker mention and the cue.

It finds, for each quote in `doc.spans["quotes"]`, the words that name its source at that place
("Sessions", "he", "the White House", "a spokesman") and the speech cue ("said", "according to",
":"), by the layout patterns below, tried from the most to the least direct. It sets
`span._.speaker_candidate` (a `SpeakerCandidate`) and a provisional `span._.attribution`; the
`speaker_resolver` (entities.py) then ties each mention to an entity and rewrites the attribution.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import ensure_path

# Registers the speaker_resolver factory too (build_pipeline imports only this module).
from app.pipeline import entities  # noqa: F401
from app.pipeline.cues import (
    MENTION_POS,
    NON_SPEAKER_PRONOUNS,
    NP_LEFT_DEPS,
    NP_RIGHT_ADJECTIVES,
    NP_RIGHT_PARTICIPLE_TAGS,
    NP_RIGHT_PREPS,
    VERB_POS,
    CueLexicon,
    according_to_source,
    cue_extent,
    is_cue_verb,
    match_phrase,
    mention_head,
    read_lexicon,
    subject_of,
)
from app.pipeline.extensions import QUOTES_KEY, register_extensions
from app.pipeline.types import Attribution, CharSpan, Quote

# How the speaker was found, from the most to the least direct evidence:
#   after        "Q," X said / "Q," said X / "Q," X, the mayor, said / "Q," he told reporters
#   governing    X called them "deplorables" (the cue verb governs the quote in the parse)
#   before       X said: "Q" / X said that "Q" / "Q," X said, "Q2" (for Q2)
#   according_to according to X, "Q"
#   colon        X: "Q"
#   after_late   "Q" ... X said later in the same sentence
#   verb         X promised to "Q" (partial quote governed by a verb that is not a speech cue)
#   shared       "Q1," X said. "Q2" (a cue-less quote continues the previous quote's speaker)
#   previous     Sessions was blunt. "Q" (the subject of the sentence before)
#   paragraph    a quote-only paragraph continues the previous paragraph's speaker
#   sentence     Smith described a city of "Q" (no cue at all: the named subject before the quote,
#                else the first person or organisation name of the sentence)
Layout = Literal[
    "after",
    "governing",
    "before",
    "according_to",
    "colon",
    "after_late",
    "verb",
    "shared",
    "previous",
    "paragraph",
    "sentence",
]

# Layouts whose mention was written at this quote (the others borrow an earlier quote's mention).
LOCAL_LAYOUTS: frozenset[str] = frozenset(
    {
        "after",
        "governing",
        "before",
        "according_to",
        "colon",
        "after_late",
        "verb",
        "previous",
        "sentence",
    }
)
# Punctuation that may sit between a closing quote mark and its attribution ("Q," X said).
ATTACHING_PUNCT: frozenset[str] = frozenset({",", "-", "—", "–", "―", "--", "...", "…", ":", ";"})
# Dashes that introduce a signature after a quote ("Q" ― Jane Doe).
DASHES: frozenset[str] = frozenset({"―", "—", "–", "-", "--"})
# Single dash characters (a closing mark and a dash may come as one token: `"―`).
DASH_CHARS: frozenset[str] = frozenset({"―", "—", "–", "-"})
# The last token of a quote that ends its sentence inside the marks ("Q.", "Q?").
SENTENCE_FINAL: frozenset[str] = frozenset({".", "!", "?", "...", "…"})
# Tokens that end a sentence for the linear searches (the parser's sentences break at quotes).
SENTENCE_END: frozenset[str] = frozenset({".", "!", "?"})
# Quote marks, in case the tokenizer does not flag one as `is_quote`.
QUOTE_MARKS: frozenset[str] = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''", "«", "»"})
# Words allowed between a cue verb at the start of an attribution and its inverted subject
# ("said Tuesday X", "said in a statement X" is rare; "said, X" is not a layout).
INVERSION_FILLERS: frozenset[str] = frozenset({"ADV", "PART", "NUM"})
# Entity labels that never name a speaker (times and amounts taken for subjects).
NON_SPEAKER_LABELS: frozenset[str] = frozenset({"DATE", "TIME", "MONEY", "QUANTITY"})
# What follows the place name of a dateline ("WASHINGTON (AP) -", "LONDON --").
DATELINE_FOLLOWERS: frozenset[str] = frozenset({"(", "-", "--", "—", "–", ","})
# Finite verb tags: a cue verb with a subject of its own in the sentence.
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})
# The named-entity label of people.
PERSON_LABEL: frozenset[str] = frozenset({"PERSON"})

# The last token of a quote that the sentence goes on after ("Q," X pressed / "Q?" X asked).
UNFINISHED_QUOTE_ENDS: frozenset[str] = frozenset({",", "?", "!"})
# Dependency labels of a verb heading the short clause after a quote (root or attached to it).
PLAIN_CLAUSE_DEPS: frozenset[str] = frozenset({"ROOT", "parataxis", "ccomp", "advcl", "conj"})
# How many tokens the subject and verb of that clause may take; how many may follow the verb.
PLAIN_CLAUSE_SCAN = 6
PLAIN_CLAUSE_TAIL = 4

# Subjects that may name the speaker of a quote without any cue (`Smith described "Q"`).
SENTENCE_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj"})
SENTENCE_SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they"})

# Entity labels of a name written right after a common noun ("the weekly Courier"): the name is
# the speaker's mention.
FOLLOWING_NAME_LABELS: frozenset[str] = frozenset({"PERSON", "ORG"})
# Entity labels of a name that may stand as the speaker when nothing else ties a quote to one.
FALLBACK_NAME_LABELS: frozenset[str] = frozenset({"PERSON", "ORG"})

# How many heads above the word before a colon to climb looking for its clause's verb.
COLON_CLAUSE_ASCENT = 4

# How many tokens after a dash a signature may take (`"Q" ― Jane Doe, mayor of Springfield`).
DASH_SIGNATURE_SCAN = 24

DEFAULT_AFTER_WINDOW = 30
DEFAULT_BEFORE_WINDOW = 40
DEFAULT_ASCENT = 6


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """What the attributor found for one quote (token indices into the doc, end exclusive)."""

    mention: tuple[int, int] | None  # the words naming the speaker at this place
    head: int | None  # the syntactic head of the mention
    cue: tuple[int, int] | None  # the speech cue
    layout: Layout
    source: int | None = None  # index in doc.spans["quotes"] of the quote this one continues


@Language.factory(
    "speaker_attributor",
    assigns=["span._.attribution", "span._.speaker_candidate"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.spans"],
    default_config={
        "spans_key": QUOTES_KEY,
        "after_window": DEFAULT_AFTER_WINDOW,
        "before_window": DEFAULT_BEFORE_WINDOW,
        "max_ascent": DEFAULT_ASCENT,
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


class _DocIndex:
    """Per-doc lookups shared by all quotes: paragraph ids and which tokens are quoted."""

    def __init__(
        self, doc: Doc, quotes: Sequence[Span], speech_nouns: frozenset[str] = frozenset()
    ) -> None:
        self.doc = doc
        self.speech_nouns = speech_nouns
        n = len(doc)
        self.para = [0] * n
        current = 0
        for tok in doc:
            self.para[tok.i] = current
            if "\n" in tok.text or "\n" in tok.whitespace_:
                current += 1
        # first token and end (exclusive) of every paragraph, by paragraph id
        self.para_start: list[int] = []
        self.para_end: list[int] = []
        for i in range(n):
            if i == 0 or self.para[i] != self.para[i - 1]:
                self.para_start.append(i)
                if i > 0:
                    self.para_end.append(i)
        if n:
            self.para_end.append(n)
        self.inside = [False] * n  # inside a speech quote, or one of its marks
        self._subjects: dict[int, Token | None] = {}
        self._cues: dict[int, tuple[int, int]] = {}
        for span in quotes:
            quote: Quote | None = span._.quote
            if quote is None or not quote.is_speech:
                continue
            lo, hi = span.start, span.end
            if lo > 0 and is_mark(doc[lo - 1]):
                lo -= 1
            if hi < n and is_mark(doc[hi]):
                hi += 1
            for i in range(lo, hi):
                self.inside[i] = True
        # paragraphs holding nothing but quoted text and punctuation (one pass over the doc)
        self.quote_only = [True] * len(self.para_start)
        for tok in doc:
            if not (self.inside[tok.i] or tok.is_punct or tok.is_space or is_mark(tok)):
                self.quote_only[self.para[tok.i]] = False

    def subject_of(self, verb: Token) -> Token | None:
        """`cues.subject_of`, memoized: a token with thousands of children (a degenerate parse
        of a run of quote marks) is then scanned once per doc, not once per quote."""
        if verb.i not in self._subjects:
            self._subjects[verb.i] = subject_of(verb)
        return self._subjects[verb.i]

    def cue_extent(self, verb: Token) -> tuple[int, int]:
        """`cues.cue_extent`, memoized for the same reason."""
        if verb.i not in self._cues:
            self._cues[verb.i] = cue_extent(verb)
        return self._cues[verb.i]

    def usable(self, token: Token, para: int) -> bool:
        return not self.inside[token.i] and self.para[token.i] == para


def is_mark(token: Token) -> bool:
    return token.is_quote or token.text in QUOTE_MARKS


def is_mark_dash(token: Token) -> bool:
    """A closing mark glued to a signature dash (`"Q"― Jane Doe` tokenized as `"―`)."""
    text = token.text
    return (
        len(text) > 1
        and text[0] in QUOTE_MARKS
        and text[-1] in DASH_CHARS
        and all(c in QUOTE_MARKS or c in DASH_CHARS for c in text)
    )


class SpeakerAttributor(Pipe):
    """Quote -> speaker mention + cue, by layout patterns over the dependency parse."""

    def __init__(
        self,
        vocab: Any,
        name: str = "speaker_attributor",
        *,
        spans_key: str = QUOTES_KEY,
        after_window: int = DEFAULT_AFTER_WINDOW,
        before_window: int = DEFAULT_BEFORE_WINDOW,
        max_ascent: int = DEFAULT_ASCENT,
    ) -> None:
        register_extensions()
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.after_window = after_window
        self.before_window = before_window
        self.max_ascent = max_ascent
        self.lexicon = CueLexicon(frozenset(), ())
        self.speech_nouns: frozenset[str] = frozenset()

    # ---- set-up and serialization ----------------------------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        cue_verbs: Path | str | Iterable[str] | None = None,
        speech_nouns: Path | str | Iterable[str] = (),
    ) -> None:
        """Load the cue lexicon and the speech nouns: paths (one entry a line) or the entries."""
        if cue_verbs is None:
            raise ValueError(
                "speaker_attributor.initialize needs cue_verbs: a lexicon file or a list of cues"
            )
        entries = read_lexicon(cue_verbs) if isinstance(cue_verbs, str | Path) else cue_verbs
        self.lexicon = CueLexicon.from_entries(entries)
        nouns = read_lexicon(speech_nouns) if isinstance(speech_nouns, str | Path) else speech_nouns
        self.speech_nouns = frozenset(n.lower() for n in nouns)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "cues.json").write_text(json.dumps(self.lexicon.to_entries()), encoding="utf8")
        (directory / "speech_nouns.json").write_text(
            json.dumps(sorted(self.speech_nouns)), encoding="utf8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SpeakerAttributor:
        directory = ensure_path(path)
        self.lexicon = CueLexicon.from_entries(
            json.loads((directory / "cues.json").read_text(encoding="utf8"))
        )
        nouns = directory / "speech_nouns.json"
        if nouns.exists():
            self.speech_nouns = frozenset(json.loads(nouns.read_text(encoding="utf8")))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        payload = {"cues": self.lexicon.to_entries(), "speech_nouns": sorted(self.speech_nouns)}
        data: bytes = json.dumps(payload).encode("utf8")
        return data

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> SpeakerAttributor:
        payload = json.loads(bytes_data.decode("utf8"))
        if isinstance(payload, list):  # the cue entries alone (the earlier format)
            payload = {"cues": payload, "speech_nouns": []}
        self.lexicon = CueLexicon.from_entries(payload["cues"])
        self.speech_nouns = frozenset(payload["speech_nouns"])
        return self

    # ---- the component -----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            found = self.find(doc)
            self.set_annotations(doc, found)
        except Exception as e:  # noqa: BLE001 - routed to spaCy's configurable error handler
            error_handler(self.name, self, [doc], e)
        return doc

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
        index = _DocIndex(doc, quotes, self.speech_nouns)
        results: list[SpeakerCandidate | None] = []
        for qi, span in enumerate(quotes):
            quote: Quote | None = span._.quote
            if quote is None or not quote.is_speech:
                results.append(None)
                continue
            found = self._local(index, span, quote)
            if found is not None and found.layout == "verb" and _weak_subject(index, found):
                # `X said the city embodied the "Q"`: a plain verb's common-noun or pronoun
                # subject is rarely the source; the sentence's named speaker or the previous
                # quote's speaker is, when there is one
                found = (
                    self._sentence_cue(index, span)
                    or self._continued(index, quotes, results, qi)
                    or found
                )
            if found is None:
                found = self._continued(index, quotes, results, qi)
            if found is None:
                found = self._sentence_name(index, span)
            results.append(found)
        return results

    def set_annotations(self, doc: Doc, found: Sequence[SpeakerCandidate | None]) -> None:
        if not found:
            return
        for span, candidate in zip(doc.spans[self.spans_key], found, strict=True):
            span._.speaker_candidate = candidate
            quote: Quote | None = span._.quote
            if quote is None or not quote.is_speech:
                span._.attribution = None
                continue
            span._.attribution = provisional_attribution(doc, candidate)

    # ---- layouts -----------------------------------------------------------------------------

    def _local(self, index: _DocIndex, span: Span, quote: Quote) -> SpeakerCandidate | None:
        """The attribution written next to this quote, by layout priority."""
        after = self._after(index, span)
        governing, verb = self._governing(index, span)
        order: list[SpeakerCandidate | None]
        if quote.type == "partial":
            # a fragment inside reported speech: its own clause governs it
            tight = _tight(after)
            if tight is not None and _unfinished(index, span):
                # `X cannot say that "Q," Y added`: the attribution right after the fragment
                order = [tight]
            else:
                order = [governing, self._before(index, span), tight, verb, after]
        else:
            before = self._before(index, span)
            adjacent = before if before is not None and _cue_adjacent(index, span, before) else None
            if span[-1].text in SENTENCE_FINAL:
                # "X said, "Q." The next sentence ...": the cue right before a finished quote
                order = [adjacent, _tight(after), governing, before, after, verb]
            else:
                order = [_tight(after), governing, before, after, verb]
            if all(c is None for c in order):
                order.append(self._after_plain(index, span))
        return next((c for c in order if c is not None), None)

    def _continued(
        self,
        index: _DocIndex,
        quotes: Sequence[Span],
        results: Sequence[SpeakerCandidate | None],
        qi: int,
    ) -> SpeakerCandidate | None:
        """A quote without its own attribution: the previous quote's speaker, or the sentence's."""
        doc = index.doc
        span = quotes[qi]
        para = index.para[span.start]
        prev = _previous_speech(quotes, results, qi)
        if prev is not None:
            pi, prev_candidate = prev
            prev_span = quotes[pi]
            if index.para[prev_span.start] == para and prev_candidate.mention is not None:
                return _borrow(prev_candidate, "shared", pi)
        previous = self._previous_sentence(index, span)
        if previous is not None:
            return previous
        if prev is not None and _quote_only_paragraph(index, span):
            pi, prev_candidate = prev
            prev_para = index.para[quotes[pi].start]
            if prev_candidate.mention is not None and para - prev_para <= 2:
                return _borrow(prev_candidate, "paragraph", pi)
        if _quote_only_paragraph(index, span):
            return self._previous_sentence(index, span, across=True)
        del doc
        return self._sentence_subject(index, span)

    def _sentence_cue(self, index: _DocIndex, span: Span) -> SpeakerCandidate | None:
        """The nearest cue verb before the quote in its sentence with a named (proper-noun)
        subject: `Warren said Trump was a "Q"` when the parse did not put the quote under it."""
        doc = span.doc
        para = index.para[span.start]
        stop = max(index.para_start[para], span.start - self.before_window) - 1
        for j in range(span.start - 1, stop, -1):
            tok = doc[j]
            if tok.text in SENTENCE_END:
                break
            if index.inside[j] or not is_cue_verb(tok, self.lexicon):
                continue
            subject = index.subject_of(tok)
            if subject is None or subject.pos_ != "PROPN" or subject.i > j:
                continue
            if _speaker_ok(index, subject, para):
                return _candidate(index, subject, index.cue_extent(tok), "governing")
        return None

    def _sentence_name(self, index: _DocIndex, span: Span) -> SpeakerCandidate | None:
        """Last resort when the parse tied the quote to nothing: the first person or
        organisation name of the quote's sentence before the quote (`In March, Smith blasted
        the firm for its "Q"`)."""
        doc = span.doc
        para = index.para[span.start]
        i = span.start - 1
        while i >= 0 and is_mark(doc[i]):
            i -= 1
        stop = max(index.para_start[para], span.start - self.before_window)
        k = i
        while k > stop and doc[k - 1].text not in SENTENCE_END and not index.inside[k - 1]:
            k -= 1
        for j in range(k, i + 1):
            tok = doc[j]
            if tok.pos_ != "PROPN" or tok.ent_type_ not in FALLBACK_NAME_LABELS:
                continue
            head = mention_head(tok)
            if any(doc[m].pos_ in VERB_POS for m in range(tok.i, head.i)):
                return None  # "Smith blasted Acme" parsed as one name: too unreliable
            if _speaker_ok(index, tok, para):
                return _candidate(index, tok, None, "sentence")
        return None

    def _sentence_subject(self, index: _DocIndex, span: Span) -> SpeakerCandidate | None:
        """`Smith described a city of "Q"`: no cue anywhere, so the first named (or pronoun)
        subject between the start of the quote's sentence and the quote."""
        doc = span.doc
        para = index.para[span.start]
        i = span.start - 1
        while i >= 0 and is_mark(doc[i]):
            i -= 1
        if i < 0 or doc[i].text in SENTENCE_END:
            return None  # the quote opens its sentence
        stop = max(index.para_start[para], span.start - self.before_window)
        k = i
        while k > stop and doc[k - 1].text not in SENTENCE_END and not index.inside[k - 1]:
            k -= 1
        for j in range(k, i + 1):
            tok = doc[j]
            if tok.dep_ not in SENTENCE_SUBJECT_DEPS or not _speaker_ok(index, tok, para):
                continue
            if tok.pos_ == "PROPN" or tok.lower_ in SENTENCE_SUBJECT_PRONOUNS:
                return _candidate(index, tok, None, "sentence")
        return None

    def _after(self, index: _DocIndex, span: Span) -> SpeakerCandidate | None:
        """`"Q," X said` / `"Q," said X` / `"Q," X, the mayor, said` / `"Q" ... X said`."""
        doc = span.doc
        n = len(doc)
        para = index.para[span.start]
        i = span.end
        while (
            i < n
            and index.para[i] == para
            and (
                is_mark(doc[i])
                or doc[i].text in ATTACHING_PUNCT
                or doc[i].is_space
                or is_mark_dash(doc[i])
            )
        ):
            i += 1
        start = i
        for j in range(start, min(n, start + self.after_window)):
            tok = doc[j]
            if index.para[j] != para or index.inside[j] or is_mark(tok):
                break
            if tok.text in SENTENCE_END and j > start:
                break
            source = according_to_source(tok)
            if source is not None and index.usable(source, para) and source.i > j:
                layout: Layout = "after" if j == start else "after_late"
                return _candidate(index, source, index.cue_extent(tok), layout)
            if match_phrase(doc, j, self.lexicon) or not is_cue_verb(tok, self.lexicon):
                continue
            subject = index.subject_of(tok)
            if subject is not None and subject.i >= start and _speaker_ok(index, subject, para):
                tight = subject.left_edge.i <= start or j == start
                return _candidate(
                    index, subject, index.cue_extent(tok), "after" if tight else "after_late"
                )
            if tok.tag_ != "VBG" and (j == start or _only_fillers(doc, start, j)):
                # `"Q," said X` (not `"Q," saying the city ...`: a participle has no inversion)
                inverted = _first_mention(index, j + 1, para, limit=4)
                if inverted is not None:
                    return _candidate(index, inverted, index.cue_extent(tok), "after")
            if j > start:
                before_verb = _subject_between(index, start, j, para)
                if before_verb is not None:
                    return _candidate(index, before_verb, index.cue_extent(tok), "after")
            return None
        return self._dash(index, span, start)

    def _after_plain(self, index: _DocIndex, span: Span) -> SpeakerCandidate | None:
        """`"Q," Smith pressed.` / `"Q?" beamed Smith`: a short clause after an unfinished quote
        whose verb is not in the cue lexicon, its subject right after the quote."""
        doc = span.doc
        n = len(doc)
        para = index.para[span.start]
        i = span.end
        while i < n and index.para[i] == para and (is_mark(doc[i]) or doc[i].is_space):
            i += 1
        if span[-1].text not in UNFINISHED_QUOTE_ENDS and (i >= n or doc[i].text != ","):
            return None
        while i < n and index.para[i] == para and doc[i].text in ATTACHING_PUNCT:
            i += 1
        start = i
        for j in range(start, min(n, start + PLAIN_CLAUSE_SCAN)):
            tok = doc[j]
            if not index.usable(tok, para) or is_mark(tok) or tok.text in SENTENCE_END:
                return None
            if tok.pos_ != "VERB":
                continue
            if tok.dep_ not in PLAIN_CLAUSE_DEPS or not _clause_ends_soon(index, j + 1, para):
                return None
            if j == start:
                inverted = _first_mention(index, j + 1, para, limit=3)
                if inverted is not None and inverted.ent_type_ in PERSON_LABEL:
                    return _candidate(index, inverted, index.cue_extent(tok), "after_late")
                return None
            subject = index.subject_of(tok)
            if subject is None or subject.i != mention_head(doc[start]).i:
                if subject is None or subject.left_edge.i != start:
                    return None
            if subject.pos_ in {"PROPN", "PRON"} and _speaker_ok(index, subject, para):
                return _candidate(index, subject, index.cue_extent(tok), "after_late")
            return None
        return None

    def _dash(self, index: _DocIndex, span: Span, start: int) -> SpeakerCandidate | None:
        """`"Q" ― Jane Doe`: a dash after the quote and then only a name up to the paragraph end."""
        doc = span.doc
        para = index.para[span.start]
        dash = start - 1
        while dash >= span.end and doc[dash].text not in DASHES and not is_mark_dash(doc[dash]):
            dash -= 1
        if dash < span.end:
            return None
        end = start
        limit = min(index.para_end[para], start + DASH_SIGNATURE_SCAN)
        while end < limit and not doc[end].is_space:
            end += 1
        if end == limit and limit < index.para_end[para] and not doc[end].is_space:
            return None  # longer than any signature
        tokens = [t for t in doc[start:end] if not t.is_punct]
        if not tokens or len(tokens) > 8 or any(t.pos_ == "VERB" for t in tokens):
            return None
        names = [t for t in tokens if t.pos_ in {"PROPN", "NOUN"}]
        if not names or index.inside[names[0].i]:
            return None
        return _candidate(index, names[-1], (dash, dash + 1), "after")

    def _governing(
        self, index: _DocIndex, span: Span
    ) -> tuple[SpeakerCandidate | None, SpeakerCandidate | None]:
        """A cue verb that governs the quote (or hangs from it) in the dependency parse.

        Returns (cue-verb candidate, plain-verb candidate): the second is the nearest governing
        verb with a subject, used for partial quotes when no speech cue governs them.
        """
        para = index.para[span.start]
        plain: SpeakerCandidate | None = None
        pronoun: SpeakerCandidate | None = None
        named: SpeakerCandidate | None = None
        owner: SpeakerCandidate | None = None
        tops = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
        for top in tops:
            current = top
            for _ in range(self.max_ascent):
                head = current.head
                if head.i == current.i or not index.usable(head, para):
                    break
                current = head
                source = according_to_source(current)
                if source is not None and index.usable(source, para):
                    cue = index.cue_extent(current)
                    return _candidate(index, source, cue, "according_to"), plain
                possessor = _speech_possessor(index, current, para)
                if possessor is not None and owner is None:
                    # `Trump's claim that "Q"`, `his "Q" promise`: the noun's owner said it,
                    # unless a cue verb above reports it (`X blasted Trump's call for "Q"`)
                    cue = (current.i, current.i + 1)
                    owner = _candidate(index, possessor, cue, "governing")
                if current.pos_ not in VERB_POS:
                    continue
                subject = index.subject_of(current)
                if subject is None or not _speaker_ok(index, subject, para):
                    continue
                if is_cue_verb(current, self.lexicon):
                    found = _candidate(index, subject, index.cue_extent(current), "governing")
                    if subject.pos_ != "PRON":
                        named = found  # the outermost named source in the chain wins
                    else:
                        # "X said she wanted to speak 'Q'": the outer named source wins
                        pronoun = pronoun or found
                elif plain is None and current.dep_ != "relcl":
                    plain = _candidate(index, subject, index.cue_extent(current), "verb")
        if named is not None or pronoun is not None:
            return named or pronoun, plain
        if owner is not None:
            return owner, plain
        # a cue verb hanging from the quote ("Q," he said parsed as parataxis of the quote's verb)
        for tok in span:
            for child in tok.children:
                if span.start <= child.i < span.end or not index.usable(child, para):
                    continue
                if is_cue_verb(child, self.lexicon):
                    subject = index.subject_of(child)
                    if subject is not None and _speaker_ok(index, subject, para):
                        cue = index.cue_extent(child)
                        return _candidate(index, subject, cue, "governing"), plain
        return None, plain

    def _before(self, index: _DocIndex, span: Span) -> SpeakerCandidate | None:
        """`X said: "Q"` / `X said that "Q"` / `according to X, "Q"` / `X: "Q"`."""
        doc = span.doc
        para = index.para[span.start]
        i = span.start - 1
        while i >= 0 and (is_mark(doc[i]) or doc[i].is_space):
            i -= 1
        if i < 0:
            return None
        if index.para[i] != para:
            # "X continued:" closing the paragraph before a quote-only paragraph
            if doc[i].text != ":" or not _quote_only_paragraph(index, span):
                return None
            para = index.para[i]
        colon = doc[i].text == ":"
        stop = max(-1, i - self.before_window)
        for j in range(i, stop, -1):
            tok = doc[j]
            if index.para[j] != para or index.inside[j]:
                break
            if tok.text in SENTENCE_END and j < i:
                break
            source = according_to_source(tok)
            if source is not None and index.usable(source, para) and source.i < span.start:
                return _candidate(index, source, index.cue_extent(tok), "according_to")
            if not is_cue_verb(tok, self.lexicon):
                continue
            subject = index.subject_of(tok)
            if subject is not None and _speaker_ok(index, subject, para):
                return _candidate(index, subject, index.cue_extent(tok), "before")
            if subject is None and tok.tag_ in FINITE_TAGS:
                left = _left_neighbour_mention(index, j, para)
                if left is not None:
                    return _candidate(index, left, index.cue_extent(tok), "before")
        if colon:
            head = _clause_subject(index, i, para) or _last_mention(index, max(0, i - 8), i, para)
            if head is not None:
                return _candidate(index, head, (i, i + 1), "colon")
        return None

    def _previous_sentence(
        self, index: _DocIndex, span: Span, *, across: bool = False
    ) -> SpeakerCandidate | None:
        """`Sessions was blunt. "Q"`: a quote opening its sentence takes the named subject of the
        sentence just before it (proper names only: a pronoun or common noun there is too weak).
        With `across`, a quote-only paragraph takes it from the last sentence of the paragraph
        before (`Smith praised the plan. ¶ "Q"`)."""
        doc = span.doc
        para = index.para[span.start]
        i = span.start - 1
        while i >= 0 and (is_mark(doc[i]) or (across and doc[i].is_space)):
            i -= 1
        if i >= 0 and across and index.para[i] != para and index.quote_only[para]:
            para = index.para[i]
        if i < 0 or index.para[i] != para or doc[i].text not in SENTENCE_END:
            return None
        sentence = doc[i].sent
        if sentence.start > span.start:
            return None
        root = sentence.root
        if index.inside[root.i]:
            return None
        for child in root.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ == "PROPN":
                if _speaker_ok(index, child, para):
                    return _candidate(index, child, None, "previous")
        # "X explained his plan, saying he would act. "Q"": the last cue in that sentence
        for j in range(i - 1, max(sentence.start, i - self.before_window) - 1, -1):
            tok = doc[j]
            if index.inside[j] or not is_cue_verb(tok, self.lexicon):
                continue
            subject = index.subject_of(tok)
            if subject is not None and subject.pos_ in {"PROPN", "NOUN"}:
                if _speaker_ok(index, subject, para):
                    return _candidate(index, subject, index.cue_extent(tok), "previous")
            break
        return None


# ---- small pure helpers ----------------------------------------------------------------------


def _tight(candidate: SpeakerCandidate | None) -> SpeakerCandidate | None:
    return candidate if candidate is not None and candidate.layout == "after" else None


def _unfinished(index: _DocIndex, span: Span) -> bool:
    """The quote ends with a comma, inside its marks or right after them (`"Q," X said`)."""
    if span[-1].text in UNFINISHED_QUOTE_ENDS:
        return True
    k = span.end
    while k < len(index.doc) and is_mark(index.doc[k]):
        k += 1
    return k < len(index.doc) and index.doc[k].text == ","


def _weak_subject(index: _DocIndex, candidate: SpeakerCandidate) -> bool:
    """A mention that is neither a proper name nor a person entity ("the city", "he")."""
    if candidate.head is None:
        return True
    head = index.doc[candidate.head]
    return head.pos_ != "PROPN" and head.ent_type_ not in PERSON_LABEL


def _speaker_ok(index: _DocIndex, token: Token, para: int) -> bool:
    """A token can name the speaker: outside quotes, in the paragraph, a noun or a pronoun."""
    if not index.usable(token, para) or token.ent_type_ in NON_SPEAKER_LABELS:
        return False
    doc = token.doc
    opens_paragraph = token.i == 0 or doc[token.i - 1].is_space or "\n" in doc[token.i - 1].text
    if opens_paragraph and token.is_upper and token.i + 1 < len(doc):
        if token.nbor().text in DATELINE_FOLLOWERS:
            return False
    if token.pos_ not in MENTION_POS and token.ent_type_ == "":
        return False
    return token.lower_ not in NON_SPEAKER_PRONOUNS


def _speech_possessor(index: _DocIndex, noun: Token, para: int) -> Token | None:
    """The owner of a speech noun ("Trump" in "Trump's remarks", "his" in "his claim")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in index.speech_nouns:
        return None
    for child in noun.lefts:
        if child.dep_ == "poss" and child.pos_ in MENTION_POS and index.usable(child, para):
            return mention_head(child)
    return None


def _clause_ends_soon(index: _DocIndex, start: int, para: int) -> bool:
    """A sentence end, a quote, a comma or the paragraph end within a few tokens of `start`."""
    doc = index.doc
    for k in range(start, min(len(doc), start + PLAIN_CLAUSE_TAIL + 1)):
        tok = doc[k]
        if index.para[k] != para or index.inside[k] or is_mark(tok):
            return True
        if tok.text in SENTENCE_END or tok.text in {",", ";"}:
            return True
        if tok.pos_ in VERB_POS:
            return False
    return start >= len(doc)


def _clause_subject(index: _DocIndex, colon: int, para: int) -> Token | None:
    """`Smith leaned in and boomed: "Q"`, `The board was firm in its findings: "Q"`: the subject
    of the verb whose clause the colon closes (not the last noun before the colon)."""
    doc = index.doc
    if colon == 0:
        return None
    current = doc[colon - 1]
    for _ in range(COLON_CLAUSE_ASCENT):
        if current.pos_ in VERB_POS or current.head.i == current.i:
            break
        current = current.head
    if current.pos_ not in VERB_POS or not index.usable(current, para):
        return None
    subject = index.subject_of(current)
    if subject is None or subject.i >= colon or not _speaker_ok(index, subject, para):
        return None
    if subject.pos_ == "PRON" or any(doc[k].text in SENTENCE_END for k in range(subject.i, colon)):
        return None
    return subject


def _only_fillers(doc: Doc, start: int, end: int) -> bool:
    return all(doc[k].pos_ in {"ADV", "PUNCT"} for k in range(start, end))


def _first_mention(index: _DocIndex, start: int, para: int, *, limit: int) -> Token | None:
    doc = index.doc
    for k in range(start, min(len(doc), start + limit)):
        tok = doc[k]
        if not index.usable(tok, para) or tok.text in SENTENCE_END:
            return None
        if tok.pos_ in MENTION_POS and tok.lower_ not in NON_SPEAKER_PRONOUNS:
            return mention_head(tok)
    return None


def _subject_between(index: _DocIndex, start: int, end: int, para: int) -> Token | None:
    """The speaker written between a quote and its cue when the parse gave the cue no usable
    subject: the last person name there, else the head of the first noun phrase."""
    doc = index.doc
    for k in range(end - 1, start - 1, -1):
        if doc[k].ent_type_ in PERSON_LABEL and index.usable(doc[k], para):
            return mention_head(doc[k])
    for k in range(start, end):
        tok = doc[k]
        if not index.usable(tok, para):
            return None
        if tok.pos_ in MENTION_POS and tok.lower_ not in NON_SPEAKER_PRONOUNS:
            return mention_head(tok)
    return None


def _left_neighbour_mention(index: _DocIndex, verb: int, para: int) -> Token | None:
    """The noun phrase just before a subjectless cue verb (`Paul Ryan (R-Wis.) said`)."""
    doc = index.doc
    k = verb - 1
    if k >= 0 and doc[k].text == ")":
        while k >= 0 and doc[k].text != "(" and verb - k < 12:
            k -= 1
        k -= 1
    while k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or not index.usable(doc[k], para):
        return None
    tok = doc[k]
    if tok.pos_ in {"PROPN", "NOUN"} or (
        tok.pos_ == "PRON" and tok.lower_ not in NON_SPEAKER_PRONOUNS
    ):
        return mention_head(tok)
    return None


def _last_mention(index: _DocIndex, start: int, end: int, para: int) -> Token | None:
    doc = index.doc
    for k in range(end - 1, start - 1, -1):
        tok = doc[k]
        if not index.usable(tok, para):
            return None
        if tok.pos_ in MENTION_POS and tok.lower_ not in NON_SPEAKER_PRONOUNS:
            return mention_head(tok)
    return None


def mention_extent(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by `token`, without appositions or clauses."""
    if token.pos_ == "PRON":
        return token.i, token.i + 1
    left = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS or (child.dep_ == "punct" and child.text == "-"):
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in {"compound", "flat"} or (child.dep_ == "case" and child.i == right):
            right = max(right, child.right_edge.i + 1)
        elif token.pos_ == "NOUN" and child.left_edge.i == right and _np_post_modifier(child):
            right = max(right, child.right_edge.i + 1)
    return left, right


def _np_post_modifier(child: Token) -> bool:
    """A right dependent kept in a common-noun mention: "of/for/to X", "familiar with X",
    "released Monday", "and spectators" (a coordinated noun)."""
    if child.dep_ in {"prep", "amod"}:
        if any(obj.ent_type_ in NON_SPEAKER_LABELS for obj in child.children):
            return False  # "the campaign on Monday": a time, not part of the name
        return child.lower_ in NP_RIGHT_PREPS or child.lower_ in NP_RIGHT_ADJECTIVES
    if child.dep_ == "acl":
        return child.tag_ in NP_RIGHT_PARTICIPLE_TAGS
    if child.dep_ == "cc":
        return any(c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} for c in child.head.rights)
    return child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}


def _cue_adjacent(index: _DocIndex, span: Span, candidate: SpeakerCandidate) -> bool:
    """The candidate's cue ends right before the quote's opening mark (`said, "Q"`)."""
    if candidate.cue is None:
        return False
    doc = index.doc
    k = span.start - 1
    while k >= candidate.cue[1] and (is_mark(doc[k]) or doc[k].text in ATTACHING_PUNCT):
        k -= 1
    return k < candidate.cue[1]


def _candidate(
    index: _DocIndex, head: Token, cue: tuple[int, int] | None, layout: Layout
) -> SpeakerCandidate:
    head = mention_head(head)
    possessor = _speech_possessor(index, head, index.para[head.i])
    if possessor is not None:
        head = possessor  # "Trump's statement said": the statement's owner is the speaker
    if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.i < head.i:
        named = head.head
        if named.pos_ == "PROPN" and not index.inside[named.i]:
            head = named  # "Ann Lee, a city adviser, said": the name, not the role
    if head.pos_ == "NOUN":
        # "her nephew Tom Lee", "city adviser Ann Lee", "the weekly Courier": the name that follows
        first = head.i + 1
        while first < len(index.doc) and index.doc[first].is_space:
            first += 1  # "city adviser\u00a0Ann Lee": a no-break space before the name
        k = first
        while k < len(index.doc) and index.doc[k].ent_type_ in FOLLOWING_NAME_LABELS:
            if index.doc[k].pos_ != "PROPN" and index.doc[k].ent_type_ not in PERSON_LABEL:
                break
            k += 1
        if k > first and not index.inside[k - 1]:
            head = index.doc[k - 1]
    start, end = mention_extent(head)
    # never let a mention reach into a quotation or across the paragraph
    para = index.para[head.i]
    while start < head.i and (
        index.inside[start] or index.para[start] != para or is_mark_dash(index.doc[start])
    ):
        start += 1
    for k in range(head.i + 1, end):
        if index.inside[k] or index.para[k] != para or (cue is not None and k >= cue[0] > head.i):
            end = k  # a post-modifier stops at a quotation, the paragraph end or the cue
            break
    while end > head.i + 1 and index.doc[end - 1].is_punct:
        end -= 1
    return SpeakerCandidate(mention=(start, end), head=head.i, cue=cue, layout=layout)


def _borrow(candidate: SpeakerCandidate, layout: Layout, source: int) -> SpeakerCandidate:
    return SpeakerCandidate(
        mention=candidate.mention,
        head=candidate.head,
        cue=candidate.cue,
        layout=layout,
        source=source if candidate.source is None else candidate.source,
    )


def _previous_speech(
    quotes: Sequence[Span], results: Sequence[SpeakerCandidate | None], qi: int
) -> tuple[int, SpeakerCandidate] | None:
    for pi in range(qi - 1, -1, -1):
        candidate = results[pi]
        if candidate is not None:
            return pi, candidate
        quote: Quote | None = quotes[pi]._.quote
        if quote is not None and quote.is_speech:
            return None  # the previous speech quote has no speaker: do not skip over it
    return None


def _quote_only_paragraph(index: _DocIndex, span: Span) -> bool:
    """The quote's paragraph holds nothing but quoted text and punctuation."""
    return index.quote_only[index.para[span.start]]


def char_span(doc: Doc, tokens: tuple[int, int] | None) -> CharSpan | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return CharSpan(span.start_char, span.end_char, span.text)


# Confidence of an attribution by layout, before resolution (the resolver refines it).
LAYOUT_CONFIDENCE: dict[str, float] = {
    "after": 0.9,
    "governing": 0.85,
    "before": 0.8,
    "according_to": 0.85,
    "colon": 0.7,
    "after_late": 0.6,
    "verb": 0.5,
    "shared": 0.7,
    "previous": 0.5,
    "paragraph": 0.6,
    "sentence": 0.3,
}


def provisional_attribution(doc: Doc, candidate: SpeakerCandidate | None) -> Attribution:
    """The attribution before resolution: the mention's own words as the name."""
    if candidate is None or candidate.mention is None:
        cue = char_span(doc, candidate.cue) if candidate is not None else None
        return Attribution(None, cue, None, None, "context", 0.1)
    mention = char_span(doc, candidate.mention)
    local = candidate.layout in LOCAL_LAYOUTS
    pronoun = candidate.head is not None and doc[candidate.head].pos_ == "PRON"
    return Attribution(
        mention=mention,
        cue=char_span(doc, candidate.cue),
        entity_id=None,
        name=mention.text if mention is not None and not pronoun else None,
        resolution="explicit" if local else "context",
        confidence=LAYOUT_CONFIDENCE[candidate.layout],
    )
