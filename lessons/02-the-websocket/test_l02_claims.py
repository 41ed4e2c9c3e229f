"""Lesson 02's claims, proved byte by byte with a raw websocket (lessons/framework/rawsocket.py)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from lessons.framework.claims import claim
from lessons.framework.rawsocket import BINARY, PING, HandshakeRefused, RawWebSocket
from lessons.framework.targets import Target, against
from minilit.config import OPTIONS
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.xsrf import decode_token_string
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
@against("minilit", "1.67", "1.56")
def test_upgrade_answers_101(target: Target) -> None:
    url = target.url()
    ws = RawWebSocket.connect(url, STREAMLIT)
    assert ws.request_text.startswith("GET /_stcore/stream HTTP/1.1\r\n")
    assert "Upgrade: websocket" in ws.request_text
    assert ws.response_text.startswith("HTTP/1.1 101 Switching Protocols")
    assert ws.response_headers["upgrade"].lower() == "websocket"
    ws.close()


@claim("L02.C2")
@against("minilit", "1.67", "1.56")
def test_only_the_first_subprotocol_is_echoed(target: Target) -> None:
    url = target.url()
    ws = RawWebSocket.connect(url, ["streamlit", "some-token", "some-session-id"])
    assert ws.response_headers["sec-websocket-protocol"] == "streamlit"
    ws.close()


@claim("L02.C3")
@against("minilit", "1.67", "1.56")
def test_no_subprotocol_is_accepted(target: Target) -> None:
    url = target.url()
    ws = RawWebSocket.connect(url, None)
    assert "sec-websocket-protocol" not in ws.response_headers
    assert _one_run(ws)[-1][2].HasField("session_status_changed")
    ws.close()


@claim("L02.C4")
@against("minilit", "1.67", "1.56")
def test_the_token_entry_is_not_checked(target: Target) -> None:
    url = target.url()
    for token in ("PLACEHOLDER_AUTH_TOKEN", "anything-at-all"):
        ws = RawWebSocket.connect(url, ["streamlit", token])
        assert _one_run(ws)[-1][2].HasField("session_status_changed")
        ws.close()


@claim("L02.C5")
@against("minilit", "1.67", "1.56")
def test_the_third_entry_resumes_a_session(target: Target) -> None:
    url = target.url()
    first = RawWebSocket.connect(url, STREAMLIT)
    session_id = _session_id(_one_run(first))
    first.close()
    again = RawWebSocket.connect(url, [*STREAMLIT, session_id])
    assert _session_id(_one_run(again)) == session_id
    again.close()
    other = RawWebSocket.connect(url, STREAMLIT)
    assert _session_id(_one_run(other)) != session_id
    other.close()


@claim("L02.C6")
@against("minilit", "1.67", "1.56")
def test_opening_the_socket_runs_nothing(target: Target) -> None:
    url = target.url()
    ws = RawWebSocket.connect(url, STREAMLIT)
    with pytest.raises(TimeoutError):
        ws.recv_data(timeout=0.3)
    assert _one_run(ws)[0][2].HasField("new_session")  # ... until the browser asks
    ws.close()


@claim("L02.C7")
@against("minilit", "1.67", "1.56")
def test_one_binary_frame_per_message(target: Target) -> None:
    url = target.url()
    ws = RawWebSocket.connect(url, STREAMLIT)
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
    if target.is_minilit:  # (Streamlit sends fields minilit's classes do not know)
        assert all(m.SerializeToString() == f.payload for f, m in run)
    kinds = [m.WhichOneof("type") for _, m in run]
    assert kinds[:2] == ["new_session", "session_status_changed"]
    assert kinds[2:-2] == ["delta"] * 6
    assert kinds[-2:] == ["script_finished", "session_status_changed"]
    ws.close()


def _closed_with(ws: RawWebSocket) -> int | None:
    """The close code the server sends (None: the TCP connection ended without one)."""
    while True:
        try:
            frame = ws.recv_frame(timeout=5)
        except ConnectionError:
            return None
        if frame.name == "close":
            return frame.close_code


def _still_open_with_an_exception(ws: RawWebSocket) -> bool:
    """Streamlit 1.56's answer to a bad frame: an exception element, the socket open."""
    while True:  # the error is drawn as an exception element...
        msg = ForwardMsg.FromString(ws.recv_data(timeout=5).payload)
        if msg.delta.new_element.HasField("exception"):
            break
    ws.send_binary(RERUN)  # ... and the socket still runs the app afterwards
    while not msg.HasField("new_session"):
        msg = ForwardMsg.FromString(ws.recv_data(timeout=5).payload)
    ws.close()
    return True


@claim("L02.C8")
@against("minilit", "1.67", "1.56")
def test_a_text_frame(target: Target) -> None:
    ws = RawWebSocket.connect(target.url(), STREAMLIT)
    ws.send_text('{"rerun_script": {}}')
    if target.kind == "1.56":
        assert _still_open_with_an_exception(ws)
    else:  # minilit: 1003; 1.67: the handler fails and TCP closes with no close frame
        assert _closed_with(ws) == (1003 if target.is_minilit else None)


