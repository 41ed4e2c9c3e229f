"""The inbound frame limit, at its edge: server.maxWidgetStateSize MB, in powers of ten.

A frame of exactly the limit is a BackMsg like any other (its run happens); one byte
more closes the socket with 1009 and the session's other connections carry on. The
limit is checked at its default (25 MB) and at a configured value, so that a limit
computed wrongly (halved, in MiB, off by one) fails here rather than in a browser.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import ConnectionClosed
from tests.wire import closed_code, read_until_idle, run_once, serve, ws_connect

APP = "import minilit as st\nst.text('hello')\n"


def backmsg_of_size(size: int) -> bytes:
    """A rerun_script BackMsg whose serialized form is exactly ``size`` bytes."""
    msg = BackMsg()
    msg.rerun_script.query_string = ""
    overhead = len(msg.SerializeToString())
    padding = size - overhead
    while True:
        msg.rerun_script.query_string = "q" * padding
        got = len(msg.SerializeToString())
        if got == size:
            return msg.SerializeToString()
        padding -= got - size  # (a longer length prefix takes a byte or two more)


def test_backmsg_of_size_is_exact() -> None:
    for size in (10, 127, 128, 16_384, 1_000_000, 1_000_001):
        data = backmsg_of_size(size)
        assert len(data) == size
        assert BackMsg.FromString(data).WhichOneof("type") == "rerun_script"


def test_at_the_default_limit_a_frame_runs_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    """25 MB exactly is accepted; 25 MB + 1 closes the socket without a run.

    Tornado refuses a frame from its header and aborts the connection while the client may
    still be sending the rest; then the kernel may reset the connection before the client
    reads the 1009 close frame, so here the refusal is "closed, with 1009 if a close frame
    arrived, and nothing sent"; the exact code is checked at a small limit below, where
    the whole frame fits in the socket buffers.
    """
    with serve(tmp_path, APP) as server:
        with ws_connect(server) as ws:
            ws.send(backmsg_of_size(25_000_000))
            run = read_until_idle(ws, timeout=30)
            assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
            assert run.deltas[0].delta.new_element.text.body == "hello"
        with ws_connect(server) as ws, ws_connect(server) as other:
            with contextlib.suppress(ConnectionClosed):
                ws.send(backmsg_of_size(25_000_001))
            frames = []
            with pytest.raises(ConnectionClosed) as closed:
                while True:
                    frames.append(ws.recv(timeout=30))
            assert frames == [], "a refused frame starts no run"
            assert closed.value.code in (1009, None)
            assert run_once(other).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


def test_at_a_configured_limit_a_frame_runs_and_one_byte_more_closes_1009(
    tmp_path: Path,
) -> None:
    options: dict[str, Any] = {"server.maxWidgetStateSize": 1}
    with serve(tmp_path, APP, **options) as server:
        with ws_connect(server) as ws:
            ws.send(backmsg_of_size(1_000_000))
            run = read_until_idle(ws, timeout=30)
            assert run.finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
        with ws_connect(server) as ws, ws_connect(server) as other:
            ws.send(backmsg_of_size(1_000_001))
            assert closed_code(ws, timeout=30) == 1009
            assert run_once(other).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
