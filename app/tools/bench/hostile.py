"""Texts of any length for the scaling and mixed-load runs of `quotes bench`: ordinary prose, and
the two hostile shapes of issue 17 (emoji-rich quotes; tens of thousands of short lines).

Each is deterministic, and the text of length n is the first n characters of any longer one, so
"a 150,000-character article against its first 15,000 characters" compares like with like.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from app.tools.bench.corpus import SEED_ARTICLE

_EMOJI = "😀🎉👍😂🔥💯🙏✨🤔😡"


def prose(chars: int) -> str:
    """The seed article's paragraphs, again and again (a blank line between two copies)."""
    seed = SEED_ARTICLE.read_text(encoding="utf-8").strip()
    copies = chars // (len(seed) + 2) + 1
    return "\n\n".join([seed] * copies)[:chars]


def emoji_quotes(chars: int) -> str:
    """Short quotes thick with emoji, each with its speaker, five to a paragraph: about one
    token per 2.5 characters, and a quote every 32 characters."""
    parts: list[str] = []
    size = 0
    for n in itertools.count():
        mark = _EMOJI[n % len(_EMOJI)]
        part = f"“{mark}{mark} Wow {mark} great{mark}!” said Ann{n % 7} {mark}. "
        if n % 5 == 4:
            part += "\n\n"
        parts.append(part)
        size += len(part)
        if size >= chars:
            break
    return "".join(parts)[:chars]


def short_lines(chars: int) -> str:
    """Lines of two letters (50,000 lines in 150,000 characters): two tokens per 3 characters."""
    return ("ab\n" * (chars // 3 + 1))[:chars]


# name -> text of n characters
KINDS: dict[str, Callable[[int], str]] = {
    "prose": prose,
    "emoji quotes": emoji_quotes,
    "short lines": short_lines,
}
