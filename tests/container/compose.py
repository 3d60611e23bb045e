"""compose.yaml as data: its service with `${VAR:-default}` resolved, and the same settings as
`podman run` arguments, so that the container test runs the image the way compose would."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "compose.yaml"
SERVICE = "quotes"

_VARIABLE = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<braced>[A-Za-z_]\w*)(?:(?P<op>:?-)(?P<default>[^}]*))?\}"
    r"|(?P<plain>[A-Za-z_]\w*))"
)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h)")


def interpolate(value: str, env: Mapping[str, str]) -> str:
    """Compose's `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`."""

    def substitute(match: re.Match[str]) -> str:
        if match.group("escaped"):
            return "$"
        name = match.group("braced") or match.group("plain")
        value = env.get(name)
        op, default = match.group("op"), match.group("default") or ""
        if (op == ":-" and not value) or (op == "-" and value is None):
            return default
        return value or ""

    return _VARIABLE.sub(substitute, value)


def _resolve(node: Any, env: Mapping[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, env)
    if isinstance(node, list):
        return [_resolve(item, env) for item in node]
    if isinstance(node, dict):
        return {key: _resolve(value, env) for key, value in node.items()}
    return node


def load(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The whole file, interpolated with `env` (default: none set, so every default applies)."""
    raw = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    resolved: dict[str, Any] = _resolve(raw, env or {})
    return resolved


def service(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    found: dict[str, Any] = load(env)["services"][SERVICE]
    return found


def environment(svc: Mapping[str, Any]) -> dict[str, str]:
    """The service's environment as strings, as the container sees it."""
    entries = svc.get("environment") or {}
    if isinstance(entries, list):
        entries = dict(entry.split("=", 1) for entry in entries)
    return {key: _text(value) for key, value in entries.items()}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def memory_bytes(value: str | int) -> int:
    """`1g`, `512m`, `1024k`, `1gb` or a plain byte count (binary units, as compose reads them)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([bkmg]?)b?\s*", str(value).lower())
    if not match:
        raise ValueError(f"not a memory size: {value!r}")
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def duration_seconds(value: str | int | float) -> float:
    """`35s`, `1m30s`, `500ms`, or plain seconds."""
    if isinstance(value, int | float):
        return float(value)
    parts = _DURATION.findall(value)
    if not parts or "".join(n + u for n, u in parts) != value.strip():
        raise ValueError(f"not a duration: {value!r}")
    scale = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    return sum(float(number) * scale[unit] for number, unit in parts)


def container_port(svc: Mapping[str, Any]) -> tuple[str, int, int]:
    """The single published port as (host address, host port, container port)."""
    (mapping,) = svc["ports"]
    parts = str(mapping).split(":")
    host, host_port, port = parts if len(parts) == 3 else ["", *parts]
    return host, int(host_port), int(port)


def podman_run_args(svc: Mapping[str, Any], secrets: Mapping[str, Path]) -> list[str]:
    """`podman run` arguments with the service's user, read-only root, capabilities, security
    options, environment, secrets (bind-mounted at /run/secrets/NAME, as compose does), memory,
    CPUs, ulimits and stop timeout. Ports and the restart policy are left to the caller."""
    args = ["--user", str(svc["user"])]
    if svc.get("read_only"):
        # As docker's --read-only and compose's read_only: no writable tmpfs either.
        args += ["--read-only", "--read-only-tmpfs=false"]
    args += [f"--cap-drop={cap}" for cap in svc.get("cap_drop", [])]
    for option in svc.get("security_opt", []):
        args += ["--security-opt", str(option)]
    for key, value in environment(svc).items():
        args += ["--env", f"{key}={value}"]
    for name in svc.get("secrets", []):
        args += ["--volume", f"{secrets[name]}:/run/secrets/{name}:ro"]
    if "mem_limit" in svc:
        args += ["--memory", str(memory_bytes(svc["mem_limit"]))]
    if "cpus" in svc:
        args += ["--cpus", str(svc["cpus"])]
    for name, limit in (svc.get("ulimits") or {}).items():
        soft, hard = (limit["soft"], limit["hard"]) if isinstance(limit, dict) else (limit, limit)
        args += ["--ulimit", f"{name}={soft}:{hard}"]
    if "stop_grace_period" in svc:
        args += ["--stop-timeout", str(int(duration_seconds(svc["stop_grace_period"])))]
    return args
