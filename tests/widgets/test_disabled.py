"""A disabled widget keeps its value whatever the browser sends (Streamlit 1.67's
server-side ``disabled`` rule): the value is dropped, no callback runs, and the widget
goes back to the browser with ``set_value`` so the page shows the kept value again.
Over a real websocket; the same pages as real 1.67 are checked by the fidelity app
``disabled_widgets``.
"""

from __future__ import annotations

from minilit.proto.BackMsg_pb2 import WidgetState
from tests.widgets.conftest import MakeApp, texts

APP = """
import streamlit as st

calls = st.session_state.setdefault("calls", [])
lock = st.checkbox("lock", True)
name = st.text_input("name", "Ada", key="name", disabled=lock,
                     on_change=lambda: calls.append("name"))
level = st.slider("level", 0, 10, 4, disabled=lock)
st.text(f"name={name}")
st.text(f"level={level}")
st.text(f"calls={calls}")
"""


def test_a_value_sent_for_a_disabled_widget_is_dropped(make_app: MakeApp) -> None:
    app = make_app(APP)
    app.run()
    # What a stale page or a forged message would send.
    app.text_input(key="name").set_widget_state(WidgetState(string_value="Mallory"))
    level = WidgetState()
    level.double_array_value.data.append(9.0)
    app.slider[0].set_widget_state(level)
    app.run()
    assert texts(app) == {"name": "Ada", "level": "4", "calls": "[]"}
    # The page is told the kept values, as 1.67 tells it.
    assert app.text_input(key="name").proto.set_value
    assert app.text_input(key="name").proto.value == "Ada"
    assert list(app.slider[0].proto.value) == [4.0]
    assert app.text_input(key="name").value == "Ada"


def test_an_enabled_widget_takes_the_value_and_runs_its_callback(make_app: MakeApp) -> None:
    app = make_app(APP)
    app.run()
    app.checkbox[0].uncheck().run()
    assert not app.text_input(key="name").proto.set_value  # enabled: nothing pushed
    app.text_input(key="name").input("Grace").run()
    assert texts(app) == {"name": "Grace", "level": "4", "calls": "['name']"}
