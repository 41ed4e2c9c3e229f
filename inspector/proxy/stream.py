"""The websocket ``/_stcore/stream``, relayed in both directions and tapped.

Not in Streamlit. Streamlit's frontend opens one websocket and sends each
BackMsg as one binary frame; the server answers with one ForwardMsg per
binary frame (streamlit-internals §2.1). The proxy stands in the middle:

1. **Handshake.** Before answering the browser, the proxy opens its own
   websocket to the target with the browser's subprotocol list
   (``streamlit``, the XSRF or auth token, the session id to resume), its
   cookies and other end-to-end headers, Host and Origin as Note [Host and
   Origin] says. The browser gets the target's verdict: its selected
   subprotocol, or its refusal (status and body), or a 502 page when the
   target does not answer. A 1.67 server that refuses an Origin accepts
   and then closes with 1008; that close reaches the browser unchanged.
2. **Frames.** Every frame goes on as the same bytes, binary as binary and
   text as text. When someone can watch (Note [Unwatched relay]), binary
   frames are decoded and published on the way
   (inspector/proxy/tap.py), and offered to the frame hold: ForwardMsgs to
   ``BUS.hold`` as a minilit server does, BackMsgs through
   inspector/proxy/hold.py.
3. **Close.** Whichever side closes first, the other side is closed with
   the same code and reason.

Note [Relay batching]
    Most of a relayed frame's cost is not Python's but the kernel's: a
    ``send`` on a TCP socket with TCP_NODELAY pushes a segment and wakes the
    reader, about as costly again as everything else the proxy does for the
    frame, and a rerun of 200 texts is 200 frames. The target's frames
    arrive in batches (one read from its socket often holds dozens), and
    Tornado parses a batch without yielding, calling ``_from_target`` for
    each frame (``on_message_callback``, not a queue and a task per frame).
    So when a frame has company (more of the target's bytes already wait in
    Tornado's read buffer), the relay corks the browser's socket (TCP_CORK,
    Linux) and uncorks it when the event loop turn ends: the batch leaves in
    as few segments as fit, and no frame waits for one that has not arrived.
    A frame alone (the usual case for a small app, whose deltas leave the
    real server one by one) is sent at once, and so is every frame where
    TCP_CORK does not exist.

    There is no flow control on this path: a browser that stops reading
    makes Tornado buffer its frames in the proxy. The real server's own send
    queue (1.67: 500 messages per session) is in front of it, as without
    the proxy.

Note [Relay writes]
    Tornado's ``write_message`` writes the frame to the socket at once and
    then wraps the write's future in a new task, only to turn a closed
    stream into ``WebSocketClosedError`` for whoever awaits it. The relay
    never awaits its writes (a failed write shows as a close on the
    socket's read side), so it writes binary frames with the protocol's
    own ``_write_frame``, the one step of ``write_message`` it needs, and
    saves a task per frame (about a tenth of the proxy's CPU on the counter
    app). Text frames and a connection with compression go the usual way.

Note [Unwatched relay]
    A proxy started without ``--inspect`` or ``--record`` has no trace
    channel and nothing on the bus: no one can ever see what the wiretap
    would publish, nor hold a frame. Such a relay does not decode at all and
    passes frames through as they are, which saves about a third of the
    proxy's CPU on the counter app. The choice is made once per websocket,
    at its handshake (``watchable``: a trace channel, or a subscriber on the
    bus), so a session's trace never starts halfway through.

Receives: the browser's websocket and the target's. Hands to: each the
other's frames; the trace bus (through the wiretap).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from asyncio import Future
from collections.abc import Callable
from typing import Any

import tornado.web
import tornado.websocket
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.iostream import StreamClosedError
from tornado.websocket import (
    WebSocketClientConnection,
    WebSocketClosedError,
    WebSocketProtocol,
    WebSocketProtocol13,
)

from inspector.proxy import badgateway
from inspector.proxy.forward import CONNECT_TIMEOUT, proxy_origin
from inspector.proxy.hold import held_back
from inspector.proxy.rewrite import upstream_headers
from inspector.proxy.tap import Wiretap
from inspector.proxy.target import Upstream
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace.bus import BUS

_LOGGER = logging.getLogger(__name__)

TCP_CORK: int | None = getattr(socket, "TCP_CORK", None)
"""Linux's cork option (Note [Relay batching]); elsewhere frames go one by one."""
_BINARY = 0x2
"""The websocket opcode of a binary frame (RFC 6455 section 5.2)."""
MAX_FRAME = 2**31
"""The proxy's own frame limit: none to speak of (each end enforces its own)."""


