"""Attributions written after the quote, in the paragraph where it closes: `"Q," X said` /
`"Q," said X` / `"Q," X, the mayor, said` / `"Q" ... X said later` / `"Q," Smith pressed` /
`"Q" ― Jane Doe`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from app.pipeline.speakers.candidate import candidate
from app.pipeline.speakers.context import (
    ATTACHING_PUNCT,
    DocIndex,
    QuoteContext,
    first_below,
    is_mark,
    is_mark_dash,
)
from app.pipeline.speakers.cues import NON_SPEAKER_PRONOUNS, according_to_source, misread_surname
from app.pipeline.speakers.mentions import first_mention, speaker_ok, subject_between
from app.pipeline.speakers.ranked import titled_name
from app.pipeline.syntax import (
    GERUND_TAG,
    NOMINAL_SUBJECT_DEPS,
    NON_SPEAKER_LABELS,
    PERSON_LABELS,
    VERB_POS,
    mention_head,
)
from app.pipeline.text import SENTENCE_END, UNFINISHED_QUOTE_ENDS
from app.pipeline.types import SpeakerCandidate

# Dashes that introduce a signature after a quote ("Q" ― Jane Doe).
DASHES: frozenset[str] = frozenset({"―", "—", "–", "-", "--"})
# A subordinator that may open the attribution right after a quote (`"Q," as Lee said`).
AS_WORDS: frozenset[str] = frozenset({"as"})
# Dependency labels of a verb heading the short clause after a quote (root or attached to it).
PLAIN_CLAUSE_DEPS: frozenset[str] = frozenset({"ROOT", "parataxis", "ccomp", "advcl", "conj"})
# How many tokens the subject and verb of that clause may take; how many may follow the verb.
PLAIN_CLAUSE_SCAN = 6
PLAIN_CLAUSE_TAIL = 4
# A verb of a source relaying the quote later in its sentence (`"Q," Lee said, the Times
# reported`), its finite tags, and how far after the quote it may stand.
RELAY_VERBS: frozenset[str] = frozenset({"report"})
RELAY_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})
RELAY_SCAN = 60
# How many tokens after an inverted cue (`said Smith`, `beamed Smith`) the speaker may start.
INVERTED_SPEAKER_SCAN = 4
# Prepositions of time or manner that put a gerund cue beside the quote's speech, not on it.
TIMING_PREPOSITIONS: frozenset[str] = frozenset({"before", "after", "without", "instead"})
INVERTED_PLAIN_SPEAKER_SCAN = 3
# How many tokens after a dash a signature may take (`"Q" ― Jane Doe, mayor of Springfield`),
# and how many of them may be words.
DASH_SIGNATURE_SCAN = 24
DASH_SIGNATURE_WORDS = 8

# The short clause `after_words` reads: how many tokens it may take, what closes it, the words
# that may follow its verb (`shot back`), the tags of a verb and the parts of its noun phrase.
WORDS_CLAUSE_SCAN = 9
WORDS_CLAUSE_ENDS: frozenset[str] = SENTENCE_END | {",", ";"}
# Where the search for the speaker after an inverted cue stops (`said Tully, explaining he ...`).
INVERTED_SPEAKER_ENDS: frozenset[str] = SENTENCE_END | {","}
WORDS_CLAUSE_TAILS: frozenset[str] = frozenset({"back", "up", "out", "on", "in", "again", "too"})
WORDS_VERB_TAGS: frozenset[str] = frozenset({"VBD", "VBZ"})
WORDS_PHRASE_POS: frozenset[str] = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP"})

AfterScan = tuple[SpeakerCandidate, bool] | None  # the candidate, and whether it is tight


def unfinished(index: DocIndex, span: Span) -> bool:
    """The quote ends with a comma, inside its marks or right after them (`"Q," X said`)."""
    if span[-1].text in UNFINISHED_QUOTE_ENDS:
        return True
    k = span.end
    while k < len(index.doc) and is_mark(index.doc[k]):
        k += 1
    return k < len(index.doc) and index.doc[k].text == ","


def after_scan(q: QuoteContext) -> AfterScan:
    """The first cue after the quote in its sentence, with its speaker; tight when the speaker
    or the cue comes right after the quote."""
    index, span, doc = q.index, q.span, q.doc
    n = len(doc)
    para = q.end_para
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
    for j in range(start, min(n, start + q.settings.after_window)):
        tok = doc[j]
        if index.para[j] != para or index.inside[j] or is_mark(tok):
            break
        if tok.text in SENTENCE_END and j > start:
            break
        if j in index.matches.according:
            source = according_to_source(tok)
            if source is not None and index.usable(source, para) and source.i > j:
                return candidate(index, source, index.cue_extent(tok)), j == start
        if j in index.matches.phrase_starts or not index.is_cue(tok):
            continue
        if _timed(tok):
            continue  # `"Q?" she paused before answering`: the answer is not this quote
        if _introduces_next_quote(q, tok):
            return None  # `"Q1." Of Marsh, Quinn said, "Q2"`: the next quote's cue
        subject = index.subject_of(tok)
        if subject is not None and subject.i >= start and speaker_ok(index, subject, para):
            # `"Q," as Pratt said on Monday`: an "as" clause right after the quote is its cue
            opens = start + 1 if doc[start].lower_ in AS_WORDS else start
            tight = subject.left_edge.i <= opens or j == start
            relayed = according_later(q, index.cue_extent(tok)[1])
            found = candidate(index, subject, index.cue_extent(tok))
            if subject.left_edge.i > j:  # `said Army 1st Lt. Derek Hollis`
                found = titled_name(index, found, para)
            return relayed or found, tight
        if tok.tag_ != GERUND_TAG and (j == start or _only_fillers(q, start, j)):
            # `"Q," said X` (not `"Q," saying the city ...`: a participle has no inversion)
            inverted = _inverted_speaker(index, j + 1, para, limit=INVERTED_SPEAKER_SCAN)
            if inverted is not None and subject is not None and _subject_of_another(inverted, tok):
                # `X, whose slogan is "Axe the tax," said the government is ...`: the cue has its
                # subject before the quote, and the word after it says what was said
                return None
            if inverted is not None:
                relayed = according_later(q, inverted.i + 1)
                found = titled_name(index, candidate(index, inverted, index.cue_extent(tok)), para)
                return relayed or found, True
        if j > start:
            before_verb = subject_between(index, start, j, para)
            if before_verb is not None:
                return candidate(index, before_verb, index.cue_extent(tok)), True
        return None
    dash = _dash(q, start)
    return (dash, True) if dash is not None else None


def _subject_of_another(word: Token, cue: Token) -> bool:
    """The word after an inverted cue is the subject of a clause below it (`said the government
    is taking money`): the content of what was said, not its speaker."""
    return word.dep_ in NOMINAL_SUBJECT_DEPS and word.head.i != cue.i and cue.is_ancestor(word)


def _timed(cue: Token) -> bool:
    """A gerund cue under a preposition of time or manner (`before answering`, `after saying`,
    `without replying`): the speech it names is another than the quote's."""
    prep = cue.head
    return cue.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in TIMING_PREPOSITIONS


