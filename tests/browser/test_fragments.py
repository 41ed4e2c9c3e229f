"""st.fragment in Chromium: a widget inside a fragment reruns only the fragment; the page
outside keeps its elements and is not drawn stale, while the fragment's own old elements
are (1.67's isElementStale and ClearStaleNodeVisitor for a fragment run)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.server.background import ServerThread
from tests.browser import gates
from tests.browser.conftest import APPS
from tests.browser.helpers import APP, open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]


def _container(page: Page, text: str):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("stElementContainer").filter(has_text=text).last


def test_a_widget_in_a_fragment_reruns_only_the_fragment(page: Page, serve: Serve) -> None:
    server = serve(APPS / "fragment_app.py")
    gate = gates.FRAGMENT
    reruns: list[BackMsg] = []

    def on_websocket(ws) -> None:  # type: ignore[no-untyped-def]
        def on_sent(payload: bytes | str) -> None:
            if isinstance(payload, bytes):
                msg = BackMsg.FromString(payload)
                if msg.WhichOneof("type") == "rerun_script":
                    reruns.append(msg)

        ws.on("framesent", on_sent)

    page.on("websocket", on_websocket)
    open_app(page, server.url)
    expect(page.get_by_text("full runs: 1")).to_be_visible()
    expect(page.get_by_text("fragment runs: 1")).to_be_visible()

    gate.arm()
    try:
        page.get_by_role("button", name="In the fragment").click()
        assert gate.reached.wait(10)
        # The fragment run is held after its first element: the page shows the run.
        expect(page.locator(APP)).to_have_attribute("data-test-script-state", "running")
        expect(page.get_by_text("fragment runs: 2")).to_be_visible()
        # The fragment's elements not yet re-sent are stale; nothing outside is.
        expect(_container(page, "fragment end")).to_have_attribute("data-stale", "true")
        expect(_container(page, "full runs: 1")).to_have_attribute("data-stale", "false")
        expect(
            page.get_by_test_id("stElementContainer").filter(
                has=page.get_by_role("button", name="Outside")
            )
        ).to_have_attribute("data-stale", "false")
    finally:
        gate.open()
    wait_for_app_idle(page)
    expect(page.get_by_text("fragment end")).to_be_visible()
    expect(page.get_by_text("full runs: 1")).to_be_visible()  # the script did not rerun
    fragment_rerun = reruns[-1].rerun_script
    assert fragment_rerun.fragment_id != ""
    assert not fragment_rerun.is_auto_rerun

    # A widget outside the fragment: a full rerun, with no fragment id.
    page.get_by_role("button", name="Outside").click()
    expect(page.get_by_text("full runs: 2")).to_be_visible()
    wait_for_app_idle(page)
    assert reruns[-1].rerun_script.fragment_id == ""
    expect(page.get_by_text("fragment runs: 3")).to_be_visible()


def test_run_every_reruns_the_fragment_on_a_timer(page: Page, serve: Serve) -> None:
    server = serve(APPS / "run_every_app.py")
    reruns: list[BackMsg] = []

    def on_websocket(ws) -> None:  # type: ignore[no-untyped-def]
        def on_sent(payload: bytes | str) -> None:
            if isinstance(payload, bytes):
                msg = BackMsg.FromString(payload)
                if msg.WhichOneof("type") == "rerun_script":
                    reruns.append(msg)

        ws.on("framesent", on_sent)

    page.on("websocket", on_websocket)
    open_app(page, server.url)
    # Two timer ticks at least. The count goes on climbing every 0.3 s, so the test asks
    # for any count from 3 up: "tick 3" alone is on the page for 0.3 s, which a poll
    # under load can miss.
    expect(page.get_by_text(re.compile(r"^tick ([3-9]|\d{2,})$"))).to_be_visible(timeout=15_000)
    expect(page.get_by_text("full runs: 1")).to_be_visible()
    ticks = [m.rerun_script for m in reruns[1:]]
    assert ticks and all(t.is_auto_rerun and t.fragment_id for t in ticks)
    assert len({t.fragment_id for t in ticks}) == 1
