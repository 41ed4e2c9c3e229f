"""Widgets and columns against a real Streamlit 1.67 session (wire-goldens/tour.jsonl).

Three claims:

1. minilit's id rule *is* 1.67's: recomputing the four recorded widget ids from their
   parameters gives the recorded ids byte for byte (elements/widgets/ids.py).
2. minilit's live ids follow the same rule; they differ from the recording only through
   the page's script hash, which is derived from the script's path.
3. Every widget and column proto minilit sends for the tour app equals the recorded one
   decoded with minilit's schema (fields minilit does not declare, such as
   label_visibility and width_config, are dropped from the recording first), the id
   aside; in both runs, the second one carrying the recorded widget values.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from minilit.elements.widgets.ids import compute_element_id
from minilit.proto import ForwardMsg_pb2
from minilit.scriptrunner.script_runner import page_script_hash
from minilit.testing import AppClient
from minilit.testing.golden import GoldenRun, load_runs
from tests.widgets.conftest import APPS

# The repository's copy of shared/reference/wire-goldens/tour.jsonl (tests/golden/data).
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "data" / "tour.jsonl"
RUNS = load_runs(GOLDEN)
RECORDED_SCRIPT = "/home/student/tour.py"
"""The script path of the recording (NewSession.main_script_path)."""

ForwardMsg = ForwardMsg_pb2.ForwardMsg
WIDGETS = ("text_input", "button", "checkbox", "slider")


def tour_widget_ids(page_hash: str) -> dict[str, str]:
    """The tour app's widgets' ids by the 1.67 rule, each with the parameters it was called with."""
    return {
        "text_input": compute_element_id(
            "text_input",
            "name",
            {"max_chars", "validate"},
            page_script_hash=page_hash,
            form_id="",
            root_container=0,
            label="Your name",
            value="",
            max_chars=None,
            type="default",
            help=None,
            autocomplete=None,
            placeholder="None",
            icon=None,
            width="stretch",
            validate=None,
        ),
        "button": compute_element_id(
            "button",
            None,
            True,
            page_script_hash=page_hash,
            form_id="",
            root_container=0,
            label="Greet",
            icon=None,
            help=None,
            is_form_submitter=False,
            type="secondary",
            width="content",
            icon_position="left",
            shortcut=None,
        ),
        "checkbox": compute_element_id(
            "checkbox",
            None,
            True,
            page_script_hash=page_hash,
            form_id="",
            root_container=1,
            label="Show details",
            value=False,
            help=None,
            width="content",
        ),
        "slider": compute_element_id(
            "slider",
            None,
            {"min_value", "max_value", "step"},
            page_script_hash=page_hash,
            form_id="",
            root_container=0,
            label="x",
            min_value=0,
            max_value=10,
            value=3,
            step=None,
            format=None,
            help=None,
            width="stretch",
        ),
    }


def widgets_of(messages: list[ForwardMsg]) -> dict[str, ForwardMsg]:
    out = {}
    for msg in messages:
        kind = msg.delta.new_element.WhichOneof("type")
        if kind in WIDGETS:
            out[kind] = msg
    return out


def blocks_of(messages: list[ForwardMsg]) -> list[ForwardMsg]:
    return [m for m in messages if m.delta.HasField("add_block")]


def recorded(run: GoldenRun) -> list[ForwardMsg]:
    messages = run.messages()
    for msg in messages:
        msg.DiscardUnknownFields()
    return messages


def without_id(msg: ForwardMsg) -> ForwardMsg:
    copy = ForwardMsg()
    copy.CopyFrom(msg)
    copy.ClearField("hash")
    copy.metadata.ClearField("active_script_hash")
    kind = copy.delta.new_element.WhichOneof("type")
    if kind:
        getattr(copy.delta.new_element, kind).ClearField("id")
    return copy


def test_the_recorded_page_hash_is_blake2b_of_the_script_path() -> None:
    new_session = RUNS[0].messages()[0].new_session
    assert new_session.main_script_path == RECORDED_SCRIPT
    digest = hashlib.blake2b(RECORDED_SCRIPT.encode(), digest_size=16).hexdigest()
    assert new_session.page_script_hash == digest


def test_id_rule_reproduces_the_recorded_ids() -> None:
    page_hash = RUNS[0].messages()[0].new_session.page_script_hash
    recorded_ids = {
        kind: getattr(msg.delta.new_element, kind).id
        for kind, msg in widgets_of(RUNS[0].messages()).items()
    }
    assert recorded_ids == tour_widget_ids(page_hash)
    assert recorded_ids["text_input"] == "$$ID-3ab465c11491b417d25adae5a1f614cf-name"


@pytest.fixture(scope="module")
def tour() -> AppClient:
    app = AppClient.from_file(APPS / "tour_app.py")
    yield app  # type: ignore[misc]
    app.close()


def test_live_ids_follow_the_same_rule(tour: AppClient) -> None:
    tour.run()
    ours = {
        kind: getattr(m.delta.new_element, kind).id
        for kind, m in widgets_of(tour.last_run.messages).items()
    }
    script = str((APPS / "tour_app.py").resolve())
    assert ours == tour_widget_ids(page_script_hash(script))


def test_widget_and_column_protos_match_the_recording(tour: AppClient) -> None:
    # Run 1: no widget values.
    tour.run()
    ours, theirs = tour.last_run.messages, recorded(RUNS[0])
    for kind in WIDGETS:
        assert without_id(widgets_of(ours)[kind]) == without_id(widgets_of(theirs)[kind]), kind
    assert [without_id(b) for b in blocks_of(ours)] == [without_id(b) for b in blocks_of(theirs)]

    # Run 2: the recorded values (text "Ada", a click, checkbox on, slider 7).
    tour.text_input(key="name").input("Ada")
    tour.button[0].click()
    tour.sidebar.checkbox[0].check()
    tour.slider[0].set_value(7)
    tour.run()
    ours, theirs = tour.last_run.messages, recorded(RUNS[1])
    for kind in WIDGETS:
        assert without_id(widgets_of(ours)[kind]) == without_id(widgets_of(theirs)[kind]), kind
    assert [without_id(b) for b in blocks_of(ours)] == [without_id(b) for b in blocks_of(theirs)]
    assert tour.markdown.values[0] == "clicked Ada"
    assert "x is `7`" in tour.markdown.values


def test_widget_values_travel_as_the_recording_sends_them() -> None:
    """The recorded browser's value kinds are the ones minilit reads."""
    kinds = {
        state.WhichOneof("value")
        for state in RUNS[1].request.decode_back().rerun_script.widget_states.widgets
    }
    assert kinds == {"string_value", "trigger_value", "bool_value", "double_array_value"}
