"""Rows of the confidence model: quotations from a quotation file, reported speech from a
reported-speech file, each judged by the rules of `quotes evaluate`; and the CLI that fits them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from app.cli import main
from app.tools.evaluation import predict
from app.tools.evaluation.gold import GoldDoc, GoldQuote
from app.tools.training.rows import collect_rows

TEXT = (
    'Mayor Jane Ortiz said the budget was balanced.\n\n"We kept our promise," Ortiz said on Monday.'
)


def gold_quote(text: str, kind: str, speaker: str) -> GoldQuote:
    start = TEXT.index(text)
    return GoldQuote(start, start + len(text), text, speaker, scored=True, type=kind)


QUOTATION = GoldDoc("q", TEXT, (gold_quote("We kept our promise,", "direct", "Jane Ortiz"),))
REPORTED = GoldDoc("r", TEXT, (gold_quote("the budget was balanced", "indirect", "Ortiz"),))
WRONG = GoldDoc("w", TEXT, (gold_quote("the budget was balanced", "indirect", "Ann Lee"),))


def test_quotation_gold_gives_rows_of_quotations_only(nlp: Language) -> None:
    rows = list(collect_rows(nlp, [QUOTATION]))
    assert [(r.doc_id, r.correct) for r in rows] == [("q", True)]
    assert rows[0].features.get("layout=reported", 0.0) == 0.0


def test_reported_gold_gives_rows_of_reported_speech(nlp: Language) -> None:
    rows = list(collect_rows(nlp, [REPORTED]))
    assert [(r.doc_id, r.correct, r.resolution) for r in rows] == [("r", True, "explicit")]
    assert rows[0].features["layout=reported"] == 1.0
    assert [r.correct for r in collect_rows(nlp, [WRONG])] == [False]


def write(path: Path, *docs: GoldDoc) -> Path:
    lines = [
        json.dumps(
            {
                "id": d.id,
                "text": d.text,
                "quotes": [
                    {
                        "start": q.start,
                        "end": q.end,
                        "text": q.text,
                        "type": q.type,
                        "speaker": q.speaker,
                    }
                    for q in d.quotes
                ],
            }
        )
        for d in docs
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_train_confidence_fits_on_quotations_and_reported_speech(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(predict, "load_pipeline", lambda: nlp)
    quotations = write(tmp_path / "quotations.jsonl", QUOTATION, QUOTATION)
    reported = write(tmp_path / "reported.jsonl", REPORTED, WRONG)
    out = tmp_path / "confidence.json"
    args = ["train", "confidence", "--train", str(quotations), str(reported)]
    args += ["--dev", str(quotations), "--max-articles", "2", "-o", str(out)]
    assert main(args) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["meta"]["rows"]["general"] == 4  # two quotations, two reports
    assert model["meta"]["sources"]["train"] == (
        "quotations.jsonl, reported.jsonl (first 2 articles of each)"
    )
    assert "layout=reported" in model["general"]["weights"]
