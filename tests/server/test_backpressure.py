"""Outbound backpressure: a client that never reads is dropped (issue 17, defect 2).

The hostile client here is a raw TCP socket that does the websocket handshake,
asks for reruns of an app that sends about 1 MB per run, and never reads a
byte. Before the fix the server kept every frame for it (about 1.1 MB per
run, 285 MB after 200 reruns). Note [Outbound backpressure] in
minilit/server/websocket.py says what the server does now.
"""

from __future__ import annotations

import base64
import os
import socket
import time
from pathlib import Path

from minilit.config import OPTIONS
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.trace import events
from minilit.trace.bus import BUS, TraceEvent
from tests.wire import rerun_msg, run_once, serve, ws_connect

BIG_APP = """\
import minilit as st
for i in range(100):
    st.text("x" * 10000)
"""


class DeafClient:
    """A websocket client that sends frames and never reads one.

    Its receive buffer is made small, so the kernel holds little of what the
    server sends and the rest stays in the server's own buffers.
    """

    def __init__(self, port: int) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.connect(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                "GET /_stcore/stream HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                "Sec-WebSocket-Protocol: streamlit, PLACEHOLDER_AUTH_TOKEN\r\n\r\n"
            ).encode()
        )
        answer = b""
        while b"\r\n\r\n" not in answer:  # the handshake answer is the only thing read
            answer += self.sock.recv(1)
        assert answer.startswith(b"HTTP/1.1 101"), answer

    def send(self, payload: bytes) -> bool:
        """One masked binary frame; False once the server has dropped us."""
        assert len(payload) < 126
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        try:
            self.sock.sendall(bytes([0x82, 0x80 | len(payload)]) + mask + masked)
        except OSError:
            return False
        return True

    def send_many(self, payloads: list[bytes]) -> None:
        """Several frames in one write, so they reach the server together."""
        out = bytearray()
        for payload in payloads:
            assert len(payload) < 126
            mask = os.urandom(4)
            out += bytes([0x82, 0x80 | len(payload)]) + mask
            out += bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(out)

    def close(self) -> None:
        self.sock.close()


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def active_sessions(server: ServerThread) -> int:
    return server.call(lambda: len(server.runtime.session_mgr.list_active_sessions()))


def test_the_default_bound_is_set_and_sensible() -> None:
    default = OPTIONS["server.maxOutboundBufferSize"].default
    # Above one ordinary page, below what would let a few clients exhaust a small server.
    assert 8 <= default <= 256


def test_a_client_that_never_reads_is_dropped_and_others_keep_working(tmp_path: Path) -> None:
    sub = BUS.subscribe(maxsize=1_000)
    dropped: list[TraceEvent] = []
    try:
        with (
            serve(tmp_path, BIG_APP, **{"server.maxOutboundBufferSize": 4}) as server,
            ws_connect(server) as good,
        ):
            assert run_once(good).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
            before = rss_bytes()
            deaf = DeafClient(server.port)
            try:
                assert active_sessions(server) == 2
                for i in range(100):
                    if not deaf.send(rerun_msg()):
                        break
                    time.sleep(0.02)
                    dropped += [
                        e
                        for e in sub.drain()  # drained as we go: events hold frames
                        if e.name == events.SESSION_DISCONNECTED and "reason" in e.fields
                    ]
                    if dropped:
                        break
                    if i % 10 == 0:  # the other session is served meanwhile
                        assert run_once(good).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
                grown = rss_bytes() - before
                assert active_sessions(server) == 1
            finally:
                deaf.close()
            assert run_once(good).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
    finally:
        BUS.unsubscribe(sub)
    assert len(dropped) == 1
    reason = dropped[0].fields["reason"]
    assert "unread" in reason and "server.maxOutboundBufferSize" in reason
    # Before the fix: ~1.1 MB per run, 100+ MB here. Now: the 4 MB bound, the
    # kernel's buffers and allocator noise.
    assert grown < 40_000_000, grown
