"""`quotes show ARTICLE.txt -o page.html`: the reading view of one article, as one HTML file.

The same page the service serves at `POST /`, with its stylesheet inline and a hash-based
Content-Security-Policy, built from the same `attribute_requests` answer as the JSON API.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", type=Path, help="plain-text article (UTF-8)")
    parser.add_argument(
        "-o", "--output", type=Path, default=None, help="HTML file to write (default: stdout)"
    )
    parser.add_argument("--id", default=None, help="document id shown on the page")
    parser.add_argument(
        "--reported", action="store_true", help="also mark reported speech (type indirect)"
    )


def run(args: argparse.Namespace) -> int:
    # Imported here: building the parser must not load spaCy.
    from app.pipeline import build_pipeline
    from app.pipeline.types import QuoteType
    from app.schemas import AttributionRequest
    from app.service.runner import attribute_requests
    from app.settings import Settings
    from app.web.render import render_result_page

    article: Path = args.article
    try:
        text = article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"quotes show: cannot read {article}: {exc}", file=sys.stderr)
        return 2
    if not text.strip():
        print(f"quotes show: {article} is empty", file=sys.stderr)
        return 2
    settings = Settings()
    if len(text) > settings.max_text_chars:
        print(
            f"quotes show: {article} has {len(text)} characters; the limit is "
            f"{settings.max_text_chars} (QUOTES_MAX_TEXT_CHARS)",
            file=sys.stderr,
        )
        return 2
    nlp = build_pipeline(settings.model_name, settings.pipeline_config)
    types: list[QuoteType] | None = ["direct", "partial", "indirect"] if args.reported else None
    request = AttributionRequest(text=text, id=args.id or article.stem, types=types)
    (response,) = attribute_requests(nlp, [request], batch_size=settings.batch_size)
    page = render_result_page(text, response, standalone=True)
    output: Path | None = args.output
    if output is None:
        sys.stdout.write(page)
    else:
        output.write_text(page, encoding="utf-8")
        print(f"wrote {output} ({len(response.quotes)} quotes)", file=sys.stderr)
    return 0
