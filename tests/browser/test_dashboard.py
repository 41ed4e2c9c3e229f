"""examples/dashboard.py: a 40-line dashboard written for Streamlit, unchanged, in Chromium.

It says ``import streamlit``, caches its data, and uses the sidebar, a slider, a date
input, a multiselect, columns of metrics, tabs with a line chart and a dataframe, an
expander, a button with a toast and a download button. The same file runs on real
Streamlit 1.67 in the same browser, and the numbers it shows must be the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser.conftest import REPO
from tests.browser.helpers import open_app, wait_for_app_idle
from tests.realstreamlit import real_streamlit

Serve = Callable[[Path], ServerThread]
DASHBOARD = REPO / "examples" / "dashboard.py"
SOURCE = DASHBOARD.read_text(encoding="utf-8")


def _metrics(page: Page) -> list[str]:
    metrics = page.get_by_test_id("stMetric")
    expect(metrics).to_have_count(3)
    return [" ".join(text.split()) for text in metrics.all_inner_texts()]


def test_the_dashboard_is_a_real_streamlit_app() -> None:
    assert "import streamlit as st" in SOURCE and "import minilit" not in SOURCE
    assert len(SOURCE.splitlines()) <= 40


def test_the_dashboard_runs_unchanged_in_chromium(page: Page, serve: Serve) -> None:
    server = serve(DASHBOARD)
    open_app(page, server.url)
    wait_for_app_idle(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page).to_have_title("Greenhouse sensors")
    expect(page.get_by_role("heading", name="Greenhouse sensors")).to_be_visible()
    ours = _metrics(page)
    assert ours[0] == "Readings 168"  # seven days of hourly readings

    # The first tab draws the line chart (Vega, as SVG).
    chart = page.get_by_test_id("stVegaLiteChart")
    expect(chart.locator("svg").first).to_be_visible()
    expect(chart.locator("path[aria-roledescription='line mark']")).to_have_count(1)
    # The second tab holds the table: the last 24 readings and their index.
    page.get_by_role("tab", name="Table").click()
    table = page.get_by_test_id("stDataFrame")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(24)

    # The button's toast, from the event container.
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.get_by_test_id("stToast")).to_contain_text("Marked as reviewed")
    wait_for_app_idle(page)

    # The sidebar's slider reruns the script with a day more: the cached loader is
    # called with a new argument, and the metric follows.
    slider = page.get_by_test_id("stSidebar").get_by_role("slider")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("stMetric").first).to_contain_text("192")
    expect(page.get_by_test_id("stDownloadButton")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    # Real Streamlit 1.67, the same file, the same browser: the same numbers.
    with real_streamlit(DASHBOARD) as real:
        page.goto(real.url)
        expect(page.get_by_test_id("stMetric")).to_have_count(3, timeout=30_000)
        expect(page.get_by_test_id("stMetric").first).to_contain_text("168")
        assert _metrics(page) == ours
        page.goto("about:blank")  # before the server stops: its page would complain
