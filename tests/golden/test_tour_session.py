"""minilit running the tour app sends what Streamlit 1.67 sent (ids, hashes, run ids aside).

``apps/tour_app.py`` is the recorded app with ``import minilit as st``. The client drives
it like the recorder's browser did: a first ``rerun_script`` with no widget values, then
one with the recorded widget values, mapped from Streamlit's widget ids to minilit's by
position (the widget at the same delta_path, of the same type). Every expected value comes
from ``data/tour.jsonl``.

Coalescing is opportunistic in both servers (streamlit-internals §4.5: the queue replaces a
queued delta at the same path, but a flush may happen in between), so consecutive deltas
at one path are compared after collapsing them to the last, as a queue would have.

With ``MINILIT_STREAMLIT`` set, the same comparison also runs against a real Streamlit
(``tests/testing/streamlit_oracle.py``), which checks the test itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from minilit.proto import BackMsg_pb2, ForwardMsg_pb2
from minilit.testing import AppClient
from minilit.testing.golden import GoldenRun, load_runs
from minilit.testing.widgets import Widget
from tests.testing.streamlit_oracle import BACKENDS, make_app

HERE = Path(__file__).parent
GOLDEN_RUNS = load_runs(HERE / "data" / "tour.jsonl")
APP = HERE / "apps" / "tour_app.py"

ForwardMsg = ForwardMsg_pb2.ForwardMsg
Step = tuple[str, tuple[int, ...], str]


def step(msg: ForwardMsg) -> Step:
    """(message type, delta_path, element or block type)."""
    kind = msg.WhichOneof("type") or "unknown"
    inner = ""
    if kind == "delta":
        delta_kind = msg.delta.WhichOneof("type") or ""
        inner = f"{delta_kind}.{getattr(msg.delta, delta_kind).WhichOneof('type')}"
    return kind, tuple(msg.metadata.delta_path), inner


def coalesced(messages: list[ForwardMsg]) -> list[ForwardMsg]:
    out: list[ForwardMsg] = []
    for msg in messages:
        if (
            out
            and msg.HasField("delta")
            and out[-1].HasField("delta")
            and out[-1].metadata.delta_path == msg.metadata.delta_path
            and out[-1].delta.HasField("new_element")
        ):
            out[-1] = msg
        else:
            out.append(msg)
    return out


def steps(messages: list[ForwardMsg]) -> list[Step]:
    return [step(m) for m in coalesced(messages)]


def shown_text(messages: list[ForwardMsg]) -> list[tuple[tuple[int, ...], str]]:
    """(path, text) of every heading, text and markdown: what the page shows in words."""
    shown = []
    for msg in coalesced(messages):
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind in ("heading", "text", "markdown"):
            shown.append((tuple(msg.metadata.delta_path), getattr(element, kind).body))
    return shown


def widget_labels(messages: list[ForwardMsg]) -> list[tuple[tuple[int, ...], str, str]]:
    labels = []
    for msg in messages:
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind in ("text_input", "button", "checkbox", "slider"):
            labels.append((tuple(msg.metadata.delta_path), kind, getattr(element, kind).label))
    return labels


@pytest.fixture(scope="module", params=BACKENDS)
def session(request: pytest.FixtureRequest) -> Iterator[AppClient]:
    """The tour app after its first run; against real Streamlit too if MINILIT_STREAMLIT."""
    if request.param == "minilit":
        app = AppClient.from_file(APP)
    else:
        app = make_app(request.param, APP.read_text(encoding="utf-8"))
    with app:
        app.run()
        yield app


def golden_widget_paths(run: GoldenRun) -> dict[str, tuple[int, ...]]:
    paths = {}
    for msg in run.messages():
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        widget_id = getattr(getattr(element, kind), "id", None) if kind else None
        if widget_id:
            paths[widget_id] = tuple(msg.metadata.delta_path)
    return paths


def test_run1_message_sequence(session: AppClient) -> None:
    run = session.runs[0]
    assert run.request_frame == GOLDEN_RUNS[0].request.data
    assert steps(run.messages) == steps(GOLDEN_RUNS[0].messages())


def test_run1_shows_the_same_words(session: AppClient) -> None:
    golden = GOLDEN_RUNS[0].messages()
    assert shown_text(session.runs[0].messages) == shown_text(golden)
    assert widget_labels(session.runs[0].messages) == widget_labels(golden)


def test_run2_with_the_recorded_widget_values(session: AppClient) -> None:
    golden_request = GOLDEN_RUNS[1].request.decode_back()
    golden_paths = golden_widget_paths(GOLDEN_RUNS[0])
    ours: dict[tuple[int, ...], Widget] = {w.delta_path: w for w in session.widgets}

    id_map: dict[str, str] = {}
    for state in golden_request.rerun_script.widget_states.widgets:
        path = golden_paths[state.id]
        widget = ours[path]
        golden_kind = dict((p, k) for p, k, _ in widget_labels(GOLDEN_RUNS[0].messages()))[path]
        assert widget.proto.DESCRIPTOR.name.lower().replace("_", "") == golden_kind.replace("_", "")
        widget.set_value(widget.decode_state(state))
        id_map[state.id] = widget.id

    session.run()
    run = session.runs[1]

    # The request: the recorded one with minilit's widget ids, byte for byte.
    expected_request = BackMsg_pb2.BackMsg()
    expected_request.CopyFrom(golden_request)
    for state in expected_request.rerun_script.widget_states.widgets:
        state.id = id_map[state.id]
    assert run.request_frame == expected_request.SerializeToString()

    # The answer: the same sequence and the same words.
    golden = GOLDEN_RUNS[1].messages()
    assert steps(run.messages) == steps(golden)
    assert shown_text(run.messages) == shown_text(golden)
