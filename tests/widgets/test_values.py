"""Widget values: defaults, the browser's value kinds, persistence, refused values.

Rule (issue 3, item 3): the script sees the browser's value, else the previous run's,
else the default; each value arrives in the WidgetState kind Streamlit 1.67 sends; a
value of the wrong kind or out of range is ignored with a logged warning.
All over a real websocket, against apps/all_widgets.py.
"""

from __future__ import annotations

import logging

import pytest

from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.testing import AppClient
from tests.widgets.conftest import APPS, MakeApp, texts

DEFAULTS = {
    "button": "False",
    "checkbox": "False",
    "toggle": "True",
    "slider_int": "3",
    "slider_float": "0.5",
    "slider_range": "(20, 80)",
    "text_input": "'Bob'",
    "text_area": "''",
    "number_int": "5",
    "number_float": "2.5",
    "selectbox": "'green'",
    "radio": "1",
    "multiselect": "['ham']",
}


@pytest.fixture
def app(make_app: MakeApp) -> AppClient:
    client = make_app(APPS / "all_widgets.py")
    client.run()
    return client


def state(**kind: object) -> WidgetState:
    return WidgetState(**kind)  # type: ignore[arg-type]


def test_defaults_and_their_types(app: AppClient) -> None:
    assert texts(app) == DEFAULTS
    assert not app.exception


def test_each_widget_reads_the_kind_1_67_sends(app: AppClient) -> None:
    app.button(key="btn").click()
    app.checkbox(key="cb").check()
    app.toggle(key="tg").set_widget_state(state(bool_value=False))
    app.slider(key="si").set_widget_state(_doubles(7))
    app.slider(key="sf").set_widget_state(_doubles(0.25))
    app.slider(key="sr").set_widget_state(_doubles(10, 30))
    app.text_input(key="ti").input("Ada")
    app.text_area(key="ta").set_widget_state(state(string_value="line 1\nline 2"))
    app.number_input(key="ni").set_widget_state(state(double_value=42.0))
    app.number_input(key="nf").set_widget_state(state(double_value=3.5))
    app.selectbox(key="sb").set_widget_state(state(string_value="blue"))
    app.radio(key="ra").set_widget_state(state(string_value="size 3"))
    multi = WidgetState()
    multi.string_array_value.data.extend(["olives", "cheese"])
    app.multiselect(key="ms").set_widget_state(multi)
    app.run()
    assert texts(app) == {
        "button": "True",
        "checkbox": "True",
        "toggle": "False",
        "slider_int": "7",
        "slider_float": "0.25",
        "slider_range": "(10, 30)",
        "text_input": "'Ada'",
        "text_area": "'line 1\\nline 2'",
        "number_int": "42",
        "number_float": "3.5",
        "selectbox": "'blue'",
        "radio": "3",
        "multiselect": "['olives', 'cheese']",
    }
    # The request really carried those kinds.
    sent = {w.WhichOneof("value") for w in app.last_run.request.rerun_script.widget_states.widgets}
    assert sent == {
        "trigger_value",
        "bool_value",
        "double_array_value",
        "string_value",
        "double_value",
        "string_array_value",
    }


def _doubles(*values: float) -> WidgetState:
    s = WidgetState()
    s.double_array_value.data.extend(values)
    return s


def test_older_browsers_index_kinds_are_accepted(app: AppClient) -> None:
    """1.39 browsers sent option indices (int_value / int_array_value); both still work."""
    app.selectbox(key="sb").set_widget_state(state(int_value=0))
    indices = WidgetState()
    indices.int_array_value.data.extend([2])
    app.multiselect(key="ms").set_widget_state(indices)
    app.run()
    assert texts(app)["selectbox"] == "'red'"
    assert texts(app)["multiselect"] == "['olives']"


def test_the_previous_runs_value_when_the_browser_sends_none(
    make_app: MakeApp,
) -> None:
    """A value is kept server side: a rerun whose ClientState omits the widget keeps it."""
    app = make_app(APPS / "all_widgets.py")
    app.run()
    app.slider(key="si").set_value(9)
    app.run()
    assert texts(app)["slider_int"] == "9"
    app.widget_states.remove_inactive([])  # the next request carries no widget values
    app.run()
    assert len(app.last_run.request.rerun_script.widget_states.widgets) == 0
    assert texts(app)["slider_int"] == "9"


WRONG = [
    ("cb", state(string_value="yes"), "checkbox", "False"),
    ("si", state(string_value="7"), "slider_int", "3"),
    ("si", _doubles(99), "slider_int", "3"),
    ("si", _doubles(1, 2), "slider_int", "3"),
    ("si", _doubles(2.5), "slider_int", "3"),
    ("sr", _doubles(80, 20), "slider_range", "(20, 80)"),
    ("ti", state(bool_value=True), "text_input", "'Bob'"),
    ("ni", state(double_value=1000.0), "number_int", "5"),
    ("ni", state(double_value=float("nan")), "number_int", "5"),
    ("sb", state(string_value="purple"), "selectbox", "'green'"),
    ("sb", state(int_value=7), "selectbox", "'green'"),
    ("ra", state(double_value=1.0), "radio", "1"),
    ("btn", state(bool_value=True), "button", "False"),
]


@pytest.mark.parametrize(("key", "bad", "name", "expected"), WRONG)
def test_a_wrong_value_is_ignored_with_a_warning(
    app: AppClient,
    caplog: pytest.LogCaptureFixture,
    key: str,
    bad: WidgetState,
    name: str,
    expected: str,
) -> None:
    widget = next(w for w in app.widgets if w.key == key)
    widget.set_widget_state(bad)
    with caplog.at_level(logging.WARNING, logger="minilit.widgets"):
        app.run()
    assert texts(app)[name] == expected
    assert not app.exception
    assert any(widget.id in r.getMessage() for r in caplog.records), caplog.text


def test_a_wrong_value_falls_back_to_the_previous_value(app: AppClient) -> None:
    app.slider(key="si").set_value(8)
    app.run()
    app.slider(key="si").set_widget_state(state(string_value="8"))
    app.run()
    assert texts(app)["slider_int"] == "8"


def test_a_value_for_an_unknown_widget_is_harmless(app: AppClient) -> None:
    app.widget_states.set_state(WidgetState(id="$$ID-0123-None", string_value="x"))
    app.widget_states.set_state(WidgetState(id="not even an id", bool_value=True))
    app.run()
    assert texts(app) == DEFAULTS


def test_value_none_defaults(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "st.text(f'ti={st.text_input(\"T\", value=None)!r}')\n"
        "st.text(f'ni={st.number_input(\"N\", value=None)!r}')\n"
        'st.text(f\'sb={st.selectbox("S", ["a", "b"], index=None)!r}\')\n'
        'st.text(f\'ra={st.radio("R", ["a", "b"], index=None)!r}\')\n'
        "st.text(f'sb_empty={st.selectbox(\"E\", [])!r}')\n"
    )
    app.run()
    assert texts(app) == dict.fromkeys(["ti", "ni", "sb", "ra", "sb_empty"], "None")
    app.number_input[0].set_value(4.5)
    app.selectbox[0].select("b")
    app.run()
    assert texts(app)["ni"] == "4.5"
    assert texts(app)["sb"] == "'b'"
