"""st.session_state and callbacks (issue 3, item 4), over a real websocket.

Rules (streamlit-internals §6.4): attribute and item access, ``in``, ``del``, iteration;
keyed widgets readable and settable through it; setting a key before its widget is
created sets the widget's value and the browser adopts it (``set_value``); setting it
after raises; a warning when a keyed widget has both a default and a session_state value;
callbacks run before the script body, in the order the widget states arrived, and can
read and write session_state.
"""

from __future__ import annotations

import logging

import pytest

from minilit.proto.BackMsg_pb2 import BackMsg, ClientState, WidgetState
from minilit.testing import AppClient
from tests.widgets.conftest import APPS, MakeApp, texts


def test_attribute_item_in_del_and_iteration(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "if 'count' not in st.session_state:\n"
        "    st.session_state.count = 0\n"
        "st.session_state['count'] += 1\n"
        "st.session_state.temp = 'x'\n"
        "del st.session_state.temp\n"
        "st.session_state['gone'] = 1\n"
        "del st.session_state['gone']\n"
        'st.text(f"count={st.session_state.count}")\n'
        "st.text(f\"in={'count' in st.session_state},{'temp' in st.session_state}\")\n"
        'st.text(f"keys={sorted(st.session_state)}")\n'
        'st.text(f"len={len(st.session_state)}")\n'
        'st.text(f"dict={st.session_state.to_dict()}")\n'
        "st.text(f\"get={st.session_state.get('nope', 'default')}\")\n"
    )
    app.run()
    app.run()
    assert texts(app) == {
        "count": "2",
        "in": "True,False",
        "keys": "['count']",
        "len": "1",
        "dict": "{'count': 2}",
        "get": "default",
    }


def test_missing_keys_raise_helpful_errors(make_app: MakeApp) -> None:
    app = make_app("import minilit as st\nst.session_state.nope\n")
    app.run()
    assert app.exception[0].proto.type == "AttributeError"
    assert 'st.session_state has no attribute "nope"' in app.exception[0].proto.message
    app = make_app("import minilit as st\nst.session_state['nope']\n")
    app.run()
    assert app.exception[0].proto.type == "KeyError"
    assert 'st.session_state has no key "nope"' in app.exception[0].proto.message


def test_keys_that_look_like_widget_ids_are_reserved(make_app: MakeApp) -> None:
    app = make_app("import minilit as st\nst.session_state['$$ID-x-None'] = 1\n")
    app.run()
    assert "reserved" in app.exception[0].proto.message


def test_keyed_widgets_are_readable_and_unkeyed_ones_are_not(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\n"
        "st.slider('Keyed', 0, 10, 4, key='level')\n"
        "st.slider('Unkeyed', 0, 10, 6)\n"
        'st.text(f"state={st.session_state.to_dict()}")\n'
    )
    app.run()
    assert texts(app)["state"] == "{'level': 4}"
    app.slider(key="level").set_value(9).run()
    assert texts(app)["state"] == "{'level': 9}"
    assert app.session_state["level"] == 9


SET_BEFORE = """
import minilit as st
if st.checkbox("Preset"):
    st.session_state.level = 8
    st.session_state.name = "Grace"
    st.session_state.color = "blue"
    st.session_state.flags = ["b"]
    st.session_state.on = True
st.text(f"level={st.slider('Level', 0, 10, key='level')}")
st.text(f"name={st.text_input('Name', key='name')}")
st.text(f"color={st.selectbox('Color', ['red', 'blue'], key='color')}")
st.text(f"flags={st.multiselect('Flags', ['a', 'b'], key='flags')}")
st.text(f"on={st.toggle('On', key='on')}")
"""


