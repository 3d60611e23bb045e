"""A tokenizer guard: spaCy's tokenizer is quadratic in the length of a whitespace-free chunk full
of affixes (4,000 quote marks in a row take over a second, 200,000 would take an hour). Chunks
longer than `max_chunk` characters are tokenized in pieces of that size, so the time stays linear;
the Doc's text is still exactly the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.attrs import IS_TITLE, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from app.pipeline.text import keep_text

# Long enough for any real word, URL or hashtag; short enough that one piece tokenizes in ~1 ms.
DEFAULT_MAX_CHUNK = 256


class BoundedTokenizer:
    """Wraps a pipeline's tokenizer; delegates everything but very long chunks to it."""

    def __init__(self, tokenizer: Tokenizer, max_chunk: int = DEFAULT_MAX_CHUNK) -> None:
        if max_chunk < 16:
            raise ValueError(f"max_chunk must be at least 16 characters, got {max_chunk}")
        self.tokenizer = tokenizer
        self.max_chunk = max_chunk
        self._long_chunk = re.compile(rf"\S{{{max_chunk + 1},}}")

    def __call__(self, text: str) -> Doc:
        doc: Doc
        if self._long_chunk.search(text) is None:
            doc = self.tokenizer(text)
        else:
            docs = [self.tokenizer(piece) for piece in self._pieces(text)]
            doc = Doc.from_docs(docs, ensure_whitespace=False)
        keep_text(doc, text)  # (the components read the text; spaCy would join it again)
        return doc

    def _pieces(self, text: str) -> Iterator[str]:
        """`text` cut before and inside each long chunk; the pieces join back to `text`."""
        position = 0
        for match in self._long_chunk.finditer(text):
            if match.start() > position:
                yield text[position : match.start()]
            starts = range(match.start(), match.end(), self.max_chunk)
            for start in starts[:-1]:
                yield text[start : start + self.max_chunk]
            # The last piece keeps the space after the chunk, as the token's trailing whitespace.
            position = match.end() + int(text[match.end() : match.end() + 1] == " ")
            yield text[starts[-1] : position]
        if position < len(text):
            yield text[position:]

    # The wrapped tokenizer's data is what gets saved and loaded.
    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> BoundedTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        data: bytes = self.tokenizer.to_bytes(**kwargs)
        return data

    def from_bytes(self, data: bytes, **kwargs: Any) -> BoundedTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def __getattr__(self, name: str) -> Any:
        # pipe(), explain(), rules ... of the wrapped tokenizer stay reachable.
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def bound_tokenizer(nlp: Language, max_chunk: int = DEFAULT_MAX_CHUNK) -> None:
    """Install the guard on `nlp` (once)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, max_chunk)


# A double quote mark glued to the word after it (`nonsense,”Lopez said`, `wrong."Smith`):
# split off, so the name after a closing mark is a token of its own.
GLUED_QUOTE_INFIX = r"(?<=[^\s\"\u201c\u201d])[\"\u201c\u201d](?=[^\W\d_])"


def _spacy_tokenizer(nlp: Language) -> Any:
    """The pipeline's spaCy tokenizer, inside the guard if `bound_tokenizer` wrapped it."""
    tokenizer: Any = nlp.tokenizer
    return tokenizer.tokenizer if isinstance(tokenizer, BoundedTokenizer) else tokenizer


def split_glued_quotes(nlp: Language) -> None:
    """Add the glued-quote infix to the infixes the pipeline's tokenizer has (once)."""
    tokenizer = _spacy_tokenizer(nlp)
    current = getattr(tokenizer.infix_finditer, "__self__", None)
    pattern = current.pattern if isinstance(current, re.Pattern) else ""
    if GLUED_QUOTE_INFIX in pattern:
        return
    combined = f"{pattern}|{GLUED_QUOTE_INFIX}" if pattern else GLUED_QUOTE_INFIX
    tokenizer.infix_finditer = re.compile(combined).finditer


# Where a part of an abbreviation starts: its first letter, or one after a hyphen or a slash.
_PART_START_RE = re.compile(r"(^|[-/])([a-z])")


# An abbreviated title the model learnt before names: the abbreviations it never saw are shown
# to it with this one's features.
KNOWN_TITLE = "Sen."


