"""The scaling and mixed-load parts of `quotes bench`: texts, summaries, checks, reports, and the
mixed load against a tiny local server (no model, no timing thresholds)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from app.tools.bench.hostile import KINDS, emoji_quotes, prose, short_lines
from app.tools.bench.mixed import mixed_checks, write_bodies
from app.tools.bench.mixed_load import class_summary, main, run_mixed, tree_rss_mb
from app.tools.bench.report import format_markdown, format_report
from app.tools.bench.scaling import reset_peak_rss, summarize_kind
from app.tools.loadgen import Tally
from tests.tools.test_bench import fake_report


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_text_is_a_prefix_of_any_longer_one(kind: str) -> None:
    make = KINDS[kind]
    long = make(20_000)
    assert len(long) == 20_000
    assert make(7_000) == long[:7_000]


def test_the_hostile_shapes_are_what_the_issue_describes() -> None:
    lines = short_lines(150_000)
    assert lines.count("\n") == 50_000 and set(lines.split("\n")[:-1]) == {"ab"}
    emoji = emoji_quotes(3_000)
    assert emoji.count("“") > 80 and "said Ann" in emoji and "\n\n" in emoji
    assert prose(10_000).count("\n\n") >= 2


def scaling_result(kind: str, seconds: dict[int, float]) -> dict[str, Any]:
    rows = [
        {
            "chars": chars,
            "tokens": chars // 5,
            "quotes": 0,
            "seconds": s,
            "peak_rss_mb": 200.0 + chars / 10_000,
            "rss_before_mb": 190.0,
            "peak_exact": True,
        }
        for chars, s in seconds.items()
    ]
    return {"kind": kind, "runs": 1, "rows": rows}


def test_the_scaling_summary_says_linear_or_not() -> None:
    linear = summarize_kind(scaling_result("prose", {10_000: 1.0, 15_000: 1.5, 150_000: 16.0}))
    assert linear == {
        "kind": "prose",
        "longest_chars": 150_000,
        "per_char_ratio": 1.07,
        "ratio_to_15k": 10.67,
        "memory_growth_mb": 25.0,
        "verdict": "linear",
    }
    worse = summarize_kind(scaling_result("x", {10_000: 1.0, 150_000: 30.0}))
    assert (worse["verdict"], worse["ratio_to_15k"]) == ("superlinear", None)


def test_peak_rss_can_be_reset_here() -> None:
    assert reset_peak_rss() in (True, False)  # never raises; True on Linux


def mixed_result(*, heavy: list[list[object]], peak: float = 600.0) -> dict[str, Any]:
    ordinary = {
        "requests": 100,
        "statuses": {"200": 100},
        "ok_per_s": 2.5,
        "ok_p50_ms": 300.0,
        "ok_p95_ms": 900.0,
        "ok_p99_ms": 1200.0,
        "p95_ms": 900.0,
        "max_ms": 1500.0,
        "elapsed_s": 40.0,
    }
    heavy_class = {**ordinary, "requests": len(heavy), "statuses": {"504": len(heavy)}}
    return {
        "seconds": 40.0,
        "concurrency": 2,
        "heavy_concurrency": 2,
        "ordinary": ordinary,
        "heavy": {**heavy_class, "answers": heavy},
        "rss_mb": {"start": 200.0, "peak": peak, "after": 300.0},
        "after_long_article": {"status": "200", "seconds": 6.0, "rss_after_mb": 310.0},
    }


def test_the_mixed_checks_are_the_issues_targets() -> None:
    good = mixed_checks(mixed_result(heavy=[["504", 15.1], ["200", 9.0], ["413", 0.1]]))
    assert all(good.values()) and len(good) == 5
    late = mixed_checks(mixed_result(heavy=[["504", 21.0]], peak=1200.0))
    assert not late["heavy answered within 20 s"] and not late["memory peak < 1 GB"]
    busy = mixed_checks(mixed_result(heavy=[["503", 0.1]]))
    assert not busy["heavy answered within 20 s"]  # 503 is not one of the answers asked for


def test_reports_show_the_scaling_table_and_the_mixed_load() -> None:
    report = {
        **fake_report(),
        "scaling": {
            "sizes": [10_000, 15_000, 150_000],
            "runs": 1,
            "kinds": [scaling_result("prose", {10_000: 1.0, 15_000: 1.5, 150_000: 16.0})],
            "summary": [
                summarize_kind(scaling_result("prose", {10_000: 1.0, 15_000: 1.5, 150_000: 16.0}))
            ],
        },
        "mixed": {**mixed_result(heavy=[["504", 15.1]]), "checks": {"x": True}},
    }
    text = format_report(report)
    assert "prose: 150,000 characters take 10.67x its first 15,000" in text
    assert "heavy answers (status/seconds, in order): 504/15.1s" in text
    md = format_markdown(report)
    assert "## Scaling with the article" in md and "## Mixed load" in md
    assert "| prose | 150000 | 30000 | 0 | 16.0 | 106.7 | 215.0 | 25.0 |" in md
    assert "| ordinary | 100 | 200:100 | 2.500 |" in md


def test_the_bodies_are_json_with_the_texts(tmp_path: Path) -> None:
    paths = write_bodies(tmp_path, "An ordinary article.")
    assert json.loads(paths["ordinary"].read_text())["text"] == "An ordinary article."
    assert len(json.loads(paths["lines"].read_text())["text"]) == 150_000
    assert len(json.loads(paths["after"].read_text())["text"]) == 170_000


# --- the mixed load against a tiny server -------------------------------------------------------


class _Server(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        heavy = b"heavy" in body
        if heavy:
            time.sleep(0.2)
        self.send_response(504 if heavy else 200)
        self.send_header("content-type", "application/json")
        self.send_header("x-request-id", "r")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1/attributions"
    httpd.shutdown()


def test_the_mixed_load_tallies_each_class(server: str) -> None:
    result = run_mixed(
        server,
        b'{"text": "ordinary"}',
        [b'{"text": "heavy one"}', b'{"text": "heavy two"}'],
        concurrency=2,
        heavy_concurrency=1,
        seconds=1.5,  # room for a loaded machine to start the clients
        max_requests=20,
        pid=None,
        settle_s=0.0,
        after=b'{"text": "after"}',
    )
    ordinary, heavy = result["ordinary"], result["heavy"]
    assert isinstance(ordinary, dict) and isinstance(heavy, dict)
    assert ordinary["statuses"] == {"200": ordinary["requests"]} and ordinary["requests"] > 2
    assert heavy["statuses"] == {"504": len(heavy["answers"])}
    assert all(status == "504" and seconds >= 0.2 for status, seconds in heavy["answers"])
    assert result["after_long_article"] == {
        "status": "200",
        "seconds": pytest.approx(0.0, abs=0.5),
        "rss_after_mb": 0.0,
    }


def test_the_mixed_load_command_prints_json(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ordinary, heavy = tmp_path / "o.json", tmp_path / "h.json"
    ordinary.write_text('{"text": "o"}')
    heavy.write_text('{"text": "heavy"}')
    argv = ["--url", server, "--body-file", str(ordinary), "--heavy-body-file", str(heavy)]
    assert main([*argv, "--seconds", "0.3", "--settle-seconds", "0"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) >= {"ordinary", "heavy", "rss_mb"}
    assert main([*argv, "--url", "http://example.com/v1/attributions", "--seconds", "1"]) == 2


def test_memory_of_a_process_tree_and_an_empty_tally() -> None:
    import os

    assert tree_rss_mb(os.getpid()) > 10
    summary = class_summary(Tally())
    assert summary["requests"] == 0 and summary["ok_per_s"] == 0.0
