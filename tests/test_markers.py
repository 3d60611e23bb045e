"""Every test that loads the full English pipeline is marked `full_model` (conftest marks them)."""

from __future__ import annotations

import pytest

from tests.conftest import FULL_MODEL_FIXTURE


def test_every_test_on_the_full_model_is_marked(request: pytest.FixtureRequest) -> None:
    """Direct users of `nlp` and users of fixtures built on it (`service`, `client`, ...) alike:
    pytest's `fixturenames` is the whole closure."""
    items = request.session.items
    unmarked = [
        item.nodeid
        for item in items
        if FULL_MODEL_FIXTURE in getattr(item, "fixturenames", ())
        and item.get_closest_marker("full_model") is None
    ]
    assert unmarked == []
