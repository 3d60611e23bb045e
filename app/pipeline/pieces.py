"""Long texts through the pipeline in pieces: bounded memory, linear time, one answer per article.

The base model's components (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) read a
window of a few tokens, so they can parse an article in pieces. Ours cannot: quotes are found on
the whole text and the speaker resolver builds one entity model of the whole article. So
`pipe_in_pieces`:

1. tokenizes each text once (`nlp.make_doc`, the bounded tokenizer);
2. cuts a text of more than `max_tokens` tokens into pieces of at most `piece_tokens` tokens,
   each cut after a paragraph break where there is one in the second half of the window, else
   after a line break, then after a sentence-final mark, then after any whitespace, else between
   two tokens (a very long run without whitespace); the pieces hold exactly the text's tokens;
3. runs the base components over batches: whole texts share a batch of at most `batch_size`
   texts and `max_tokens` tokens, each piece of a longer text is a batch of its own, so the
   model's working memory is that of `max_tokens` tokens whatever the article;
4. joins an article's pieces with `Doc.from_docs(..., ensure_whitespace=False)` (the joined
   `doc.text` is exactly the input, so every offset indexes the client's text) and runs the
   whole-document components (ours) on the joined Doc, which holds the whole article's entities.

A text of at most `max_tokens` tokens is parsed whole and meets exactly the same components as in
`nlp.pipe`, so its answer is byte-identical to the unpieced pipeline's. A longer one differs only
where the base model would have looked across a cut (a sentence can't span two pieces, and the
dependency parse and entities near a cut see only their own side).

`checkpoint(tokens)` is called after every base component on a batch (with the batch's tokens
after the last one, 0 otherwise) and with 0 before each whole-document stage: it may raise to
abandon the work (a deadline), which then stops within one component's run over one batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc

from app.pipeline.text import doc_text

# The longest text parsed whole, and the most tokens in one batch of whole texts: above the
# longest article of the dev set (4,361 tokens, 22,068 characters), so ordinary articles are never
# cut; a batch this size peaks at about 100 MB of the model's working memory.
MAX_WHOLE_TOKENS = 5000
# Pieces of a longer text, each parsed as a batch of its own: cut at paragraph breaks (news
# paragraphs are 20-150 tokens), and short enough that one base component on one piece takes
# about 0.1 s, so whoever waits for the pipeline between two pieces (`checkpoint`) waits little.
PIECE_TOKENS = 1000

# Factories of the components that must see the whole article (ours); they and every component
# after the first of them run on the joined Doc.
WHOLE_DOC_FACTORIES = frozenset({"quote_finder", "speaker_attributor", "speaker_resolver"})

# Where a cut may go, best first: after a paragraph break, a line break, a sentence-final mark
# followed by whitespace, any whitespace.
_PARAGRAPH, _LINE, _SENTENCE, _SPACE = range(4)
# A sentence's last token (the tokenizer splits these off a word, but not off "Mr." or "U.S."),
# and the closing quote marks that may follow one.
_SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
_CLOSING_QUOTE = frozenset({"”", '"', "’", "'", "»"})

Context = TypeVar("Context")
Checkpoint = Callable[[int], None]


def whole_doc_components(nlp: Language) -> list[str]:
    """Names of the components that run on the joined Doc: the first one built by a factory of
    `WHOLE_DOC_FACTORIES` and every one after it."""
    names = nlp.pipe_names
    for index, name in enumerate(names):
        if nlp.get_pipe_meta(name).factory in WHOLE_DOC_FACTORIES:
            return list(names[index:])
    return []


def _cut_rank(doc: Doc, i: int) -> int | None:
    """How good a cut after token `i` is (lower is better); None: no whitespace there."""
    token = doc[i]
    if token.is_space:
        return _PARAGRAPH if "\n\n" in token.text else _LINE if "\n" in token.text else _SPACE
    if not token.whitespace_:
        return None
    if i + 1 < len(doc) and doc[i + 1].is_space and "\n" in doc[i + 1].text:
        return None  # the line break after this token is a better place
    ends = token.text in _SENTENCE_END or (
        token.text in _CLOSING_QUOTE and i > 0 and doc[i - 1].text in _SENTENCE_END
    )
    return _SENTENCE if ends else _SPACE


def cut_points(doc: Doc, max_tokens: int) -> list[int]:
    """Token indices where the pieces of `doc` start (the first is 0); every piece has at most
    `max_tokens` tokens. Linear: each window is scanned once, backwards from its end."""
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be positive, got {max_tokens}")
    starts = [0]
    start = 0
    while len(doc) - start > max_tokens:
        end = start + max_tokens  # the next piece is doc[start:end] at most
        best, best_rank = end, len(range(4))  # no whitespace at all: cut between two tokens
        for i in range(end - 1, start + max_tokens // 2 - 1, -1):
            rank = _cut_rank(doc, i)
            if rank is not None and rank < best_rank:
                best, best_rank = i + 1, rank
                if rank == _PARAGRAPH:
                    break
        starts.append(best)
        start = best
    return starts


def split_doc(doc: Doc, max_tokens: int, piece_tokens: int) -> list[Doc]:
    """`doc` (tokenized, not yet parsed) itself when it has at most `max_tokens` tokens, else as
    pieces of at most `piece_tokens` tokens whose texts join back to `doc.text`."""
    if len(doc) <= max_tokens:
        return [doc]
    bounds = [*cut_points(doc, piece_tokens), len(doc)]
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    norms: Any = doc.to_array([NORM])  # what the tokenizer sets beyond the words (its exceptions)
    pieces = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
        pieces.append(piece.from_array([NORM], norms[a:b]))
    return pieces


@dataclass
class _Article(Generic[Context]):
    text: str
    context: Context
    pieces: int
    parsed: list[Doc] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return len(self.parsed) == self.pieces


def pipe_in_pieces(
    nlp: Language,
    items: Iterable[tuple[str, Context]],
    *,
    batch_size: int = 16,
    max_tokens: int = MAX_WHOLE_TOKENS,
    piece_tokens: int = PIECE_TOKENS,
    checkpoint: Checkpoint | None = None,
) -> Iterator[tuple[Doc, Context]]:
    """Like `nlp.pipe(items, as_tuples=True)`, in input order; a text of more than `max_tokens`
    tokens is parsed in pieces of at most `piece_tokens` (see the module's docstring)."""
    if min(batch_size, max_tokens, piece_tokens) < 1:
        raise ValueError("batch_size, max_tokens and piece_tokens must be positive")
    whole = whole_doc_components(nlp)
    base = [name for name in nlp.pipe_names if name not in whole]
    waiting: list[_Article[Context]] = []  # in input order, not yet yielded
    batch: list[tuple[Doc, _Article[Context]]] = []
    batch_tokens = 0

    def run_batch() -> Iterator[tuple[Doc, Context]]:
        nonlocal batch, batch_tokens
        docs = [piece for piece, _ in batch]
        for name in base:  # one component at a time, as nlp.pipe would on one batch
            others = [n for n in nlp.pipe_names if n != name]
            docs = list(nlp.pipe(docs, disable=others, batch_size=len(docs)))
            if checkpoint is not None:
                checkpoint(batch_tokens if name == base[-1] else 0)
        for doc, (_, article) in zip(docs, batch, strict=True):
            article.parsed.append(doc)
        batch, batch_tokens = [], 0
        while waiting and waiting[0].complete:
            article = waiting.pop(0)
            yield _finish(nlp, article, whole, checkpoint), article.context

    for text, context in items:
        pieces = split_doc(nlp.make_doc(text), max_tokens, piece_tokens)
        article = _Article(text, context, len(pieces))
        waiting.append(article)
        if len(pieces) > 1:  # each piece a batch of its own
            if batch:
                yield from run_batch()
            for piece in pieces:
                batch, batch_tokens = [(piece, article)], len(piece)
                yield from run_batch()
            continue
        (doc,) = pieces
        if batch and (len(batch) >= batch_size or batch_tokens + len(doc) > max_tokens):
            yield from run_batch()
        batch.append((doc, article))
        batch_tokens += len(doc)
    if batch:
        yield from run_batch()


def _finish(
    nlp: Language, article: _Article[Context], whole: list[str], checkpoint: Checkpoint | None
) -> Doc:
    """The article's parsed pieces joined into one Doc, through the whole-document components."""
    if len(article.parsed) == 1:
        doc = article.parsed[0]
    else:
        # (spaCy's stub lacks `exclude`; the tensor is not needed past the base components)
        doc = Doc.from_docs(  # type: ignore[call-arg]
            article.parsed, ensure_whitespace=False, exclude=["tensor"]
        )
        article.parsed.clear()
        if doc_text(doc) != article.text:  # the tokenizer covers every character; never expected
            raise ValueError("pieces do not join back to the article's text")
    if not whole:
        return doc
    if checkpoint is not None:
        checkpoint(0)
    (done,) = nlp.pipe([doc], disable=[n for n in nlp.pipe_names if n not in whole])
    return done
