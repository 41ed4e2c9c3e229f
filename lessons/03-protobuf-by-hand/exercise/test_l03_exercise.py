"""Exercise varint: read_varint on its own, then inside the inspector's decoder."""

from __future__ import annotations

import pytest

from inspector import protodecode
from inspector.protodecode import WireError, decode_tree
from minilit.server.background import ServerThread
from minilit.testing import AppClient


def _encode(value: int) -> bytes:
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | (0x80 if value else 0))
        if not value:
            return bytes(out)


@pytest.mark.parametrize(
    "value",
    [0, 1, 42, 127, 128, 200, 300, 466, 16_383, 16_384, 2**31, 2**32 + 5, 2**63 - 1, 2**64 - 1],
)
def test_values(value: int) -> None:
    data = b"\xff" + _encode(value) + b"\x07"
    assert protodecode.read_varint(data, 1) == (value, 1 + len(_encode(value)))


def test_examples_from_the_task() -> None:
    assert protodecode.read_varint(b"\xc8\x01", 0) == (200, 2)
    assert protodecode.read_varint(b"\xd2\x03", 0) == (466, 2)


def test_a_cut_off_varint_is_an_error() -> None:
    with pytest.raises(WireError, match="runs past the end") as caught:
        protodecode.read_varint(b"\x00\xc8", 1)
    assert caught.value.offset == 1


def test_more_than_ten_bytes_is_an_error() -> None:
    with pytest.raises(WireError, match="longer than 10 bytes"):
        protodecode.read_varint(b"\x80" * 11 + b"\x01", 0)


def test_the_inspector_decodes_real_frames_with_it(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        frames = list(zip(app.last_run.frames, app.last_run.messages, strict=True))
    for frame, msg in frames:
        tree = decode_tree("forward", frame)
        assert not tree.value.startswith("invalid"), tree.value
        assert tree.children[-1].end == len(frame)
        if msg.HasField("delta"):
            path = next(n for n in tree.walk() if n.label == "delta_path")
            assert path.value == "[" + ", ".join(map(str, msg.metadata.delta_path)) + "]"
    long_text = next(f for f, m in frames if m.delta.new_element.text.body.startswith("xxx"))
    body = next(n for n in decode_tree("forward", long_text).walk() if n.label == "body")
    assert body.end - body.value_start == 200 and body.value_start - body.tag_end == 2
