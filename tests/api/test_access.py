"""API keys, CORS and the reading view switch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.api.auth import key_is_valid, parse_api_keys
from app.main import create_app
from app.settings import Settings

URL = "/v1/attributions"
BODY = {"text": '"Hi," she said.'}
KEYS = "k-alpha-0123456789,k-beta-9876543210"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def assert_401(response: object, detail: str) -> None:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {
        "type": "https://quotes.invalid/problems/unauthorized",
        "title": "Unauthorized",
        "status": 401,
        "detail": detail,
        "errors": [{"field": "authorization", "message": detail}],
    }


MISSING = "send 'Authorization: Bearer <key>' with one of the service's API keys"
INVALID = "the API key is not valid"


# -- API keys -----------------------------------------------------------------------------------
def test_without_keys_everything_is_open(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    assert client.post(URL, json=BODY).status_code == 200
    assert client.get("/metrics").status_code == 200
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer"}, {"Authorization": "Basic azE6cHc="}, {"Authorization": ""}],
    ids=["none", "empty-bearer", "basic", "blank"],
)
def test_missing_key_is_401(
    make_client: Callable[..., TestClient], headers: dict[str, str]
) -> None:
    client = make_client(api_keys=KEYS)
    assert_401(client.post(URL, json=BODY, headers=headers), MISSING)
    assert_401(client.post(URL + "/batch", json={"documents": [BODY]}, headers=headers), MISSING)


@pytest.mark.parametrize(
    "key", ["wrong", "k-alpha-012345678", "k-alpha-0123456789x", "K-ALPHA-0123456789"]
)
def test_wrong_key_is_401(make_client: Callable[..., TestClient], key: str) -> None:
    client = make_client(api_keys=KEYS)
    assert_401(client.post(URL, json=BODY, headers=bearer(key)), INVALID)


def test_each_configured_key_is_accepted(make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_keys=KEYS)
    for key in ("k-alpha-0123456789", "k-beta-9876543210"):
        response = client.post(URL, json=BODY, headers=bearer(key))
        assert response.status_code == 200
        assert response.json()["quotes"][0]["text"] == "Hi,"
    lower_scheme = {"Authorization": "bearer k-beta-9876543210"}
    assert client.post(URL, json=BODY, headers=lower_scheme).status_code == 200


def test_auth_comes_before_body_validation(make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_keys=KEYS)
    assert_401(client.post(URL, content=b"junk", headers={"content-type": "text/plain"}), MISSING)


def test_probes_stay_open_and_metrics_follow_the_setting(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(api_keys=KEYS)
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    assert client.get("/metrics").status_code == 200
    closed = make_client(api_keys=KEYS, metrics_require_key=True)
    assert closed.get("/healthz").status_code == 200
    assert closed.get("/readyz").status_code == 200
    assert_401(closed.get("/metrics"), MISSING)
    assert closed.get("/metrics", headers=bearer("k-alpha-0123456789")).status_code == 200


def test_reading_view_and_docs_need_a_key_when_keys_are_set(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(api_keys=KEYS)
    for path in ("/", "/openapi.json", "/docs", "/redoc"):
        assert_401(client.get(path), MISSING)
        assert client.get(path, headers=bearer("k-beta-9876543210")).status_code == 200
    schema = client.get("/openapi.json", headers=bearer("k-beta-9876543210")).json()
    assert sorted(schema["paths"]) == [
        "/healthz",
        "/readyz",
        "/v1/attributions",
        "/v1/attributions/batch",
    ]


def test_keys_from_a_file(make_client: Callable[..., TestClient], tmp_path: Path) -> None:
    keys = tmp_path / "keys.txt"
    keys.write_text("# newsroom keys\nfile-key-one\n\n  file-key-two  \n", encoding="utf-8")
    assert parse_api_keys(str(keys)) == ("file-key-one", "file-key-two")
    client = make_client(api_keys=str(keys))
    assert client.post(URL, json=BODY, headers=bearer("file-key-two")).status_code == 200
    assert_401(client.post(URL, json=BODY, headers=bearer("# newsroom keys")), INVALID)


def test_bad_key_settings_stop_start_up(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="QUOTES_API_KEYS names a file that does not exist"):
        Settings(api_keys=str(tmp_path / "missing.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_text("# no keys yet\n", encoding="utf-8")
    with pytest.raises(ValueError, match="holds no key"):
        create_app(Settings(api_keys=str(empty)))
    with pytest.raises(ValueError, match="printable ASCII without spaces"):
        create_app(Settings(api_keys="ok-key,clé"))


def test_key_comparison() -> None:
    keys = (b"alpha", b"beta")
    assert key_is_valid(b"beta", keys) is True
    assert key_is_valid(b"gamma", keys) is False
    assert key_is_valid(None, keys) is False
    assert key_is_valid(b"", keys) is False


# -- CORS ---------------------------------------------------------------------------------------
def test_cors_is_closed_by_default(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    origin = {"Origin": "https://newsroom.example"}
    response = client.post(URL, json=BODY, headers=origin)
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(URL, headers={**origin, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 405
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_only_configured_origins(make_client: Callable[..., TestClient]) -> None:
    client = make_client(cors_origins="https://newsroom.example, https://desk.example")
    response = client.post(URL, json=BODY, headers={"Origin": "https://desk.example"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://desk.example"
    assert response.headers["access-control-expose-headers"] == "X-Request-ID, Retry-After"
    preflight = client.options(
        URL,
        headers={
            "Origin": "https://newsroom.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://newsroom.example"
    assert preflight.headers["access-control-allow-methods"] == "GET, POST"
    other = client.post(URL, json=BODY, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


# -- reading view switch ------------------------------------------------------------------------
def test_reading_view_can_be_turned_off(make_client: Callable[..., TestClient]) -> None:
    assert make_client().get("/").status_code == 200
    off = make_client(reading_view=False)
    response = off.get("/")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert off.post(URL, json=BODY).status_code == 200
