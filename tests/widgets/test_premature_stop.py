"""A run that stops early (st.stop(), an exception) does not drop the widgets it never reached."""

from __future__ import annotations

import pytest

from minilit.testing import AppClient

APP = """
import minilit as st
mode = st.session_state.get("mode", "")
if mode == "stop":
    st.stop()
if mode == "raise":
    raise RuntimeError("early")
st.text(f"checked={st.checkbox('keep me')}")
"""


@pytest.mark.parametrize("mode", ["stop", "raise"])
def test_widget_state_survives_an_early_stop(mode: str) -> None:
    with AppClient.from_string(APP) as app:
        app.run()
        app.checkbox[0].check().run()
        app.session_state["mode"] = mode
        app.run()
        assert not app.checkbox  # the early run never reached it...
        app.session_state["mode"] = ""
        app.run()
        # ...and the script still sees its value (the browser forgot it: it saw
        # a successful finish without the widget, as Streamlit's browser would).
        assert app.text[0].value == "checked=True"


def test_a_completed_run_without_the_widget_drops_its_state() -> None:
    source = APP.replace('if mode == "stop":\n    st.stop()', 'if mode == "hide":\n    pass')
    source = source.replace("st.text(", 'if mode != "hide":\n    st.text(')
    with AppClient.from_string(source) as app:
        app.run()
        app.checkbox[0].check().run()
        app.session_state["mode"] = "hide"
        app.run()
        app.session_state["mode"] = ""
        app.run()
        assert app.text[0].value == "checked=False"
