"""One real websocket to ``/_stcore/stream``, usable from plain synchronous code.

Mirrors: the browser's ``frontend/connection/src/WebsocketConnection.tsx`` in miniature:
open the socket with the subprotocol list ``["streamlit", <auth token>, <session id>?]``
(see streamlit-internals §2.1), send each BackMsg as one binary frame, and hand every
received binary frame on, in arrival order. Simplified: no health-ping state machine
(``wait_until_healthy`` is a plain poll), no automatic reconnect with back-off (a test
calls ``AppClient.reconnect`` when it wants one), no ForwardMsg cache.

This is minilit's one Python websocket client. ``open_websocket`` is the handshake, with
refusals turned into ``HandshakeRejected``; ``WireConnection`` wraps it for synchronous
code. The inspector's trace client (``inspector.channel.client``) awaits
``open_websocket`` on its own event loop. The one exception is lesson 02's
``lessons.framework.rawsocket``, which writes the handshake by hand on purpose.

Note [Client threading]
~~~~~~~~~~~~~~~~~~~~~~~
Tornado's websocket client is asynchronous, but tests and lessons want to write
``app.run()``. So each ``WireConnection`` owns a private asyncio event loop running on a
daemon thread named ``minilit-testing-ws``. The calling thread talks to it through exactly
two crossings:

- ``_LoopThread.call`` submits a coroutine to the loop (``run_coroutine_threadsafe``) and
  waits for its result: used to connect, send and close;
- the loop's reader task puts every frame into a ``queue.Queue``, which ``recv_frame``
  reads with a timeout.

``close()`` closes the socket, waits for the reader to see the end, stops the loop and
joins the thread, so no thread outlives the connection.

Receives: BackMsgs (or raw bytes) from ``minilit.testing.client.AppClient`` and from tests.
Hands to: the same callers, the raw bytes of every ForwardMsg frame.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import WebSocketClientConnection, WebSocketError, websocket_connect

from minilit.proto import BackMsg_pb2, ForwardMsg_pb2

PLACEHOLDER_AUTH_TOKEN = "PLACEHOLDER_AUTH_TOKEN"
"""What Streamlit's frontend puts in subprotocol slot 2 when it has no token."""

STREAM_PATH = "/_stcore/stream"
HEALTH_PATH = "/_stcore/health"
MAX_MESSAGE_SIZE = 200 * 10**6
"""Streamlit's default ``server.maxMessageSize`` (200 MB, powers of ten)."""

T = TypeVar("T")


class ConnectionClosed(Exception):
    """The websocket is closed; ``code`` and ``reason`` are the close frame's, if any."""

    def __init__(self, code: int | None, reason: str | None) -> None:
        super().__init__(f"websocket closed (code={code}, reason={reason!r})")
        self.code = code
        self.reason = reason


class ProtocolError(Exception):
    """The server sent something the protocol does not allow (e.g. a text frame)."""


@dataclass(frozen=True)
class HandshakeResponse:
    """The server's HTTP answer to an upgrade request it refused."""

    status_code: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


class HandshakeRejected(ConnectionError):
    """The server answered the upgrade request with an HTTP error (403 for a bad Origin)."""

    def __init__(self, url: str, response: HandshakeResponse) -> None:
        super().__init__(f"{url} refused the websocket with HTTP {response.status_code}")
        self.url = url
        self.response = response


class NotAWebSocket(ConnectionError):
    """The server answered the upgrade request, but not by switching to a websocket."""


async def open_websocket(
    url: str,
    *,
    subprotocols: list[str] | None = None,
    headers: Mapping[str, str] | None = None,
    connect_timeout: float = 10.0,
    max_message_size: int = MAX_MESSAGE_SIZE,
) -> WebSocketClientConnection:
    """Open a websocket on the running event loop: the handshake every client here uses.

    Args:
        url: a ``ws://`` or ``wss://`` URL.
        subprotocols: the ``Sec-WebSocket-Protocol`` list (Streamlit's is ``["streamlit",
            <auth token>, <session id>?]``).
        headers: extra handshake headers (e.g. ``Origin``).
        connect_timeout: seconds for the TCP connection and for the server's answer.
        max_message_size: the largest frame accepted from the server, in bytes.

    Raises:
        HandshakeRejected: the server answered with an HTTP error.
        NotAWebSocket: the server answered with something else than ``101``.
        OSError: the server could not be reached.
    """
    request = HTTPRequest(
        url,
        headers=dict(headers or {}),
        connect_timeout=connect_timeout,
        request_timeout=connect_timeout,
    )
    try:
        return await websocket_connect(
            request, subprotocols=subprotocols, max_message_size=max_message_size
        )
    except HTTPClientError as err:
        if err.response is None:  # Tornado's 599: no answer (a timeout)
            raise ConnectionError(f"no answer from {url}: {err}") from err
        answer = HandshakeResponse(err.code, err.response.headers, err.response.body or b"")
        raise HandshakeRejected(url, answer) from err
    except WebSocketError as err:
        raise NotAWebSocket(f"{url} answered without switching to a websocket") from err


