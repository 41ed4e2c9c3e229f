"""Fixtures for the decoding proxy's tests: real Streamlit 1.67 behind a real proxy.

The target is ``streamlit run`` in its own virtualenv (tests/realstreamlit.py),
one server for the whole folder (it takes seconds to start). The proxy runs in
this process on its own IOLoop thread (``ProxyThread``), so a test can read the
trace bus directly or attach the inspector's own trace client (``Probe``, from
tests/trace/conftest.py). The command-line tests start ``minilit proxy`` as a
child process instead.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from inspector.proxy.server import ProxyServer
from inspector.proxy.target import parse_target
from minilit.testing.ports import free_port
from tests.realstreamlit import RealServer, real_streamlit
from tests.trace.conftest import Probe as Probe  # re-exported for the tests
from tests.trace.conftest import no_leftover_tracing  # noqa: F401  (autouse here too)

APP = """\
import streamlit as st

st.title("Counter")
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Add one"):
    st.session_state.count += 1
st.write("Count:", st.session_state.count)
name = st.text_input("Your name")
st.write("Hello,", name or "nobody")
upload = st.file_uploader("A file")
if upload is not None:
    data = upload.getvalue()
    st.write("Uploaded", upload.name, len(data), "bytes:", data[:20].decode())
st.download_button("Get data", bytes(range(256)) * 40, file_name="data.bin")
"""
"""Click, type and upload (the browser test); a download served from /media/ (Range)."""

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("proxy-app")
    (folder / "app.py").write_text(APP, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def streamlit_167(app_dir: Path) -> Iterator[RealServer]:
    """Real Streamlit 1.67 running APP (one server for every test here)."""
    with real_streamlit(app_dir / "app.py", version="1.67") as server:
        yield server


class ProxyThread:
    """A ProxyServer on its own event loop thread (port chosen by the OS)."""

    def __init__(self, target_url: str, *, trace: bool = True) -> None:
        self.proxy = ProxyServer(parse_target(target_url), port=0)
        self.token = self.proxy.install_trace().token if trace else ""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="test-proxy")

    def _call(self, coro: Any, timeout: float = 10.0) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return future.result(timeout)

    def start(self) -> ProxyThread:
        self._thread.start()
        self._call(self.proxy.start())
        return self

    def stop(self) -> None:
        self._call(self.proxy.stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.proxy.port}/_stcore/stream"

    @property
    def origin(self) -> str:
        return self.url

    def __enter__(self) -> ProxyThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@pytest.fixture
def proxy(streamlit_167: RealServer) -> Iterator[ProxyThread]:
    with ProxyThread(streamlit_167.url) as running:
        yield running


class ProxyProcess:
    """``minilit proxy TARGET --server.port P [args]`` as a child process."""

    def __init__(self, target: str, *args: str) -> None:
        self.port = free_port()
        argv = [sys.executable, "-m", "minilit", "proxy", target, "--server.port", str(self.port)]
        self.process = subprocess.Popen(
            [*argv, *args],
            cwd=str(REPO),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        self.stdout = ""
        self.stderr = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_listening(self, timeout: float = 20.0) -> None:
        """Until the proxy accepts connections (it prints its URL once it does)."""
        import socket

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"minilit proxy exited: {self.stderr}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("minilit proxy did not listen")

    def stop(self) -> tuple[str, str]:
        if self.process.poll() is None:
            self.process.terminate()
        out, err = self.process.communicate(timeout=15)
        self.stdout += out
        self.stderr += err
        return self.stdout, self.stderr


@pytest.fixture(scope="session")
def streamlit_156(app_dir: Path) -> Iterator[RealServer]:
    """Real Streamlit 1.56, the last on Tornado (the proxy serves 1.39 to 1.67)."""
    with real_streamlit(app_dir / "app.py", version="1.56") as server:
        yield server
