"""BrowserWebSocketHandler: the one socket every app interaction travels on.

Mirrors: streamlit/web/server/browser_websocket_handler.py (1.39, Tornado),
with 1.67's stricter frame handling from
web/server/starlette/starlette_websocket.py. Simplified: no auth cookies. The
browser puts its XSRF cookie's value in subprotocol slot 2, as 1.67's
frontend does; 1.67 checks it only before trusting its auth cookie (st.user),
and minilit, which has no auth, accepts any value there: the websocket is
protected by the Origin check, not by XSRF (server/xsrf.py).

The handshake (Streamlit's trick for sending data with a browser WebSocket,
which cannot set headers)::

    new WebSocket(url, ["streamlit", <token>, <previous session id>?])
    Sec-WebSocket-Protocol: streamlit, PLACEHOLDER_AUTH_TOKEN, 6b1f...
    server replies with the first entry only: Sec-WebSocket-Protocol: streamlit

Frames: exactly one serialized protobuf per binary frame; BackMsg in,
ForwardMsg out. What happens to bad input (each one affects only this socket):

    Origin or Host not allowed    -> 403 before the upgrade  (server/security.py)
    frame > server.maxWidgetStateSize MB -> close 1009 (Tornado enforces it)
    a text frame                  -> close 1003
    bytes that are not a BackMsg  -> close 1002, logged, no traceback sent

1002 and 1009 are what 1.67 sends too; 1003 is minilit's choice (1.67's handler
fails on a text frame and the TCP connection ends without a close frame). 1.56
closes for none of the three: it draws the error as an exception element and
keeps the socket open (lesson 02 proves each on all three servers).

Note [Outbound backpressure]
    Tornado never refuses a write: a frame for a browser that does not read
    waits in the socket's user-space buffer, so one client that requests
    reruns and never reads grows the server without limit. Each frame is
    counted in ``_unsent`` until Tornado's write future says the kernel took
    it. When a frame is due and more than ``server.maxOutboundBufferSize`` MB
    are still unsent, the client is dropped: the session is disconnected (as
    if the socket closed; a ``session.disconnected`` event with a ``reason``)
    and the socket aborted, which frees the buffer at once. Other sessions
    do not notice. The oldest unsent frame, the one on its way, is not
    counted: a slow browser receiving one big message (up to
    server.maxMessageSize, e.g. a large table) is not dropped for the small
    ones queued behind it. Streamlit 1.67 counts messages instead (an
    asyncio queue of 500 per connection).

Note [Taking turns]
    Tornado reads a connection's frames in a loop that does not give way
    while frames are already buffered: a client that sends frames as fast as
    it can kept the IOLoop to itself, and every other session waited (an
    observer's rerun took 376 ms at the 99th percentile during a fuzz
    flood, about 2 s during a rerun flood). So when a frame arrives within
    ``_BURST_GAP`` of the previous one, ``on_message`` returns an awaitable
    that Tornado awaits before reading the next frame: one turn of the
    IOLoop (``asyncio.sleep(0)``), so that everything else that is ready runs
    first. And a connection gets at most ``_FRAMES_PER_SECOND`` frames a
    second, with bursts of ``_FRAME_BURST`` (a token bucket): past that its
    next frame waits for a token (``asyncio.sleep(1 / _FRAMES_PER_SECOND)``),
    and TCP makes the client wait in turn. A browser sends a few frames a
    second and is never delayed. The other half of the fix paces script
    threads (Note [Thread bound] in runtime/app_session.py).
    bench/bench_flood.py measures both. minilit is stricter than Streamlit
    here, which reads frames as fast as they come.

Receives: frames from the browser. Hands to: runtime/runtime.py
(``handle_backmsg``); receives ForwardMsgs back from the Runtime's flush loop
through ``write_forward_msg``.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from collections.abc import Awaitable
from typing import Any

import tornado.web
import tornado.websocket
from google.protobuf.message import DecodeError

from minilit.config import Config
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.runtime import Runtime
from minilit.runtime.session_manager import SessionClientDisconnectedError
from minilit.runtime.uploaded_file_manager import UPLOADED_FILES
from minilit.server.security import OriginDecision, check_websocket_origin
from minilit.trace import events
from minilit.trace.bus import BUS

_LOGGER = logging.getLogger(__name__)

_BURST_GAP = 0.002
"""Seconds: a frame this soon after the previous one is part of a burst."""
_FRAMES_PER_SECOND = 1000.0
"""The most frames a connection may send per second, sustained (Note [Taking turns])."""
_FRAME_BURST = 200.0
"""... and in one burst."""

CLOSE_UNSUPPORTED_DATA = 1003
CLOSE_PROTOCOL_ERROR = 1002


class BrowserWebSocketHandler(tornado.websocket.WebSocketHandler):
    """One browser tab's connection; also the session's SessionClient."""

    def initialize(self, runtime: Runtime, config: Config) -> None:
        self._runtime = runtime
        self._config = config
        self._session_id: str | None = None
        self._max_outbound = int(config.get("server.maxMessageSize")) * 1_000_000
        self._max_unsent = int(config.get("server.maxOutboundBufferSize")) * 1_000_000
        self._unsent = 0
        """Bytes written to the socket's buffer and not yet taken by the kernel
        (Note [Outbound backpressure])."""
        self._unsent_sizes: collections.deque[int] = collections.deque()
        """The size of each of those frames, oldest first."""
        self._last_frame_at = 0.0
        """When the last frame was handled (Note [Taking turns])."""
        self._frame_tokens = _FRAME_BURST

    # --- Handshake ----------------------------------------------------------------

    # [lesson:select_subprotocol]
    def select_subprotocol(self, subprotocols: list[str]) -> str | None:
        """Echo the first entry ("streamlit"); the others carry data, not protocols."""
        return subprotocols[0] if subprotocols else None

    # [/lesson:select_subprotocol]

    def prepare(self) -> None:
        """Check Origin and Host before the upgrade; refuse with 403.

        Done here rather than in ``check_origin`` because Tornado calls that
        only when an Origin header is present and looks cross-origin, and the
        Host check (DNS rebinding) must also cover same-origin and non-browser
        handshakes.
        """
        decision = self._origin_decision(self.request.headers.get("Origin"))
        if not decision.allowed:
            self._reject_handshake(decision, status=403)
            raise tornado.web.HTTPError(403, reason="Forbidden: websocket origin or host")

    def check_origin(self, origin: str) -> bool:
        """Already decided in ``prepare`` (see server/security.py)."""
        return True

    def open(self, *args: Any, **kwargs: Any) -> None:
        origin = self.request.headers.get("Origin")
        self.set_nodelay(True)  # one small frame per message: do not let Nagle hold them
        existing_session_id = _session_id_from_subprotocols(
            self.request.headers.get("Sec-WebSocket-Protocol", "")
        )
        self._session_id, resumed = self._runtime.connect_session(self, existing_session_id)
        # st.file_uploader shows this server's limit (runtime/uploaded_file_manager.py).
        UPLOADED_FILES.open_session(self._session_id, int(self._config.get("server.maxUploadSize")))
        BUS.publish(
            events.HANDSHAKE_ACCEPTED,
            session_id=self._session_id,
            origin=origin or "",
            host=self.request.host,
            resumed=resumed,
        )

    def _origin_decision(self, origin: str | None) -> OriginDecision:
        return check_websocket_origin(
            origin,
            self.request.headers.get("Host"),
            enable_cors=bool(self._config.get("server.enableCORS")),
            allowed_origins=list(self._config.get("server.corsAllowedOrigins")),
            allowed_hosts=list(self._config.get("server.allowedHosts")),
            bind_address=str(self._config.get("server.address")),
            scheme=self.request.protocol,
        )

    def _reject_handshake(self, decision: OriginDecision, status: int) -> None:
        origin = self.request.headers.get("Origin", "")
        _LOGGER.warning("Websocket handshake rejected (%s): %s", status, decision.reason)
        BUS.publish(
            events.HANDSHAKE_REJECTED,
            reason=decision.reason,
            origin=origin,
            host=self.request.host,
            status=status,
        )

    # --- Inbound: the spine of the socket ----------------------------------------

    # [lesson:on_message]
    def on_message(self, message: str | bytes) -> Awaitable[None] | None:
        """One frame from the browser: check it, decode it, hand it to the runtime."""
        session_id = self._session_id
        if session_id is None:
            return None
        if isinstance(message, str):
            self._refuse_frame(CLOSE_UNSUPPORTED_DATA, "text frames are not accepted")
            return None
        BUS.publish(events.FRAME_RECEIVED, session_id=session_id, data=message, size=len(message))
        try:
            msg = BackMsg.FromString(message)
        except DecodeError:
            self._refuse_frame(CLOSE_PROTOCOL_ERROR, "the frame is not a BackMsg")
            return None
        BUS.publish(events.BACKMSG_DECODED, session_id=session_id, data=message, msg=msg)
        try:
            self._runtime.handle_backmsg(session_id, msg)
        except Exception:
            # A bug on our side must not take the server down: log it, keep going.
            _LOGGER.exception("Error handling a BackMsg (session %s)", session_id)
        return self._take_turns()

    # [/lesson:on_message]

    def _take_turns(self) -> Awaitable[None] | None:
        """In a burst of frames, let other connections have the IOLoop (Note [Taking turns])."""
        now = time.monotonic()
        elapsed = now - self._last_frame_at
        self._last_frame_at = now
        tokens = min(_FRAME_BURST, self._frame_tokens + elapsed * _FRAMES_PER_SECOND) - 1
        self._frame_tokens = tokens
        if tokens < 0:
            return _give_way(-tokens / _FRAMES_PER_SECOND)
        return _give_way(0) if elapsed < _BURST_GAP else None

    def _refuse_frame(self, code: int, reason: str) -> None:
        _LOGGER.warning("Closing websocket of session %s (%d): %s", self._session_id, code, reason)
        BUS.publish(
            events.FRAME_REJECTED, session_id=self._session_id or "", reason=reason, close_code=code
        )
        self.close(code, reason)

    def on_close(self) -> None:
        if self._session_id is not None:
            self._runtime.disconnect_session(self._session_id, self)

    # --- Outbound ---------------------------------------------------------------------

    def write_forward_msg(self, msg: ForwardMsg) -> None:
        """Send one ForwardMsg as one binary frame (called by the Runtime's flush loop)."""
        if self.ws_connection is None or self.ws_connection.is_closing():
            raise SessionClientDisconnectedError()
        data = msg.SerializeToString()
        if len(data) > self._max_outbound:
            data = _too_big_replacement(msg, len(data), self._max_outbound).SerializeToString()
        # The inspector may keep the frame and send it later (Note [Frame holding]).
        if not BUS.held(self._session_id or "", msg, data, self._send_frame):
            self._send_frame(msg, data)

    def _send_frame(self, msg: ForwardMsg, data: bytes) -> None:
        """Write one binary frame and publish exactly what went out."""
        if self.ws_connection is None or self.ws_connection.is_closing():
            raise SessionClientDisconnectedError()
        if self._backlog() > self._max_unsent:
            self._drop_slow_client()
            raise SessionClientDisconnectedError()
        try:
            written = self.write_message(data, binary=True)
        except tornado.websocket.WebSocketClosedError:
            raise SessionClientDisconnectedError() from None
        self._unsent += len(data)
        self._unsent_sizes.append(len(data))
        written.add_done_callback(self._frame_flushed)
        if BUS.enabled:
            BUS.publish_frame(self._session_id or "", data, msg)

    def _backlog(self) -> int:
        """Unsent bytes behind the frame on its way (Note [Outbound backpressure])."""
        return self._unsent - self._unsent_sizes[0] if self._unsent_sizes else 0

    def _frame_flushed(self, done: asyncio.Future[None]) -> None:
        """The kernel took the oldest frame (or the socket closed): it no longer counts.

        Tornado completes the writes of one stream in order, so it is the oldest.
        """
        if self._unsent_sizes:
            self._unsent -= self._unsent_sizes.popleft()
        if not done.cancelled():
            done.exception()  # a closed socket is not news: mark it retrieved

    def _drop_slow_client(self) -> None:
        """Disconnect a browser that does not read (Note [Outbound backpressure])."""
        reason = (
            f"the client left {self._backlog() / 1e6:.1f} MB unread behind the frame on its "
            f"way, more than server.maxOutboundBufferSize ({self._max_unsent / 1e6:.0f} MB)"
        )
        _LOGGER.warning("Dropping websocket of session %s: %s", self._session_id, reason)
        if self._session_id is not None:
            self._runtime.disconnect_session(self._session_id, self, reason=reason)
        stream = self.ws_connection.stream if self.ws_connection is not None else None
        if stream is not None:
            # Not self.close(): its close frame would queue behind the unread
            # backlog, and the buffer would be held for Tornado's 5 s close
            # timeout. Closing the stream frees it now (on_close still runs).
            stream.close()


async def _give_way(seconds: float) -> None:
    """Let everyone else have the IOLoop for a turn, or ``seconds`` (Note [Taking turns])."""
    # Cancelled only when the server stops; Tornado would log it as an error.
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.sleep(seconds)


def _session_id_from_subprotocols(header: str) -> str | None:
    """The third entry of Sec-WebSocket-Protocol, if any (the session to resume)."""
    entries = [e.strip() for e in header.split(",") if e.strip()]
    return entries[2] if len(entries) >= 3 else None


def _too_big_replacement(msg: ForwardMsg, size: int, limit: int) -> ForwardMsg:
    """An Exception element in place of a message over server.maxMessageSize.

    Mirrors streamlit/runtime/runtime_util.py serialize_forward_msg.
    """
    out = ForwardMsg()
    out.metadata.CopyFrom(msg.metadata)
    exc = out.delta.new_element.exception
    exc.type = "MessageSizeError"
    exc.message = (
        f"Data of size {size / 1e6:.1f} MB exceeds the message size limit of "
        f"{limit / 1e6:.0f} MB (server.maxMessageSize)."
    )
    return out
