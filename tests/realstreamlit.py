"""Run an app on real Streamlit, for tests that compare minilit with the real thing.

The fidelity oracle (tests/fidelity/) and the lessons' claims about Streamlit use
this. Real Streamlit lives in its own virtualenvs, made by
``python scripts/real_streamlit.py`` (the README's test command runs it), never in
minilit's environment.

When an environment is missing, a test that needs it is skipped on a developer's
machine with the command that installs it, and fails in CI (CI=true), where these
comparisons are part of what must pass.

Every server is started as the project runs real Streamlit: headless, no usage
statistics, no file watcher, bound to 127.0.0.1 on a free port, and with
HTTP(S)_PROXY pointing at a dead loopback port, because for some Origins Streamlit
looks up the machine's external address online, which must fail fast in a test.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from minilit.testing.ports import free_port

REPO = Path(__file__).resolve().parent.parent
ROOT = REPO / ".real-streamlit"
INSTALL_HINT = "python scripts/real_streamlit.py"
DEAD_PROXY = "http://127.0.0.1:9"


def python_of(version: str) -> Path:
    """The interpreter of the environment that holds Streamlit ``version`` ("1.67", "1.56")."""
    override = os.environ.get(f"MINILIT_REAL_STREAMLIT_{version.replace('.', '_')}")
    return Path(override) if override else ROOT / version / "bin" / "python"


def require_real_streamlit(version: str = "1.67") -> Path:
    """The interpreter for ``version``; skip without it locally, fail in CI."""
    python = python_of(version)
    if not python.exists():
        message = f"real Streamlit {version} is not installed ({INSTALL_HINT})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return python


@dataclass
class RealServer:
    """A running ``streamlit run`` process and where to reach it."""

    version: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def log(self) -> str:
        """What the server printed so far (stdout and stderr together)."""
        return self.log_path.read_text(errors="replace")


def _wait_healthy(server: RealServer, timeout: float) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit {server.version} exited early:\n{server.log()}")
        try:
            with opener.open(server.url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"streamlit {server.version} not healthy after {timeout} s:\n{server.log()}")


@contextmanager
def real_streamlit(
    app: Path,
    *,
    version: str = "1.67",
    options: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> Iterator[RealServer]:
    """Start ``streamlit run app`` on a free loopback port; stop it on exit.

    ``options`` are extra ``--section.name value`` flags (``{"server.maxUploadSize":
    "1"}``). ``cwd`` defaults to a fresh empty directory, so no ``.streamlit/``
    folder from the checkout changes the configuration by accident.
    """
    python = require_real_streamlit(version)
    port = free_port()
    flags = {
        "server.headless": "true",
        "browser.gatherUsageStats": "false",
        "server.fileWatcherType": "none",
        "server.address": "127.0.0.1",
        "server.port": str(port),
        **(options or {}),
    }
    argv = [str(python), "-m", "streamlit", "run", str(Path(app).resolve())]
    for name, value in flags.items():
        argv += [f"--{name}", value]
    child_env = {
        **os.environ,
        "HTTP_PROXY": DEAD_PROXY,
        "HTTPS_PROXY": DEAD_PROXY,
        "http_proxy": DEAD_PROXY,
        "https_proxy": DEAD_PROXY,
        "NO_PROXY": "",
        **(env or {}),
    }
    with tempfile.TemporaryDirectory(prefix="real-streamlit-") as scratch:
        log_path = Path(scratch) / "server.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                argv,
                cwd=str(cwd or scratch),
                env=child_env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
            server = RealServer(version=version, port=port, process=process, log_path=log_path)
            try:
                _wait_healthy(server, timeout)
                yield server
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
