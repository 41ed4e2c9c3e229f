"""Values of the date, time, colour, choice, feedback and link widgets on the wire.

Rule (issue 12, item 5): each widget reads the WidgetState kind Streamlit 1.67's browser
sends (date_input "YYYY-MM-DD" texts, time_input "HH:MM", select_slider and pills option
texts, a date slider microseconds, feedback the index as text ...); a value of the wrong
kind or outside the widget is ignored with a logged warning (minilit's rule for every
widget, tests/widgets/test_values.py); a value set through st.session_state goes back to
the browser in the proto with ``set_value``, in the same wire form. All over a real
websocket, against apps/new_widgets.py.
"""

from __future__ import annotations

import logging

import pytest

from minilit.proto.BackMsg_pb2 import WidgetState
from minilit.testing import AppClient
from tests.widgets.conftest import APPS, MakeApp, texts

DEFAULTS = {
    "day": "datetime.date(2024, 5, 17)",
    "trip": "(datetime.date(2024, 5, 1), datetime.date(2024, 5, 9))",
    "alarm": "datetime.time(7, 30)",
    "color": "'#00f900'",
    "size": "'M'",
    "when": "datetime.date(2024, 3, 1)",
    "tags": "[]",
    "view": "'Day'",
    "stars": "None",
    "go": "False",
}

# 2024-03-10 00:00 as microseconds since the epoch, the wall clock read as UTC.
MARCH_10_MICROS = 1_710_028_800_000_000


@pytest.fixture
def app(make_app: MakeApp) -> AppClient:
    client = make_app(APPS / "new_widgets.py")
    client.run()
    return client


def strings(*texts: str) -> WidgetState:
    state = WidgetState()
    state.string_array_value.SetInParent()
    state.string_array_value.data.extend(texts)
    return state


def doubles(*numbers: float) -> WidgetState:
    state = WidgetState()
    state.double_array_value.data.extend(numbers)
    return state


def test_defaults(app: AppClient) -> None:
    assert texts(app) == DEFAULTS
    assert not app.exception


def test_each_widget_reads_the_kind_1_67_sends(app: AppClient) -> None:
    app.date_input(key="day").set_widget_state(strings("2024-06-01"))
    app.date_input(key="trip").set_widget_state(strings("2024/02/03", "2024-02-10"))
    app.time_input(key="alarm").set_widget_state(WidgetState(string_value="08:45"))
    app.color_picker(key="color").set_widget_state(WidgetState(string_value="#123abc"))
    app.select_slider(key="size").set_widget_state(strings("S"))
    app.slider(key="when").set_widget_state(doubles(MARCH_10_MICROS))
    app.pills(key="tags").set_widget_state(strings("c", "a"))
    app.segmented_control(key="view").set_widget_state(strings())
    app.feedback(key="stars").set_widget_state(WidgetState(string_value="2"))
    app.link_button(key="go").click()  # trigger_value: true, for one run
    app.run()
    assert texts(app) == {
        "day": "datetime.date(2024, 6, 1)",
        # An older browser's "YYYY/MM/DD" is still read.
        "trip": "(datetime.date(2024, 2, 3), datetime.date(2024, 2, 10))",
        "alarm": "datetime.time(8, 45)",
        "color": "'#123abc'",
        "size": "'S'",
        "when": "datetime.date(2024, 3, 10)",
        "tags": "['c', 'a']",
        "view": "None",  # an empty list: the user deselected
        "stars": "2",
        "go": "True",
    }
    app.run()
    assert texts(app)["go"] == "False"  # a trigger, true for one run


def test_a_cleared_feedback_is_none(app: AppClient) -> None:
    app.feedback(key="stars").rate(4).run()
    assert texts(app)["stars"] == "4"
    app.feedback(key="stars").rate(None).run()
    assert app.feedback(key="stars").value is None
    assert texts(app)["stars"] == "None"


BAD_VALUES = {
    "day": ("date_input", strings("17.05.2024")),
    "trip": ("date_input", strings("2024-01-01", "2024-01-02", "2024-01-03")),
    "alarm": ("time_input", WidgetState(string_value="7 o'clock")),
    "color": ("color_picker", WidgetState(string_value="#12345")),
    "size": ("select_slider", strings("XXL")),
    "when": ("slider", doubles(0.0)),  # 1970: outside the fortnight around 2024-03-01
    "tags": ("pills", strings("z")),
    "view": ("segmented_control", strings("Day", "Week")),  # two in single mode
    "stars": ("feedback", WidgetState(string_value="5")),
}


@pytest.mark.parametrize("key", sorted(BAD_VALUES))
def test_a_value_that_does_not_fit_is_ignored(
    app: AppClient, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    kind, state = BAD_VALUES[key]
    with caplog.at_level(logging.WARNING, logger="minilit.widgets"):
        getattr(app, kind)(key=key).set_widget_state(state)
        app.run()
    assert texts(app) == DEFAULTS
    assert "Ignoring the value the browser sent" in caplog.text
    assert not app.exception


def test_wrong_kind_is_ignored(app: AppClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="minilit.widgets"):
        app.date_input(key="day").set_widget_state(WidgetState(string_value="2024-06-01"))
        app.select_slider(key="size").set_widget_state(doubles(2))
        app.run()
    assert texts(app) == DEFAULTS
    assert caplog.text.count("Ignoring the value the browser sent") == 2


def test_session_state_values_go_back_in_1_67s_wire_form(app: AppClient) -> None:
    app.button(key="push").click().run()
    assert texts(app) == {
        **DEFAULTS,
        "day": "datetime.date(2024, 7, 4)",
        "alarm": "datetime.time(6, 15)",
        "color": "'#abcdef'",
        "size": "'L'",
        "when": "datetime.date(2024, 3, 5)",
        "tags": "['c', 'a']",
        "stars": "4",
    }
    assert list(app.date_input(key="day").proto.value) == ["2024-07-04"]
    assert app.time_input(key="alarm").proto.value == "06:15"
    assert app.color_picker(key="color").proto.value == "#abcdef"
    assert list(app.select_slider(key="size").proto.raw_value) == ["L"]
    assert list(app.slider(key="when").proto.value) == [MARCH_10_MICROS - 5 * 86_400_000_000]
    assert list(app.pills(key="tags").proto.raw_values) == ["c", "a"]
    assert app.feedback(key="stars").proto.value == 4
    pushed = ["day", "alarm", "color", "size", "when", "tags", "stars"]
    for widget in app.widgets:
        assert bool(getattr(widget.proto, "set_value", False)) == (widget.key in pushed)
    # The client adopts what the server pushed, as the browser does.
    assert app.date_input(key="day").value.isoformat() == "2024-07-04"
    assert app.pills(key="tags").value == ["c", "a"]


def test_the_client_takes_iso_texts_and_single_options(app: AppClient) -> None:
    """Values typed on a command line (``minilit trace --do 'set Day "2024-06-01"'``)."""
    app.date_input(key="day").set_value("2024-06-01")
    app.slider(key="when").set_value("2024-03-10")
    app.time_input(key="alarm").set_value("08:45")
    app.pills(key="tags").set_value("c")  # one option of a multi-select: a list of one
    app.run()
    assert texts(app)["day"] == "datetime.date(2024, 6, 1)"
    assert texts(app)["when"] == "datetime.date(2024, 3, 10)"
    assert texts(app)["alarm"] == "datetime.time(8, 45)"
    assert texts(app)["tags"] == "['c']"
