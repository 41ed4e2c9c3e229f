"""Lesson 03's claims: minilit's frames and a real Streamlit 1.67 session, byte by byte."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory, unknown_fields

from inspector.protodecode import decode_tree
from lessons.framework.claims import claim
from lessons.framework.targets import Target, against
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient, WireConnection

HERE = Path(__file__).parent
RECORDED = [json.loads(line) for line in (HERE / "streamlit-1.67" / "tour.jsonl").open()]


def _frames(app: AppClient) -> dict[tuple[int, ...], bytes]:
    """The delta frames of one run, by delta_path, exactly as received."""
    app.run()
    return {
        tuple(m.metadata.delta_path): f
        for f, m in zip(app.last_run.frames, app.last_run.messages, strict=True)
        if m.HasField("delta")
    }


def _streamlit_text_frame() -> bytes:
    """Streamlit 1.67's frame for ``ph.text("placeholder 2")`` at [0, 3]."""
    return bytes.fromhex(next(r["hex"] for r in RECORDED if "placeholder 2" in r["text"]))


@claim("L03.C1")
@against("minilit", "1.67", "1.56")
def test_a_frame_starts_with_a_tag(app: AppClient) -> None:
    frame = _frames(app)[(0, 3)]
    tag = frame[0]
    assert (tag >> 3, tag & 7) == (1, 2)  # field 1 (hash), wire type 2 (length-delimited)
    assert frame[1] == 0x20 and len(ForwardMsg.FromString(frame).hash) == 0x20


@claim("L03.C2")
@against("minilit", "1.67")
def test_the_text_frame_byte_by_byte(app: AppClient) -> None:
    frame = _frames(app)[(0, 3)]
    msg = ForwardMsg.FromString(frame)
    body = b"placeholder 2"
    text = b"\x0a" + bytes([len(body)]) + body + b"\x18\x01"  # Text.body = 1, wrap = 3
    element = (
        b"\x0a"
        + bytes([len(text)])
        + text  # Element.text = 1
        + b"\xd2\x03\x02\x10\x01"  # Element.width_config = 58 {use_content = 2: true}
        + b"\xea\x03\x02\x08\x01"  # Element.text_alignment_config = 61 {alignment: LEFT}
    )
    delta = b"\x1a" + bytes([len(element)]) + element  # Delta.new_element = 3
    metadata = b"\x12\x02\x00\x03" + b"\x22\x20" + msg.metadata.active_script_hash.encode()
    expected = (
        b"\x0a\x20"
        + msg.hash.encode()  # ForwardMsg.hash = 1
        + b"\x12"
        + bytes([len(metadata)])
        + metadata  # ForwardMsg.metadata = 2
        + b"\x2a"
        + bytes([len(delta)])
        + delta  # ForwardMsg.delta = 5
    )
    assert frame == expected and len(frame) == 107
    assert frame[-33:-12].hex(" ") == "2a 1f 1a 1d 0a 11 0a 0d " + body.hex(" ")


@claim("L03.C3")
@against("minilit", "1.67", "1.56")
def test_a_length_over_127_takes_two_varint_bytes(app: AppClient) -> None:
    frame = _frames(app)[(0, 2)]
    assert b"\x0a\xc8\x01" + b"x" * 200 in frame  # 200 = 0b1_1001000 -> c8 01
    assert (0xC8 & 0x7F) + (0x01 << 7) == 200


@claim("L03.C4")
@against("minilit", "1.67", "1.56")
def test_delta_path_is_a_packed_repeated_field(app: AppClient) -> None:
    frames = _frames(app)
    for index in range(5):
        assert frames[(0, index)][34:40] == bytes([0x12, 0x26, 0x12, 0x02, 0x00, index])


@claim("L03.C5")
@against("minilit", "1.67", "1.56")
def test_default_values_are_not_written(app: AppClient) -> None:
    app.run()
    status = [
        f
        for f, m in zip(app.last_run.frames, app.last_run.messages, strict=True)
        if m.HasField("session_status_changed")
    ]
    assert [s.hex(" ") for s in status] == ["4a 02 10 01", "4a 00"]
    finished = next(
        f
        for f, m in zip(app.last_run.frames, app.last_run.messages, strict=True)
        if m.HasField("script_finished")
    )
    assert finished.endswith(b"\x30\x00")  # a oneof member is written even when it is 0


BROWSER = [json.loads(line) for line in (HERE / "streamlit-1.67" / "browser.jsonl").open()]
"""Chromium running Streamlit 1.67's frontend (streamlit-1.67/record_browser.py)."""


def _first_sent_in_chromium(page: Any, url: str) -> bytes:
    sent: list[bytes] = []

    def watch(ws: Any) -> None:
        ws.on("framesent", lambda f: sent.append(f if isinstance(f, bytes) else f["payload"]))

    page.on("websocket", watch)
    page.goto(url + "/")
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for()
    return sent[0]


