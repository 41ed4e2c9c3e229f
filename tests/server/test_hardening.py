"""Bad input at the websocket: each case affects only the socket that sent it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import HandshakeRejected as InvalidStatus
from minilit.testing.connection import ProtocolError
from tests.wire import ConnectionClosed, closed_code, run_once, serve, ws_connect

APP = "import minilit as st\nst.text('hello')\n"


def test_hostile_origin_is_refused_with_403(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        with pytest.raises(InvalidStatus) as info:
            ws_connect(server, additional_headers={"Origin": "http://evil.example"})
        assert info.value.response.status_code == 403


def test_other_localhost_port_is_refused_unlike_streamlit(tmp_path: Path) -> None:
    """Streamlit would accept any localhost page; minilit wants the exact origin."""
    with serve(tmp_path, APP) as server, pytest.raises(InvalidStatus):
        ws_connect(server, additional_headers={"Origin": "http://127.0.0.1:1"})


def test_same_origin_and_listed_origins_are_accepted(tmp_path: Path) -> None:
    options = {"server.corsAllowedOrigins": "http://localhost:5173"}
    with serve(tmp_path, APP, **options) as server:
        same = f"http://127.0.0.1:{server.port}"
        for origin in (same, "http://localhost:5173"):
            with ws_connect(server, additional_headers={"Origin": origin}) as ws:
                assert run_once(ws).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


def test_enable_cors_false_accepts_any_origin(tmp_path: Path) -> None:
    options: dict[str, Any] = {"server.enableCORS": False}
    with (
        serve(tmp_path, APP, **options) as server,
        ws_connect(server, additional_headers={"Origin": "http://evil.example"}) as ws,
    ):
        assert run_once(ws).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


def test_host_not_allowed_is_refused_even_from_the_same_origin(tmp_path: Path) -> None:
    """DNS rebinding: the page's Origin matches its Host, but the Host is not ours."""
    with serve(tmp_path, APP, **{"server.allowedHosts": "app.example"}) as server:
        same_origin = {"Origin": f"http://127.0.0.1:{server.port}"}
        for headers in ({}, same_origin):
            with pytest.raises(InvalidStatus) as info:
                ws_connect(server, additional_headers=headers)
            assert info.value.response.status_code == 403


def test_text_frame_is_closed_with_1003(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server, ws_connect(server) as ws:
        ws.send("rerun please")
        assert closed_code(ws) == 1003


def test_unparsable_frame_closes_1002_and_other_sessions_keep_working(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server, ws_connect(server) as good, ws_connect(server) as bad:
        assert run_once(good).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
        bad.send(b"\xff\xff\xff\xff\xff")
        assert closed_code(bad) == 1002
        assert run_once(good).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


def test_oversized_frame_is_closed_with_1009(tmp_path: Path) -> None:
    options: dict[str, Any] = {"server.maxWidgetStateSize": 1}
    with (
        serve(tmp_path, APP, **options) as server,
        ws_connect(server, max_size=None) as ws,
        ws_connect(server) as other,
    ):
        ws.send(b"\x00" * 1_000_001)
        assert closed_code(ws) == 1009
        assert run_once(other).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


@pytest.mark.parametrize(
    "garbage",
    [b"\x0a\xff", b"\xff\xff\xff\xff\xff", b"\x5a\x05\x12\x03\x0a\x01"],
    ids=["truncated-field", "bad-tag", "truncated-nested"],
)
def test_no_traceback_reaches_the_client(tmp_path: Path, garbage: bytes) -> None:
    """Every frame the server sends after an unparsable one, up to its 1002 close, is looked at.

    A run first, so the socket is known to be in use; then the bad frame. Nothing at all
    may come back before the close (a text frame is recorded too, not skipped), and the
    close reason names the problem without a stack. A socket that never closes fails
    (TimeoutError is not caught).
    """
    with serve(tmp_path, APP) as server, ws_connect(server) as ws:
        assert run_once(ws).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
        ws.send(garbage)
        received: list[bytes] = []
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                try:
                    received.append(ws.recv(timeout=5))
                except ProtocolError as text_frame:
                    received.append(str(text_frame).encode())
    assert received == [], "nothing is sent between a bad frame and the close"
    assert closed.value.code == 1002
    reason = closed.value.reason or ""
    assert reason == "the frame is not a BackMsg"
    for leak in ("Traceback", 'File "', "DecodeError", "minilit/"):
        assert leak not in reason
