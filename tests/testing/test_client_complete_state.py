"""The headless client sends the complete ClientState, as the browser does.

Two checks: against minilit, what every ``rerun_script`` carries (every widget's value,
defaults included; a None default as the id alone; nothing for a button until clicked; a
form widget's default at once, its changed value only on submit);
and against the browser itself: Chromium on real Streamlit 1.67 and the headless client on
the same server send the same widget states for the same click.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minilit.proto import BackMsg_pb2
from minilit.testing import AppClient
from tests.realstreamlit import real_streamlit, require_real_streamlit

APP = """\
import streamlit as st
st.text_input("name")
st.number_input("none", value=None)
st.number_input("n", value=3)
st.slider("s", 0, 10, 4)
st.slider("r", 0, 10, (2, 6))
st.checkbox("tick")
st.toggle("tog", value=True)
st.selectbox("sel none", ["a", "b"], index=None)
st.selectbox("sel", ["a", "b"], index=1)
st.radio("rad", ["x", "y"])
st.multiselect("multi", ["p", "q"])
st.text_area("area", "hi")
st.button("go")
with st.form("f"):
    st.text_input("in form", "v")
    st.form_submit_button("submit")
st.text("end of page")
"""


LABELS = ["name", "none", "n", "s", "r", "tick", "tog", "sel none", "sel", "rad", "multi", "area"]
LABELS += ["go", "in form", "submit"]


def _states(msg: BackMsg_pb2.BackMsg) -> dict[str, tuple[str, Any]]:
    """Widget id -> (value kind, value) of one rerun_script."""
    out: dict[str, tuple[str, Any]] = {}
    for state in msg.rerun_script.widget_states.widgets:
        kind = state.WhichOneof("value") or ""
        value = getattr(state, kind) if kind else None
        if kind.endswith("array_value"):
            value = list(getattr(state, kind).data)
        out[state.id] = (kind, value)
    return out


def _ticks(frame: bytes, checkbox_id: str) -> bool:
    """Whether ``frame`` is a rerun_script in which that checkbox is ticked (the click)."""
    msg = BackMsg_pb2.BackMsg.FromString(frame)
    return msg.WhichOneof("type") == "rerun_script" and any(
        w.id == checkbox_id and w.bool_value for w in msg.rerun_script.widget_states.widgets
    )


def _by_label(app: AppClient) -> dict[str, str]:
    return {w.label: w.id for w in app.widgets}


def test_every_rerun_carries_every_widget_value(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(APP)
    with AppClient.from_file(script) as app:
        app.run()
        ids = _by_label(app)
        app.checkbox[0].check().run()
        sent = _states(app.last_run.request)  # type: ignore[arg-type]
        assert sent == {
            ids["name"]: ("string_value", ""),
            ids["none"]: ("", None),
            ids["n"]: ("int_value", 3),
            ids["s"]: ("double_array_value", [4.0]),
            ids["r"]: ("double_array_value", [2.0, 6.0]),
            ids["tick"]: ("bool_value", True),
            ids["tog"]: ("bool_value", True),
            ids["sel none"]: ("", None),
            ids["sel"]: ("string_value", "b"),
            ids["rad"]: ("string_value", "x"),
            ids["multi"]: ("string_array_value", []),
            ids["area"]: ("string_value", "hi"),
            ids["in form"]: ("string_value", "v"),
        }
        # A changed form value waits for the submit, which sends it with the trigger.
        app.text_input[1].input("w").run()
        sent = _states(app.last_run.request)  # type: ignore[arg-type]
        assert sent[ids["in form"]] == ("string_value", "v")
        app.form_submit_button[0].click().run()
        sent = _states(app.last_run.request)  # type: ignore[arg-type]
        assert sent[ids["in form"]] == ("string_value", "w")
        assert sent[ids["submit"]] == ("trigger_value", True)
        # And a click is sent once: the next run has the same values and no trigger.
        app.run()
        sent = _states(app.last_run.request)  # type: ignore[arg-type]
        assert ids["submit"] not in sent and sent[ids["tick"]] == ("bool_value", True)


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
        # The headless client first (widget ids are the same in every session).
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
                # Every widget mounted before the click: 1.67 loads some widget components
                # lazily, and a widget commits its default only once it has mounted (a
                # click before that sends a ClientState without it; so would a user's).
                page.get_by_text("end of page", exact=True).wait_for(timeout=30_000)
                for label in LABELS:
                    page.get_by_text(label, exact=True).first.wait_for(timeout=30_000)
                page.get_by_text("tick", exact=True).click()
                # Playwright reports frames through this page's event loop: let it turn
                # until the click's frame is in, for at most 10 s.
                for _ in range(100):
                    if any(_ticks(frame, tick) for frame in sent_by_browser):
                        break
                    page.wait_for_timeout(100)
            finally:
                browser.close()
    clicks = [frame for frame in sent_by_browser if _ticks(frame, tick)]
    assert len(clicks) == 1, "the browser sent one rerun_script for the click"
    assert client_click == _states(BackMsg_pb2.BackMsg.FromString(clicks[0]))
