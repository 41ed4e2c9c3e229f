"""The trace channel refuses what it must: no token, a wrong token, web pages,
non-loopback peers, and starting on a non-loopback address."""

from __future__ import annotations

from pathlib import Path

import pytest
import tornado.httputil

from inspector.channel.endpoint import (
    TraceChannel,
    TraceConfigError,
    channel_of,
    install_trace,
    is_loopback,
)
from inspector.sources import TraceConnectError, connect
from minilit.server.background import ServerThread
from minilit.trace import events as ev
from minilit.trace.bus import BUS
from tests.trace.conftest import Probe


async def test_missing_token_is_refused_with_the_reason(trace_server: ServerThread) -> None:
    with pytest.raises(TraceConnectError, match=r"403.*missing token"):
        await connect(trace_server.url, "")


async def test_wrong_token_is_refused_and_reported(trace_server: ServerThread) -> None:
    sub = BUS.subscribe()
    try:
        with pytest.raises(TraceConnectError, match=r"403.*wrong token"):
            await connect(trace_server.url, "not-the-token")
        refused = [e for e in sub.drain() if e.name == ev.TRACE_REJECTED]
    finally:
        BUS.unsubscribe(sub)
    assert [e.fields["reason"] for e in refused] == ["wrong token"]
    assert refused[0].fields["peer"] == "127.0.0.1"


async def test_the_right_token_attaches(trace_server: ServerThread) -> None:
    assert channel_of(trace_server.server) is not None
    probe = await Probe(trace_server.url, channel_of(trace_server.server).token).start()
    try:
        assert probe.closed is None
        assert probe.hello["protocol"] == 1
        assert probe.hello["script_path"] == trace_server.server.main_script_path
        assert probe.sources[trace_server.server.main_script_path].startswith("import minilit")
    finally:
        await probe.close()


async def test_a_web_page_cannot_attach_even_with_the_token(trace_server: ServerThread) -> None:
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    assert channel_of(trace_server.server) is not None
    token = channel_of(trace_server.server).token
    url = f"ws://127.0.0.1:{trace_server.port}/_minilit/trace?token={token}"
    request = HTTPRequest(url, headers={"Origin": f"http://127.0.0.1:{trace_server.port}"})
    with pytest.raises(HTTPClientError) as info:
        await websocket_connect(request)
    assert info.value.code == 403
    assert info.value.response is not None
    assert "Origin" in info.value.response.headers["X-Minilit-Trace-Refused"]


def test_tracing_refuses_a_non_loopback_address_by_default(app_path: Path) -> None:
    for address in ("0.0.0.0", ""):
        server = ServerThread(app_path, {"server.address": address}, configure=install_trace)
        with pytest.raises(TraceConfigError, match="loopback-only"):
            server.start()
        server.stop()


async def test_tracing_is_off_unless_enabled(app_path: Path) -> None:
    with ServerThread(app_path) as server:
        assert channel_of(server.server) is None
        with pytest.raises(TraceConnectError, match="no trace channel"):
            await connect(server.url, "anything")


def test_a_non_loopback_peer_is_refused(trace_server: ServerThread) -> None:
    """The server is bound to 127.0.0.1, so no outside peer can reach it; the
    per-request check is the second line of defence, tested on its own."""
    channel = channel_of(trace_server.server)
    assert isinstance(channel, TraceChannel)
    start = tornado.httputil.RequestStartLine(
        "GET", f"/_minilit/trace?token={channel.token}", "HTTP/1.1"
    )
    headers = tornado.httputil.HTTPHeaders({"Host": f"127.0.0.1:{trace_server.port}"})
    request = tornado.httputil.HTTPServerRequest(start_line=start, headers=headers)
    request.remote_ip = "192.168.1.20"
    assert "loopback" in channel.refusal(request)
    request.remote_ip = "127.0.0.1"
    assert channel.refusal(request) == ""
    request.remote_ip = "::ffff:127.0.0.1"
    assert channel.refusal(request) == ""


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("", False),
        ("10.0.0.1", False),
        ("example.com", False),
    ],
)
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected
