"""Exercise leaf_fields: hand-made frames, a real session's frames, two real recordings."""

from __future__ import annotations

from pathlib import Path

from inspector import wirediff
from inspector.channel.recording import Recorder, read_recording
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient


def _selectbox_frame() -> bytes:
    msg = ForwardMsg()
    msg.metadata.delta_path[:] = [0, 4]
    box = msg.delta.new_element.selectbox
    box.label = "Colour"
    box.options[:] = ["red", "green", "blue"]
    return msg.SerializeToString()


def test_nested_fields_are_dotted_paths() -> None:
    msg = ForwardMsg()
    msg.delta.new_element.text.body = "hello"
    leaves = wirediff.leaf_fields("forward", msg.SerializeToString())
    assert leaves == {"delta.new_element.text.body": ("'hello'", b"hello")}


def test_each_item_of_a_repeated_field_has_its_index() -> None:
    leaves = wirediff.leaf_fields("forward", _selectbox_frame())
    assert [p for p in leaves if "options" in p] == [
        "delta.new_element.selectbox.options[0]",
        "delta.new_element.selectbox.options[1]",
        "delta.new_element.selectbox.options[2]",
    ]
    assert leaves["delta.new_element.selectbox.options[2]"][1] == b"blue"


def test_a_packed_list_indexes_its_items_once() -> None:
    leaves = wirediff.leaf_fields("forward", _selectbox_frame())
    assert [p for p in leaves if p.startswith("metadata")] == [
        "metadata.delta_path[0]",
        "metadata.delta_path[1]",
    ]
    assert leaves["metadata.delta_path[1]"][1] == b"\x04"


def test_a_repeated_field_with_one_item_still_has_an_index() -> None:
    back = BackMsg()
    back.rerun_script.widget_states.widgets.add(id="w1", string_value="Ada")
    leaves = wirediff.leaf_fields("back", back.SerializeToString())
    assert list(leaves) == [
        "rerun_script.widget_states.widgets[0].id",
        "rerun_script.widget_states.widgets[0].string_value",
    ]


def test_unknown_fields_keep_their_number_and_repeat_with_an_index() -> None:
    msg = ForwardMsg()
    msg.delta.new_element.text.body = "x"
    unknown = bytes([0xE0, 0x12, 0x05, 0xE0, 0x12, 0x06, 0xE8, 0x12, 0x07])  # #300 x2, #301
    leaves = wirediff.leaf_fields("forward", msg.SerializeToString() + unknown)
    assert [p for p in leaves if p.startswith("#")] == ["#300[0]", "#300[1]", "#301"]
    assert leaves["#300[1]"][1] == b"\x06"


def test_every_string_of_a_real_session_is_where_protobuf_puts_it(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        app.text_input[0].input("Ada").run()
        for frame, msg in zip(app.last_run.frames, app.last_run.messages, strict=True):
            leaves = wirediff.leaf_fields("forward", frame)
            if msg.HasField("delta") and msg.delta.HasField("new_element"):
                kind = msg.delta.new_element.WhichOneof("type")
                element = getattr(msg.delta.new_element, kind)
                for field, value in element.ListFields():
                    if isinstance(value, str):
                        path = f"delta.new_element.{kind}.{field.name}"
                        assert leaves[path][1] == value.encode(), path
            # Every byte of the frame is in exactly one leaf or one tag or length prefix:
            # the leaves' payloads never add up to more than the frame.
            assert sum(len(payload) for _, payload in leaves.values()) <= len(frame)


def _recording(server: ServerThread, out: Path, name: str) -> Path:
    recorder = Recorder(out)
    try:
        with AppClient.connect(server.url) as app:
            app.run()
            app.text_input[0].input(name).run()
    finally:
        recorder.stop()
    return out


def test_two_real_recordings_differ_where_the_user_typed(
    server: ServerThread, tmp_path: Path
) -> None:
    ada = read_recording(_recording(server, tmp_path / "ada.jsonl", "Ada")).events
    bob = read_recording(_recording(server, tmp_path / "bob.jsonl", "Bob")).events
    comparison = wirediff.compare(ada, bob)
    paths = {d.path for pair in comparison.pairs() for d in pair.differences}
    assert paths == {
        "metadata.run.script_run_id",
        "new_session.initialize.session_id",
        "rerun_script.widget_states.widgets[0].string_value",  # what was typed...
        "delta.new_element.markdown.body",  # ...the greeting it changed...
        "hash",  # ...and so that delta's content hash
    }
