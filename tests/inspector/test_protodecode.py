"""The span decoder against real Streamlit frames and hand-made bytes."""

from __future__ import annotations

import json

import pytest

from inspector.protodecode import FieldNode, WireError, decode_tree, read_varint
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from tests.inspector.conftest import TOUR

FRAMES = [json.loads(line) for line in TOUR.read_text().splitlines() if line.strip()]


def _find(node: FieldNode, label: str) -> FieldNode:
    for n in node.walk():
        if n.label == label:
            return n
    raise AssertionError(f"no field {label!r}")


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f["dir"])
def test_every_tour_frame_decodes_and_spans_tile_the_bytes(frame: dict[str, str]) -> None:
    data = bytes.fromhex(frame["hex"])
    root = decode_tree(frame["dir"], data)
    assert not root.value.startswith("invalid"), root.value
    # Top-level fields cover the frame exactly, in order, without gaps.
    pos = 0
    for child in root.children:
        assert child.start == pos
        assert child.start < child.tag_end <= child.value_start <= child.end
        pos = child.end
    assert pos == len(data)


def test_known_fields_are_named_and_valued() -> None:
    heading = next(f for f in FRAMES if '"Hello"' in f["text"] and f["dir"] == "forward")
    root = decode_tree("forward", bytes.fromhex(heading["hex"]))
    body = _find(root, "body")
    assert body.known and body.value == "'Hello'"
    path = _find(root, "delta_path")
    assert path.type_name == "packed uint32" and path.value == "[0, 0]"


def test_fields_minilit_does_not_declare_are_shown_raw() -> None:
    hello = next(f for f in FRAMES if f["dir"] == "forward" and "new_session" in f["text"])
    data = bytes.fromhex(hello["hex"])
    # minilit's schema declares every field of the recorded 1.67 session...
    assert all(n.known for n in decode_tree("forward", data).walk())
    # ...so two it does not have are added: #900, a message holding a string, and
    # #901, a varint (what 1.67's NewSession.app_pages and Config.show_error_links
    # looked like before minilit declared them).
    inner = bytes([1 << 3 | 2, 3]) + b"abc"
    extra = bytes([0xA2, 0x38, len(inner)]) + inner + bytes([0xA8, 0x38, 0x01])
    unknown = [n for n in decode_tree("forward", data + extra).walk() if not n.known]
    assert any(n.label == "#900" and n.children for n in unknown)
    assert any(n.label == "#901" and n.value.startswith("1") for n in unknown)


def test_span_bytes_are_the_fields_own_encoding() -> None:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend([0, 3])
    msg.delta.new_element.text.body = "hi"
    data = msg.SerializeToString()
    root = decode_tree("forward", data)
    body = _find(root, "body")
    assert data[body.start : body.tag_end] == bytes([1 << 3 | 2])
    assert data[body.tag_end : body.value_start] == bytes([2])
    assert data[body.value_start : body.end] == b"hi"


def test_raw_mode_ignores_the_schema() -> None:
    back = BackMsg()
    back.rerun_script.widget_states.widgets.add(id="w", string_value="Ada")
    root = decode_tree("back", back.SerializeToString(), raw=True)
    assert root.label == "raw message"
    assert all(not n.known for n in root.walk()[1:])
    assert any(n.value == "'Ada'" for n in root.walk())


def test_invalid_bytes_report_where_decoding_stopped() -> None:
    root = decode_tree("forward", b"\x0a\x05ab")  # length 5, only 2 bytes follow
    assert root.value.startswith("invalid protobuf")


def test_read_varint() -> None:
    assert read_varint(b"\xac\x02", 0) == (300, 2)
    with pytest.raises(WireError):
        read_varint(b"\x80", 0)
