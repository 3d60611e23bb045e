"""The memory ceiling of one article (README, Operations: "Sizing"), measured in a fresh process.

A worker holds about 200 MB after start. Parsed whole, 15,000 characters of two-letter lines
(10,000 tokens) lifted it by ~175 MB and 150,000 by ~1.5 GB; in pieces, the model's working
memory is that of one batch (at most 5,000 tokens, ~100 MB), and what grows with the article is
the joined Doc and our components' view of it (~1 KB a token: ~190 MB at the 200,000-token worst
case of the 200,000-character limit). So a worker stays under 500 MB whatever the article.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

WORKER_CEILING_MB = 500
# Growth allowed for the 10,000-token article below: pieces of 1,000 tokens, plus the Doc.
GROWTH_LIMIT_MB = 60

CHILD = """
import json
from pathlib import Path

from app.pipeline import build_pipeline
from app.schemas import AttributionRequest
from app.service.runner import attribute_requests
from app.settings import Settings


def mb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no {field}")


settings = Settings()
nlp = build_pipeline(settings.model_name, settings.pipeline_config)
list(attribute_requests(nlp, [AttributionRequest(text='"Ready," she said.')]))
Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
before = mb("VmRSS")
(answer,) = attribute_requests(nlp, [AttributionRequest(text="ab\\n" * 5000)])
print(json.dumps({"before": before, "peak": mb("VmHWM"), "quotes": len(answer.quotes)}))
"""


@pytest.mark.full_model
def test_a_pathological_article_stays_under_the_ceiling() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["quotes"] == 0
    assert figures["peak"] - figures["before"] < GROWTH_LIMIT_MB, figures
    assert figures["peak"] < WORKER_CEILING_MB, figures
