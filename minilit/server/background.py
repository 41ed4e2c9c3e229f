"""ServerThread: a real minilit server running on a thread of this process.

Not in Streamlit (its tests use tornado.testing.AsyncHTTPTestCase, see
lib/tests/streamlit/web/server/server_test_case.py). Used by minilit.testing,
the test suite, the benchmarks and the inspector's launcher. The server is a
real one: real sockets on 127.0.0.1, a free port chosen by the OS.

Example::

    with ServerThread("app.py") as server:
        print(server.url)          # http://127.0.0.1:41234
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from minilit.config import load_config
from minilit.runtime.runtime import Runtime
from minilit.server.server import Server

T = TypeVar("T")


class ServerThread:
    """Start a Server on a daemon thread with its own event loop.

    Args:
        script_path: The app script.
        options: Config options (dotted names). Defaults: port 0 (any free
            port), address 127.0.0.1, headless, no file watcher. Environment variables and
            config files are ignored, so tests are not affected by the machine.
        configure: Called with the Server before it starts (e.g. to add routes).
    """

    def __init__(
        self,
        script_path: str | Path,
        options: Mapping[str, Any] | None = None,
        configure: Callable[[Server], None] | None = None,
    ) -> None:
        flags: dict[str, Any] = {
            "server.port": 0,
            "server.address": "127.0.0.1",
            "server.headless": True,
            # Tests start hundreds of servers; each watcher holds an inotify
            # instance (128 per user by default). Tests that need one ask for it.
            "server.fileWatcherType": "none",
        }
        flags.update(options or {})
        self.config = load_config(
            flags,
            env={},
            cwd=Path("/nonexistent-minilit-cwd"),
            home=Path("/nonexistent-minilit-home"),
        )
        self.server = Server(str(script_path), self.config)
        self._configure = configure
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_event: asyncio.Event | None = None
        self._started = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="minilit.ServerThread", daemon=True)

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    @property
    def runtime(self) -> Runtime:
        return self.server.runtime

    def start(self, timeout: float = 10.0) -> ServerThread:
        if self._configure is not None:
            self._configure(self.server)
        self._thread.start()
        if not self._started.wait(timeout):
            raise TimeoutError("the minilit server did not start")
        if self._error is not None:
            raise self._error
        return self

    def call(self, fn: Callable[[], T], timeout: float = 5.0) -> T:
        """Run ``fn`` on the server's IOLoop thread and return its result."""
        assert self._loop is not None
        future: Future[T] = Future()

        def run() -> None:
            try:
                future.set_result(fn())
            except BaseException as exc:
                future.set_exception(exc)

        self._loop.call_soon_threadsafe(run)
        return future.result(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        if self._loop is not None and self._stop_event is not None and self._thread.is_alive():
            # The loop may close between the check and the call (a server that
            # failed to start is already on its way out): then there is nothing to stop.
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._stop_event.set)
        if self._thread.ident is not None:  # not started when ``configure`` raised
            self._thread.join(timeout)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:
            self._error = exc
            self._started.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop_event = asyncio.Event()
        try:
            await self.server.start()
        except BaseException as exc:
            self._error = exc
            self._started.set()
            return
        self._started.set()
        await self._stop_event.wait()
        await self.server.stop()