@claim("L02.C9")
@against("minilit", "1.67", "1.56")
def test_bytes_that_are_not_a_backmsg(target: Target) -> None:
    ws = RawWebSocket.connect(target.url(), STREAMLIT)
    ws.send_binary(b"\xff\xff\xff\xff")
    if target.kind == "1.56":
        assert _still_open_with_an_exception(ws)
        return
    assert _closed_with(ws) == 1002


@claim("L02.C10")
@against("minilit", "1.67")
def test_a_frame_over_the_limit_closes_with_1009(target: Target) -> None:
    if target.is_minilit:
        assert OPTIONS["server.maxWidgetStateSize"].default == 25
    url = target.url(options={"server.maxWidgetStateSize": 1})
    ws = RawWebSocket.connect(url, STREAMLIT)
    ws.send_binary(b"\x00" * 1_200_000)
    assert _closed_with(ws) == 1009


@claim("L02.C11")
@against("minilit", "1.67", "1.56")
def test_the_server_pings(target: Target) -> None:
    if target.is_minilit:
        assert OPTIONS["server.websocketPingInterval"].default == 30
    ws = RawWebSocket.connect(target.url(options={"server.websocketPingInterval": 1}), STREAMLIT)
    started = time.monotonic()
    frame = ws.recv_frame(timeout=3)
    # Not before the interval; the upper bound only catches a server that never pings.
    assert frame.opcode == PING and 0.5 < time.monotonic() - started < 2.5
    ws.close()


@claim("L02.C12")
@against("minilit", "1.67", "1.56")
def test_a_client_that_never_pongs_is_dropped(target: Target) -> None:
    ws = RawWebSocket.connect(target.url(options={"server.websocketPingInterval": 1}), STREAMLIT)
    started = time.monotonic()
    while True:
        frame = ws.recv_frame(timeout=5)  # pings arrive and are never answered
        if frame.name == "close":
            break
    assert time.monotonic() - started < 4
    if target.kind == "1.67":  # uvicorn's keepalive
        assert frame.close_code == 1011 and b"keepalive ping timeout" in frame.payload
    else:  # Tornado's (minilit and 1.56)
        assert frame.close_code == 1000 and b"ping timed out" in frame.payload


@claim("L02.C13")
@against("minilit", "1.67", "1.56")
def test_a_page_from_another_origin_is_refused(target: Target) -> None:
    url = target.url()
    with pytest.raises(HandshakeRefused) as refused:
        RawWebSocket.connect(url, STREAMLIT, headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403
    same = RawWebSocket.connect(url, STREAMLIT, headers={"Origin": url})
    same.close()


@claim("L02.C14")
@against("minilit", "1.67", "1.56")
def test_elements_arrive_while_the_script_runs(target: Target) -> None:
    url = target.url()
    ws = RawWebSocket.connect(url, STREAMLIT)
    run = _one_run(ws)
    lines = [t for t, _, m in run if m.delta.new_element.text.body.startswith("line ")]
    finished = next(t for t, _, m in run if m.HasField("script_finished"))
    assert len(lines) == 3
    # The script sleeps 0.3 s after producing line 1, so if line 1 left when it was
    # produced it arrives at least ~0.3 s before script_finished; a server that held
    # the frames until the end would deliver them together. (The gaps between lines
    # are left to the machine's load.)
    assert finished - lines[0] > 0.2
    ws.close()


@claim("L02.C15")
@against("minilit", "1.67", "1.56")
def test_reconnecting_runs_nothing_until_asked(app: AppClient) -> None:
    app.run()
    app.reconnect()
    with pytest.raises(TimeoutError):
        app.connection.recv_frame(0.3)
    assert app.run().session_id == app.last_run.messages[0].new_session.initialize.session_id


@claim("L02.C16")
@against("minilit", "1.67", "1.56")
def test_what_chromium_sends_in_the_handshake(target: Target, page: Any) -> None:
    url = target.url()
    handshakes: list[dict[str, Any]] = []
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    cdp.on("Network.webSocketCreated", lambda e: urls.update({e["requestId"]: e["url"]}))
    cdp.on("Network.webSocketWillSendHandshakeRequest", lambda e: handshakes.append(e))
    page.goto(url + "/")
    page.get_by_text("The run is over").wait_for()
    headers = {k.lower(): v for k, v in handshakes[0]["request"]["headers"].items()}
    assert urls[handshakes[0]["requestId"]] == url.replace("http://", "ws://") + "/_stcore/stream"
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    cookie = cookies["_streamlit_xsrf"]  # set with index.html, re-masked by each health check
    first, token = headers["sec-websocket-protocol"].split(", ")
    assert first == "streamlit"
    # The cookie may have been set again since the handshake (same token, a new mask),
    # so what must match is the token under the mask and its time stamp.
    assert decode_token_string(token) == decode_token_string(cookie) != (None, None)
    assert headers["origin"] == url