def keep_abbreviations(nlp: Language, abbreviations: Iterable[str]) -> None:
    """Keep each abbreviation (`Cpl.`, `Capt.`) one token with its full stop, as the tokenizer
    already keeps `Sen.` and `Gov.`: a split-off stop reads as a sentence end before the name.
    The model sees each as it sees `Sen.` (norm, shape, prefix, suffix): a title it never saw
    (`Coun. Brad Bradford, who ..., said`) it read as a sentence of its own, or as punctuation,
    and left the cue with no subject. The tokens' text is unchanged."""
    tokenizer = _spacy_tokenizer(nlp)
    for entry in abbreviations:
        # `cpl.`, `Cpl.`, `CPL.`; each part of a joined rank capitalised (`Det.-Sgt.`, `S/Sgt.`)
        for word in {entry, _capitalise_parts(entry), entry.upper()}:
            tokenizer.add_special_case(word, [{ORTH: word}])
            _show_as(nlp, word, KNOWN_TITLE)


def _capitalise_parts(entry: str) -> str:
    """`det.-sgt.` -> `Det.-Sgt.`: the first letter of the entry and of each part after a
    hyphen or a slash in capitals, the rest as written."""
    return _PART_START_RE.sub(lambda m: m.group(1) + m.group(2).upper(), entry)


# The typographic apostrophe, and the typewriter one whose features it should show the model.
CURLY_APOSTROPHE = "\u2019"
STRAIGHT_APOSTROPHE = "'"
# The typographic quotation marks, each with the typewriter mark whose features it should show.
CURLY_QUOTE_MARKS: dict[str, str] = {"\u201c": '"', "\u201d": '"', "\u2018": "'"}


def straighten_apostrophe(nlp: Language) -> None:
    """Give the lone typographic apostrophe the shape, prefix and suffix of the typewriter one
    (its norm already is). The small English model, trained on typewriter text, tags a lone "’"
    as a closing quote, so `Forbes’ words` and `Rogers’ campaign` lose their possessive; with
    the typewriter features it reads them as `Forbes' words`. Only the model's view changes:
    the token's text is still "’"."""
    _show_as(nlp, CURLY_APOSTROPHE, STRAIGHT_APOSTROPHE)


def straighten_quote_marks(nlp: Language) -> None:
    """Give the typographic quotation marks (“ ” ‘) the shape, prefix and suffix of the
    typewriter ones (their norms already are '"' and "'"): the model parses a quotation and its
    speech verb as it learnt them on typewriter text. The tokens' text is unchanged."""
    for curly, straight in CURLY_QUOTE_MARKS.items():
        _show_as(nlp, curly, straight)


def _show_as(nlp: Language, form: str, model_form: str) -> None:
    """Let the model see `form` with the lexical features of `model_form` (norm, shape,
    prefix, suffix)."""
    lexeme = nlp.vocab[form]
    seen = nlp.vocab[model_form]
    lexeme.norm_ = seen.norm_
    lexeme.shape_ = seen.shape_
    lexeme.prefix_ = seen.prefix_
    lexeme.suffix_ = seen.suffix_


# A surname with a second capital after its prefix (`MacIsaac`, `McDonald`, `DeSantis`,
# `LeBlanc`): a capitalised word, though `str.istitle`, spaCy's `is_title`, says no.
PREFIXED_SURNAME_RE = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]+")


def title_case_surnames(nlp: Language) -> None:
    """Let `is_title` hold for prefixed surnames (`PREFIXED_SURNAME_RE`), in the words the vocab
    holds and in every one it meets later: every test of a capitalised word (a name the NER
    called an organisation that may be a person's, a name read as an adverb) missed `Rebecca
    MacIsaac`, so her "she" went to the woman named before her."""
    getters: dict[int, Any] = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    istitle = getters.get(IS_TITLE, str.istitle)

    def is_title(text: str) -> bool:
        return bool(istitle(text)) or PREFIXED_SURNAME_RE.fullmatch(text) is not None

    getters[IS_TITLE] = is_title
    for lexeme in nlp.vocab:
        if not lexeme.is_title and is_title(lexeme.orth_):
            lexeme.is_title = True
