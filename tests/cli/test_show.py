"""`quotes show`: the reading view of one article as a stand-alone HTML file."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from spacy.language import Language

from app.cli.show import add_arguments, run
from tests.web import highlight_starting, label_of, parse_html


def test_show_command_writes_the_standalone_page(
    nlp: Language, seed_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.pipeline.build_pipeline", lambda *_: nlp)  # the session's pipeline
    article_file = tmp_path / "seed.txt"
    article_file.write_text(seed_text, encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = tmp_path / "page.html"
    assert run(parser.parse_args([str(article_file), "-o", str(out)])) == 0
    root = parse_html(out.read_text(encoding="utf-8"))
    assert root.select("link") == [] and len(root.select("style")) == 1
    (body,) = root.select("article", "article")
    assert label_of(highlight_starting(body, "We will fight")) == "Garcetti"
    assert root.select("form") == []  # a file has nowhere to post to


def test_show_command_refuses_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args([str(empty)])) == 2
