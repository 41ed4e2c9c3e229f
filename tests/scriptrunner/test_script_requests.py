"""ScriptRequests as a unit: the mailbox and Note [Rerun vs. stop]."""

from __future__ import annotations

from minilit.proto.BackMsg_pb2 import WidgetStates
from minilit.scriptrunner.script_requests import (
    RerunData,
    ScriptRequests,
    ScriptRequestType,
    coalesce_widget_states,
)


def states(**values: object) -> WidgetStates:
    out = WidgetStates()
    for wid, value in values.items():
        w = out.widgets.add()
        w.id = wid
        if isinstance(value, bool):
            w.trigger_value = value
        else:
            w.string_value = str(value)
    return out


def test_a_pending_click_survives_a_later_request_without_it() -> None:
    merged = coalesce_widget_states(states(save=True, name="a"), states(save=False, name="b"))
    values = {w.id: w.WhichOneof("value") for w in merged.widgets}
    assert values == {"save": "trigger_value", "name": "string_value"}
    by_id = {w.id: w for w in merged.widgets}
    assert by_id["save"].trigger_value is True
    assert by_id["name"].string_value == "b"


def test_a_missing_trigger_is_added_back() -> None:
    merged = coalesce_widget_states(states(save=True), states(name="b"))
    assert {w.id for w in merged.widgets} == {"save", "name"}


def test_rerun_then_yield_then_ready() -> None:
    requests = ScriptRequests()
    assert requests.on_scriptrunner_yield() is None
    assert requests.request_rerun(RerunData(states(name="a"))) == (True, False)
    assert requests.request_rerun(RerunData(states(name="b"))) == (True, True)
    request = requests.on_scriptrunner_yield()
    assert request is not None and request.type == ScriptRequestType.RERUN
    assert request.rerun_data.widget_states is not None
    assert request.rerun_data.widget_states.widgets[0].string_value == "b"
    assert requests.on_scriptrunner_ready().type == ScriptRequestType.STOP


def test_stop_is_final_and_returns_an_unstarted_rerun() -> None:
    requests = ScriptRequests()
    requests.request_rerun(RerunData(states(name="a")))
    pending = requests.request_stop()
    assert pending is not None
    assert requests.request_rerun(RerunData()) == (False, False)
    request = requests.on_scriptrunner_yield()
    assert request is not None and request.type == ScriptRequestType.STOP
