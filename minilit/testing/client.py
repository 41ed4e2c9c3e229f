"""``AppClient``: drive an app over the real websocket, the way a browser tab does.

Mirrors: the AppTest API of Streamlit's ``lib/streamlit/testing/v1/app_test.py``
(``AppTest.from_file``, ``.from_string``, ``.run()``, ``at.button[0].click().run()``,
``at.session_state``), but *not* its mechanics: AppTest runs the script in-process with a
mocked Runtime, while ``AppClient`` is a headless browser. It opens
``/_stcore/stream``, sends ``BackMsg.rerun_script`` frames, reads ForwardMsg frames, and
rebuilds the page with the browser's rules (``minilit.testing.tree``). So it can drive any
server that speaks the protocol: an in-process minilit, a minilit elsewhere, or a real
Streamlit.

Simplified: one script run in flight at a time (``run`` waits for the run to end); no
ForwardMsg cache; no page changes. The query string is ``query_string``; like the
browser, the client adopts the one a ``page_info_changed`` message brings (the script
changed ``st.query_params``) and sends it with the next run. Like the browser, every
``rerun_script`` carries every widget's value, defaults included (see
``minilit.testing.widget_state``).

Receives: ForwardMsg frames from ``minilit.testing.connection.WireConnection``.
Hands to: the same connection, one BackMsg per ``run``; to tests, the element wrappers of
``minilit.testing.elements`` and each run's raw messages (``RunResult``).

Note [One run, as the client sees it]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
``run()`` sends ``rerun_script`` and reads until the run is over::

    new_session                        opens the run (carries the run id)
    session_status_changed  running
    delta ... delta                    applied to the tree as they arrive
    script_finished         status    FINISHED_EARLY_FOR_RERUN means "another run follows"
    session_status_changed  not running

so it stops at the first ``session_status_changed`` with ``script_is_running`` false that
follows a ``script_finished`` other than ``FINISHED_EARLY_FOR_RERUN`` (a script calling
``st.rerun()`` yields two runs in one ``run()``).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypeVar

from minilit.proto import BackMsg_pb2, Elements_pb2, ForwardMsg_pb2
from minilit.testing.connection import ConnectionClosed, WireConnection, wait_until_healthy
from minilit.testing.page import Page
from minilit.testing.tree import (
    FINISHED_EARLY_FOR_RERUN,
    FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    FINISHED_SUCCESSFULLY,
)

if TYPE_CHECKING:
    from minilit.server.background import ServerThread

ForwardMsg = ForwardMsg_pb2.ForwardMsg
BackMsg = BackMsg_pb2.BackMsg
T = TypeVar("T")

DEFAULT_TIMEOUT = 5.0
"""Seconds ``run()`` waits for a run to finish (AppTest's default is 3 s; this goes over
a real socket and a real thread, so a little more slack)."""


class RunTimeout(TimeoutError):
    """A run did not finish in time. ``messages`` holds what arrived before the deadline."""

    def __init__(self, message: str, messages: list[ForwardMsg_pb2.ForwardMsg]) -> None:
        super().__init__(message)
        self.messages = messages


class SessionStateUnavailable(RuntimeError):
    """``session_state`` was asked of a client that does not own its server."""


@dataclass
class RunResult:
    """Everything one ``run()`` sent and received, for tests and lessons."""

    request: BackMsg_pb2.BackMsg | None
    """The BackMsg sent (None for ``wait_for_run``, which sends nothing)."""
    request_frame: bytes
    """Its exact bytes."""
    frames: list[bytes] = field(default_factory=list)
    """Every ForwardMsg frame received, in order, exactly as received."""
    messages: list[ForwardMsg_pb2.ForwardMsg] = field(default_factory=list)
    """The same frames decoded."""
    duration: float = 0.0
    """Seconds from sending to the closing ``session_status_changed``."""

    @property
    def run_ids(self) -> list[str]:
        """The script run ids of the runs this request produced (usually one)."""
        return [
            m.metadata.run.script_run_id
            for m in self.messages
            if m.WhichOneof("type") == "new_session"
        ]

    @property
    def status(self) -> int | None:
        """The last ``script_finished`` status (a ``ScriptFinishedStatus`` value)."""
        statuses = [m.script_finished for m in self.messages if m.HasField("script_finished")]
        return statuses[-1] if statuses else None

    @property
    def status_name(self) -> str | None:
        """``status`` by name, e.g. ``"FINISHED_SUCCESSFULLY"``."""
        status = self.status
        return None if status is None else ForwardMsg.ScriptFinishedStatus.Name(status)

    @property
    def compile_error(self) -> Elements_pb2.Exception | None:
        """The ``script_compilation_exception`` of this run, if there was one."""
        for m in self.messages:
            if m.WhichOneof("type") == "session_event" and m.session_event.HasField(
                "script_compilation_exception"
            ):
                return m.session_event.script_compilation_exception
        return None

    def kinds(self) -> list[str]:
        """The ForwardMsg types in order (``["new_session", "session_status_changed", ...]``)."""
        return [m.WhichOneof("type") or "unknown" for m in self.messages]


class AppClient(Page):
    """A headless browser tab for one app.

    Example::

        with AppClient.from_file("app.py") as app:
            app.run()
            assert app.title[0].value == "Hello"
            app.text_input(key="name").input("Ada").run()
            app.button[0].click().run()
            assert app.markdown[0].value == "clicked Ada"

    Constructors: ``from_file`` and ``from_string`` start an in-process minilit server on
    a free port and connect to it; ``connect`` attaches to any server by URL. Accessors
    (``app.markdown``, ``app.slider``, ``app.sidebar`` ...) come from ``Queryable``.
    Always ``close()`` it (or use ``with``): that closes the socket, stops the private
    event loop thread and, if the client started one, the server.
    """

    def __init__(
        self,
        url: str,
        *,
        default_timeout: float = DEFAULT_TIMEOUT,
        server: ServerThread | None = None,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        """Connect to ``url`` (use the constructors below rather than this)."""
        self.url = url
        """The server's URL."""
        super().__init__()
        self.default_timeout = default_timeout
        """Seconds ``run()`` waits when not told otherwise."""
        self.runs: list[RunResult] = []
        """Every run so far, oldest first."""
        self.query_string = ""
        """Sent with every ``rerun_script`` (``ClientState.query_string``), as the browser
        sends its address's query string without the ``?``: ``"app=demo&x=1"``."""
        self.unsolicited: list[ForwardMsg_pb2.ForwardMsg] = []
        """Messages that arrived between runs (e.g. ``script_changed_on_disk``)."""
        self._server = server
        self._on_close = on_close
        self._closed = False
        try:
            self._conn = WireConnection(url)
        except BaseException:
            self._shutdown_owned()
            raise

    # --- constructors ----------------------------------------------------------------------

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        options: Mapping[str, Any] | None = None,
        *,
        default_timeout: float = DEFAULT_TIMEOUT,
    ) -> AppClient:
        """Start an in-process minilit server for the script at ``path`` and connect to it.

        Args:
            path: the script.
            options: config options for the server (``{"server.port": 0}`` is the default:
                a free port).
            default_timeout: seconds ``run()`` waits by default.
        """
        from minilit.server.background import ServerThread

        merged = {"server.port": 0, **(options or {})}
        server = ServerThread(str(Path(path).resolve()), options=merged)
        server.start()
        try:
            return cls(server.url, default_timeout=default_timeout, server=server)
        except BaseException:
            server.stop()
            raise

    @classmethod
    def from_string(
        cls,
        source: str,
        options: Mapping[str, Any] | None = None,
        *,
        default_timeout: float = DEFAULT_TIMEOUT,
    ) -> AppClient:
        """Write ``source`` to a temporary ``app.py`` and run it as ``from_file`` does.

        The temporary directory is removed by ``close()``.
        """
        directory = Path(tempfile.mkdtemp(prefix="minilit-app-"))
        script = directory / "app.py"
        script.write_text(source, encoding="utf-8")
        try:
            app = cls.from_file(script, options, default_timeout=default_timeout)
        except BaseException:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        app._on_close = lambda: shutil.rmtree(directory, ignore_errors=True)
        return app

    @classmethod
    def connect(
        cls,
        url: str,
        *,
        default_timeout: float = DEFAULT_TIMEOUT,
        wait_healthy: float | None = 10.0,
    ) -> AppClient:
        """Connect to a running server (minilit or Streamlit) at ``url``.

        Args:
            url: e.g. ``"http://127.0.0.1:8501"`` (or the ws URL of ``/_stcore/stream``).
            default_timeout: seconds ``run()`` waits by default.
            wait_healthy: first poll ``/_stcore/health`` for up to this many seconds, as
                the browser does before opening the socket (None: don't).
        """
        if wait_healthy is not None:
            wait_until_healthy(url, wait_healthy)
        return cls(url, default_timeout=default_timeout)

    # --- the spine: one run ---------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> Self:
        """Send ``rerun_script`` with the current widget values and wait for the run to end.

        Returns the client, so calls chain (``app.run().markdown[0].value``).

        Raises:
            RunTimeout: the run did not end within ``timeout`` (default
                ``default_timeout``) seconds.
            ConnectionClosed: the server closed the socket.
        """
        self._drain_unsolicited()
        fragment_id = self._fragment_of_changes()
        request = BackMsg()
        request.rerun_script.CopyFrom(self.widget_states.create_client_state())
        request.rerun_script.query_string = self.query_string
        request.rerun_script.fragment_id = fragment_id
        return self._run(request, timeout)

    def run_fragment(self, fragment_id: str, *, timeout: float | None = None) -> Self:
        """Rerun one fragment, as the browser's run_every timer does (``is_auto_rerun``)."""
        self._drain_unsolicited()
        request = BackMsg()
        request.rerun_script.CopyFrom(self.widget_states.create_client_state())
        request.rerun_script.query_string = self.query_string
        request.rerun_script.fragment_id = fragment_id
        request.rerun_script.is_auto_rerun = True
        return self._run(request, timeout)

    def _fragment_of_changes(self) -> str:
        """The fragment to rerun: the one every widget changed since the last run is in.

        A browser sends one rerun per change, with the fragment of the widget changed
        (the ``Delta.fragment_id`` its element arrived with); this client sends one for
        all, so it reruns a fragment only if all the changes are inside that one.
        """
        changed = set(self.widget_states.changed)
        if not changed:
            return ""
        fragments = {w.fragment_id for w in self.widgets if w.id in changed}
        return fragments.pop() if len(fragments) == 1 else ""

    def wait_for_run(self, *, timeout: float | None = None) -> Self:
        """Wait for a run the server starts by itself (e.g. run-on-save), sending nothing."""
        return self._run(None, timeout)

    def _run(self, request: BackMsg_pb2.BackMsg | None, timeout: float | None) -> Self:
        started = time.monotonic()
        frame = b"" if request is None else self._conn.send(request)
        result = RunResult(request, frame)
        self.runs.append(result)
        self._collect(result, self.default_timeout if timeout is None else timeout)
        result.duration = time.monotonic() - started
        self._after_run(result)
        return self

    def _collect(self, result: RunResult, timeout: float) -> None:
        """Read frames until the run is over. See Note [One run, as the client sees it]."""
        deadline = time.monotonic() + timeout
        finished = False
        while True:
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise TimeoutError
                frame = self._conn.recv_frame(remaining)
            except TimeoutError:
                kinds = result.kinds()
                raise RunTimeout(
                    f"run not finished after {timeout} s; received {kinds}", result.messages
                ) from None
            msg = ForwardMsg.FromString(frame)
            result.frames.append(frame)
            result.messages.append(msg)
            self.tree.apply(msg)
            kind = msg.WhichOneof("type")
            if kind == "page_info_changed":
                # The browser rewrites its address; the next rerun_script carries it.
                self.query_string = msg.page_info_changed.query_string
            if kind == "script_finished":
                finished = msg.script_finished != FINISHED_EARLY_FOR_RERUN
            elif (
                kind == "session_status_changed"
                and finished
                and not msg.session_status_changed.script_is_running
            ):
                return

    def _after_run(self, result: RunResult) -> None:
        """Update widget state the way the browser does once a run has ended."""
        widgets = self.note_widget_order(result.messages)
        for widget in widgets:
            if widget.run_id != self.tree.run_id:
                continue
            state = widget.server_state()
            if state is not None:
                state.id = widget.id
                self.widget_states.adopt_server_value(state)
            else:
                # The browser commits a widget's default when it mounts, so the next
                # ClientState carries every widget's value (widget_state.py).
                default = widget.mount_state()
                if default is not None:
                    default.id = widget.id
                    self.widget_states.commit_default(default)
        if result.status in (FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
            self.widget_states.remove_inactive(w.id for w in widgets)

    def _drain_unsolicited(self) -> None:
        """Apply whatever arrived since the last run (nothing should have, usually)."""
        while True:
            try:
                frame = self._conn.recv_frame(0)
            except TimeoutError:
                return
            msg = ForwardMsg.FromString(frame)
            self.unsolicited.append(msg)
            self.tree.apply(msg)

    # --- forms, stop, low level -------------------------------------------------------------

    def send(self, msg: BackMsg_pb2.BackMsg) -> bytes:
        """Low level: send one BackMsg as is (no waiting); return its bytes."""
        return self._conn.send(msg)

    def stop_script(self) -> None:
        """Send ``BackMsg.stop_script`` (the browser's Stop button); does not wait."""
        self._conn.send(BackMsg(stop_script=True))

    @property
    def server(self) -> ServerThread | None:
        """The in-process server this client started (``from_file``/``from_string``), or None."""
        return self._server

    @property
    def connection(self) -> WireConnection:
        """The websocket (for close codes, raw frames, subprotocols)."""
        return self._conn

    # --- what the last run left -------------------------------------------------------------

    @property
    def last_run(self) -> RunResult:
        """The most recent run.

        Raises:
            LookupError: nothing has run yet.
        """
        if not self.runs:
            raise LookupError("no run yet; call run() first")
        return self.runs[-1]

    @property
    def compile_error(self) -> Elements_pb2.Exception | None:
        """The last run's compile error (``session_event.script_compilation_exception``)."""
        return self.last_run.compile_error if self.runs else None

    @property
    def session_id(self) -> str:
        """The server's session id (``new_session.initialize.session_id``), "" before a run."""
        return self.tree.session_id

    # --- session state (in-process servers only) ---------------------------------------------

    @property
    def session_state(self) -> SessionStateView:
        """The server-side ``st.session_state`` of this client's session.

        The wire carries no session state, so this works only when the client started the
        server itself (``from_file``/``from_string``): every read or write is done on the
        server's IOLoop thread (``ServerThread.call``), on the ``AppSession`` this client's
        session id names. Use it between runs.

        Raises:
            SessionStateUnavailable: the client was made with ``connect`` (remote server),
                or no run has told it its session id yet.
        """
        if self._server is None:
            raise SessionStateUnavailable(
                "session_state is only available when the client started the server "
                "(AppClient.from_file / from_string); a remote server's session state "
                "never crosses the wire"
            )
        if not self.session_id:
            raise SessionStateUnavailable("no session id yet; call run() first")
        return SessionStateView(self._server, self.session_id)

    # --- reconnect and close ----------------------------------------------------------------

    def reconnect(self) -> Self:
        """Drop the websocket and open a new one carrying the session id (subprotocol slot 3).

        Like the browser, this does not rerun: call ``run()`` when you want one. The tree
        and widget values are kept, as a browser tab keeps its page.
        """
        session_id = self.session_id
        self._conn.close()
        self._conn = WireConnection(self.url, session_id=session_id or None)
        return self

    def close(self) -> None:
        """Close the socket and its thread, and stop the server if this client started it."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(ConnectionClosed):
            self._conn.close()
        self._shutdown_owned()

    def _shutdown_owned(self) -> None:
        if self._server is not None:
            self._server.stop()
        if self._on_close is not None:
            self._on_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AppClient({self.url!r}, runs={len(self.runs)})"


class SessionStateView:
    """A live view of one session's ``st.session_state`` in an in-process server.

    Each operation runs on the server's IOLoop thread, which owns the sessions (see
    ``AppClient.session_state``). Values are the server's own objects, not copies.
    """

    def __init__(self, server: ServerThread, session_id: str) -> None:
        self._server = server
        self._session_id = session_id

    def _on_server(self, op: Callable[[MutableMapping[str, Any]], T]) -> T:
        def run() -> T:
            session = self._server.runtime.session_mgr.get_session(self._session_id)
            if session is None:
                raise SessionStateUnavailable(f"the server has no session {self._session_id!r}")
            return op(session.session_state)

        return self._server.call(run)

    def __getitem__(self, key: str) -> Any:
        return self._on_server(lambda state: state[key])

    def __setitem__(self, key: str, value: Any) -> None:
        self._on_server(lambda state: state.__setitem__(key, value))

    def __delitem__(self, key: str) -> None:
        self._on_server(lambda state: state.__delitem__(key))

    def __contains__(self, key: object) -> bool:
        return self._on_server(lambda state: key in state)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __len__(self) -> int:
        return self._on_server(len)

    def keys(self) -> list[str]:
        """The keys currently set."""
        return self._on_server(lambda state: list(state.keys()))

    def to_dict(self) -> dict[str, Any]:
        """A snapshot: a shallow copy of every key and value."""
        return self._on_server(lambda state: dict(state.items()))

    def __repr__(self) -> str:
        return f"SessionStateView({self.to_dict()!r})"
