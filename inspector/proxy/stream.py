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
   text as text. Binary frames are decoded and published on the way
   (inspector/proxy/tap.py), and offered to the frame hold: ForwardMsgs to
   ``BUS.hold`` as a minilit server does, BackMsgs through
   inspector/proxy/hold.py.
3. **Close.** Whichever side closes first, the other side is closed with
   the same code and reason.

Note [Relay flow control]
    A frame from the target is written to the browser at once; the relay
    reads the next one only when that write has reached the socket (the
    write's future is already done in the common case, so this costs
    nothing). A slow browser thus slows the reading from the target rather
    than filling the proxy's memory, and the target's own send queue
    decides what happens next, as it would without the proxy.

Receives: the browser's websocket and the target's. Hands to: each the
other's frames; the trace bus (through the wiretap).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import tornado.web
import tornado.websocket
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import WebSocketClientConnection, WebSocketClosedError

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

MAX_FRAME = 2**31
"""The proxy's own frame limit: none to speak of (each end enforces its own)."""


def subprotocol_list(header: str) -> list[str]:
    """The entries of a ``Sec-WebSocket-Protocol`` header, in order."""
    return [entry.strip() for entry in header.split(",") if entry.strip()]


class StreamHandler(tornado.websocket.WebSocketHandler):
    """One browser websocket and its twin to the target."""

    def initialize(self, upstream: Upstream, sockets: set[StreamHandler]) -> None:
        self.upstream = upstream
        self.target = upstream.target
        self._sockets = sockets
        """The proxy's open relays (closed when it stops)."""
        self._up: WebSocketClientConnection | None = None
        self._relay: asyncio.Future[None] | None = None
        self._tap = Wiretap()

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
                request, subprotocols=entries or None, max_message_size=MAX_FRAME
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
        resume = entries[2] if len(entries) >= 3 else ""
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
        self._relay = asyncio.ensure_future(self._relay_down())

    async def _relay_down(self) -> None:
        """Target -> browser, until the target closes (Note [Relay flow control])."""
        up = self._up
        assert up is not None
        while True:
            message = await up.read_message()
            if message is None:
                break
            written: asyncio.Future[None] | None
            try:
                if isinstance(message, str):
                    written = self.write_message(message)  # text: not a ForwardMsg; as it is
                else:
                    written = self._forward_frame(message)
                if written is not None and not written.done():
                    await written
            except WebSocketClosedError:
                break
        if self.ws_connection is not None:
            self.close(_sendable(up.close_code), up.close_reason)

    def _forward_frame(self, data: bytes) -> asyncio.Future[None] | None:
        msg, run_id = self._tap.forward(data)
        if msg is not None:
            tap = self._tap

            def send(held_msg: ForwardMsg, held_data: bytes) -> None:
                self._send_down(held_data, held_msg, run_id)

            if BUS.held(tap.session_id, msg, data, send):
                return None
        return self._send_down(data, msg, run_id)

    def _send_down(self, data: bytes, msg: ForwardMsg | None, run_id: str) -> asyncio.Future[None]:
        """Write one ForwardMsg frame to the browser (now, or when its hold is released)."""
        if self.ws_connection is None or self.ws_connection.is_closing():
            raise WebSocketClosedError()
        written = self.write_message(data, binary=True)
        self._tap.sent(data, msg, run_id)
        return written

    def on_message(self, message: str | bytes) -> None:
        """Browser -> target."""
        try:
            if isinstance(message, str):
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
        up.write_message(message, binary=isinstance(message, bytes))

    def on_close(self) -> None:
        self._sockets.discard(self)
        self._tap.closed()
        up = self._up
        if up is not None and up.protocol is not None:
            up.close(_sendable(self.close_code), self.close_reason)
        if self._relay is not None and not self._relay.done():
            # It ends by itself once the target closes; a target that never
            # answers the close must not keep the task alive.
            loop = asyncio.get_running_loop()
            loop.call_later(5.0, self._relay.cancel)


def _sendable(code: int | None) -> int | None:
    """A close code that may travel in a close frame (1005, 1006, 1015 may not)."""
    if code is None or code in (1005, 1006, 1015):
        return None
    return code