def subprotocol_list(header: str) -> list[str]:
    """The entries of a ``Sec-WebSocket-Protocol`` header, in order."""
    return [entry.strip() for entry in header.split(",") if entry.strip()]


class StreamHandler(tornado.websocket.WebSocketHandler):
    """One browser websocket and its twin to the target."""

    def initialize(
        self, upstream: Upstream, sockets: set[StreamHandler], watchable: Callable[[], bool]
    ) -> None:
        self.upstream = upstream
        self.target = upstream.target
        self._sockets = sockets
        """The proxy's open relays (closed when it stops)."""
        self._up: WebSocketClientConnection | None = None
        self._early: list[str | bytes | None] | None = []
        """Frames the target sent before the browser's handshake finished (then None)."""
        self._corked = False
        self._tap = Wiretap()
        self._watchable = watchable
        self._tapped = True
        """Whether this relay decodes and publishes its frames (Note [Unwatched relay])."""

    # ----- the handshake -------------------------------------------------------------

    async def get(self, *args: Any, **kwargs: Any) -> None:
        """Open the target's websocket first, so the browser gets the target's answer."""
        if self.request.headers.get("Upgrade", "").lower() != "websocket":
            await super().get(*args, **kwargs)  # Tornado's own 400 for a plain GET
            return
        refused = await self.upstream.check()
        if refused:
            self._bad_gateway(refused)
            return
        entries = subprotocol_list(self.request.headers.get("Sec-WebSocket-Protocol", ""))
        headers = upstream_headers(
            self.request.headers, self.target, proxy_origin(self.request), websocket=True
        )
        request = HTTPRequest(
            self.target.ws_url(self.request.uri or "/"),
            headers=headers,
            connect_timeout=CONNECT_TIMEOUT,
            request_timeout=CONNECT_TIMEOUT,
        )
        try:
            self._up = await tornado.websocket.websocket_connect(
                request,
                subprotocols=entries or None,
                max_message_size=MAX_FRAME,
                on_message_callback=self._from_target,
            )
        except HTTPClientError as err:
            if err.response is None or err.code == 599:
                self._lost(f"{self.target.url} did not answer the websocket: {err}")
                return
            self._refused(err)
            return
        except tornado.websocket.WebSocketError:
            self._bad_gateway(f"{self.target.url} did not open a websocket (is it Streamlit?)")
            return
        except OSError as exc:
            self._lost(f"{self.target.url} is not reachable: {exc.strerror or exc}")
            return
        if self._up.protocol is not None:
            # Small frames both ways, each awaited by the other side: Nagle's
            # algorithm would hold one back for a delayed ACK (tens of ms).
            self._up.protocol.set_nodelay(True)
        resume = entries[2] if len(entries) >= 3 else ""
        self._tapped = self._watchable()
        self._tap = Wiretap(resume)
        self._tap.handshake(
            headers.get("Origin", ""), headers.get("Host", ""), self._up.selected_subprotocol or ""
        )
        await super().get(*args, **kwargs)
        if self.ws_connection is None:  # the browser's half failed: let the twin go
            self._up.close()

    def _refused(self, err: HTTPClientError) -> None:
        """The target answered the upgrade with an HTTP error: the browser gets it too."""
        response = err.response
        assert response is not None
        self.set_status(err.code, response.reason)
        content_type = response.headers.get("Content-Type")
        if content_type:
            self.set_header("Content-Type", content_type)
        self.finish(response.body or b"")

    def _lost(self, reason: str) -> None:
        self.upstream.lost(reason)
        self._bad_gateway(reason)

    def _bad_gateway(self, reason: str) -> None:
        line = badgateway.one_line(reason)
        _LOGGER.warning("minilit proxy: %s", line)
        self.set_status(502)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header(badgateway.ERROR_HEADER, line)
        self.finish(badgateway.page(reason, self.target.url))

    def select_subprotocol(self, subprotocols: list[str]) -> str | None:
        """The entry the target selected (it is one the browser offered)."""
        return self._up.selected_subprotocol if self._up is not None else None

    def check_origin(self, origin: str) -> bool:
        return True  # the target has judged the Origin already (Note [Host and Origin])

    def get_compression_options(self) -> dict[str, Any] | None:
        return None  # frames travel as they are; compression is each hop's own affair

    # ----- frames ----------------------------------------------------------------------

    def open(self, *args: Any, **kwargs: Any) -> None:
        self.set_nodelay(True)
        self._sockets.add(self)
        early, self._early = self._early, None
        for message in early or ():  # what the target sent during the browser's handshake
            self._from_target(message)

    def _from_target(self, message: str | bytes | None) -> None:
        """Target -> browser: Tornado's on_message_callback (Note [Relay batching]).

        Called for each frame as Tornado parses it, and with None when the
        target's socket has closed.
        """
        if self._early is not None:
            self._early.append(message)
            return
        up = self._up
        try:
            if message is None:
                if self.ws_connection is not None and up is not None:
                    self.close(_sendable(up.close_code), up.close_reason)
                return
            if isinstance(message, str):
                self._cork()
                self.write_message(message)  # text: not a ForwardMsg; as it is
            elif self._tapped:
                self._forward_frame(message)
            else:
                self._relay_down(message)
        except WebSocketClosedError:
            if up is not None:
                up.close()

    def _cork(self) -> None:
        """Hold this batch's frames in the kernel until the loop turn ends (Linux)."""
        if self._corked or TCP_CORK is None or self.ws_connection is None:
            return
        if not self._more_from_target():
            return  # a batch of one: send it at once (corking would cost two more calls)
        sock = getattr(getattr(self.ws_connection, "stream", None), "socket", None)
        if sock is None:
            return
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, TCP_CORK, 1)
            self._corked = True
            asyncio.get_running_loop().call_soon(self._uncork, sock)

    def _more_from_target(self) -> bool:
        """More of the target's bytes wait in its stream's buffer: this frame has company.

        (``_read_buffer_size`` is Tornado's IOStream's own count; read with a
        default, so a Tornado without it only loses the batching.)
        """
        stream = getattr(getattr(self._up, "protocol", None), "stream", None)
        return bool(getattr(stream, "_read_buffer_size", 0))

    def _uncork(self, sock: socket.socket) -> None:
        self._corked = False
        with contextlib.suppress(OSError):  # closed meanwhile
            sock.setsockopt(socket.IPPROTO_TCP, TCP_CORK or 0, 0)

    def _forward_frame(self, data: bytes) -> Future[None] | None:
        msg, run_id = self._tap.forward(data)
        if msg is not None:
            tap = self._tap

            def send(held_msg: ForwardMsg, held_data: bytes) -> None:
                self._send_down(held_data, held_msg, run_id)

            if BUS.held(tap.session_id, msg, data, send):
                return None
        return self._send_down(data, msg, run_id)

    def _relay_down(self, data: bytes) -> Future[None]:
        """Write one frame to the browser as it is (unwatched: Note [Unwatched relay])."""
        if self.ws_connection is None or self.ws_connection.is_closing():
            raise WebSocketClosedError()
        self._cork()
        return _write_binary(self.ws_connection, data)

    def _send_down(self, data: bytes, msg: ForwardMsg | None, run_id: str) -> Future[None]:
        """Write one ForwardMsg frame to the browser (now, or when its hold is released)."""
        written = self._relay_down(data)
        self._tap.sent(data, msg, run_id)
        return written

    def on_message(self, message: str | bytes) -> None:
        """Browser -> target."""
        try:
            if isinstance(message, str) or not self._tapped:
                self._send_up_raw(message)
                return
            msg = self._tap.back(message)
            if msg is None or not held_back(self._tap.session_id, msg, message, self._send_up):
                self._send_up_raw(message)
        except WebSocketClosedError:
            self.close()  # the target has gone; the relay closes with its code when it sees it

    def _send_up(self, msg: BackMsg, data: bytes) -> None:
        self._send_up_raw(data)

    def _send_up_raw(self, message: str | bytes) -> None:
        up = self._up
        if up is None or up.protocol is None:
            raise WebSocketClosedError()
        if isinstance(message, bytes):
            _write_binary(up.protocol, message)
        else:
            up.write_message(message)

    def on_close(self) -> None:
        self._sockets.discard(self)
        self._tap.closed()
        up = self._up
        if up is not None and up.protocol is not None:
            up.close(_sendable(self.close_code), self.close_reason)


def _write_binary(connection: WebSocketProtocol | None, data: bytes) -> Future[None]:
    """One binary frame, written to the socket now (Note [Relay writes])."""
    if connection is None:
        raise WebSocketClosedError()
    if isinstance(connection, WebSocketProtocol13) and connection._compressor is None:
        try:
            return connection._write_frame(True, _BINARY, data)
        except StreamClosedError as err:
            raise WebSocketClosedError() from err
    return connection.write_message(data, binary=True)


def _sendable(code: int | None) -> int | None:
    """A close code that may travel in a close frame (1005, 1006, 1015 may not)."""
    if code is None or code in (1005, 1006, 1015):
        return None
    return code
