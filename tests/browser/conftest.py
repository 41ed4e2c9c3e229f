"""Fixtures for the browser tests: Debian's Chromium driven by Playwright.

Mirrors the role of Streamlit's e2e_playwright/conftest.py (start a server
for an app, open it, wait for the run) with minilit's ServerThread instead
of a `streamlit run` subprocess.

Chromium: /usr/bin/chromium (Debian's package; .ci/run installs it). When it
is missing the tests are skipped on a developer machine but *fail* in CI
(CI=true), where the browser tests are part of what must pass.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from minilit.server.background import ServerThread

CHROMIUM = Path(os.environ.get("MINILIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
APPS = Path(__file__).parent / "apps"
REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "minilit" / "hello" / "demo.py"

pytestmark = pytest.mark.browser


def require_chromium() -> None:
    """Skip without Chromium on a developer's machine; fail in CI (CI=true)."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Module scope, not session: while Playwright's sync API is active it
    # keeps an asyncio loop marked as running on this thread, which would
    # break the asyncio tests that run after the browser tests.
    require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def serve() -> Iterator[Callable[[Path], ServerThread]]:
    """Start a real minilit server for an app; stopped after the test."""
    servers: list[ServerThread] = []

    def start(script: Path) -> ServerThread:
        server = ServerThread(script).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def page(browser: Browser, serve: Callable[[Path], ServerThread]) -> Iterator[Page]:
    # Depends on `serve` so that it is torn down first: the page (and the run
    # it may have started) ends before the server stops.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.set_default_timeout(15_000)
    yield page
    # Let a run the test started finish before its server is stopped.
    with contextlib.suppress(PlaywrightError):
        page.wait_for_selector(
            "[data-testid='stApp']:not([data-test-script-state='running'])"
            ":not([data-test-script-state='rerunRequested'])",
            timeout=5_000,
        )
    context.close()
    # A page that threw (a React crash, a decode failure) fails the test.
    assert not [e for e in errors if "WebSocket" not in e and "ERR_CONNECTION" not in e], errors
