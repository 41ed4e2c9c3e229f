"""Every frame of a real Streamlit 1.67 session decodes correctly with minilit's messages.

The golden (``data/tour.jsonl``, the same recording as lesson 03's
``streamlit-1.67/tour.jsonl``) holds each frame twice: the exact bytes (``hex``) and the
recorder's protobuf text format, printed with *Streamlit's* schema. So the expected side
of every check here is the recorder's text, never minilit's own output: the bytes are
decoded with minilit's ``.proto`` files and compared with what the text says.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from google.protobuf import text_encoding, text_format
from google.protobuf.message import Message

from minilit.proto import BackMsg_pb2, ForwardMsg_pb2
from minilit.testing.elements import widget_key
from minilit.testing.golden import GoldenFrame, load_frames, load_runs

GOLDEN = Path(__file__).parent / "data" / "tour.jsonl"
LESSON_COPY = (
    Path(__file__).parents[2] / "lessons" / "03-protobuf-by-hand" / "streamlit-1.67" / "tour.jsonl"
)
FRAMES = load_frames(GOLDEN)


def decode(frame: GoldenFrame) -> Message:
    return frame.decode_back() if frame.direction == "back" else frame.decode_forward()


def text_lines(frame: GoldenFrame) -> list[str]:
    return frame.text.splitlines()


def quoted(text: str, field: str) -> list[str]:
    """Every value of ``field: "..."`` in a text-format dump, unescaped."""
    return [
        text_encoding.CUnescape(m).decode("utf-8")
        for m in re.findall(rf'^\s*{field}: "((?:[^"\\]|\\.)*)"$', text, re.M)
    ]


def frame_ids(frames: list[GoldenFrame]) -> list[str]:
    return [f"{f.index}-{f.direction}" for f in frames]


def test_both_copies_of_the_recording_agree() -> None:
    """The course reads the same recording (lesson 03's copy); the two may not drift apart."""
    assert LESSON_COPY.read_bytes() == GOLDEN.read_bytes()


def test_golden_has_two_runs_of_a_browser_session() -> None:
    """Split into runs, the recording loses no frame and each run is one script run.

    Each run is asked for by a rerun_script and answered by forward frames that all name
    the run its new_session announced; the two runs are different runs of one session.
    """
    runs = load_runs(GOLDEN)
    assert len(runs) == 2
    regrouped = [frame for run in runs for frame in (run.request, *run.responses)]
    assert regrouped == FRAMES
    run_ids, session_ids = [], []
    for run in runs:
        assert run.request.decode_back().WhichOneof("type") == "rerun_script"
        assert all(frame.direction == "forward" for frame in run.responses)
        messages = run.messages()
        run_id = messages[0].metadata.run.script_run_id
        named = {m.metadata.run.script_run_id for m in messages} - {""}
        assert named == {run_id}
        run_ids.append(run_id)
        session_ids.append(messages[0].new_session.initialize.session_id)
    assert run_ids[0] != run_ids[1]
    assert session_ids[0] == session_ids[1] != ""


@pytest.mark.parametrize("frame", FRAMES, ids=frame_ids(FRAMES))
def test_frame_equals_recorders_text(frame: GoldenFrame) -> None:
    """Decoding the bytes gives exactly the recorder's text, restricted to minilit's fields.

    ``allow_unknown_field`` skips what minilit does not declare (``width_config``,
    ``label_visibility``, ``app_pages`` ...); every declared field must agree, which
    also checks field numbers, types and enum values.
    """
    decoded = decode(frame)
    expected = type(decoded)()
    text_format.Parse(frame.text, expected, allow_unknown_field=True)
    decoded.DiscardUnknownFields()
    assert decoded == expected


@pytest.mark.parametrize("frame", FRAMES, ids=frame_ids(FRAMES))
def test_message_kind(frame: GoldenFrame) -> None:
    # The oneof member is the top-level field that is neither `hash` nor `metadata`.
    top = [
        line.split()[0].rstrip(":")
        for line in text_lines(frame)
        if line and not line.startswith(" ") and not line.startswith("}")
    ]
    kinds = [name for name in top if name not in ("hash", "metadata")]
    assert len(kinds) == 1
    assert decode(frame).WhichOneof("type") == kinds[0]


@pytest.mark.parametrize("frame", FRAMES, ids=frame_ids(FRAMES))
def test_delta_path(frame: GoldenFrame) -> None:
    if frame.direction == "back":
        return
    expected = [int(n) for n in re.findall(r"^  delta_path: (\d+)$", frame.text, re.M)]
    assert list(frame.decode_forward().metadata.delta_path) == expected


@pytest.mark.parametrize("frame", FRAMES, ids=frame_ids(FRAMES))
def test_element_and_block_type(frame: GoldenFrame) -> None:
    lines = text_lines(frame)
    if "delta {" not in lines:
        return
    at = lines.index("delta {")
    delta_kind = lines[at + 1].strip().rstrip(" {")
    inner_kind = lines[at + 2].strip().rstrip(" {")
    delta = frame.decode_forward().delta
    assert delta.WhichOneof("type") == delta_kind
    assert getattr(delta, delta_kind).WhichOneof("type") == inner_kind


@pytest.mark.parametrize("frame", FRAMES, ids=frame_ids(FRAMES))
def test_text_bodies(frame: GoldenFrame) -> None:
    if frame.direction == "back" or not frame.decode_forward().HasField("delta"):
        return
    element = frame.decode_forward().delta.new_element
    kind = element.WhichOneof("type")
    bodies = quoted(frame.text, "body")
    if kind in ("heading", "markdown", "text"):
        assert [getattr(element, kind).body] == bodies
    else:
        assert bodies == []


@pytest.mark.parametrize("frame", FRAMES, ids=frame_ids(FRAMES))
def test_widget_ids_and_labels(frame: GoldenFrame) -> None:
    if frame.direction == "back" or not frame.decode_forward().HasField("delta"):
        return
    element = frame.decode_forward().delta.new_element
    kind = element.WhichOneof("type")
    ids = quoted(frame.text, "id")
    labels = quoted(frame.text, "label")
    if kind in ("text_input", "button", "checkbox", "slider"):
        widget = getattr(element, kind)
        assert [widget.id] == ids
        assert [widget.label] == labels
        assert re.fullmatch(r"\$\$ID-[0-9a-f]{32}-.+", widget.id)
    else:
        assert ids == labels == []


def test_widget_keys() -> None:
    # The text input was created with key="name"; the others have no key.
    keys = {}
    for frame in FRAMES:
        for widget_id in quoted(frame.text, "id"):
            keys[widget_id] = widget_id.rsplit("-", 1)[1]
    assert keys, "the golden has widgets"
    for widget_id, suffix in keys.items():
        assert widget_key(widget_id) == (None if suffix == "None" else suffix)
    assert sorted(k for k in map(widget_key, keys) if k) == ["name"]


def test_rerun_widget_values() -> None:
    """The second rerun_script carries four widget states; each decodes to the recorded value."""
    back = [f for f in FRAMES if f.direction == "back"]
    assert back[0].decode_back().rerun_script.widget_states.widgets == []
    assert back[0].decode_back().rerun_script.HasField("widget_states")

    frame = back[1]
    blocks = re.findall(r"  widgets \{\n(.*?)\n    \}\n", frame.text, re.S)
    states = frame.decode_back().rerun_script.widget_states.widgets
    assert len(states) == len(blocks) == 4
    for state, block in zip(states, blocks, strict=True):
        expected_id = quoted(block, "id")[0]
        assert state.id == expected_id
        value_line = next(line.strip() for line in block.splitlines() if "id:" not in line)
        kind = value_line.split()[0].rstrip(":")
        assert state.WhichOneof("value") == kind
        if kind == "string_value":
            assert state.string_value == quoted(block, "string_value")[0]
        elif kind in ("trigger_value", "bool_value"):
            assert getattr(state, kind) is (value_line.split()[1] == "true")
        elif kind == "double_array_value":
            data = [float(x) for x in re.findall(r"data: ([-\d.e+]+)", block)]
            assert list(state.double_array_value.data) == data
        else:
            pytest.fail(f"unexpected value kind {kind}")


def test_run_and_session_ids() -> None:
    for frame in FRAMES:
        if frame.direction == "back":
            continue
        msg = frame.decode_forward()
        assert msg.metadata.run.script_run_id == (quoted(frame.text, "script_run_id") or [""])[0]
        if msg.HasField("new_session"):
            assert msg.new_session.initialize.session_id == quoted(frame.text, "session_id")[0]


def test_every_run_ends_with_finished_then_not_running() -> None:
    for run in load_runs(GOLDEN):
        messages = run.messages()
        kinds = [m.WhichOneof("type") for m in messages]
        assert kinds[:2] == ["new_session", "session_status_changed"]
        assert kinds[-2:] == ["script_finished", "session_status_changed"]
        assert messages[-2].script_finished == ForwardMsg_pb2.ForwardMsg.FINISHED_SUCCESSFULLY
        assert not messages[-1].session_status_changed.script_is_running
        assert isinstance(run.request.decode_back(), BackMsg_pb2.BackMsg)
