"""Process helpers of the measuring tools: RSS, process trees, free ports."""

from __future__ import annotations

import os

from app.tools.server import descendants, free_port, peak_rss_mb


def test_peak_rss_and_descendants_of_this_process() -> None:
    assert os.getpid() in descendants(os.getpid())
    assert peak_rss_mb([os.getpid()]) > 10


def test_free_port_is_bindable() -> None:
    assert 1024 <= free_port() <= 65535
