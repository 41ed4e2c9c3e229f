"""1.67's parameters in Chromium: label_visibility, help, disabled, icons, borders,
container and column layout, element widths and heights, text alignment.

A real minilit server runs one app; Debian's Chromium opens it, and each test checks what
a person would see: a hidden label keeps its space, a collapsed one takes none, a fixed
height scrolls, a horizontal container lays its children side by side with the gap asked
for, a pixel width is the element's width.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from minilit.server.background import ServerThread
from tests.browser.helpers import open_app

Serve = Callable[[Path], ServerThread]

APP = """
import streamlit as st

st.text_input("Visible label", key="visible")
st.text_input("Hidden label", label_visibility="hidden", key="hidden")
st.text_input("Collapsed label", label_visibility="collapsed", key="collapsed")
st.checkbox("Quiet box", label_visibility="collapsed", key="quiet")
st.slider("Helped slider", 0, 5, help="a tooltip", key="helped")
st.selectbox("Off", ["a", "b"], disabled=True, key="off")
st.text_input("Search", icon=":material/search:", key="search")
st.button("Party", icon="🎉", key="party")
with st.container(horizontal=True, gap="large"):
    st.button("left", key="l")
    st.button("right", key="r")
with st.container(height=120):
    for i in range(20):
        st.text(f"line {i}")
with st.container(border=True, key="framed"):
    st.text("inside a border")
a, b = st.columns(2, gap=None, border=True)
a.text("col a")
b.text("col b")
st.text("narrow", width=180)
st.markdown("centred", text_alignment="center")
st.text_area("Notes", height=200, key="notes")
with st.expander("Tips", icon=":material/lightbulb:", key="tips"):
    st.text("a tip")
"""


@pytest.fixture
def app_page(page: Page, serve: Serve, tmp_path: Path) -> Iterator[Page]:
    script = tmp_path / "params_app.py"
    script.write_text(APP, encoding="utf-8")
    server = serve(script)
    open_app(page, server.url)
    yield page


def _widget(page: Page, testid: str, label: str) -> Locator:
    return page.get_by_test_id(testid).filter(
        has=page.get_by_test_id("stWidgetLabel").filter(has_text=label)
    )


def _box(locator: Locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}


def test_label_visibility_hidden_keeps_space_collapsed_takes_none(app_page: Page) -> None:
    page = app_page
    visible = _widget(page, "stTextInput", "Visible label")
    hidden = _widget(page, "stTextInput", "Hidden label")
    collapsed = _widget(page, "stTextInput", "Collapsed label")
    expect(visible.get_by_test_id("stWidgetLabel")).to_be_visible()
    expect(hidden.get_by_test_id("stWidgetLabel")).to_be_hidden()
    expect(collapsed.get_by_test_id("stWidgetLabel")).to_be_hidden()
    # The hidden label still takes its height; the collapsed one does not.
    assert _box(hidden)["height"] == pytest.approx(_box(visible)["height"], abs=1)
    assert _box(collapsed)["height"] < _box(visible)["height"] - 10
    # The inputs keep their accessible names (the label stays in the DOM).
    expect(page.get_by_label("Hidden label")).to_be_visible()
    expect(page.get_by_label("Collapsed label")).to_be_visible()
    # A checkbox's collapsed label: the box is there, its text is not.
    quiet = page.get_by_test_id("stCheckbox").filter(has=page.get_by_label("Quiet box"))
    expect(quiet.locator("input")).to_be_visible()
    expect(quiet.get_by_test_id("stWidgetLabel")).to_be_hidden()


def test_help_tooltip_disabled_and_icons(app_page: Page) -> None:
    page = app_page
    slider = page.get_by_test_id("stSlider").filter(has_text="Helped slider")
    expect(slider.get_by_test_id("stTooltipIcon")).to_have_attribute("title", "a tooltip")
    expect(page.get_by_label("Off")).to_be_disabled()
    search = page.get_by_test_id("stTextInput").filter(has=page.get_by_label("Search"))
    expect(search.get_by_test_id("stIconMaterial")).to_have_text("search")
    party = page.get_by_role("button", name="Party")
    expect(party.get_by_test_id("stIconEmoji")).to_have_text("🎉")
    tips = page.locator(".st-key-tips")  # a keyed expander gets st-key-<key>
    expect(tips).to_have_attribute("data-testid", "stExpander")
    expect(tips.get_by_test_id("stIconMaterial")).to_have_text("lightbulb")


def test_horizontal_container_and_gap(app_page: Page) -> None:
    page = app_page
    left = _box(page.get_by_role("button", name="left"))
    right = _box(page.get_by_role("button", name="right"))
    assert left["y"] == pytest.approx(right["y"], abs=1)  # side by side
    # gap="large" is 4rem (64 px at the default 16 px root size).
    assert right["x"] - (left["x"] + left["width"]) == pytest.approx(64, abs=2)
    columns = page.get_by_test_id("stColumn").filter(has_text="col a")
    row = page.get_by_test_id("stHorizontalBlock").filter(has=columns)
    assert row.evaluate("el => getComputedStyle(el).columnGap") == "0px"  # gap=None
    expect(columns).to_have_class("stColumn bordered")


def test_fixed_height_scrolls_and_border(app_page: Page) -> None:
    page = app_page
    scroller = page.get_by_test_id("stVerticalBlock").filter(has_text="line 19").last
    assert _box(scroller)["height"] == pytest.approx(120, abs=1)
    assert scroller.evaluate("el => el.scrollHeight > el.clientHeight")
    # It scrolls (rather than spilling over what follows): scrollTop moves.
    assert scroller.evaluate("el => { el.scrollTop = 50; return el.scrollTop }") == 50
    bordered = page.locator(".st-key-framed")  # a keyed container gets st-key-<key>
    expect(bordered).to_contain_text("inside a border")
    assert bordered.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"


def test_element_width_height_and_alignment(app_page: Page) -> None:
    page = app_page
    narrow = page.get_by_test_id("stElementContainer").filter(has_text="narrow")
    assert _box(narrow)["width"] == pytest.approx(180, abs=1)
    centred = page.get_by_test_id("stElementContainer").filter(has_text="centred")
    assert centred.evaluate("el => getComputedStyle(el).textAlign") == "center"
    notes = page.get_by_test_id("stElementContainer").filter(has=page.get_by_label("Notes"))
    assert _box(notes)["height"] == pytest.approx(200, abs=1)
    # The text area fills what its label leaves, rather than scrolling the box.
    field = page.get_by_label("Notes")
    assert _box(field)["height"] > 140
