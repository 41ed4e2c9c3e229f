"""The headless client's ClientState for the date, time, colour, choice, feedback and
link widgets is the browser's: Chromium on real Streamlit 1.67 and the headless client
on the same server send the same widget states for the same click (issue 12, item 8, for
the widgets of item 5). A widget commits its default when it mounts (or nothing, as 1.67's
feedback and a link button do), so the click's ClientState shows what each one committed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minilit.proto import BackMsg_pb2
from minilit.testing import AppClient
from tests.realstreamlit import real_streamlit, require_real_streamlit
from tests.testing.test_client_complete_state import _by_label, _states, _ticks

APP = """\
import datetime as dt
import streamlit as st
st.date_input("day", dt.date(2024, 5, 17))
st.date_input("trip", (dt.date(2024, 5, 1), dt.date(2024, 5, 9)))
st.date_input("no day", None)
st.time_input("alarm", dt.time(7, 30))
st.time_input("no time", None)
st.color_picker("color", "#00f900")
st.select_slider("size", ["S", "M", "L"], value="M")
st.select_slider("band", [1, 2, 3, 4], value=(2, 3))
st.slider("when", value=dt.date(2024, 3, 1))
st.slider("hours", value=(dt.time(9, 0), dt.time(17, 0)))
st.pills("tags", ["a", "b", "c"], selection_mode="multi", default=["b"])
st.pills("one tag", ["a", "b"])
st.segmented_control("view", ["Day", "Week"], default="Day")
st.feedback("stars")
st.feedback("thumbs", default=1)
st.link_button("go", "about:blank", on_click="rerun")
st.checkbox("tick")
st.text("end of page")
"""

LABELS = ["day", "trip", "no day", "alarm", "no time", "color", "size", "band", "when"]
LABELS += ["hours", "tags", "one tag", "view", "go", "tick"]


@pytest.mark.browser
def test_same_widget_states_as_chromium_on_real_streamlit(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    require_real_streamlit("1.67")
    script = tmp_path / "app.py"
    script.write_text(APP)
    sent_by_browser: list[bytes] = []
    with real_streamlit(script) as server:
        with AppClient.connect(server.url) as app:
            app.run(timeout=30)
            tick = _by_label(app)["tick"]
            app.checkbox[0].check().run(timeout=30)
            client_click = _states(app.last_run.request)  # type: ignore[arg-type]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.on(
                    "websocket",
                    lambda ws: ws.on(
                        "framesent",
                        lambda payload: (
                            sent_by_browser.append(payload) if isinstance(payload, bytes) else None
                        ),
                    ),
                )
                page.goto(server.url)
                page.get_by_text("end of page", exact=True).wait_for(timeout=30_000)
                for label in LABELS:
                    page.get_by_text(label, exact=True).first.wait_for(timeout=30_000)
                page.get_by_test_id("stFeedback").nth(1).wait_for(timeout=30_000)
                page.get_by_text("tick", exact=True).click()
                for _ in range(100):
                    if any(_ticks(frame, tick) for frame in sent_by_browser):
                        break
                    page.wait_for_timeout(100)
            finally:
                browser.close()
    clicks = [frame for frame in sent_by_browser if _ticks(frame, tick)]
    assert len(clicks) == 1, "the browser sent one rerun_script for the click"
    assert client_click == _states(BackMsg_pb2.BackMsg.FromString(clicks[0]))