@dataclass(frozen=True)
class _Closed:
    """Queue item: the reader saw the socket close."""

    code: int | None
    reason: str | None


class _LoopThread:
    """A private asyncio loop on its own thread. See Note [Client threading]."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="minilit-testing-ws", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            pending = asyncio.all_tasks(self.loop)
            for task in pending:
                task.cancel()
            if pending:
                self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()

    def call(self, coro: Coroutine[Any, Any, T], timeout: float | None) -> T:
        """Run ``coro`` on the loop thread and wait for its result (the calling thread blocks)."""
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def stop(self) -> None:
        """Stop the loop and join its thread."""
        if self.thread.is_alive():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)


def stream_url(url: str) -> str:
    """Turn ``http://host:port[/base]`` or a ws URL into the ``ws://.../_stcore/stream`` URL."""
    parts = urllib.parse.urlsplit(url)
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    if scheme not in ("ws", "wss"):
        raise ValueError(f"not an http(s) or ws(s) URL: {url!r}")
    path = parts.path.rstrip("/")
    if not path.endswith(STREAM_PATH):
        path += STREAM_PATH
    return urllib.parse.urlunsplit((scheme, parts.netloc, path, "", ""))


def health_url(url: str) -> str:
    """The ``http(s)://.../_stcore/health`` URL of the server behind ``url``."""
    parts = urllib.parse.urlsplit(stream_url(url))
    scheme = {"ws": "http", "wss": "https"}[parts.scheme]
    path = parts.path[: -len(STREAM_PATH)] + HEALTH_PATH
    return urllib.parse.urlunsplit((scheme, parts.netloc, path, "", ""))


def wait_until_healthy(url: str, timeout: float = 10.0) -> None:
    """Poll ``GET /_stcore/health`` until it answers 200, as the browser does before connecting.

    Raises:
        TimeoutError: if the server is not healthy within ``timeout`` seconds.
    """
    target = health_url(url)
    # Straight to the server: a proxy from the environment must not answer for it.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with opener.open(target, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as err:
            last_error = err
        time.sleep(0.05)
    raise TimeoutError(f"{target} not healthy after {timeout} s (last error: {last_error})")


class WireConnection:
    """A websocket to a Streamlit-protocol server, with a blocking API.

    Example::

        conn = WireConnection.open("http://127.0.0.1:8501")
        conn.send(BackMsg(rerun_script=ClientState()))
        msg = conn.recv(timeout=3)          # a ForwardMsg
        conn.close()

    Lower level than ``AppClient``: no tree, no widget state. Useful on its own for
    protocol and security tests (raw frames, custom subprotocols, close codes).
    """

    def __init__(
        self,
        url: str,
        *,
        session_id: str | None = None,
        auth_token: str = PLACEHOLDER_AUTH_TOKEN,
        subprotocols: list[str] | None = None,
        headers: dict[str, str] | None = None,
        connect_timeout: float = 10.0,
        max_message_size: int = MAX_MESSAGE_SIZE,
    ) -> None:
        """Open the websocket (blocking until the handshake completes).

        Args:
            url: the server's http(s) URL or the ws(s) URL of the stream.
            session_id: put in subprotocol slot 3 to resume that session.
            auth_token: subprotocol slot 2.
            subprotocols: the exact subprotocol list to send instead of the usual one.
            headers: extra handshake headers (e.g. ``Origin``).
            connect_timeout: seconds to wait for the handshake.
            max_message_size: the largest frame accepted from the server, in bytes.

        Raises:
            HandshakeRejected: the server refused the handshake (its answer is attached).
            ConnectionError: the handshake failed for another reason.
        """
        self.url = stream_url(url)
        """The websocket URL."""
        if subprotocols is None:
            subprotocols = ["streamlit", auth_token]
            if session_id:
                subprotocols.append(session_id)
        self.subprotocols = subprotocols
        """The subprotocol list sent in ``Sec-WebSocket-Protocol``."""
        self.close_code: int | None = None
        """The close code once closed (from the server's close frame, if it sent one)."""
        self.close_reason: str | None = None
        self._frames: queue.Queue[bytes | str | _Closed] = queue.Queue()
        self._conn: WebSocketClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._closed = False
        self._loop = _LoopThread()
        opening = open_websocket(
            self.url,
            subprotocols=self.subprotocols,
            headers=headers,
            connect_timeout=connect_timeout,
            max_message_size=max_message_size,
        )
        try:
            self._loop.call(self._connect(opening), timeout=connect_timeout + 1)
        except BaseException as err:
            self._loop.stop()
            self._closed = True
            if isinstance(err, HandshakeRejected):
                raise
            raise ConnectionError(f"cannot open {self.url}: {err}") from err

    @classmethod
    def open(cls, url: str, **kwargs: Any) -> WireConnection:
        """Same as the constructor; reads better at call sites."""
        return cls(url, **kwargs)

    async def _connect(self, opening: Coroutine[Any, Any, WebSocketClientConnection]) -> None:
        """On the loop thread: finish the handshake, then start the reader task."""
        self._conn = await opening
        self._reader = asyncio.get_running_loop().create_task(self._read_forever(self._conn))

    async def _read_forever(self, conn: WebSocketClientConnection) -> None:
        """The reader task: every frame into the queue, then a ``_Closed`` marker."""
        while True:
            frame = await conn.read_message()
            if frame is None:
                self._frames.put(_Closed(conn.close_code, conn.close_reason))
                return
            self._frames.put(frame)

    @property
    def selected_subprotocol(self) -> str | None:
        """The subprotocol the server echoed (Streamlit echoes ``"streamlit"``)."""
        return None if self._conn is None else self._conn.selected_subprotocol

    @property
    def closed(self) -> bool:
        """True once the socket is known to be closed."""
        return self._closed

    def send(self, msg: BackMsg_pb2.BackMsg | bytes) -> bytes:
        """Send one BackMsg (or raw bytes) as one binary frame; return the bytes sent.

        Raises:
            ConnectionClosed: the socket is closed.
        """
        data = msg if isinstance(msg, bytes) else msg.SerializeToString()
        if self._closed or self._conn is None:
            raise ConnectionClosed(self.close_code, self.close_reason)
        conn = self._conn

        async def write() -> None:
            await conn.write_message(data, binary=True)

        try:
            self._loop.call(write(), timeout=10)
        except Exception as err:
            raise ConnectionClosed(self.close_code, self.close_reason) from err
        return data

    def send_text(self, text: str) -> None:
        """Send a text frame (the protocol forbids them; for security tests)."""
        if self._closed or self._conn is None:
            raise ConnectionClosed(self.close_code, self.close_reason)
        conn = self._conn

        async def write() -> None:
            await conn.write_message(text, binary=False)

        self._loop.call(write(), timeout=10)

    def recv_frame(self, timeout: float | None) -> bytes:
        """The next binary frame from the server.

        Raises:
            TimeoutError: nothing arrived within ``timeout`` seconds.
            ConnectionClosed: the socket closed before a frame arrived.
            ProtocolError: the server sent a text frame.
        """
        if self._closed and self._frames.empty():
            raise ConnectionClosed(self.close_code, self.close_reason)
        try:
            item = self._frames.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no frame from {self.url} within {timeout} s") from None
        if isinstance(item, _Closed):
            self._closed = True
            self.close_code, self.close_reason = item.code, item.reason
            raise ConnectionClosed(item.code, item.reason)
        if isinstance(item, str):
            raise ProtocolError(f"server sent a text frame: {item[:80]!r}")
        return item

    def recv(self, timeout: float | None) -> ForwardMsg_pb2.ForwardMsg:
        """The next frame, decoded as a ForwardMsg (see ``recv_frame`` for errors)."""
        return ForwardMsg_pb2.ForwardMsg.FromString(self.recv_frame(timeout))

    def wait_closed(self, timeout: float) -> tuple[int | None, str | None]:
        """Wait until the server closes the socket, dropping frames; return (code, reason).

        Raises:
            TimeoutError: still open after ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.recv_frame(max(0.0, deadline - time.monotonic()))
            except ConnectionClosed as closed:
                return closed.code, closed.reason
            except ProtocolError:
                pass
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{self.url} still open after {timeout} s")

    def close(self, code: int | None = None, reason: str | None = None) -> None:
        """Close the socket (if open), stop the loop and join its thread. Idempotent."""
        if self._loop.thread.is_alive():
            conn, reader = self._conn, self._reader

            async def shutdown() -> None:
                if conn is not None:
                    conn.close(code, reason)
                if reader is not None:
                    try:
                        await asyncio.wait_for(asyncio.shield(reader), timeout=5)
                    except (TimeoutError, asyncio.CancelledError):
                        reader.cancel()

            with contextlib.suppress(TimeoutError, RuntimeError):
                self._loop.call(shutdown(), timeout=10)
            self._loop.stop()
        if not self._closed:
            self._closed = True
            if self._conn is not None:
                self.close_code = self._conn.close_code
                self.close_reason = self._conn.close_reason

    def __enter__(self) -> WireConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
