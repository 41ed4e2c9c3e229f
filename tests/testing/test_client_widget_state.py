"""The client's WidgetStateManager keeps the browser's rules (streamlit-internals §6.2-§6.5)."""

from __future__ import annotations

from pathlib import Path

from minilit.proto import BackMsg_pb2
from minilit.testing.golden import load_runs
from minilit.testing.page import Page
from minilit.testing.widget_state import WidgetStateManager

GOLDEN = Path(__file__).parents[1] / "golden" / "data" / "tour.jsonl"
WidgetState = BackMsg_pb2.WidgetState


def sent(mgr: WidgetStateManager) -> dict[str, object]:
    states = mgr.create_client_state().widget_states.widgets
    return {s.id: getattr(s, s.WhichOneof("value") or "id") for s in states}


def test_first_rerun_is_byte_identical_to_the_browsers() -> None:
    # Streamlit's browser sent `rerun_script { widget_states {} }` (an empty, present field).
    first = load_runs(GOLDEN)[0].request
    msg = BackMsg_pb2.BackMsg()
    msg.rerun_script.CopyFrom(WidgetStateManager().create_client_state())
    assert msg.SerializeToString() == first.data


def test_golden_second_rerun_rebuilt_through_the_widget_api() -> None:
    """Replay run 1, set the recorded values through the wrappers' ``set_value``: the
    ClientState is the recorded second ``rerun_script``, byte for byte, order included
    (the ids match because the page is Streamlit's own)."""
    run1, run2 = load_runs(GOLDEN)
    page = Page.replay(run1.messages())
    by_id = {w.id: w for w in page.widgets}
    golden_states = run2.request.decode_back().rerun_script.widget_states.widgets
    for state in golden_states:
        widget = by_id[state.id]
        widget.set_value(widget.decode_state(state))
    msg = BackMsg_pb2.BackMsg()
    msg.rerun_script.CopyFrom(page.widget_states.create_client_state())
    assert msg.SerializeToString() == run2.request.data


def test_trigger_is_sent_once() -> None:
    mgr = WidgetStateManager()
    mgr.set_state(WidgetState(id="t", string_value="Ada"))
    mgr.set_trigger("b")
    assert sent(mgr) == {"t": "Ada", "b": True}
    assert sent(mgr) == {"t": "Ada"}


def test_every_rerun_carries_all_known_values() -> None:
    mgr = WidgetStateManager()
    mgr.set_state(WidgetState(id="a", bool_value=True))
    assert sent(mgr) == {"a": True}
    mgr.set_state(WidgetState(id="b", double_value=2.5))
    assert sent(mgr) == {"a": True, "b": 2.5}


def test_form_values_wait_for_submit() -> None:
    mgr = WidgetStateManager()
    mgr.set_state(WidgetState(id="in_form", string_value="x"), form_id="f")
    assert sent(mgr) == {}
    assert mgr.current("in_form", "f") is not None
    mgr.submit_form("f", "submit")
    assert sent(mgr) == {"in_form": "x", "submit": True}
    assert sent(mgr) == {"in_form": "x"}


def test_clear_on_submit_shows_defaults_but_keeps_the_submitted_value() -> None:
    mgr = WidgetStateManager()
    mgr.set_state(WidgetState(id="in_form", string_value="x"), form_id="f")
    mgr.submit_form("f", "submit", clear_on_submit=True, form_widget_ids=["in_form"])
    assert mgr.current("in_form", "f") is None
    assert sent(mgr) == {"in_form": "x", "submit": True}


def test_remove_inactive_forgets_vanished_widgets() -> None:
    mgr = WidgetStateManager()
    mgr.set_state(WidgetState(id="a", bool_value=True))
    mgr.set_state(WidgetState(id="b", bool_value=True))
    mgr.remove_inactive(["a"])
    assert sent(mgr) == {"a": True}


def test_states_are_listed_in_page_order() -> None:
    mgr = WidgetStateManager()
    mgr.set_state(WidgetState(id="second", bool_value=True))
    mgr.set_trigger("first")
    mgr.set_state(WidgetState(id="unknown", bool_value=False))
    mgr.note_page_order(["first", "second"])
    assert list(sent(mgr)) == ["first", "second", "unknown"]


def test_server_value_replaces_a_parked_form_value() -> None:
    mgr = WidgetStateManager()
    mgr.set_state(WidgetState(id="w", string_value="typed"), form_id="f")
    mgr.adopt_server_value(WidgetState(id="w", string_value="from session_state"))
    current = mgr.current("w", "f")
    assert current is not None and current.string_value == "from session_state"