def according_later(q: QuoteContext, start: int) -> SpeakerCandidate | None:
    """`"Q," Lee said, according to CNN.`, `Lee called it "Q," the Times reported.`: the source
    that relays the quote, later in the sentence of its cue (the corpus credits the quote to the
    relaying source)."""
    index, doc = q.index, q.doc
    for k in range(start, min(len(doc), start + RELAY_SCAN)):
        tok = doc[k]
        if (
            index.para[k] != q.end_para
            or index.inside[k]
            or is_mark(tok)
            or tok.text in SENTENCE_END
        ):
            return None
        if k in index.matches.according and k < start + q.settings.after_window:
            source = according_to_source(tok)
            if source is not None and source.i > k and index.usable(source, q.end_para):
                return candidate(index, source, index.cue_extent(tok))
            return None
        if tok.lemma_.lower() in RELAY_VERBS and tok.tag_ in RELAY_TAGS:
            return _reporter(q, tok, start)
    return None


def _reporter(q: QuoteContext, verb: Token, start: int) -> SpeakerCandidate | None:
    """The subject of `the Times reported` after a quote, or the name right after `, reported
    the Examiner` (inverted)."""
    index = q.index
    for child in verb.lefts:
        if child.dep_ == "nsubj" and child.i >= start and speaker_ok(index, child, q.end_para):
            return candidate(index, child, index.cue_extent(verb))
    if verb.i > 0 and q.doc[verb.i - 1].text == "," and verb.dep_ != "conj":
        inverted = _inverted_speaker(index, verb.i + 1, q.end_para, limit=INVERTED_SPEAKER_SCAN)
        if inverted is not None:
            return candidate(index, inverted, index.cue_extent(verb))
    return None


def _introduces_next_quote(q: QuoteContext, cue: Token) -> bool:
    """A quote that ends its sentence, and a cue after it that opens another quotation."""
    if q.span[-1].text not in SENTENCE_END:
        return False
    doc, index = q.doc, q.index
    k = index.cue_extent(cue)[1]
    while k < len(doc) and doc[k].text in ATTACHING_PUNCT:
        k += 1
    return k < len(doc) and index.inside[k] and k > q.span.end


def after(q: QuoteContext) -> SpeakerCandidate | None:
    if q.span[-1].text in SENTENCE_END and (q.quote.type == "partial" or _run_in(q)):
        return None  # `a "broken system." Marsh struggled to answer`: another sentence
    found = q.once(after_scan)
    return found[0] if found is not None and found[1] else None


def _run_in(q: QuoteContext) -> bool:
    """The quote is the end of a sentence of narration: a word of its paragraph, no cue's
    punctuation, runs into its opening mark (`what has become an annual "September scramble."
    The consortium says ...`: the next sentence's speaker is not its)."""
    k = q.span.start - 1
    while k >= 0 and is_mark(q.doc[k]):
        k -= 1
    word = q.doc[k] if k >= 0 else None
    return (
        word is not None
        and q.index.para[k] == q.para
        and word.is_alpha
        and not q.index.is_cue(word)
    )


def after_late(q: QuoteContext) -> SpeakerCandidate | None:
    found = q.once(after_scan)
    return found[0] if found is not None and not found[1] else None


def _only_fillers(q: QuoteContext, start: int, end: int) -> bool:
    return all(q.doc[k].pos_ in {"ADV", "PUNCT"} for k in range(start, end))


def _clause_after_unfinished_quote(q: QuoteContext) -> int | None:
    """Where the clause after a quote starts (past its marks and any attaching punctuation),
    when the quote is unfinished (`"Q,"`, `"Q?"`, or a comma right after the marks); else None."""
    index, span, doc = q.index, q.span, q.doc
    n = len(doc)
    i = span.end
    while i < n and index.para[i] == q.end_para and (is_mark(doc[i]) or doc[i].is_space):
        i += 1
    if span[-1].text not in UNFINISHED_QUOTE_ENDS and (i >= n or doc[i].text != ","):
        return None
    while i < n and index.para[i] == q.end_para and doc[i].text in ATTACHING_PUNCT:
        i += 1
    return i


def after_plain(q: QuoteContext) -> SpeakerCandidate | None:
    """`"Q," Smith pressed.` / `"Q?" beamed Smith`: a short clause after an unfinished quote
    whose verb is not in the cue lexicon, its subject right after the quote."""
    index, doc = q.index, q.doc
    n = len(doc)
    para = q.end_para
    start = _clause_after_unfinished_quote(q)
    if start is None:
        return None
    for j in range(start, min(n, start + PLAIN_CLAUSE_SCAN)):
        tok = doc[j]
        if not index.usable(tok, para) or is_mark(tok) or tok.text in SENTENCE_END:
            return None
        if tok.pos_ != "VERB":
            continue
        if tok.dep_ not in PLAIN_CLAUSE_DEPS or not _clause_ends_soon(index, j + 1, para):
            return None
        if j == start:
            inverted = _inverted_speaker(index, j + 1, para, limit=INVERTED_PLAIN_SPEAKER_SCAN)
            if inverted is not None and inverted.ent_type_ in PERSON_LABELS:
                return candidate(index, inverted, index.cue_extent(tok))
            return None
        subject = index.subject_of(tok)
        if subject is None or subject.i != mention_head(doc[start]).i:
            if subject is None or subject.left_edge.i != start:
                return None
        if subject.pos_ in {"PROPN", "PRON"} and speaker_ok(index, subject, para):
            return candidate(index, subject, index.cue_extent(tok))
        return None
    return None


def _clause_ends_soon(index: DocIndex, start: int, para: int) -> bool:
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


def signature_below(q: QuoteContext) -> SpeakerCandidate | None:
    """`"Q" ¶ - Helen Park.`, `"Q" ¶ -Governor Lund, tweeting after the speech.`: a
    quote-only paragraph signed by a dash and a name (a description may follow a comma) in the
    paragraph right below it."""
    index, doc = q.index, q.doc
    start = first_below(q)
    if start is None:
        return None
    if doc[start].text in DASHES:
        first = start + 1
    elif _glued_dash(doc[start]):
        first = start  # `-Rachel Doyle, Pittsburgh.`: the dash written onto the name
    else:
        return None
    end = index.para_end[q.end_para + 1]
    # the name is what comes before a comma (`- Jane Doe, speaking after the vote`)
    comma = next((t.i for t in doc[first:end] if t.text == ","), end)
    tokens = [t for t in doc[first:comma] if not (t.is_punct or t.is_space)]
    if not tokens or len(tokens) > DASH_SIGNATURE_WORDS or any(t.pos_ == "VERB" for t in tokens):
        return None
    names = [t for t in tokens if t.pos_ == "PROPN"]
    if not names or index.inside[names[0].i]:
        return None
    return candidate(index, names[-1], (start, start + 1))


def _glued_dash(token: Token) -> bool:
    """A dash written onto the word after it (`-Michelle`), one token."""
    return len(token.text) > 1 and token.text[0] in DASHES and token.text[1:].isalpha()


