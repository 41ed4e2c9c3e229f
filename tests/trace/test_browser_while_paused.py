"""The browser keeps working while a script is paused in the inspector.

Chromium (through Playwright) clicks a button; a breakpoint pauses the rerun
it causes before its second delta. Meanwhile the page is connected, says the
script is running, shows the old elements as stale, and the delta sent before
the breakpoint. After ``continue`` the run finishes and the page settles.
The trace client is the protocol over a real websocket (websockets' sync
client: Playwright's sync API owns this thread's asyncio loop).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from websockets.sync.client import ClientConnection, connect

from inspector.channel.endpoint import channel_of, install_trace
from minilit.server.background import ServerThread

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

CHROMIUM = Path(os.environ.get("MINILIT_CHROMIUM", "/usr/bin/chromium"))
APP_TEXT = """\
import minilit as st

clicks = st.button("Again")
st.text("first line")
st.text(f"clicked: {clicks}")
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


def command(ws: ClientConnection, **cmd: Any) -> dict[str, Any]:
    ws.send(json.dumps(cmd))
    while True:
        msg = json.loads(ws.recv(timeout=10))
        if msg["type"] == "reply":
            assert msg["ok"], msg
            return msg


def wait_gate(ws: ClientConnection, predicate: Any) -> dict[str, Any]:
    while True:
        msg = json.loads(ws.recv(timeout=15))
        if msg["type"] == "gate" and predicate(msg):
            return msg


def test_browser_shows_running_and_stale_while_paused(browser: Browser, tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(APP_TEXT)
    with ServerThread(script, configure=install_trace) as server:
        channel = channel_of(server.server)
        assert channel is not None
        url = f"ws://127.0.0.1:{server.port}/_minilit/trace?token={channel.token}"
        with connect(url) as ws:
            page: Page = browser.new_page()
            page.goto(server.url)
            app = page.locator("[data-testid='stApp']")
            expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=15_000)
            expect(page.get_by_text("clicked: False")).to_be_visible()

            command(ws, cmd="break", add="line:4")
            page.get_by_test_id("stButton").get_by_role("button", name="Again").click()
            gate = wait_gate(ws, lambda g: bool(g["paused"]))
            assert gate["paused"][0]["where"].endswith("app.py:4")

            # Paused on the server's script thread; the browser is still live.
            expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
            expect(app).to_have_attribute("data-test-script-state", "running")
            stale = page.locator("[data-stale='true']")
            expect(stale).to_have_count(2)  # the old "first line" and "clicked: False"
            expect(page.get_by_text("clicked: False")).to_be_visible()

            command(ws, cmd="break", clear=True)
            command(ws, cmd="continue")
            expect(app).to_have_attribute("data-test-script-state", "notRunning")
            expect(page.get_by_text("clicked: True")).to_be_visible()
            expect(page.locator("[data-stale='true']")).to_have_count(0)
            page.close()
