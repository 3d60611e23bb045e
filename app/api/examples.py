"""OpenAPI examples built from the seed article shipped in seeds/."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "seeds" / "sanctuary-cities.txt"


@lru_cache(maxsize=1)
def attribution_examples() -> dict[str, Any]:
    short = {
        "summary": "Short article",
        "value": {"id": "short-1", "text": '"We will fight," Garcetti said, "and win."'},
    }
    if not SEED_ARTICLE.is_file():  # an install without the seeds folder still documents the API
        return {"short": short}
    seed = {
        "summary": "Seed article (seeds/sanctuary-cities.txt)",
        "value": {"id": "sanctuary-cities", "text": SEED_ARTICLE.read_text(encoding="utf-8")},
    }
    return {"seed": seed, "short": short}
