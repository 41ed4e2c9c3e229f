"""The date, time, colour, choice, feedback and link widgets in Chromium (issue 12, items
5 and 9): each is drawn, the user changes it through the page, and the script's rerun
shows the new value; a value set through st.session_state is adopted by the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from minilit.proto import BackMsg_pb2
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from tests.browser.conftest import APPS
from tests.browser.helpers import open_app, wait_for_app_idle
from tests.testing.test_client_complete_state import _states, _ticks
from tests.testing.test_client_complete_state_new_widgets import APP as STATE_APP

Serve = Callable[[Path], ServerThread]
APP = APPS / "new_widgets_app.py"


def text(page: Page, value: str) -> None:
    """Waits until the script has written exactly this st.text line."""
    expect(page.get_by_test_id("stText").filter(has_text=value)).to_have_text(value)


def test_date_and_time_inputs(page: Page, serve: Serve) -> None:
    open_app(page, serve(APP).url)
    text(page, "day = 2024-05-17")
    day = page.get_by_test_id("stDateInput").filter(has_text="Day")
    expect(day.get_by_test_id("stDateInputValue")).to_have_text("17.05.2024")  # format=
    day.get_by_test_id("stDateInputField").fill("2024-06-01")
    text(page, "day = 2024-06-01")
    wait_for_app_idle(page)

    trip = page.get_by_test_id("stDateInput").filter(has_text="Trip")
    trip.get_by_test_id("stDateInputField").nth(1).fill("2024-05-20")
    text(page, "trip = 2024-05-01..2024-05-20")
    wait_for_app_idle(page)

    page.get_by_test_id("stTimeInputField").fill("08:45")
    text(page, "alarm = 08:45:00")
    wait_for_app_idle(page)


def test_color_picker(page: Page, serve: Serve) -> None:
    open_app(page, serve(APP).url)
    text(page, "color = #00f900")
    page.get_by_test_id("stColorPickerField").fill("#123abc")
    text(page, "color = #123abc")
    wait_for_app_idle(page)


def test_select_slider_and_date_slider(page: Page, serve: Serve) -> None:
    open_app(page, serve(APP).url)
    size = page.get_by_test_id("stSlider").filter(has_text="Size")
    expect(size.get_by_test_id("stSliderThumbValue")).to_have_text("M")
    size.get_by_test_id("stSliderThumb").focus()
    page.keyboard.press("ArrowRight")
    text(page, "size = L")
    wait_for_app_idle(page)

    when = page.get_by_test_id("stSlider").filter(has_text="When")
    expect(when.get_by_test_id("stSliderThumbValue")).to_have_text("2024-03-01")
    when.get_by_test_id("stSliderThumb").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    text(page, "when = 2024-03-03")
    wait_for_app_idle(page)


def test_pills_segmented_control_and_feedback(page: Page, serve: Serve) -> None:
    open_app(page, serve(APP).url)
    text(page, "tags = ['b']")
    tags = page.get_by_test_id("stButtonGroup").filter(has_text="Tags")
    tags.get_by_role("button", name="c").click()
    text(page, "tags = ['b', 'c']")
    wait_for_app_idle(page)
    tags.get_by_role("button", name="b").click()
    text(page, "tags = ['c']")
    wait_for_app_idle(page)

    view = page.get_by_test_id("stButtonGroup").filter(has_text="View")
    view.get_by_role("button", name="Week").click()
    text(page, "view = Week")
    wait_for_app_idle(page)
    view.get_by_role("button", name="Week").click()  # again: deselected
    text(page, "view = None")
    wait_for_app_idle(page)

    page.get_by_test_id("stFeedback").get_by_role("button", name="4 stars").click()
    text(page, "stars = 3")
    wait_for_app_idle(page)
    page.get_by_test_id("stFeedback").get_by_role("button", name="4 stars").click()
    text(page, "stars = None")
    wait_for_app_idle(page)


def test_link_buttons(page: Page, serve: Serve) -> None:
    open_app(page, serve(APP).url)
    text(page, "go = False")
    docs = page.get_by_test_id("stLinkButton").filter(has_text="Docs").get_by_role("link")
    expect(docs).to_have_attribute("href", "about:blank#docs")
    expect(docs).to_have_attribute("target", "_blank")
    with page.context.expect_page() as opened:
        page.get_by_test_id("stLinkButton").filter(has_text="Go").get_by_role("link").click()
    opened.value.close()
    text(page, "go = True")  # on_click="rerun": the click is a trigger too
    wait_for_app_idle(page)


def test_session_state_values_are_adopted_by_the_page(page: Page, serve: Serve) -> None:
    open_app(page, serve(APP).url)
    text(page, "size = M")
    page.get_by_test_id("stButton").get_by_role("button", name="Push values").click()
    text(page, "day = 2024-07-04")
    text(page, "size = S")
    text(page, "tags = ['a', 'c']")
    wait_for_app_idle(page)
    day = page.get_by_test_id("stDateInput").filter(has_text="Day")
    expect(day.get_by_test_id("stDateInputField")).to_have_value("2024-07-04")
    size = page.get_by_test_id("stSlider").filter(has_text="Size")
    expect(size.get_by_test_id("stSliderThumbValue")).to_have_text("S")
    tags = page.get_by_test_id("stButtonGroup").filter(has_text="Tags")
    expect(tags.get_by_role("button", name="c")).to_have_attribute("aria-pressed", "true")
    # The adopted values are what the next rerun sends.
    page.get_by_test_id("stButtonGroup").filter(has_text="View").get_by_role(
        "button", name="Week"
    ).click()
    text(page, "view = Week")
    text(page, "day = 2024-07-04")
    text(page, "size = S")
    text(page, "tags = ['a', 'c']")


def test_the_page_commits_what_the_headless_client_commits(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    """minilit's frontend sends the same ClientState for a click as the headless client,
    whose ClientState equals Chromium's on real 1.67 for this app
    (tests/testing/test_client_complete_state_new_widgets.py)."""
    script = tmp_path / "app.py"
    script.write_text(STATE_APP)
    server = serve(script)
    with AppClient.connect(server.url) as app:
        app.run()
        tick = {w.label: w.id for w in app.widgets}["tick"]
        app.checkbox[0].check().run()
        client_click = _states(app.last_run.request)  # type: ignore[arg-type]
    sent: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framesent",
            lambda payload: sent.append(payload) if isinstance(payload, bytes) else None,
        ),
    )
    open_app(page, server.url)
    page.get_by_test_id("stCheckbox").get_by_text("tick").click()
    text(page, "end of page")
    wait_for_app_idle(page)
    clicks = [frame for frame in sent if _ticks(frame, tick)]
    assert len(clicks) == 1
    assert _states(BackMsg_pb2.BackMsg.FromString(clicks[0])) == client_click


def test_in_a_form_values_wait_for_the_submit(page: Page, serve: Serve) -> None:
    open_app(page, serve(APPS / "new_widgets_form_app.py").url)
    text(page, "day = 2024-05-17")
    field = page.get_by_test_id("stDateInputField")
    field.fill("2024-06-02")
    page.get_by_test_id("stButtonGroup").get_by_role("button", name="cake").click()
    page.wait_for_timeout(300)
    text(page, "day = 2024-05-17")  # nothing sent before the submit
    text(page, "extras = []")
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Book").click()
    text(page, "day = 2024-06-02")
    text(page, "extras = ['cake']")
    wait_for_app_idle(page)
    # clear_on_submit: the fields are back at their defaults.
    expect(field).to_have_value("2024-05-17")
    cake = page.get_by_test_id("stButtonGroup").get_by_role("button", name="cake")
    expect(cake).to_have_attribute("aria-pressed", "false")
