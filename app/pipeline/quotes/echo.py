"""A headline's echo: a headline quotation whose words the body gives again.

`Mayor: 'We will fix every road'` over a body that quotes "We will fix every road" where it is
said repeats the body's quotation; the echo is typed title so that each quotation is reported
once, where the story attributes it. A headline may shorten the quotation, so a run of half its
words is enough, but never a single word of a longer quotation nor a run of small words only:
`'a disaster'` is not echoed by "the disaster began", nor `"It is what it is"` by any "it is".
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS


def is_echo(content_words: list[str], rest_words: str) -> bool:
    """A run of `content_words` (a headline quotation's words, as `features` compares them)
    comes again in `rest_words` (the body's, joined by single blanks and padded with one): the
    whole quotation, or a run of at least half its words and at least two, one of them not a
    small word."""
    ws = content_words
    if not ws or not rest_words.strip():
        return False
    if " " + " ".join(ws) + " " in rest_words:
        return True
    k = max((len(ws) + 1) // 2, 2)
    return any(
        " " + " ".join(run) + " " in rest_words and not STOP_WORDS.issuperset(run)
        for run in (ws[i : i + k] for i in range(len(ws) - k + 1))
    )
