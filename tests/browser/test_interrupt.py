"""A click while a run is in flight, in Chromium: the rerun interrupts the run, and the
page it leaves is whole (every element of the new run, nothing lost from the top).

The run is held halfway by a gate the test controls, so the click lands inside the run
every time, not by luck of timing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser import gates
from tests.browser.conftest import APPS
from tests.browser.helpers import APP, open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]


def test_a_click_during_a_run_leaves_the_whole_page(page: Page, serve: Serve) -> None:
    gate = gates.INTERRUPT
    server = serve(APPS / "interrupt_app.py")
    open_app(page, server.url)
    expect(page.get_by_text("runs: 1")).to_be_visible()
    gate.arm()
    try:
        page.get_by_text("Last widget").click()  # run 2, held at the gate
        assert gate.reached.wait(10)
        expect(page.locator(APP)).to_have_attribute("data-test-script-state", "running")
        expect(page.get_by_text("runs: 2")).to_be_visible()
        gate.hold.clear()  # run 3 must not wait here
        # The click that interrupts: its rerun waits until run 2 reaches its next
        # st call, where it stops, and run 3 starts with the button's trigger.
        page.get_by_role("button", name="Go").click()
    finally:
        gate.open()
    expect(page.get_by_text("first half, go=True")).to_be_visible(timeout=15_000)
    wait_for_app_idle(page)
    for text in ("runs: 3", "first half, go=True", "second half", "end of page"):
        expect(page.get_by_text(text, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Go")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Last widget")).to_be_checked()
    # Nothing of run 2 is left behind, stale or otherwise.
    expect(page.locator("[data-stale=true]")).to_have_count(0)
