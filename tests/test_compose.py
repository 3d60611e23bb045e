"""compose.yaml: every QUOTES_* setting is one the service knows and accepts, with the defaults
and with overrides from the environment; the memory limit covers the service's own ceiling; the
healthcheck, user and stop grace agree with the Dockerfile and the service."""

from __future__ import annotations

import json
import os
import re
import shlex
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from app.settings import Settings
from tests.container import compose

pytestmark = pytest.mark.container

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
MIB = 1024**2
# The ceiling the README states and the container section measures: a worker process stays within
# 350 MB while it parses at most 50,000 characters at once (one text, or one batch's texts).
WORKER_CEILING_BYTES = 350 * MIB
CHARS_WITHIN_CEILING = 50_000
# uvicorn's supervisor and multiprocessing's resource tracker (about 50 MB measured), doubled.
SUPERVISOR_BYTES = 100 * MIB
# `quotes serve` lets in-flight requests finish for this long after SIGTERM (app/cli serve).
GRACEFUL_SHUTDOWN_S = 30
OVERRIDES = {
    "QUOTES_PORT": "9100",
    "QUOTES_WORKERS": "4",
    "QUOTES_WORKER_THREADS": "2",
    "QUOTES_MAX_QUEUE": "0",
    "QUOTES_REQUEST_TIMEOUT_S": "12.5",
    "QUOTES_MAX_TEXT_CHARS": "20000",
    "QUOTES_MAX_BATCH_CHARS": "40000",
    "QUOTES_MAX_BATCH_DOCUMENTS": "8",
    "QUOTES_LOG_LEVEL": "DEBUG",
    "QUOTES_CORS_ORIGINS": "https://newsroom.example",
    "QUOTES_METRICS_REQUIRE_KEY": "true",
    "QUOTES_MEMORY_LIMIT": "2g",
    "QUOTES_CPUS": "4",
}


@pytest.fixture
def keys_file(tmp_path: Path) -> Path:
    path = tmp_path / "api-keys"
    path.write_text("# newsroom services\nkey-one\nkey-two\n", encoding="utf-8")
    return path


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """No QUOTES_* from the test runner's own environment."""
    for name in [name for name in os.environ if name.startswith("QUOTES_")]:
        monkeypatch.delenv(name)
    yield monkeypatch


def _settings_from(
    env: Mapping[str, str], keys_file: Path, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """Settings read from exactly the environment compose gives the container, the secret's
    /run/secrets path mapped to a real file (it exists only inside the container)."""
    svc = compose.service(env)
    for name, value in compose.environment(svc).items():
        if value.startswith("/run/secrets/"):
            assert value.removeprefix("/run/secrets/") in svc["secrets"], value
            value = str(keys_file)
        monkeypatch.setenv(name, value)
    return Settings()


def test_every_environment_setting_is_a_service_setting() -> None:
    env = compose.environment(compose.service())
    fields = {f"QUOTES_{name.upper()}" for name in Settings.model_fields}
    assert env, "compose.yaml sets no environment"
    unknown = sorted(set(env) - fields)
    assert not unknown, f"not settings of the service (Settings ignores them silently): {unknown}"
    # Everything tunable comes from the environment with a default, not a fixed value.
    raw = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    for name in env:
        if name not in {"QUOTES_HOST", "QUOTES_API_KEYS"}:
            assert re.search(rf"{name}: \$\{{{name}:-", raw), f"{name} is not read from the env"


@pytest.mark.parametrize("overrides", [{}, OVERRIDES], ids=["defaults", "overrides"])
def test_settings_accept_the_compose_environment(
    overrides: dict[str, str], keys_file: Path, clean_env: pytest.MonkeyPatch
) -> None:
    settings = _settings_from(overrides, keys_file, clean_env)
    env = compose.environment(compose.service(overrides))
    assert settings.host == "0.0.0.0"
    assert settings.port == int(env["QUOTES_PORT"])
    assert settings.workers == int(env["QUOTES_WORKERS"])
    assert settings.max_text_chars == int(env["QUOTES_MAX_TEXT_CHARS"])
    assert settings.api_keys == str(keys_file)
    for name, value in overrides.items():
        if name in env:
            assert env[name] == value, name


def test_a_bad_value_from_the_environment_is_refused(
    keys_file: Path, clean_env: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError, match="workers"):
        _settings_from({"QUOTES_WORKERS": "0"}, keys_file, clean_env)


def test_api_keys_come_from_a_secret_file() -> None:
    loaded = compose.load()
    svc = loaded["services"][compose.SERVICE]
    env = compose.environment(svc)
    (secret,) = svc["secrets"]
    assert env["QUOTES_API_KEYS"] == f"/run/secrets/{secret}"
    assert loaded["secrets"][secret]["file"]
    moved = compose.load({"QUOTES_API_KEYS_FILE": "/etc/quotes/keys"})
    assert moved["secrets"][secret]["file"] == "/etc/quotes/keys"


def test_port_published_is_the_port_served() -> None:
    for env in ({}, OVERRIDES):
        svc = compose.service(env)
        host, host_port, port = compose.container_port(svc)
        assert port == int(compose.environment(svc)["QUOTES_PORT"])
        assert host_port == port
    assert compose.container_port(compose.service())[0] == "127.0.0.1"  # not on every interface


def test_memory_limit_covers_the_stated_ceiling_per_worker() -> None:
    svc = compose.service()
    env = compose.environment(svc)
    workers = int(env["QUOTES_WORKERS"])
    limit = compose.memory_bytes(svc["mem_limit"])
    assert limit >= workers * WORKER_CEILING_BYTES + SUPERVISOR_BYTES, (
        f"{limit / MIB:.0f} MiB for {workers} workers: needs {workers} x 350 MB + headroom"
    )
    assert limit <= workers * WORKER_CEILING_BYTES + 4 * SUPERVISOR_BYTES, "limit far above need"
    # The per-worker ceiling holds only for texts up to this size (one at a time per worker).
    assert int(env["QUOTES_MAX_TEXT_CHARS"]) <= CHARS_WITHIN_CEILING
    assert int(env["QUOTES_MAX_BATCH_CHARS"]) <= CHARS_WITHIN_CEILING
    assert int(env["QUOTES_WORKER_THREADS"]) == 1
    assert float(svc["cpus"]) >= workers  # one CPU per worker


def test_healthcheck_user_and_read_only_agree_with_the_dockerfile() -> None:
    svc = compose.service()
    recipe = DOCKERFILE.read_text(encoding="utf-8")
    health = re.search(r"^HEALTHCHECK (.*?)\n\s+CMD (\[.*\])$", recipe, re.MULTILINE)
    assert health
    kind, command = svc["healthcheck"]["test"]
    assert kind == "CMD-SHELL"  # one string: podman-compose 1.0 garbles CMD lists
    assert shlex.split(command) == json.loads(health.group(2))
    options = dict(re.findall(r"--([a-z-]+)=(\S+)", health.group(1)))
    for name, value in options.items():
        assert str(svc["healthcheck"][name.replace("-", "_")]) == value, name
    user = re.search(r"^USER (\S+)$", recipe, re.MULTILINE)
    assert user and svc["user"] == user.group(1)
    assert not svc["user"].startswith(("0:", "root"))
    assert svc["read_only"] is True
    assert svc["cap_drop"] == ["ALL"]


def test_stop_grace_outlasts_the_graceful_shutdown() -> None:
    grace = compose.duration_seconds(compose.service()["stop_grace_period"])
    assert GRACEFUL_SHUTDOWN_S < grace <= GRACEFUL_SHUTDOWN_S + 30
