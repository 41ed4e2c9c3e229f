"""SessionState as a unit (no server, no script thread): the rules the widget tests reach
only through a run, each on its own, with the trace event a change publishes.

Outside a script run there is no ScriptRunContext, which is what a test that reads
st.session_state from another thread sees too; the unit calls here work the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from minilit.proto.BackMsg_pb2 import WidgetState, WidgetStates
from minilit.runtime.state import session_state_proxy
from minilit.runtime.state.common import (
    WidgetMetadata,
    is_keyed_element_id,
    user_key_from_element_id,
)
from minilit.runtime.state.errors import ReservedKeyError
from minilit.runtime.state.session_state import SessionState
from minilit.runtime.state.session_state_proxy import SessionStateProxy
from minilit.trace import events
from minilit.trace.bus import BUS, Subscriber


@pytest.fixture
def trace() -> Iterator[Subscriber]:
    sub = BUS.subscribe()
    yield sub
    BUS.unsubscribe(sub)


def text_widget(widget_id: str, default: Any = "", callback: Any = None) -> WidgetMetadata[Any]:
    def deserialize(state: WidgetState | None) -> Any:
        return default if state is None else state.string_value

    return WidgetMetadata(widget_id, deserialize, "string_value", callback=callback)


def browser(**values: str) -> WidgetStates:
    out = WidgetStates()
    for widget_id, value in values.items():
        out.widgets.add(id=widget_id, string_value=value)
    return out


KEYED = "$$ID-00000000000000000000000000000001-name"
KEYED_AGAIN = "$$ID-00000000000000000000000000000002-name"
UNKEYED = "$$ID-00000000000000000000000000000003-None"


def test_a_user_key_may_contain_dashes() -> None:
    assert user_key_from_element_id("$$ID-0123-my-long-key") == "my-long-key"
    assert user_key_from_element_id(UNKEYED) is None
    assert is_keyed_element_id(KEYED)
    assert not is_keyed_element_id(UNKEYED)
    assert not is_keyed_element_id("plain-key")


def test_the_mapping_shows_user_keys_and_keyed_widgets_only() -> None:
    state = SessionState()
    state["count"] = 1
    state.register_widget(text_widget(KEYED, "ada"), "name")
    state.register_widget(text_widget(UNKEYED, "x"), None)
    assert state.filtered_state() == {"count": 1, "name": "ada"}
    assert sorted(state) == ["count", "name"] and len(state) == 2
    assert state.widget_value(UNKEYED) == "x"


def test_deleting_a_keyed_widgets_key_forgets_its_value(trace: Subscriber) -> None:
    state = SessionState()
    state.register_widget(text_widget(KEYED, "default"), "name")
    state.on_script_will_rerun(browser(**{KEYED: "typed"}))
    state.register_widget(text_widget(KEYED, "default"), "name")
    assert state["name"] == "typed"
    del state["name"]
    assert "name" not in state and KEYED not in state
    assert state.filtered_state() == {}
    assert state.register_widget(text_widget(KEYED, "default"), "name").value == "default"
    changes = [e.fields for e in trace.drain() if e.name == events.SESSION_STATE_CHANGED]
    assert {"key": "name", "op": "del", "value": "None"} in changes


def test_deleting_a_user_key() -> None:
    state = SessionState()
    state["a"] = 1
    del state["a"]
    assert "a" not in state
    with pytest.raises(KeyError) as missing:
        del state["a"]
    assert missing.value.args == (
        'st.session_state has no key "a". Did you forget to initialize it? More info: '
        "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization",
    )


def test_a_keyed_widget_with_a_new_identity_keeps_its_key_after_the_run() -> None:
    """A keyed widget whose id changes (a value-shaping parameter changed) takes the key;
    the end of the run forgets the old id without taking the key with it."""
    state = SessionState()
    state.register_widget(text_widget(KEYED, "first"), "name")
    state.on_script_finished({KEYED})
    state.on_script_will_rerun(None)
    assert state.register_widget(text_widget(KEYED_AGAIN, "second"), "name").value == "second"
    state.on_script_finished({KEYED_AGAIN})
    assert state["name"] == "second"
    assert state.filtered_state() == {"name": "second"}


def test_the_script_gets_its_own_copy_of_a_value() -> None:
    state = SessionState()
    seen = state.register_widget(text_widget(UNKEYED, [["a"], ["b"]]), None).value
    seen[0].append("changed by the script")
    assert state.widget_value(UNKEYED) == [["a"], ["b"]]
    again = state.register_widget(text_widget(UNKEYED, [["a"], ["b"]]), None).value
    again[1].append("changed again")
    assert state.widget_value(UNKEYED) == [["a"], ["b"]]


def test_a_change_is_traced_with_its_value_cut_at_200_characters(trace: Subscriber) -> None:
    state = SessionState()
    state["exact"] = "x" * 198  # repr: 200 characters with the quotes
    state["long"] = "y" * 199  # 201: cut to 197 + "..."
    changes = {
        e.fields["key"]: e
        for e in trace.drain()
        if e.name == events.SESSION_STATE_CHANGED and e.fields["key"] in ("exact", "long")
    }
    assert changes["exact"].fields["value"] == repr("x" * 198)
    assert changes["long"].fields["value"] == repr("y" * 199)[:197] + "..."
    assert len(changes["long"].fields["value"]) == 200
    assert changes["exact"].fields["op"] == "set"
    assert (changes["exact"].session_id, changes["exact"].run_id) == ("", "")


def test_a_widget_without_a_callback_runs_none(trace: Subscriber) -> None:
    calls: list[str] = []
    state = SessionState()
    state.register_widget(text_widget(UNKEYED, "a"), None)

    def on_change() -> None:
        calls.append("cb")

    state.register_widget(text_widget(KEYED, "a", callback=on_change), "name")
    state.on_script_will_rerun(browser(**{UNKEYED: "b", KEYED: "b"}))
    assert calls == ["cb"]
    (ran,) = [e for e in trace.drain() if e.name == events.CALLBACK_RUN]
    assert (ran.session_id, ran.run_id) == ("", "")  # (outside a run)
    assert ran.fields == {
        "widget_id": KEYED,
        "key": "name",
        "callback": on_change.__qualname__,
    }


def test_outside_a_run_st_session_state_warns_once(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_state_proxy, "_warned_detached", False)
    with caplog.at_level(logging.WARNING, logger="minilit.session_state"):
        first = session_state_proxy.get_session_state()
        second = session_state_proxy.get_session_state()
    assert first is second
    warnings = [r.getMessage() for r in caplog.records if r.name == "minilit.session_state"]
    assert warnings == [
        "st.session_state used outside a script run (no session): values go to a "
        "detached store that no browser sees. Run the app with `minilit run`."
    ]


def test_the_proxy_explains_a_missing_attribute_and_a_reserved_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(session_state_proxy, "_DETACHED", SessionState())
    proxy = SessionStateProxy()
    with pytest.raises(AttributeError) as missing:
        _ = proxy.nope
    assert str(missing.value) == (
        'st.session_state has no attribute "nope". Did you forget to initialize it? More '
        "info: https://docs.streamlit.io/develop/concepts/architecture/session-state"
        "#initialization"
    )
    with pytest.raises(AttributeError) as gone:
        del proxy.nope
    assert str(gone.value) == 'st.session_state has no attribute "nope".'
    with pytest.raises(ReservedKeyError) as reserved:
        proxy["$$ID-reserved"] = 1
    assert reserved.value.key == "$$ID-reserved"