def test_setting_before_the_widget_sets_its_value_and_the_browser_adopts_it(
    make_app: MakeApp,
) -> None:
    app = make_app(SET_BEFORE)
    app.run()
    app.slider(key="level").set_value(3)
    app.run()
    assert texts(app)["level"] == "3"
    app.checkbox[0].check().run()
    assert texts(app) == {
        "level": "8",
        "name": "Grace",
        "color": "blue",
        "flags": "['b']",
        "on": "True",
    }
    # The protos told the browser to adopt the values...
    slider = app.slider(key="level")
    assert slider.proto.set_value and list(slider.proto.value) == [8.0]
    assert app.text_input(key="name").proto.set_value
    assert app.text_input(key="name").proto.value == "Grace"
    assert app.selectbox(key="color").proto.raw_value == "blue"
    assert list(app.multiselect(key="flags").proto.raw_values) == ["b"]
    assert app.toggle(key="on").proto.value is True
    # ... and it did: its next request carries them.
    app.checkbox[0].uncheck().run()
    sent = {w.id: w for w in app.last_run.request.rerun_script.widget_states.widgets}
    assert list(sent[slider.id].double_array_value.data) == [8.0]
    assert sent[app.text_input(key="name").id].string_value == "Grace"
    assert texts(app)["level"] == "8"
    assert not app.slider(key="level").proto.set_value


def test_setting_after_the_widget_raises(make_app: MakeApp) -> None:
    app = make_app(
        "import minilit as st\nst.slider('Level', 0, 10, key='level')\nst.session_state.level = 5\n"
    )
    app.run()
    exc = app.exception[0].proto
    assert exc.type == "streamlit.errors.StreamlitWidgetAlreadyInstantiatedError"
    assert exc.message.startswith(
        "`st.session_state['level']` cannot be modified after the widget with that key "
        "is instantiated."
    )


def test_button_and_form_keys_cannot_be_set(make_app: MakeApp) -> None:
    app = make_app("import minilit as st\nst.session_state.go = True\nst.button('Go', key='go')\n")
    app.run()
    assert app.exception[0].proto.type == (
        "streamlit.errors.StreamlitValueAssignmentNotAllowedError"
    )
    app = make_app(
        "import minilit as st\nst.session_state.f = 1\nwith st.form('f'):\n"
        "    st.form_submit_button()\n"
    )
    app.run()
    assert app.exception[0].proto.type == (
        "streamlit.errors.StreamlitValueAssignmentNotAllowedError"
    )


