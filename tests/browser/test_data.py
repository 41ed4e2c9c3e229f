"""st.dataframe, st.table and the charts in Chromium: the Arrow bytes decoded by the
Arrow JavaScript library into table cells, and the Vega-Lite specs drawn by vega-embed.

The cells are read back from the DOM, so a wrong decoding (BigInt digits, the index
from the pandas metadata, a hidden index shown, a RangeIndex not rebuilt) shows as a
wrong text; the charts are found by their SVG marks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.server.background import ServerThread
from tests.browser.conftest import APPS
from tests.browser.helpers import open_app, wait_for_app_idle

Serve = Callable[[Path], ServerThread]


def _rows(table: object) -> list[list[str]]:
    return table.evaluate(  # type: ignore[attr-defined, no-any-return]
        "t => [...t.querySelectorAll('tr')].map(r => [...r.children].map(c => c.textContent))"
    )


def test_tables_show_the_cells_decoded_from_arrow(page: Page, serve: Serve) -> None:
    server = serve(APPS / "data_app.py")
    open_app(page, server.url)
    wait_for_app_idle(page)
    frames = page.get_by_test_id("stDataFrame")
    expect(frames).to_have_count(3)
    expect(frames.nth(0).locator("table")).to_be_visible()
    # The index travels as "__index_level_0__" and is shown first, unnamed.
    assert _rows(frames.nth(0).locator("table")) == [
        ["", "name", "score"],
        ["7", "Ada", "36"],
        ["8", "Grace", "85"],
        ["9", "Linus", "12"],
    ]
    # hide_index, column_order and a relabelled column.
    assert _rows(frames.nth(1).locator("table")) == [["Cee", "a"], ["0.5", "1"], ["1.5", "2"]]
    # st.table: the default RangeIndex is hidden by the server (hide_index), a None is empty.
    assert _rows(page.get_by_test_id("stTable").locator("table")) == [
        ["k", "v"],
        ["p", "1.25"],
        ["q", ""],
    ]
    # A long frame: the RangeIndex is rebuilt from the metadata; the first 1,000 rows shown.
    big = frames.nth(2)
    rows = _rows(big.locator("table"))
    assert len(rows) == 1 + 1000
    assert rows[1] == ["0", "0"] and rows[-1] == ["999", "999"]
    expect(big.get_by_test_id("stDataFrameNote")).to_have_text(
        "Showing the first 1,000 of 2,500 rows."
    )


def test_charts_are_drawn_by_vega_from_the_arrow_datasets(page: Page, serve: Serve) -> None:
    server = serve(APPS / "data_app.py")
    open_app(page, server.url)
    wait_for_app_idle(page)
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2)
    bar, line = charts.nth(0), charts.nth(1)
    expect(bar).to_have_attribute("data-drawn", "true")
    expect(line).to_have_attribute("data-drawn", "true")
    # One bar per row of the dataset; the x axis shows the fruit names from the Arrow data.
    expect(bar.locator("svg g.mark-rect path")).to_have_count(3)
    labels = bar.locator("svg g.role-axis-label text").all_text_contents()
    assert {"apple", "pear", "plum"} <= set(labels)
    # The line chart's melted data: one line per former column ("a" and "b").
    expect(line.locator("svg g.mark-line path")).to_have_count(2)
    legend = line.locator("svg g.role-legend-label text").all_text_contents()
    assert legend == ["a", "b"]
