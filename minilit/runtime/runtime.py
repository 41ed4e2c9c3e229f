"""Runtime: owns the sessions and the loop that sends their messages.

Mirrors: streamlit/runtime/runtime.py (Runtime, RuntimeState, the
``_loop_coroutine`` flush loop). Simplified: the media and upload managers are
module-level singletons (runtime/media_file_manager.py, runtime/uploaded_file_manager.py),
not Runtime attributes; no caches, no stats; it also owns the file watcher (Streamlit gives each
AppSession its own LocalSourcesWatcher); the coalescing window is a yield to the event loop instead
of a fixed sleep (see Note [Flush loop]).

Receives: connect/disconnect/BackMsg calls from server/websocket.py.
Hands to: SessionManager and AppSession; sends flushed ForwardMsgs through
each session's client (the websocket handler).

Note [Flush loop]
    AppSession queues messages on the IOLoop thread and calls
    ``_enqueued_some_message``, which sets an asyncio Event. The flush loop
    wakes, yields once so that script-thread hand-offs already scheduled on
    the loop land in the queues (this is the coalescing window), then flushes
    every active session's queue to its socket. Streamlit sleeps a fixed 10 ms
    (1.39) / 5 ms (1.67) after each flush instead, so the end of a run can
    wait up to that long; minilit's 3 ms round-trip budget has no room for
    it. minilit's window is ``Runtime.flush_interval`` (0 by default: yield
    only).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from enum import Enum

from minilit.config import Config
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.runtime import streamlit_alias
from minilit.runtime.app_session import AppSession
from minilit.runtime.session_manager import (
    SessionClient,
    SessionClientDisconnectedError,
    SessionManager,
)
from minilit.scriptrunner.script_runner import ScriptCache
from minilit.watcher import LocalSourcesWatcher

_LOGGER = logging.getLogger(__name__)


class RuntimeState(Enum):
    INITIAL = "INITIAL"
    RUNNING = "RUNNING"
    STOPPING = "STOPPING"
    STOPPED = "STOPPED"


class Runtime:
    """The server's model of the app: sessions, script cache, flush loop.

    Create it, ``await start()`` on the IOLoop, then let the websocket handler
    call ``connect_session``, ``handle_backmsg`` and ``disconnect_session``.
    """

    def __init__(self, main_script_path: str, config: Config) -> None:
        self.main_script_path = main_script_path
        self.config = config
        self.flush_interval = 0.0
        """Seconds the flush loop waits after a flush (see Note [Flush loop])."""
        self._script_cache = ScriptCache()
        self._session_mgr = SessionManager(
            self._create_session,
            ttl_seconds=float(config.get("server.disconnectedSessionTTL")),
            max_stored=int(config.get("server.maxDisconnectedSessions")),
        )
        self._state = RuntimeState.INITIAL
        self._need_send_data: asyncio.Event | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._watcher: LocalSourcesWatcher | None = None

    @property
    def state(self) -> RuntimeState:
        return self._state

    @property
    def session_mgr(self) -> SessionManager:
        return self._session_mgr

    def is_ready(self) -> bool:
        """For /_stcore/health: ok while running."""
        return self._state == RuntimeState.RUNNING

    async def start(self) -> None:
        self._need_send_data = asyncio.Event()
        streamlit_alias.install(self)  # `import streamlit` in the script gives minilit
        self._start_source_watcher()
        self._state = RuntimeState.RUNNING
        self._tasks = [
            asyncio.create_task(self._loop_coroutine(), name="minilit.flush_loop"),
            asyncio.create_task(self._expiry_coroutine(), name="minilit.session_expiry"),
        ]

    async def stop(self) -> None:
        self._state = RuntimeState.STOPPING
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        self._session_mgr.close_all()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._state = RuntimeState.STOPPED

    # --- Called by the websocket handler (IOLoop thread) ----------------------

    def connect_session(
        self, client: SessionClient, existing_session_id: str | None = None
    ) -> tuple[str, bool]:
        """Attach a client; returns (session_id, resumed). Nothing runs yet."""
        session, resumed = self._session_mgr.connect_session(client, existing_session_id)
        if resumed:
            self._enqueued_some_message()  # anything queued meanwhile goes out now
        return session.id, resumed

    def disconnect_session(
        self, session_id: str, client: SessionClient | None = None, reason: str = ""
    ) -> None:
        """The socket closed, or is being dropped for ``reason`` (e.g. it does not read)."""
        self._session_mgr.disconnect_session(session_id, client, reason)

    def handle_backmsg(self, session_id: str, msg: BackMsg) -> None:
        info = self._session_mgr.get_active_session_info(session_id)
        if info is None:
            _LOGGER.warning("BackMsg for unknown session %s dropped", session_id)
            return
        info.session.handle_backmsg(msg)

    # --- Source changes (minilit/watcher.py) -------------------------------------

    def _start_source_watcher(self) -> None:
        watcher_type = str(self.config.get("server.fileWatcherType"))
        if watcher_type == "none":
            return
        loop = asyncio.get_running_loop()

        def on_change(path: str) -> None:  # the watcher's thread
            loop.call_soon_threadsafe(self._on_source_changed, path)

        self._watcher = LocalSourcesWatcher(self.main_script_path, on_change, watcher_type)
        self._watcher.start()

    def _on_source_changed(self, path: str) -> None:
        """IOLoop thread: forget modules loaded from ``path``; tell every session."""
        for name, module in list(sys.modules.items()):
            file = getattr(module, "__file__", None)
            if name != "__main__" and file and os.path.abspath(file) == path:
                del sys.modules[name]
        for info in self._session_mgr.list_active_sessions():
            info.session.on_source_file_changed()

    # --- The flush loop (see Note [Flush loop]) ------------------------------

    def _create_session(self) -> AppSession:
        return AppSession(
            self.main_script_path, self.config, self._script_cache, self._enqueued_some_message
        )

    def _enqueued_some_message(self) -> None:
        if self._need_send_data is not None:
            self._need_send_data.set()

    async def _loop_coroutine(self) -> None:
        assert self._need_send_data is not None
        while True:
            await self._need_send_data.wait()
            self._need_send_data.clear()
            await asyncio.sleep(0)  # let pending script-thread hand-offs land
            self._send_queued_messages()
            if self.flush_interval:
                await asyncio.sleep(self.flush_interval)

    def _send_queued_messages(self) -> None:
        for info in self._session_mgr.list_active_sessions():
            for msg in info.session.flush_browser_queue():
                try:
                    info.client.write_forward_msg(msg)
                except SessionClientDisconnectedError:
                    self._session_mgr.disconnect_session(info.session.id, info.client)
                    break

    async def _expiry_coroutine(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            self._session_mgr.expire_stored()
