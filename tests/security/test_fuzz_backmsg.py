"""Fuzzed BackMsg frames against a real server: bounded in count and time.

FRAMES frames from a seeded generator (tests/security/backmsg_fuzz.py: about
half well-formed messages aimed at the app's real widgets with values of
every type, 40% mutations of them, 10% random bytes) go to one server over
real sockets. A frame that does not parse closes its socket with 1002 and the
fuzzer opens another. Afterwards the server must be healthy, have logged no
error of its own, have sent no exception element (a wrong-typed widget value
is minilit's problem, not the app's), and serve a fresh session normally.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from google.protobuf.message import DecodeError

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import connection
from minilit.testing.connection import WireConnection
from tests.security.backmsg_fuzz import frames
from tests.wire import run_once, serve, ws_connect

SEED = 17
FRAMES = 3000
"""The corpus size (each frame is new; the issue's own run used 100,000 unseeded)."""

APP = """\
import minilit as st
st.button("b", key="b")
st.checkbox("c", key="c")
st.slider("s", 0, 10, key="s")
st.slider("r", 0.0, 1.0, (0.2, 0.5), key="r")
st.number_input("n", key="n")
st.text_input("t", key="t")
st.text_area("ta", key="ta")
st.selectbox("sel", ["x", "y"], key="sel")
st.radio("rad", ["x", "y"], key="rad")
st.multiselect("m", ["x", "y"], key="m")
st.text(repr(dict(st.session_state)))
"""


def widget_ids(run_messages: list[ForwardMsg]) -> list[str]:
    ids = []
    for msg in run_messages:
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        widget = getattr(element, kind) if kind else None
        if widget is not None and hasattr(widget, "id") and widget.id:
            ids.append(widget.id)
    return ids


def script_threads() -> int:
    return sum(t.name == "ScriptRunner.scriptThread" for t in threading.enumerate())


def parses(frame: bytes) -> bool:
    try:
        BackMsg.FromString(frame)
    except DecodeError:
        return False
    return True


def drain(conn: WireConnection) -> list[ForwardMsg]:
    out = []
    while True:
        try:
            out.append(conn.recv(0))
        except (TimeoutError, connection.ConnectionClosed):
            return out


@pytest.mark.slow
def test_fuzzed_frames_hurt_nobody(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    started = time.monotonic()
    threads_before = script_threads()
    close_codes: dict[int | None, int] = {}
    received: list[ForwardMsg] = []
    with serve(tmp_path, APP) as server:
        with ws_connect(server) as probe:
            ids = widget_ids(run_once(probe).messages)
        assert len(ids) == 10
        conn = WireConnection(server.url)
        sent = 0
        for frame in frames(SEED, FRAMES, ids):
            conn.send(frame)
            sent += 1
            if not parses(frame):
                # The server must close this socket; wait for it, so that every
                # frame of the corpus reaches a live socket.
                code, _ = conn.wait_closed(5)
                close_codes[code] = close_codes.get(code, 0) + 1
                received += drain(conn)
                conn.close()
                conn = WireConnection(server.url)
            if sent % 50 == 0:
                received += drain(conn)
        time.sleep(0.5)  # the last runs finish
        received += drain(conn)
        conn.close()
        with ws_connect(server) as fresh:
            assert run_once(fresh).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
        assert script_threads() - threads_before <= 3
    elapsed = time.monotonic() - started
    assert sent == FRAMES
    # Every frame that does not parse closed its socket with 1002 (and only those).
    assert close_codes == {1002: sum(not parses(f) for f in frames(SEED, FRAMES, ids))}
    shown = [
        m.delta.new_element.exception for m in received if m.delta.new_element.HasField("exception")
    ]
    assert not shown, shown[0]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, errors[0].getMessage()
    assert elapsed < 120
