"""The reading view in a real browser: headless Chromium pastes the seed article into the form of a
running service, clicks the button, and the rendered page is read back over the DevTools protocol.

Needs Debian's `chromium` (`/usr/bin/chromium`, or the path in `QUOTES_CHROMIUM`); skipped without
it. Set `QUOTES_SCREENSHOT=docs/reading-view.png` to refresh the screenshot in the docs.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from websockets.sync.client import ClientConnection, connect

from app.main import create_app
from app.service.runner import AttributionService
from app.settings import Settings
from tests.web import Element, parse_html

CHROMIUM = os.environ.get("QUOTES_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
WINDOW = (1280, 1600)
TIMEOUT_S = 60.0

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)",
    ),
]


# ---------------------------------------------------------------------------------------------
# The service, for real, on a free port


@pytest.fixture
def live_url(settings: Settings, service: AttributionService) -> Iterator[str]:
    """The app served by uvicorn in a thread (sharing the session's pipeline); its base URL."""
    app = create_app(settings, service=service)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or not thread.is_alive():
                pytest.fail("the service did not become ready")
            time.sleep(0.1)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


# ---------------------------------------------------------------------------------------------
# Headless Chromium driven over the DevTools protocol (no selenium, no extra package)


class DevTools:
    """A minimal Chrome DevTools Protocol client for one page target."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message_id = self.next_id
        self.connection.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.connection.recv(timeout=TIMEOUT_S))
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str) -> None:
        """Poll `expression` until it is true; a navigation in between is retried."""
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                if self.evaluate(expression) is True:
                    return
            except RuntimeError:
                pass  # the page is being replaced: its context is gone for a moment
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression}")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box["x"],
                y=box["y"],
                button="left",
                clickCount=1,
            )

    def console_messages(self) -> list[str]:
        messages = []
        for event in self.events:
            if event.get("method") == "Log.entryAdded":
                messages.append(str(event["params"]["entry"].get("text", "")))
            elif event.get("method") == "Runtime.exceptionThrown":
                messages.append(json.dumps(event["params"]))
        return messages


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[DevTools]:
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    process = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={WINDOW[0]},{WINDOW[1]}",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT_S
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail(f"Chromium did not open its DevTools port (exit {process.poll()})")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(t for t in targets if t.get("type") == "page")
        with connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=TIMEOUT_S) as ws:
            tools = DevTools(ws)
            for domain in ("Page", "Runtime", "Log"):
                tools.send(f"{domain}.enable")
            tools.send(
                "Emulation.setDeviceMetricsOverride",
                width=WINDOW[0],
                height=WINDOW[1],
                deviceScaleFactor=1,
                mobile=False,
            )
            yield tools
    finally:
        # The browser we started, and its helper processes (same session), by process group id.
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


# ---------------------------------------------------------------------------------------------
# The test


def quote_label(mark: Element) -> str:
    return "".join(e.text() for e in mark.select("span", "speaker-label"))


def test_browser_submits_the_seed_article_and_sees_the_highlights(
    browser: DevTools, live_url: str, seed_text: str, tmp_path: Path
) -> None:
    browser.send("Page.navigate", url=f"{live_url}/")
    browser.wait_for("document.readyState === 'complete' && !!document.querySelector('textarea')")

    # Paste the article into the text area and press the button, as a reader would.
    browser.evaluate("document.querySelector('textarea[name=text]').focus()")
    browser.send("Input.insertText", text=seed_text)
    assert browser.evaluate("document.querySelector('textarea[name=text]').value.length") == len(
        seed_text
    )
    browser.click("form.article-form button[type=submit]")
    browser.wait_for(
        "document.readyState === 'complete' && !!document.querySelector('article.article')"
    )

    dom = parse_html(browser.evaluate("document.documentElement.outerHTML"))
    (body,) = dom.select("article", "article")
    marks = [m for m in body.select("mark", "quote") if "id" in m.attrs]

    # The page shows what the JSON API answers for the same text.
    api = httpx.post(f"{live_url}/v1/attributions", json={"text": seed_text}, timeout=60).json()
    assert [m.attrs["id"] for m in marks] == [q["id"] for q in api["quotes"]]
    for mark, quote in zip(marks, api["quotes"], strict=True):
        expected = (quote["speaker"] or {}).get("name") or "unknown"
        assert quote_label(mark) == expected, quote["id"]
    labels = {quote_label(m) for m in marks}
    assert "Jeff Sessions" in labels and "unknown" in labels

    # The stylesheet was served and applied: labels are solid pills, highlights are tinted.
    label_bg = browser.evaluate(
        "getComputedStyle(document.querySelector('article .speaker-label')).backgroundColor"
    )
    mark_bg = browser.evaluate(
        "getComputedStyle(document.querySelector('article mark.quote')).backgroundColor"
    )
    assert label_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert mark_bg != "rgb(255, 255, 0)"  # not the browser's default yellow <mark>
    # A mention link jumps to its quote.
    href = browser.evaluate("document.querySelector('article a.mention').getAttribute('href')")
    assert browser.evaluate(f"!!document.getElementById({json.dumps(href[1:])})") is True
    # Nothing was blocked by the Content-Security-Policy, and no script error happened.
    assert not [m for m in browser.console_messages() if "Content Security Policy" in m]
    assert not [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]

    shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
    assert shot.startswith(b"\x89PNG")
    (tmp_path / "reading-view.png").write_bytes(shot)
    if target := os.environ.get("QUOTES_SCREENSHOT"):
        Path(target).write_bytes(shot)
