"""Lesson 02's claims, proved byte by byte with a raw websocket (lessons/framework/rawsocket.py)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool
from lessons.framework.rawsocket import BINARY, PING, HandshakeRefused, RawWebSocket
from minilit.config import OPTIONS
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient

STREAMLIT = ["streamlit", "PLACEHOLDER_AUTH_TOKEN"]
RERUN = BackMsg(rerun_script=ClientState()).SerializeToString()


def _one_run(ws: RawWebSocket) -> list[tuple[float, int, ForwardMsg]]:
    """Send rerun_script; collect (arrival time, opcode, message) until the run is over."""
    ws.send_binary(RERUN)
    out = []
    while True:
        frame = ws.recv_data(timeout=5)
        msg = ForwardMsg.FromString(frame.payload)
        out.append((time.monotonic(), frame.opcode, msg))
        if (
            msg.HasField("session_status_changed")
            and not msg.session_status_changed.script_is_running
        ):
            return out


def _session_id(run: list[tuple[float, int, ForwardMsg]]) -> str:
    return next(m for _, _, m in run if m.HasField("new_session")).new_session.initialize.session_id


@claim("L02.C1")
def test_upgrade_answers_101(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    assert ws.request_text.startswith("GET /_stcore/stream HTTP/1.1\r\n")
    assert "Upgrade: websocket" in ws.request_text
    assert ws.response_text.startswith("HTTP/1.1 101 Switching Protocols")
    assert ws.response_headers["upgrade"].lower() == "websocket"
    ws.close()


@claim("L02.C2")
def test_only_the_first_subprotocol_is_echoed(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, ["streamlit", "some-token", "some-session-id"])
    assert ws.response_headers["sec-websocket-protocol"] == "streamlit"
    ws.close()


@claim("L02.C3")
def test_no_subprotocol_is_accepted(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, None)
    assert "sec-websocket-protocol" not in ws.response_headers
    assert _one_run(ws)[-1][2].HasField("session_status_changed")
    ws.close()


@claim("L02.C4")
def test_the_token_entry_is_not_checked(server: ServerThread) -> None:
    for token in ("PLACEHOLDER_AUTH_TOKEN", "anything-at-all"):
        ws = RawWebSocket.connect(server.url, ["streamlit", token])
        assert _one_run(ws)[-1][2].HasField("session_status_changed")
        ws.close()


@claim("L02.C5")
def test_the_third_entry_resumes_a_session(server: ServerThread) -> None:
    first = RawWebSocket.connect(server.url, STREAMLIT)
    session_id = _session_id(_one_run(first))
    first.close()
    again = RawWebSocket.connect(server.url, [*STREAMLIT, session_id])
    assert _session_id(_one_run(again)) == session_id
    again.close()
    other = RawWebSocket.connect(server.url, STREAMLIT)
    assert _session_id(_one_run(other)) != session_id
    other.close()


@claim("L02.C6")
def test_opening_the_socket_runs_nothing(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    with pytest.raises(TimeoutError):
        ws.recv_data(timeout=0.3)
    assert _one_run(ws)[0][2].HasField("new_session")  # ... until the browser asks
    ws.close()


@claim("L02.C7")
def test_one_binary_frame_per_message(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    sent = ws.send_binary(RERUN)
    assert sent[0] == 0x80 | BINARY and len(sent) == 2 + 4 + len(RERUN)
    run = []
    while not run or not (
        run[-1][1].HasField("session_status_changed")
        and not run[-1][1].session_status_changed.script_is_running
    ):
        frame = ws.recv_data()
        run.append((frame, ForwardMsg.FromString(frame.payload)))
    assert all(f.opcode == BINARY and f.fin for f, _ in run)
    assert all(m.SerializeToString() == f.payload for f, m in run)
    kinds = [m.WhichOneof("type") for _, m in run]
    assert kinds[:2] == ["new_session", "session_status_changed"]
    assert kinds[2:-2] == ["delta"] * 6
    assert kinds[-2:] == ["script_finished", "session_status_changed"]
    ws.close()


def _closed_with(ws: RawWebSocket) -> int | None:
    while True:
        frame = ws.recv_frame(timeout=5)
        if frame.name == "close":
            return frame.close_code


@claim("L02.C8")
def test_a_text_frame_closes_with_1003(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    ws.send_text('{"rerun_script": {}}')
    assert _closed_with(ws) == 1003


@claim("L02.C9")
def test_bytes_that_are_not_a_backmsg_close_with_1002(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    ws.send_binary(b"\xff\xff\xff\xff")
    assert _closed_with(ws) == 1002


@claim("L02.C10")
def test_a_frame_over_the_limit_closes_with_1009(start_server: ServerPool) -> None:
    assert OPTIONS["server.maxWidgetStateSize"].default == 25
    server = start_server.start("app.py", {"server.maxWidgetStateSize": 1})
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    ws.send_binary(b"\x00" * 1_200_000)
    assert _closed_with(ws) == 1009


@claim("L02.C11")
def test_the_server_pings(start_server: ServerPool) -> None:
    assert OPTIONS["server.websocketPingInterval"].default == 30
    server = start_server.start("app.py", {"server.websocketPingInterval": 1})
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    started = time.monotonic()
    frame = ws.recv_frame(timeout=3)
    assert frame.opcode == PING and 0.5 < time.monotonic() - started < 2.5
    ws.close()


@claim("L02.C12")
def test_a_client_that_never_pongs_is_dropped(start_server: ServerPool) -> None:
    server = start_server.start("app.py", {"server.websocketPingInterval": 1})
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    started = time.monotonic()
    while True:
        frame = ws.recv_frame(timeout=5)  # pings arrive and are never answered
        if frame.name == "close":
            break
    assert b"ping timed out" in frame.payload and time.monotonic() - started < 4


@claim("L02.C13")
def test_a_page_from_another_origin_is_refused(server: ServerThread) -> None:
    with pytest.raises(HandshakeRefused) as refused:
        RawWebSocket.connect(server.url, STREAMLIT, headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403
    same = RawWebSocket.connect(server.url, STREAMLIT, headers={"Origin": server.url})
    same.close()


@claim("L02.C14")
def test_elements_arrive_while_the_script_runs(server: ServerThread) -> None:
    ws = RawWebSocket.connect(server.url, STREAMLIT)
    run = _one_run(ws)
    lines = [t for t, _, m in run if m.delta.new_element.text.body.startswith("line ")]
    assert len(lines) == 3
    assert lines[1] - lines[0] > 0.08 and lines[2] - lines[1] > 0.08
    ws.close()


@claim("L02.C15")
def test_reconnecting_runs_nothing_until_asked(app: AppClient) -> None:
    app.run()
    app.reconnect()
    with pytest.raises(TimeoutError):
        app.connection.recv_frame(0.3)
    assert app.run().session_id == app.last_run.messages[0].new_session.initialize.session_id


@claim("L02.C16")
def test_what_chromium_sends_in_the_handshake(server: ServerThread, page: Any) -> None:
    handshakes: list[dict[str, Any]] = []
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    cdp.on("Network.webSocketCreated", lambda e: urls.update({e["requestId"]: e["url"]}))
    cdp.on("Network.webSocketWillSendHandshakeRequest", lambda e: handshakes.append(e))
    page.goto(server.url + "/")
    page.get_by_text("The run is over").wait_for()
    headers = {k.lower(): v for k, v in handshakes[0]["request"]["headers"].items()}
    assert urls[handshakes[0]["requestId"]] == server.ws_url
    assert headers["sec-websocket-protocol"] == "streamlit, PLACEHOLDER_AUTH_TOKEN"
    assert headers["origin"] == server.url
