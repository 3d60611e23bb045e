"""Optional API keys: `Authorization: Bearer <key>` on every route but the health probes.

Keys come from `QUOTES_API_KEYS` (comma-separated, or a path to a file with one key a line) and are
read once when the app is built; with none configured the service is open. Routers that need a key
declare `dependencies=[RequireApiKey]`; /healthz and /readyz never do, /metrics only when
`QUOTES_METRICS_REQUIRE_KEY` is true.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from fastapi import Depends, Request

from app.errors import Unauthorized
from app.settings import API_KEYS_PATH_PREFIXES, Settings

BEARER_SCHEME = "bearer"


def parse_api_keys(value: str) -> tuple[str, ...]:
    """The configured keys: from the file `value` names, or `value` split on commas."""
    value = value.strip()
    if not value:
        return ()
    if value.startswith(API_KEYS_PATH_PREFIXES):
        path = Path(value).expanduser()
        lines = path.read_text(encoding="utf-8").splitlines()
        keys = tuple(k for k in (line.strip() for line in lines) if k and not k.startswith("#"))
        if not keys:
            raise ValueError(f"QUOTES_API_KEYS file {value} holds no key (one key a line)")
    else:
        keys = tuple(k for k in (part.strip() for part in value.split(",")) if k)
    for key in keys:
        if not key.isascii() or not key.isprintable() or " " in key:
            raise ValueError("QUOTES_API_KEYS: a key must be printable ASCII without spaces")
    return keys


def load_api_keys(settings: Settings) -> tuple[bytes, ...]:
    """Read the keys once at start-up; a bad value or an empty key file stops the start."""
    return tuple(key.encode("ascii") for key in parse_api_keys(settings.api_keys))


def _bearer_token(authorization: str | None) -> bytes | None:
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != BEARER_SCHEME or not token or not token.isascii():
        return None
    return token.encode("ascii")


def key_is_valid(token: bytes | None, keys: tuple[bytes, ...]) -> bool:
    """Constant-time comparison against every key (no early exit on a match)."""
    if token is None:
        return False
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(token, key)
    return matched


async def require_api_key(request: Request) -> None:
    """401 (`WWW-Authenticate: Bearer`) unless keys are off or the request carries one of them."""
    keys: tuple[bytes, ...] = getattr(request.app.state, "api_keys", ())
    if not keys:
        return
    token = _bearer_token(request.headers.get("authorization"))
    if not key_is_valid(token, keys):
        detail = (
            "send 'Authorization: Bearer <key>' with one of the service's API keys"
            if token is None
            else "the API key is not valid"
        )
        raise Unauthorized(detail, field="authorization")


RequireApiKey = Depends(require_api_key)
