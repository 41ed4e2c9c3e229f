"""Clear cache from the page, in Chromium: the toolbar item and the "c" key open 1.67's
"Clear caches" confirmation, whose button sends clear_cache; two tabs share the cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.server.background import ServerThread
from tests.browser.conftest import APPS
from tests.browser.helpers import open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]


def _token(page: Page) -> str:
    text = page.get_by_text("token ").inner_text()
    return text.removeprefix("token ")


def _sent_kinds(page: Page) -> list[str]:
    kinds: list[str] = []

    def on_websocket(ws) -> None:  # type: ignore[no-untyped-def]
        def on_sent(payload: bytes | str) -> None:
            if isinstance(payload, bytes):
                kinds.append(str(BackMsg.FromString(payload).WhichOneof("type")))

        ws.on("framesent", on_sent)

    page.on("websocket", on_websocket)
    return kinds


def test_clear_cache_from_the_page(page: Page, serve: Serve, browser: Browser) -> None:
    server = serve(APPS / "cache_app.py")
    sent = _sent_kinds(page)
    open_app(page, server.url)
    first = _token(page)
    # A second tab (another session) gets the same cached value.
    other = browser.new_context().new_page()
    try:
        open_app(other, server.url)
        assert _token(other) == first
        expect(other.get_by_text("runs since the cache was cleared: 2")).to_be_visible()
    finally:
        other.context.close()
    page.locator("body").press("r")  # a rerun of this tab: a hit, the same object
    expect(page.get_by_text("runs since the cache was cleared: 3")).to_be_visible()
    wait_for_app_idle(page)
    assert _token(page) == first

    # "c" opens the confirmation; Cancel clears nothing.
    page.locator("body").press("c")
    dialog = page.get_by_test_id("stClearCacheDialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Are you sure you want to clear the app's function caches?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert "clear_cache" not in sent

    # The toolbar's Clear cache, then "Clear caches": one clear_cache BackMsg.
    page.get_by_test_id("stClearCacheButton").click()
    page.get_by_test_id("stClearCacheDialog").get_by_role("button", name="Clear caches").click()
    expect(dialog).to_be_hidden()
    page.locator("body").press("r")
    expect(page.get_by_text("runs since the cache was cleared: 1")).to_be_visible()
    wait_for_app_idle(page)
    assert _token(page) != first
    assert sent.count("clear_cache") == 1
