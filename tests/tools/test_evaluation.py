"""Scoring rules of `quotes evaluate` on hand-made gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.schemas import AttributionResponse, ModelInfo, QuoteOut, Speaker, TextSpan
from app.tools.evaluation.gold import (
    GoldDoc,
    GoldQuote,
    PredQuote,
    borrow_antecedents,
    load_gold,
    predictions_from_response,
)
from app.tools.evaluation.matching import (
    match_quotes,
    name_head,
    normalize_name,
    spans_match,
    speakers_match,
)
from app.tools.evaluation.report import format_table
from app.tools.evaluation.scoring import Counts, evaluate, score_document, worst_errors
from tests.conftest import SEEDS_DIR

GOLD = SEEDS_DIR / "gold.jsonl"
SEED_ID = "seed-sanctuary-cities"


def gold(start: int, end: int, speaker: str | None = None, *, scored: bool = True) -> GoldQuote:
    return GoldQuote(start, end, "x" * (end - start), speaker, scored)


def pred(start: int, end: int, speaker: str | None = None, res: str = "explicit") -> PredQuote:
    return PredQuote(start, end, "x" * (end - start), speaker, res if speaker else "none", 0.5)


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Mr. Trump's", ("trump",)),
        ("Trump\u2019s", ("trump",)),
        ("the senator", ("senator",)),
        ("The President", ("president",)),
        ("Dr. Lucia Farrant", ("lucia", "farrant")),
        ("Sen. Nora Whitfield", ("nora", "whitfield")),
        ("Martin Luther King Jr.", ("martin", "luther", "king")),
        ("Walter Pryce, a former official", ("walter", "pryce", "a", "former", "official")),
        ("Melissa Mark-Viverioto", ("melissa", "mark-viverioto")),
        ("", ()),
    ],
)
def test_normalize_name(name: str, words: tuple[str, ...]) -> None:
    assert normalize_name(name) == words


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("Walter Pryce, a former official", "Walter Pryce"),
        ("Sen. Nora Whitfield (D-Ore.)", "Sen. Nora Whitfield"),
        ("Owen Riggs \u2014 a nurse from Cedar Falls \u2014", "Owen Riggs"),
        ("Owen Riggs - a nurse", "Owen Riggs"),
        ("Marisol, who runs two bakeries", "Marisol"),
        ("Marisol who runs two bakeries", "Marisol"),
        ("the fund which paid", "the fund"),
        ("Frances Ward-Keller", "Frances Ward-Keller"),
        ("Mr. Delgado of the River Trust", "Mr. Delgado of the River Trust"),
        (", a spokesman", ", a spokesman"),
    ],
)
def test_name_head_cuts_at_the_readmes_marks_only(name: str, head: str) -> None:
    assert name_head(name) == head


@pytest.mark.parametrize(
    ("gold_name", "pred_name", "expected"),
    [
        ("Hillary Clinton", "Clinton", True),  # alias: the same last word
        ("Clinton", "Hillary Clinton", True),
        ("HILLARY CLINTON", "hillary clinton", True),
        ("Mrs. Clinton", "Clinton", True),
        ("Clinton", "Trump", False),
        ("Bill Clinton", "Clinton Foundation", False),
        ("The Post", "Washington Post", True),
        ("the president", "President", True),
        ("Walter Pryce, a former official", "Walter Pryce", True),
        (None, None, True),
        (None, "Clinton", False),
        ("Clinton", None, False),
    ],
)
def test_speakers_match(gold_name: str | None, pred_name: str | None, expected: bool) -> None:
    assert speakers_match(gold_name, pred_name) is expected


def test_speakers_match_strict_names() -> None:
    assert not speakers_match("Walter Pryce, a former official", "Walter Pryce", head_only=False)


# --- spans ------------------------------------------------------------------------------------


def test_overlap_needs_half_of_the_shorter_span() -> None:
    assert spans_match(gold(0, 10), pred(5, 10), "overlap")  # 5 of 5
    assert spans_match(gold(0, 10), pred(5, 30), "overlap")  # 5 of 10
    assert not spans_match(gold(0, 10), pred(6, 30), "overlap")  # 4 of 10
    assert not spans_match(gold(0, 10), pred(10, 20), "overlap")  # touching, no overlap


def test_exact_needs_both_offsets() -> None:
    assert spans_match(gold(3, 9), pred(3, 9), "exact")
    assert not spans_match(gold(3, 9), pred(3, 10), "exact")


def test_matching_is_one_to_one_greedy_by_overlap() -> None:
    # One prediction covers two gold quotes: it goes to the one it overlaps most.
    assert match_quotes([gold(0, 10), gold(12, 20)], [pred(0, 20)]) == {0: 0}
    # Two predictions on one gold quote: the larger overlap wins, the other stays spurious.
    assert match_quotes([gold(0, 10)], [pred(2, 9), pred(0, 10)]) == {0: 1}
    assert match_quotes([gold(0, 10)], [pred(2, 9), pred(0, 10)], "exact") == {0: 1}


# --- scoring ----------------------------------------------------------------------------------


def doc_one() -> tuple[GoldDoc, list[PredQuote]]:
    doc = GoldDoc(
        "one",
        "",
        (
            gold(0, 10, "Hillary Clinton"),
            gold(20, 30, None),  # null speaker, scored
            gold(40, 50, scored=False),  # pronoun source: detection only
            gold(60, 70, "Bob Smith"),  # missed
        ),
    )
    preds = [
        pred(0, 10, "Clinton"),  # exact, speaker ok (alias)
        pred(21, 30),  # overlap only, null == null
        pred(40, 50, "Someone", "pronoun"),  # exact, not judged for attribution
        pred(80, 90, "X"),  # spurious
    ]
    return doc, preds


def doc_two() -> tuple[GoldDoc, list[PredQuote]]:
    doc = GoldDoc("two", "", (gold(0, 5, "Alice Jones"),))
    return doc, [PredQuote(0, 5, "xxxxx", "Bob Jonas", "alias", 0.9)]


def test_score_document_counts() -> None:
    counts, errors = score_document(*doc_one())
    assert (counts.gold, counts.pred, counts.exact, counts.overlap) == (4, 4, 2, 3)
    assert (counts.gold_keyed, counts.attr_total, counts.attr_correct) == (3, 2, 2)
    assert counts.pair_pred == 3  # 2 matched to keyed gold + 1 spurious
    assert counts.by_resolution == {"explicit": [1, 1], "none": [1, 1]}
    assert sorted((e.kind, e.gold_speaker, e.pred_speaker) for e in errors) == [
        ("missed", "Bob Smith", None),
        ("spurious", None, "X"),
    ]


def test_evaluate_metrics_exact_numbers() -> None:
    (d1, p1), (d2, p2) = doc_one(), doc_two()
    m = evaluate([d1, d2], [p1, p2]).metrics
    assert m["quotes_exact"] == pytest.approx(
        {"precision": 0.6, "recall": 0.6, "f1": 0.6, "correct": 3, "predicted": 5, "gold": 5}
    )
    assert m["quotes_overlap"] == pytest.approx(
        {"precision": 0.8, "recall": 0.8, "f1": 0.8, "correct": 4, "predicted": 5, "gold": 5}
    )
    assert m["attribution"] == pytest.approx({"accuracy": 2 / 3, "correct": 2, "total": 3})
    assert m["pairs"] == pytest.approx(
        {"precision": 0.5, "recall": 0.5, "f1": 0.5, "correct": 2, "predicted": 4, "gold": 4}
    )
    assert m["by_resolution"]["alias"] == {"count": 1, "correct": 0, "accuracy": 0.0}
    assert m["by_resolution"]["explicit"] == {"count": 1, "correct": 1, "accuracy": 1.0}
    assert m["by_resolution"]["context"] == {"count": 0, "correct": 0, "accuracy": None}
    assert m["recall_by_gold_type"]["direct"] == {"gold": 5, "found": 4, "recall": 0.8}


def test_empty_predictions_score_zero() -> None:
    doc, _ = doc_one()
    m = evaluate([doc], [[]]).metrics
    assert m["quotes_overlap"]["f1"] == 0.0
    assert m["pairs"]["recall"] == 0.0


def test_counts_add_up() -> None:
    total = Counts()
    for doc, preds in (doc_one(), doc_two()):
        total.add(score_document(doc, preds)[0])
    assert (total.gold, total.attr_correct, total.attr_total) == (5, 2, 3)
    assert total.by_resolution["alias"] == [1, 0]


def test_worst_errors_ranks_within_each_kind() -> None:
    (d1, p1), (d2, p2) = doc_one(), doc_two()
    errors = evaluate([d1, d2], [p1, p2]).errors
    assert [e.kind for e in worst_errors(errors, 1)] == ["wrong_speaker", "missed", "spurious"]
    assert worst_errors(errors, 0) == []


def test_format_table_has_delta_column() -> None:
    (d1, p1), (d2, p2) = doc_one(), doc_two()
    ours = evaluate([d1, d2], [p1, p2]).metrics
    base = evaluate([d1, d2], [[], []]).metrics
    table = format_table({"ours": ours, "textacy": base})
    header, rule, *rows = table.splitlines()
    assert header.split() == ["metric", "ours", "textacy", "delta"]
    assert set(rule.replace(" ", "")) == {"-"}
    f1_row = next(r for r in rows if r.startswith("quotes overlap F1"))
    assert f1_row.split()[-3:] == ["0.800", "0.000", "+0.800"]
    assert "resolution context acc" in table


# --- reading ----------------------------------------------------------------------------------


def test_load_gold_reads_speaker_keys(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    record = {
        "id": "a",
        "text": '"Hi," Ann said. "Bye," she said.',
        "quotes": [
            {"start": 1, "end": 4, "text": "Hi,", "speaker": "Ann"},
            {"start": 17, "end": 21, "text": "Bye,", "speaker_is_pronoun": True},
        ],
    }
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    (doc,) = load_gold(path)
    assert doc.quotes == (
        GoldQuote(1, 4, "Hi,", "Ann", True),
        GoldQuote(17, 21, "Bye,", None, False, pronoun=True),
    )


def test_load_gold_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "quotes": []}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: .*text"):
        load_gold(path)


def test_predictions_from_response_uses_the_canonical_name() -> None:
    def quote(start: int, name: str | None) -> QuoteOut:
        mention = TextSpan(text="she", start=0, end=3)
        return QuoteOut(
            id=f"q{start}",
            text="x",
            start=start,
            end=start + 1,
            type="direct",
            speaker=Speaker(name=name, mention=mention, entity=None, resolution="pronoun"),
            cue=None,
            confidence=0.5,
        )

    response = AttributionResponse(
        id="d",
        quotes=[quote(0, "Ann Lee"), quote(5, None)],
        speakers=[],
        model=ModelInfo(name="en_x", version="0", components=[]),
    )
    preds = predictions_from_response(response)
    assert [(p.start, p.speaker, p.resolution) for p in preds] == [
        (0, "Ann Lee", "pronoun"),
        (5, None, "pronoun"),
    ]


def test_seed_gold_file_is_consistent() -> None:
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    seed = (SEEDS_DIR / "sanctuary-cities.txt").read_text(encoding="utf-8")
    assert docs[0]["id"] == SEED_ID and docs[0]["text"] == seed
    assert len(docs[0]["quotes"]) == 8
    assert len(docs) >= 5
    for doc in docs:
        for q in doc["quotes"]:
            assert doc["text"][q["start"] : q["end"]] == q["text"]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        # "of" starts no description: the whole source or its last word must match.
        ("Mr. Delgado of the River Trust", "Luis Delgado", False),
        ("Mr. Delgado of the River Trust", "Mr. Delgado of the River Trust", True),
        ("Representative Anne K. Lowell of New Mexico", "Anne K. Lowell", False),
        ("Marisol, who runs two bakeries", "Marisol", True),
        # The gold is also tried whole: a name after a descriptive lead still matches.
        ("the likely party nominee, Martha Quill,", "Martha Quill", True),
        # The predicted name is never cut.
        ("Trump", "Trump, the frontrunner", False),
    ],
)
def test_gold_sources_are_tried_whole_and_without_description(
    gold: str, pred: str, expected: bool
) -> None:
    assert speakers_match(gold, pred) is expected


def test_a_resolved_speaker_also_matches_by_its_mention() -> None:
    gold = GoldDoc("d", "x" * 40, (GoldQuote(0, 10, "x" * 10, "the Florida senator", True),))
    pred = [
        PredQuote(0, 10, "x" * 10, "Marco Rubio", "nominal", 0.6, mention="the Florida senator")
    ]
    counts, errors = score_document(gold, pred)
    assert (counts.attr_correct, counts.attr_total, errors) == (1, 1, [])


def test_reported_pronoun_sources_borrow_the_antecedent_of_an_annotated_fragment() -> None:
    """`He said the plan was "a mess"`: the quotation file's annotated antecedent of the fragment
    judges the reported speech around it; other pronoun sources stay unjudged."""
    text = 'He said the plan was "a mess." She said it would pass.'
    quotations = [
        GoldDoc(
            "a",
            text,
            (GoldQuote(21, 28, "a mess.", "Tom Baker", True, "partial", pronoun=True),),
        )
    ]
    reported = [
        GoldDoc(
            "a",
            text,
            (
                GoldQuote(8, 28, text[8:28], None, False, "mixed", pronoun=True),
                GoldQuote(39, 53, text[39:53], None, False, "indirect", pronoun=True),
            ),
        )
    ]
    borrowed = borrow_antecedents(reported, quotations)
    assert [(q.speaker, q.scored) for q in borrowed[0].quotes] == [
        ("Tom Baker", True),
        (None, False),
    ]
