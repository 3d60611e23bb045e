"""The texts `quotes bench` times: the seed article, extra corpora, and a ~600-word article."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEED_ARTICLE = ROOT / "seeds" / "sanctuary-cities.txt"
HTTP_ARTICLE_WORDS = 600


def article_of_words(text: str, words: int = HTTP_ARTICLE_WORDS) -> str:
    """Whole paragraphs of `text`, repeated as needed, until about `words` words (never cut
    inside a paragraph, so every quote keeps both marks)."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        raise ValueError("the article has no text")
    chosen: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            n = len(paragraph.split())
            if count + n > words and chosen and count >= words * 0.9:
                return "\n\n".join(chosen)
            chosen.append(paragraph)
            count += n
            if count >= words:
                break
    return "\n\n".join(chosen)


def read_corpus(paths: Sequence[Path]) -> list[str]:
    """Texts of .txt files (whole file) and .jsonl files (the `text` of every line)."""
    texts: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def repeat_to(texts: Sequence[str], min_words: int) -> tuple[list[str], int]:
    """The corpus repeated whole until it has at least `min_words` words: (texts, passes), so a
    timed run of a small corpus is long enough to measure."""
    words = word_count(texts)
    if words == 0:
        raise ValueError("the corpus has no words")
    passes = max(1, -(-min_words // words))
    return list(texts) * passes, passes


def word_count(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def median_run(runs: Sequence[float]) -> float:
    if not runs:
        raise ValueError("no runs to summarize")
    return float(statistics.median(runs))


def throughput(texts_count: int, words: int, seconds: float) -> dict[str, float]:
    return {
        "articles_per_s": round(texts_count / seconds, 3) if seconds > 0 else 0.0,
        "words_per_s": round(words / seconds, 1) if seconds > 0 else 0.0,
    }
