"""``minilit diff`` and inspector.wirediff: two recordings, frame by frame, field by field."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector import wirediff
from inspector.channel.protocol import WireEvent
from inspector.channel.recording import Recorder, read_recording
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from minilit.trace import events

APP = """\
import minilit as st

st.title("{title}")
choice = st.selectbox("Pick", ["a", "b", "c"])
st.button("Go")
st.write("picked", choice)
"""


def _frame(**fields: str) -> bytes:
    msg = ForwardMsg()
    msg.hash = "h"
    msg.metadata.delta_path[:] = [0, 1]
    box = msg.delta.new_element.selectbox
    box.label = fields.get("label", "Pick")
    box.options[:] = ["a", "b"]
    return msg.SerializeToString()


def test_leaves_are_dotted_paths_with_an_index_for_repeated_fields() -> None:
    leaves = wirediff.leaf_fields("forward", _frame())
    assert list(leaves) == [
        "hash",
        "metadata.delta_path[0]",  # packed: one field on the wire, two items
        "metadata.delta_path[1]",
        "delta.new_element.selectbox.label",
        "delta.new_element.selectbox.options[0]",
        "delta.new_element.selectbox.options[1]",
    ]
    assert leaves["delta.new_element.selectbox.options[1]"] == ("'b'", b"b")


def test_a_field_minilit_does_not_declare_keeps_its_number() -> None:
    unknown = bytes([0xE0, 0x12, 0x07])  # field 300, varint 7
    leaves = wirediff.leaf_fields("forward", _frame() + unknown)
    assert leaves["#300"][1] == b"\x07"


def test_differences_name_the_field_and_both_values() -> None:
    diffs = wirediff.field_differences("forward", _frame(), _frame(label="Choose"))
    assert diffs == [
        wirediff.FieldDifference("delta.new_element.selectbox.label", "'Pick'", "'Choose'")
    ]
    assert wirediff.field_differences("forward", _frame(), _frame()) == []
    shorter = ForwardMsg.FromString(_frame())
    del shorter.delta.new_element.selectbox.options[1]
    (only,) = wirediff.field_differences("forward", _frame(), shorter.SerializeToString())
    assert (only.path, only.theirs) == ("delta.new_element.selectbox.options[1]", wirediff.ABSENT)


def _record(app_text: str, out: Path, folder: Path) -> Path:
    script = folder / "app.py"
    script.write_text(app_text, encoding="utf-8")
    with ServerThread(script) as server:
        recorder = Recorder(out)
        try:
            with AppClient.connect(server.url) as app:
                app.run()
                app.selectbox[0].select("b").run()
                app.button[0].click().run()
        finally:
            recorder.stop()
    return out


@pytest.fixture(scope="module")
def recordings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("diff")
    (folder / "one").mkdir()
    (folder / "two").mkdir()
    first = _record(APP.format(title="Shop"), folder / "first.jsonl", folder / "one")
    again = _record(APP.format(title="Shop"), folder / "again.jsonl", folder / "one")
    other = _record(APP.format(title="Store"), folder / "other.jsonl", folder / "one")
    return first, again, other


def _minilit_diff(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINILIT_", "STREAMLIT_"))}
    return subprocess.run(
        [sys.executable, "-m", "minilit", "diff", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_the_same_app_twice_differs_only_in_random_ids(recordings: tuple[Path, Path, Path]) -> None:
    first, again, _ = recordings
    comparison = wirediff.compare(read_recording(first).events, read_recording(again).events)
    paths = {d.path for pair in comparison.pairs() for d in pair.differences}
    assert paths == {"metadata.run.script_run_id", "new_session.initialize.session_id"}
    deltas = [p for p in comparison.pairs() if p.ours is not None and p.ours.kind == "delta"]
    assert len(deltas) == 3 * 4 and all(p.identical for p in deltas)
    back = [p for p in comparison.pairs() if p.direction == "back"]
    assert len(back) == 3 and all(p.identical for p in back)  # the same clicks, the same bytes


def test_the_command_prints_the_changed_title(recordings: tuple[Path, Path, Path]) -> None:
    first, _, other = recordings
    result = _minilit_diff(str(first), str(other))
    assert result.returncode == 1, result.stderr
    assert "delta.new_element.heading.body: 'Shop' ≠ 'Store'" in result.stdout
    assert "delta.new_element.heading.body: 3" in result.stdout  # in each of three runs
    same = _minilit_diff(str(first), str(first))
    assert same.returncode == 0
    assert "0 not" in same.stdout


def test_a_missing_or_broken_recording_is_a_one_line_error(
    recordings: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    first, _, _ = recordings
    missing = _minilit_diff(str(first), str(tmp_path / "nowhere.jsonl"))
    assert missing.returncode == 2
    assert "nowhere.jsonl" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"\xff\xfe not json")
    result = _minilit_diff(str(broken), str(first))
    assert result.returncode == 2
    assert "broken.jsonl" in result.stderr and "Traceback" not in result.stderr


def _sent(seq: int, msg: ForwardMsg) -> WireEvent:
    return WireEvent(seq, 0, events.FORWARDMSG_SENT, session_id="s", data=msg.SerializeToString())


def test_a_delta_the_next_one_replaces_is_left_out_on_both_sides() -> None:
    placeholder, text, after = ForwardMsg(), ForwardMsg(), ForwardMsg()
    placeholder.metadata.delta_path[:] = [0, 2]
    placeholder.delta.new_element.empty.SetInParent()
    text.metadata.delta_path[:] = [0, 2]
    text.delta.new_element.markdown.body = "Tasks finished: 1"
    after.metadata.delta_path[:] = [0, 3]
    after.delta.new_element.text.body = "after"
    # One server sent the placeholder and its text; the other's queue had merged them.
    both = [_sent(1, placeholder), _sent(2, text), _sent(3, after)]
    merged = [_sent(1, text), _sent(2, after)]
    comparison = wirediff.compare(both, merged)
    assert comparison.same and len(comparison.pairs()) == 2
    # A placeholder that stays a placeholder is still compared.
    assert not wirediff.compare([_sent(1, placeholder), _sent(2, after)], merged).same
