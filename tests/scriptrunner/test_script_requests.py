"""ScriptRequests as a unit: the mailbox and Note [Rerun vs. stop]."""

from __future__ import annotations

from minilit.proto.BackMsg_pb2 import WidgetStates
from minilit.scriptrunner.script_requests import (
    RerunData,
    ScriptRequests,
    ScriptRequestType,
    coalesce_rerun_data,
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
    assert not requests.has_request(), "the checkpoint took it: nothing waits any more"
    assert requests.on_scriptrunner_ready().type == ScriptRequestType.STOP


def test_stop_is_final_and_returns_an_unstarted_rerun() -> None:
    requests = ScriptRequests()
    requests.request_rerun(RerunData(states(name="a")))
    pending = requests.request_stop()
    assert pending is not None
    assert requests.request_rerun(RerunData()) == (False, False)
    request = requests.on_scriptrunner_yield()
    assert request is not None and request.type == ScriptRequestType.STOP


def by_id(merged: WidgetStates) -> dict[str, tuple[str | None, object]]:
    """{id: (value kind, value)}; a duplicate id fails."""
    out: dict[str, tuple[str | None, object]] = {}
    for w in merged.widgets:
        assert w.id not in out, f"{w.id} twice"
        kind = w.WhichOneof("value")
        out[w.id] = (kind, getattr(w, kind) if kind else None)
    return out


def test_a_kept_click_is_not_duplicated() -> None:
    merged = coalesce_widget_states(states(save=True), states(save=False))
    assert by_id(merged) == {"save": ("trigger_value", True)}


def test_an_inactive_trigger_is_not_carried_over() -> None:
    assert by_id(coalesce_widget_states(states(save=False), states(name="b"))) == {
        "name": ("string_value", "b")
    }


def test_the_newest_value_wins_whatever_its_kind() -> None:
    """Only a trigger the new request also carries as a trigger is switched back on."""
    merged = coalesce_widget_states(states(save=True), states(save="not a click"))
    assert by_id(merged) == {"save": ("string_value", "not a click")}


def test_coalesced_rerun_data_takes_the_newest_page_and_cause() -> None:
    old = RerunData(states(save=True), query_string="a=1", cause="rerun_script")
    new = RerunData(states(name="b"), query_string="a=2", cause="run_on_save")
    merged = coalesce_rerun_data(old, new)
    assert (merged.query_string, merged.cause) == ("a=2", "run_on_save")
    assert merged.widget_states is not None
    assert by_id(merged.widget_states) == {
        "name": ("string_value", "b"),
        "save": ("trigger_value", True),
    }


def test_a_fresh_mailbox_has_nothing_and_stops_when_ready() -> None:
    requests = ScriptRequests()
    assert not requests.has_request()
    assert requests.on_scriptrunner_yield() is None
    assert requests.on_scriptrunner_ready().type == ScriptRequestType.STOP
    assert requests.request_rerun(RerunData()) == (False, False), "a stopped runner stays so"
    assert requests.has_request()


def test_coalesce_if_pending_merges_into_an_unstarted_rerun_only() -> None:
    requests = ScriptRequests()
    assert requests.coalesce_if_pending(RerunData(states(name="x"))) is False
    requests.request_rerun(RerunData(states(save=True), query_string="q=1"))
    assert requests.coalesce_if_pending(RerunData(states(name="b"), query_string="q=2")) is True
    ready = requests.on_scriptrunner_ready()
    assert ready.type == ScriptRequestType.RERUN
    assert ready.rerun_data.query_string == "q=2"
    assert ready.rerun_data.widget_states is not None
    assert by_id(ready.rerun_data.widget_states) == {
        "name": ("string_value", "b"),
        "save": ("trigger_value", True),
    }
    assert not requests.has_request(), "the run took the request"
    assert requests.coalesce_if_pending(RerunData()) is False, "a run in progress is not merged"
