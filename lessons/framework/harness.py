"""What lessons' tests stand on: real servers, headless tabs and the trace, shared cheaply.

Not in Streamlit (its e2e conftest starts ``streamlit run`` per test module; this is the
same idea in-process). lessons/conftest.py turns these helpers into pytest fixtures:

``server``        a ServerThread running the test module's lesson app (``app.py``, or
                  the module's ``APP``), with the module's ``SERVER_OPTIONS``; one per
                  test module, so a lesson's tests share one real server;
``app``           a fresh ``minilit.testing.AppClient`` tab connected to ``server``;
``start_server``  a factory for more servers (another script, other options), all
                  stopped at the end of the module;
``trace``         a ``TraceCapture``: every trace event published during the test;
``browser``, ``page``   Chromium through Playwright (session-wide) and a fresh tab.

Also here: ``hold_ports``/``hold_free_port``/``port_lock`` for the port tests, ``http_get``
(no redirects followed), ``server_session_state`` (a session's st.session_state, read on
the server's IOLoop) and ``wait_until``.

Receives: lesson folders and scripts. Hands to: lessons' test modules.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import http.client
import socket
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from inspector.app import InspectorApp
from inspector.channel.endpoint import channel_of, install_trace
from inspector.channel.summary import resolve
from inspector.sources import LiveSource
from minilit.config import load_config
from minilit.server.background import ServerThread
from minilit.server.server import Server
from minilit.trace.bus import BUS, TraceEvent


class ServerPool:
    """Servers started for one test module; ``stop_all`` ends them."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._servers: list[ServerThread] = []

    def start(
        self,
        script: str | Path,
        options: Mapping[str, Any] | None = None,
        *,
        default_port: bool = False,
    ) -> ServerThread:
        """Start a real server for ``script`` (relative to the lesson folder).

        ServerThread asks for port 0 (any free port) by default. ``default_port=True``
        leaves ``server.port`` unset instead, as ``minilit run APP.py`` does: the server
        tries 8501 and searches on if it is busy.
        """
        path = Path(script)
        if not path.is_absolute():
            path = self.base / path
        server = ServerThread(path.resolve(), options=dict(options or {}))
        if default_port:
            flags = {"server.address": "127.0.0.1", "server.headless": True, **(options or {})}
            # ServerThread's config and server are plain attributes, replaced before start().
            server.config = load_config(
                flags,
                env={},
                cwd=Path("/nonexistent-minilit-cwd"),
                home=Path("/nonexistent-minilit-home"),
            )
            server.server = Server(str(path.resolve()), server.config)
        try:
            server.start()
        except BaseException:
            server.stop()
            raise
        self._servers.append(server)
        return server

    def stop_all(self) -> None:
        while self._servers:
            self._servers.pop().stop()


class TraceCapture:
    """Every trace event published while it is open (the bus is process-wide)."""

    def __init__(self) -> None:
        self._subscriber = BUS.subscribe(maxsize=1_000_000)
        self._seen: list[TraceEvent] = []

    def _drain(self) -> list[TraceEvent]:
        self._seen.extend(map(resolve, self._subscriber.drain()))
        return self._seen

    def events(self, *names: str, session_id: str | None = None) -> list[TraceEvent]:
        """Events so far with one of ``names`` (all if none), optionally of one session."""
        return [
            e
            for e in self._drain()
            if (not names or e.name in names) and (session_id is None or e.session_id == session_id)
        ]

    def wait_for(
        self,
        name: str,
        predicate: Callable[[TraceEvent], bool] = lambda e: True,
        timeout: float = 5.0,
    ) -> TraceEvent:
        """The first event named ``name`` matching ``predicate``, waiting up to ``timeout``.

        Raises:
            TimeoutError: none arrived in time.
        """
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events(name):
                if predicate(event):
                    return event
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {name} event within {timeout} s")
            time.sleep(0.005)

    def close(self) -> None:
        BUS.unsubscribe(self._subscriber)


def server_session_state(server: ServerThread, session_id: str, key: str) -> Any:
    """``st.session_state[key]`` of a session, read on the server's IOLoop (in-process only)."""
    mgr = server.runtime.session_mgr

    def read() -> Any:
        session = mgr.get_session(session_id)
        if session is None:
            raise LookupError(f"no session {session_id}")
        return session.session_state[key]

    return server.call(read)


def http_get(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One plain HTTP request, redirects *not* followed: (status, headers, body)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""))
        response = conn.getresponse()
        body = response.read()
        headers = {k.lower(): v for k, v in response.getheaders()}
        return response.status, headers, body
    finally:
        conn.close()


@contextlib.contextmanager
def hold_ports(ports: Iterable[int], address: str = "127.0.0.1") -> Iterator[list[int]]:
    """Keep ``ports`` busy with listening sockets (those already taken stay taken).

    Tests that use the default port 8501 and its neighbours also hold ``port_lock``, and
    release every port they bound before letting go of it, so two test processes on one
    machine take turns instead of stealing (or freeing) each other's ports.
    """
    held: list[socket.socket] = []
    busy: list[int] = []
    try:
        for port in ports:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.bind((address, port))
                sock.listen(1)
            except OSError:
                sock.close()  # someone else holds it: busy all the same
            else:
                held.append(sock)
            busy.append(port)
        yield busy
    finally:
        for sock in held:
            sock.close()


@contextlib.contextmanager
def hold_free_port(address: str = "127.0.0.1") -> Iterator[int]:
    """A port the OS picked for us, kept busy (listening) until the block ends.

    Unlike a fixed number, no other process can be holding it or be about to release it.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((address, 0))
        sock.listen(1)
        yield int(sock.getsockname()[1])
    finally:
        sock.close()


@contextlib.contextmanager
def port_lock() -> Iterator[None]:
    """An inter-process lock for tests that need ports around 8501 to themselves."""
    path = Path(tempfile.gettempdir()) / "minilit-lessons-default-port.lock"
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0, interval: float = 0.01) -> bool:
    """Poll ``predicate`` until it is true (True) or ``timeout`` passes (False)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)
    return True


def _with_trace_channel(server: Server) -> None:
    install_trace(server)  # what `minilit inspect` does to the server it starts


async def security_pane_after(
    app_path: Path, request: Callable[[int], int], event: str
) -> tuple[int, str]:
    """What the real inspector's Security pane shows after ``request`` (a lesson's attack).

    Starts a server for ``app_path`` with the trace channel (as ``minilit inspect``
    does), opens the Textual inspector on it under Pilot with the Security tab shown,
    runs ``request(port)`` on a worker thread, and waits (at most 10 s) for a row
    naming ``event``. Returns the request's HTTP status and the pane's rows as text,
    one row per line.
    """
    from textual.widgets import DataTable

    with ServerThread(app_path, configure=_with_trace_channel) as server:
        channel = channel_of(server.server)
        assert channel is not None
        app = InspectorApp(LiveSource(server.url, channel.token))
        async with app.run_test(size=(200, 45)) as pilot:
            for _ in range(200):
                if app.connection == "live":
                    break
                await pilot.pause(0.05)
            await pilot.press("6")
            table = app.screen_stack[0].query_one("#security-table", DataTable)
            status = await asyncio.to_thread(request, server.port)

            def text() -> str:
                rows = (table.get_row_at(i) for i in range(table.row_count))
                return "\n".join(" ".join(str(cell) for cell in row) for row in rows)

            for _ in range(200):
                if event in text():
                    break
                await pilot.pause(0.05)
            return status, text()
