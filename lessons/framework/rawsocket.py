"""A websocket client in plain Python sockets, so lesson 02 can show every byte.

Not in Streamlit (nor in minilit's runtime path: the browser, Tornado and
minilit.testing do this for real). It implements just enough of RFC 6455 to see what
they hide: the HTTP upgrade request and the ``101`` answer, the frame headers (FIN bit,
opcode, mask, length), pings, and close codes. Nothing is answered automatically, not
even pings, unless asked: that is the point.

A deliberate exception: minilit has one Python websocket client of its own,
``minilit.testing.connection`` (``open_websocket`` and ``WireConnection``, on Tornado),
used by the headless client, the inspector's trace client and the tests' wire helpers.
This second one exists only so that lesson 02 can show the handshake and the frames
byte by byte; do not use it for anything else.

Example (what ``python -m lessons.framework.rawsocket URL`` prints)::

    sock = RawWebSocket.connect("http://127.0.0.1:8501", ["streamlit", "PLACEHOLDER_AUTH_TOKEN"])
    print(sock.request_text)            # GET /_stcore/stream HTTP/1.1 ...
    print(sock.response_text)           # HTTP/1.1 101 Switching Protocols ...
    sock.send_binary(BackMsg(rerun_script=ClientState()).SerializeToString())
    frame = sock.recv_frame()           # Frame(opcode=2, payload=b'...')

Receives: a server URL. Hands to: lesson tests and students' experiments.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import socket
import struct
import sys
import time
import urllib.parse
from dataclasses import dataclass

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
"""The constant RFC 6455 mixes into Sec-WebSocket-Accept."""

CONTINUATION, TEXT, BINARY, CLOSE, PING, PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA
OPCODE_NAMES = {0: "continuation", 1: "text", 2: "binary", 8: "close", 9: "ping", 10: "pong"}


class HandshakeRefused(Exception):
    """The server did not answer 101; ``status`` and ``response_text`` say what it did."""

    def __init__(self, status: int, response_text: str) -> None:
        super().__init__(f"handshake refused with HTTP {status}")
        self.status = status
        self.response_text = response_text


@dataclass(frozen=True)
class Frame:
    opcode: int
    payload: bytes
    fin: bool = True

    @property
    def name(self) -> str:
        return OPCODE_NAMES.get(self.opcode, hex(self.opcode))

    @property
    def close_code(self) -> int | None:
        """For a close frame: the 2-byte status code at the start of the payload."""
        if self.opcode != CLOSE or len(self.payload) < 2:
            return None
        code: int = struct.unpack("!H", self.payload[:2])[0]
        return code


class RawWebSocket:
    """One websocket, byte by byte. Use ``connect``."""

    def __init__(self, sock: socket.socket, request_text: str, response_text: str) -> None:
        self.sock = sock
        self.request_text = request_text
        """The upgrade request exactly as sent."""
        self.response_text = response_text
        """The server's answer headers exactly as received."""
        self._buffer = b""

    @property
    def response_headers(self) -> dict[str, str]:
        lines = self.response_text.split("\r\n")[1:]
        return {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines if x)}

    @classmethod
    def connect(
        cls,
        url: str,
        subprotocols: list[str] | None = None,
        headers: dict[str, str] | None = None,
        path: str = "/_stcore/stream",
        timeout: float = 10.0,
    ) -> RawWebSocket:
        """Open the socket: send the upgrade request, read the answer.

        Raises:
            HandshakeRefused: the answer was not ``101 Switching Protocols``.
        """
        parts = urllib.parse.urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: {host}:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        if subprotocols:
            lines.append(f"Sec-WebSocket-Protocol: {', '.join(subprotocols)}")
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        request = "\r\n".join(lines) + "\r\n\r\n"
        sock.sendall(request.encode())
        raw = b""
        while b"\r\n\r\n" not in raw:
            chunk = sock.recv(4096)
            if not chunk:
                break
            raw += chunk
        head, _, rest = raw.partition(b"\r\n\r\n")
        response = head.decode("latin-1")
        status = int(response.split(" ", 2)[1]) if response.startswith("HTTP/") else 0
        if status != 101:
            sock.close()
            raise HandshakeRefused(status, response)
        expected = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        ws = cls(sock, request, response)
        if ws.response_headers.get("sec-websocket-accept") != expected:
            sock.close()
            raise HandshakeRefused(status, response)
        ws._buffer = rest
        return ws

    # --- frames ----------------------------------------------------------------------------

    def send_frame(self, opcode: int, payload: bytes) -> bytes:
        """Send one frame (clients must mask); returns the exact bytes written."""
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
        elif length < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, length)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        data = header + mask + masked
        self.sock.sendall(data)
        return data

    def send_binary(self, payload: bytes) -> bytes:
        return self.send_frame(BINARY, payload)

    def send_text(self, text: str) -> bytes:
        return self.send_frame(TEXT, text.encode())

    def _read(self, count: int) -> bytes:
        while len(self._buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the server closed the TCP connection")
            self._buffer += chunk
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data

    def recv_frame(self, timeout: float | None = 5.0) -> Frame:
        """The next frame from the server, whatever it is (pings included).

        Raises:
            TimeoutError: nothing arrived within ``timeout`` seconds.
        """
        self.sock.settimeout(timeout)
        try:
            first, second = self._read(2)
        except TimeoutError:
            raise TimeoutError(f"no frame within {timeout} s") from None
        self.sock.settimeout(None)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", self._read(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._read(8))[0]
        if second & 0x80:
            raise ConnectionError("servers must not mask frames")
        return Frame(first & 0x0F, self._read(length), bool(first & 0x80))

    def recv_data(self, timeout: float = 5.0, answer_pings: bool = True) -> Frame:
        """The next text or binary frame; pings are answered (or skipped) on the way."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self.recv_frame(max(0.0, deadline - time.monotonic()))
            if frame.opcode == PING:
                if answer_pings:
                    self.send_frame(PONG, frame.payload)
                continue
            if frame.opcode == PONG:
                continue
            return frame

    def close(self, code: int = 1000) -> None:
        with contextlib.suppress(OSError):
            self.send_frame(CLOSE, struct.pack("!H", code))
        self.sock.close()


def _main(argv: list[str]) -> int:
    """``python -m lessons.framework.rawsocket http://127.0.0.1:8501``: one run, every byte."""
    from inspector.channel.summary import describe_frame
    from minilit.proto.BackMsg_pb2 import BackMsg, ClientState

    url = argv[1] if len(argv) > 1 else "http://127.0.0.1:8501"
    ws = RawWebSocket.connect(url, ["streamlit", "PLACEHOLDER_AUTH_TOKEN"])
    print(ws.request_text + ws.response_text + "\r\n")
    sent = ws.send_binary(BackMsg(rerun_script=ClientState()).SerializeToString())
    print(f"sent  binary frame, {len(sent)} bytes on the wire: {sent.hex(' ')}")
    while True:
        try:
            frame = ws.recv_data(timeout=2.0)
        except TimeoutError:
            break
        info = describe_frame("forward", frame.payload)
        print(f"recv  {frame.name} frame, {len(frame.payload):5} bytes: {info.kind} {info.summary}")
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv))