def test_default_and_session_state_value_warns(
    make_app: MakeApp, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(
        "import minilit as st\n"
        "if 'level' not in st.session_state:\n"
        "    st.session_state.level = 7\n"
        "st.text(f\"level={st.slider('Level', 0, 10, 2, key='level')}\")\n"
    )
    with caplog.at_level(logging.WARNING, logger="minilit.widgets"):
        app.run()
    message = (
        'The widget with key "level" was created with a default value but also had its '
        "value set via the Session State API."
    )
    assert not app.warning  # only logged, as in Streamlit 1.67
    assert message in caplog.text
    assert texts(app)["level"] == "7"  # the session_state value wins


def _send(app: AppClient, *states: WidgetState) -> None:
    msg = BackMsg(rerun_script=ClientState())
    msg.rerun_script.widget_states.widgets.extend(states)
    app.send(msg)
    app.wait_for_run()


def test_callbacks_run_before_the_body_in_arrival_order(make_app: MakeApp) -> None:
    app = make_app(APPS / "callbacks.py")
    app.run()
    a, b = app.text_input(key="a").id, app.text_input(key="b").id
    # The browser lists b before a: b's callback runs first.
    _send(app, WidgetState(id=b, string_value="2"), WidgetState(id=a, string_value="1"))
    assert app.session_state["log"] == ["body", "cb:b=2!", "cb:a=1", "body"]
    # Only changed widgets call back; this time a first.
    _send(app, WidgetState(id=a, string_value="3"), WidgetState(id=b, string_value="2"))
    assert app.session_state["log"][-2:] == ["cb:a=3", "body"]
    assert texts(app) == {"a": "'3'", "b": "'2'"}


def test_a_callback_writes_session_state_and_a_widget_adopts_it(make_app: MakeApp) -> None:
    app = make_app(APPS / "callbacks.py")
    app.run()
    app.button(key="go").click().run()
    assert app.session_state["log"][-2:] == ["click:go", "body"]
    assert texts(app)["b"] == "'set by click'"
    assert app.text_input(key="b").value == "set by click"  # set_value made the client adopt it


def test_st_rerun_in_a_callback_is_a_vote(make_app: MakeApp) -> None:
    """1.67: st.rerun() in a callback is collected; the rerun starts after all callbacks."""
    app = make_app(
        "import minilit as st\n"
        "st.session_state.setdefault('log', [])\n"
        "def first():\n"
        "    st.session_state.log.append('first')\n"
        "    st.rerun()\n"
        "def second():\n"
        "    st.session_state.log.append('second')\n"
        "st.session_state.log.append('body')\n"
        "st.checkbox('One', on_change=first)\n"
        "st.checkbox('Two', on_change=second)\n"
    )
    app.run()
    app.checkbox[0].check()
    app.checkbox[1].check()
    app.run()
    assert app.session_state["log"] == ["body", "first", "second", "body"]
    assert len(app.last_run.run_ids) == 2


def test_external_writes_reach_the_next_run(make_app: MakeApp) -> None:
    """minilit: a write through AppClient.session_state (outside any run) acts like a write
    at the start of the next run, so a keyed widget adopts it."""
    app = make_app("import minilit as st\nst.text(f\"v={st.slider('V', 0, 10, key='v')}\")\n")
    app.run()
    app.slider(key="v").set_value(2).run()
    app.session_state["v"] = 6
    app.run()
    assert texts(app)["v"] == "6"
    assert app.slider(key="v").value == 6


def test_state_changes_and_callbacks_are_traced(make_app: MakeApp) -> None:
    from minilit.trace import events
    from minilit.trace.bus import BUS

    app = make_app(APPS / "callbacks.py")
    app.run()
    subscriber = BUS.subscribe()
    try:
        app.button(key="go").click().run()
        seen = subscriber.drain()
    finally:
        BUS.unsubscribe(subscriber)
    callbacks = [e for e in seen if e.name == events.CALLBACK_RUN]
    assert [(e.fields["key"], e.fields["callback"]) for e in callbacks] == [("go", "clicked")]
    assert callbacks[0].session_id == app.session_id
    changes = [
        (e.fields["key"], e.fields["op"], e.fields["value"])
        for e in seen
        if e.name == events.SESSION_STATE_CHANGED
    ]
    assert ("b", "set", "'set by click'") in changes


def test_a_session_state_value_that_is_not_an_option_is_reset(make_app: MakeApp) -> None:
    """1.67: the widget shows its default (or the valid part) and tells the browser so."""
    app = make_app(
        "import minilit as st\n"
        "st.session_state.color = 'purple'\n"
        "st.session_state.flags = ['a', 'zzz']\n"
        "st.text(f\"color={st.selectbox('Color', ['red', 'blue'], index=1, key='color')}\")\n"
        "st.text(f\"flags={st.multiselect('Flags', ['a', 'b'], key='flags')}\")\n"
    )
    app.run()
    assert texts(app) == {"color": "blue", "flags": "['a']"}
    assert app.selectbox(key="color").proto.set_value
    assert app.selectbox(key="color").proto.raw_value == "blue"
    assert list(app.multiselect(key="flags").proto.raw_values) == ["a"]
    assert not app.exception


@pytest.mark.parametrize("failure", ["raise ValueError('callback failed')", "st.stop()"])
def test_a_failing_callback_does_not_wipe_widget_state(make_app: MakeApp, failure: str) -> None:
    app = make_app(
        "import minilit as st\n"
        "def boom():\n"
        f"    {failure}\n"
        "st.text(f\"v={st.slider('V', 0, 10, 1, key='v')}\")\n"
        "st.button('Boom', on_click=boom)\n"
    )
    app.run()
    app.slider(key="v").set_value(7).run()
    app.button[0].click().run()
    assert not app.text  # the body did not run
    assert app.session_state["v"] == 7
    app.widget_states.remove_inactive([])
    app.run()
    assert texts(app)["v"] == "7"