def _dash(q: QuoteContext, start: int) -> SpeakerCandidate | None:
    """`"Q" ― Jane Doe`: a dash after the quote and then only a name up to the paragraph end."""
    index, span, doc = q.index, q.span, q.doc
    para = q.end_para
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
    # the name is what comes before a comma (`— Dan Kelly, CFIB`: Kelly, not the federation);
    # a verb there makes a clause, one after it is the description's (`— Tom Baird, retired`)
    comma = next((t.i for t in doc[start:end] if t.text == ","), end)
    if not tokens or len(tokens) > DASH_SIGNATURE_WORDS:
        return None
    if any(t.pos_ == "VERB" and t.i < comma for t in tokens):
        return None
    names = [t for t in tokens if t.pos_ in {"PROPN", "NOUN"} and t.i < comma]
    if not names or index.inside[names[0].i]:
        return None
    return candidate(index, names[-1], (dash, dash + 1))


def after_words(q: QuoteContext) -> SpeakerCandidate | None:
    """`"Q," the editorial read.` / `"Q?" Lee pressed.`: a short clause closing the sentence
    after an unfinished quote, read from its words when the parse of that clause failed (a name
    tagged as a verb, a cue tagged as a noun): a noun phrase, then a verb, then at most a
    particle or an adverb (or, after a cue word, a prepositional phrase)."""
    index, doc = q.index, q.doc
    n = len(doc)
    para = q.end_para
    clause = _clause_after_unfinished_quote(q)
    if clause is None:
        return None
    start = end = clause
    while end < n and end - start <= WORDS_CLAUSE_SCAN:
        tok = doc[end]
        if index.para[end] != para or tok.is_space or tok.text in WORDS_CLAUSE_ENDS:
            break
        if not index.usable(tok, para) or is_mark(tok):
            return None
        end += 1
    if end - start > WORDS_CLAUSE_SCAN:
        return None
    verb = end - 1
    while verb > start and doc[verb].lower_ in WORDS_CLAUSE_TAILS:
        verb -= 1
    if verb - start < 1 or not _reads_as_verb(q, doc[verb]):
        # `"Q," the auditors state in the annual review`: the cue before a closing phrase
        cue = _cue_before_phrase(q, start, end)
        if cue is None:
            return None
        verb = cue
    phrase = [doc[k] for k in range(start, verb)]
    if not all(_noun_phrase_word(t) for t in phrase) or phrase[0].pos_ in {"ADP", "PUNCT"}:
        return None
    cut = next((k for k, t in enumerate(phrase) if t.pos_ == "ADP" and k > 0), len(phrase))
    noun = phrase[:cut]
    head = noun[-1]
    if head.lower_ in NON_SPEAKER_PRONOUNS or head.ent_type_ in NON_SPEAKER_LABELS:
        return None
    if not (head.is_title or head.pos_ in {"NOUN", "PROPN", "ADJ"} or head.ent_type_):
        return None
    return SpeakerCandidate(mention=(start, verb), head=head.i, cue=(verb, verb + 1))


def _cue_before_phrase(q: QuoteContext, start: int, end: int) -> int | None:
    """`"Q," the auditors state in the annual review`: a cue word (by its lemma, whatever its tag)
    followed by a prepositional phrase up to the clause's end."""
    doc, verbs = q.doc, q.settings.lexicon.verbs
    for k in range(start + 1, end - 1):
        tok = doc[k]
        if tok.is_lower and (tok.lemma_.lower() in verbs or tok.lower_ in verbs):
            return k if doc[k + 1].pos_ == "ADP" else None
    return None


def _reads_as_verb(q: QuoteContext, token: Token) -> bool:
    """A lower-case word that is a cue by its lemma whatever its tag, or a past or present
    verb by its tag."""
    if not token.is_lower or not token.is_alpha:
        return False
    if token.lemma_.lower() in q.settings.lexicon.verbs or token.lower_ in q.settings.lexicon.verbs:
        return True
    return token.tag_ in WORDS_VERB_TAGS


def _noun_phrase_word(token: Token) -> bool:
    """A word that may belong to a speaker's noun phrase (or a name the tagger mistook)."""
    if token.is_title or token.tag_ == "PRP$":
        return True
    return token.pos_ in WORDS_PHRASE_POS or token.text in {"-", "'s", "’s"}


def _inverted_speaker(index: DocIndex, start: int, para: int, *, limit: int) -> Token | None:
    """The speaker after an inverted cue (`"Q," said Tully`): the first word that can head a
    mention before a comma (not the subject of a participle after it: `said Tully, explaining
    he ...`), or a capitalised word right after the cue that the tagger, reading a surname's
    ending, called an adverb or an adjective (`Tully`, `Connolly`)."""
    doc = index.doc
    if start < len(doc):
        word = doc[start]
        if misread_surname(word) and not word.is_sent_start:
            return word if index.usable(word, para) else None
    return first_mention(index, start, para, limit=limit, stops=INVERTED_SPEAKER_ENDS)
