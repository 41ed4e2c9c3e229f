"""Bad input at the websocket: each case affects only the socket that sent it."""

from __future__ import annotations

from pathlib import Path

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import HandshakeRejected as InvalidStatus
from tests.wire import closed_code, run_once, serve, ws_connect

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
    with (
        serve(tmp_path, APP, **{"server.enableCORS": False}) as server,
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
    with (
        serve(tmp_path, APP, **{"server.maxWidgetStateSize": 1}) as server,
        ws_connect(server, max_size=None) as ws,
        ws_connect(server) as other,
    ):
        ws.send(b"\x00" * 1_000_001)
        assert closed_code(ws) == 1009
        assert run_once(other).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]


def test_no_traceback_reaches_the_client(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server, ws_connect(server) as ws:
        ws.send(b"\x0a\xff")
        try:
            while True:
                ws.recv(timeout=5)
        except Exception as exc:
            reason = getattr(getattr(exc, "rcvd", None), "reason", "")
    assert "Traceback" not in reason
    assert "File " not in reason