@claim("L03.C6")
@against("minilit", "1.67")
def test_spellings_of_a_run_request(target: Target, page: Any) -> None:
    url = target.url()
    assert BackMsg(rerun_script={}).SerializeToString() == b"\x5a\x00"
    headless = bytes.fromhex(RECORDED[0]["hex"])  # the client that recorded tour.jsonl
    assert headless == b"\x5a\x02\x12\x00"
    with AppClient.connect(url) as client:  # minilit's headless client spells it so too
        assert client.run().last_run.request_frame == headless
    # Chromium: the recorded 1.67 frontend's first frame, with this server's URL in it.
    recorded = BackMsg.FromString(bytes.fromhex(BROWSER[0]["hex"]))
    assert len(bytes.fromhex(BROWSER[0]["hex"])) == 54
    live = _first_sent_in_chromium(page, url)
    recorded.rerun_script.context_info.url = url + "/"
    assert live == recorded.SerializeToString(), BackMsg.FromString(live)
    for frame in (b"\x5a\x00", headless, live):  # the server runs the script for each
        conn = WireConnection(url)
        conn.send(frame)
        assert conn.recv(5).HasField("new_session")
        conn.close()


@claim("L03.C7")
@against("minilit", "1.67")
def test_minilit_reads_a_real_streamlit_session(app: AppClient, target: Target) -> None:
    forward = [bytes.fromhex(r["hex"]) for r in RECORDED if r["dir"] == "forward"]
    assert len(forward) == 35
    kinds = {ForwardMsg.FromString(f).WhichOneof("type") for f in forward}
    assert kinds == {"new_session", "session_status_changed", "delta", "script_finished"}
    browser = [bytes.fromhex(r["hex"]) for r in BROWSER if r["dir"] == "forward"]
    assert len(browser) == 53 and all(ForwardMsg.FromString(f).WhichOneof("type") for f in browser)
    theirs = ForwardMsg.FromString(_streamlit_text_frame())
    live = ForwardMsg.FromString(_frames(app)[(0, 3)])  # from this run's server
    assert theirs.delta.new_element.text.body == live.delta.new_element.text.body
    assert list(theirs.metadata.delta_path) == list(live.metadata.delta_path) == [0, 3]
    assert _streamlit_text_frame()[-10:-8] == b"\xd2\x03"  # 58 << 3 | 2
    # minilit declares fields 58 and 61 with 1.67's numbers: nothing is left unknown,
    # in the recording or live, and the values are the same.
    assert _unknown(theirs.delta.new_element) == _unknown(live.delta.new_element) == []
    assert theirs.delta.new_element.width_config == live.delta.new_element.width_config
    assert theirs.delta.new_element.width_config.use_content


def _unknown(message: Any) -> list[int]:
    return [f.field_number for f in unknown_fields.UnknownFieldSet(message)]


def _text_class(field_name: str, number: int) -> type:
    """A message class for Text built at run time: only its field name/number differ."""
    file = descriptor_pb2.FileDescriptorProto(
        name=f"t_{field_name}_{number}.proto", package=f"l03_{field_name}_{number}"
    )
    message = file.message_type.add(name="Text")
    message.field.add(name=field_name, number=number, type=9, label=1)  # string
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName(f"{file.package}.Text"))


@claim("L03.C11")
@against("minilit", "1.67", "1.56")
def test_one_byte_three_meanings(app: AppClient, target: Target) -> None:
    frame = _frames(app)[(0, 4)]
    # delta (5) { new_element (3) { progress (5) { value (1) = 42 }, width_config (58) } }
    assert re.search(rb"\x2a.\x1a.\x2a\x02\x08\x2a", frame, re.DOTALL)
    if target.kind != "1.56":
        assert frame.endswith(bytes.fromhex("2a 0b 1a 09 2a 02 08 2a d2 03 02 08 01"))


@claim("L03.C8")
def test_names_never_travel(app: AppClient) -> None:
    inner = ForwardMsg.FromString(_frames(app)[(0, 3)]).delta.new_element.text
    renamed = _text_class("content", 1).FromString(inner.SerializeToString())
    assert renamed.content == "placeholder 2"


@claim("L03.C9")
def test_a_changed_number_loses_the_value(app: AppClient) -> None:
    inner = ForwardMsg.FromString(_frames(app)[(0, 3)]).delta.new_element.text
    moved = _text_class("body", 7).FromString(inner.SerializeToString())
    assert moved.body == ""
    # body (1), and wrap (3), which this one-field schema does not have either
    assert [f.field_number for f in unknown_fields.UnknownFieldSet(moved)] == [1, 3]
    assert moved.SerializeToString() == inner.SerializeToString()  # kept, not lost


@claim("L03.C10")
def test_schema_less_decoding_sees_the_same_fields(app: AppClient) -> None:
    frame = _frames(app)[(0, 4)]
    raw = decode_tree("forward", frame, raw=True)
    assert [(n.number, n.wire_type) for n in raw.children] == [(1, 2), (2, 2), (5, 2)]
    typed = decode_tree("forward", frame)
    assert [n.label for n in typed.children] == ["hash", "metadata", "delta"]
    progress = next(n for n in typed.walk() if n.label == "value")
    assert progress.value == "42"
    assert frame[progress.start : progress.end] == b"\x08\x2a"
