"""Every refusal at the socket says what and why, in the log and as a trace event.

An operator reads the warning; the inspector reads the event. Both must name the
session, the code and the reason (the same one), so each refusal is checked here on
both channels, over a real server. Also: a ForwardMsg over server.maxMessageSize is
replaced by an Exception element at its place on the page, from one byte over the limit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import HandshakeRejected
from minilit.trace import events
from minilit.trace.bus import BUS, TraceEvent
from tests.wire import closed_code, rerun_msg, run_once, serve, ws_connect

APP = "import minilit as st\nst.text('hello')\n"
LOGGER = "minilit.server.websocket"


@contextmanager
def traced(name: str) -> Iterator[list[TraceEvent]]:
    """The events called ``name`` published inside the block."""
    sub = BUS.subscribe()
    seen: list[TraceEvent] = []
    try:
        yield seen
    finally:
        seen += [e for e in sub.drain() if e.name == name]
        BUS.unsubscribe(sub)


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


def test_a_refused_origin_is_logged_and_traced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger=LOGGER),
        serve(tmp_path, APP) as server,
        traced(events.HANDSHAKE_REJECTED) as seen,
        pytest.raises(HandshakeRejected),
    ):
        ws_connect(server, additional_headers={"Origin": "http://evil.example"})
    (event,) = seen
    host = f"127.0.0.1:{server.port}"
    assert event.fields["origin"] == "http://evil.example"
    assert event.fields["host"] == host
    assert event.fields["status"] == 403
    reason = event.fields["reason"]
    assert reason.startswith("Origin 'http://evil.example' is neither this server")
    assert warnings(caplog) == [f"Websocket handshake rejected (403): {reason}"]


def test_a_refused_host_without_an_origin_is_traced_with_an_empty_origin(tmp_path: Path) -> None:
    options: dict[str, Any] = {"server.allowedHosts": "app.example"}
    with (
        serve(tmp_path, APP, **options) as server,
        traced(events.HANDSHAKE_REJECTED) as seen,
        pytest.raises(HandshakeRejected),
    ):
        ws_connect(server)
    (event,) = seen
    assert event.fields["origin"] == ""
    assert event.fields["reason"] == "Host '127.0.0.1' is not in server.allowedHosts"


@pytest.mark.parametrize(
    ("frame", "code", "reason"),
    [
        ("rerun please", 1003, "text frames are not accepted"),
        (b"\xff\xff\xff", 1002, "the frame is not a BackMsg"),
    ],
)
def test_a_refused_frame_is_logged_and_traced_with_its_session(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, frame: str | bytes, code: int, reason: str
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger=LOGGER),
        serve(tmp_path, APP) as server,
        ws_connect(server) as ws,
    ):
        session_id = run_once(ws).messages[0].new_session.initialize.session_id
        with traced(events.FRAME_REJECTED) as seen:
            ws.send(frame)
            assert closed_code(ws) == code
    (event,) = seen
    assert (event.session_id, event.fields) == (session_id, {"reason": reason, "close_code": code})
    assert warnings(caplog) == [f"Closing websocket of session {session_id} ({code}): {reason}"]


SIZED = """
import pathlib, minilit as st
st.text("x" * int(pathlib.Path({size!r}).read_text()))
"""


def body_length_for(sent: ForwardMsg, size: int) -> int:
    """The text length that makes a message like ``sent`` exactly ``size`` bytes."""
    msg = ForwardMsg()
    msg.CopyFrom(sent)
    length = size
    while True:
        msg.delta.new_element.text.body = "x" * length
        got = len(msg.SerializeToString())
        if got == size:
            return length
        length -= got - size


def test_a_message_over_max_message_size_becomes_an_exception_element(tmp_path: Path) -> None:
    size_file = tmp_path / "size.txt"
    # Over 10 kB, so that the measured message is marked cacheable as the big ones are
    # (1.67's global.minCachedMessageSize): the flag is two bytes of the size.
    size_file.write_text("20000")
    options: dict[str, Any] = {"server.maxMessageSize": 1}
    with (
        serve(tmp_path, SIZED.format(size=str(size_file)), **options) as server,
        ws_connect(server) as ws,
    ):
        small = run_once(ws).all_deltas[0]
        size_file.write_text(str(body_length_for(small, 1_000_000)))
        at_limit = run_once(ws).all_deltas[0]
        size_file.write_text(str(body_length_for(small, 1_000_001)))
        over = run_once(ws)
    assert len(at_limit.SerializeToString()) == 1_000_000
    assert at_limit.delta.new_element.WhichOneof("type") == "text", "the limit itself is allowed"
    (replaced,) = over.all_deltas
    assert list(replaced.metadata.delta_path) == [0, 0]
    exc = replaced.delta.new_element.exception
    assert exc.type == "MessageSizeError"
    assert exc.message == (
        "Data of size 1.0 MB exceeds the message size limit of 1 MB (server.maxMessageSize)."
    )
    assert over.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


def test_frames_in_and_out_are_traced_exactly_as_they_crossed(tmp_path: Path) -> None:
    """The inspector's wire view: every frame received and sent, with its session and bytes."""
    sub = BUS.subscribe()
    try:
        with serve(tmp_path, APP) as server, ws_connect(server) as ws:
            request = rerun_msg()
            ws.send(request)
            received = []
            while True:
                data = ws.recv(timeout=5)
                received.append(data)
                msg = ForwardMsg.FromString(data)
                running = msg.session_status_changed.script_is_running
                if msg.WhichOneof("type") == "session_status_changed" and not running:
                    break
            traced_events = sub.drain()
    finally:
        BUS.unsubscribe(sub)
    session_id = ForwardMsg.FromString(received[0]).new_session.initialize.session_id
    (frame_in,) = [e for e in traced_events if e.name == events.FRAME_RECEIVED]
    assert (frame_in.session_id, frame_in.data, frame_in.fields) == (
        session_id,
        request,
        {"size": len(request)},
    )
    (decoded,) = [e for e in traced_events if e.name == events.BACKMSG_DECODED]
    assert (decoded.session_id, decoded.data) == (session_id, request)
    assert decoded.msg.SerializeToString() == request
    sent = [e for e in traced_events if e.name == events.FORWARDMSG_SENT]
    assert [e.data for e in sent] == received
    assert {e.session_id for e in sent} == {session_id}
    # A frame event's message is the frame itself (Note [Messages let go] in bus.py).
    assert [ForwardMsg.FromString(e.msg) for e in sent] == [
        ForwardMsg.FromString(r) for r in received
    ]
