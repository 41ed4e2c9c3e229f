"""Run the same client tests against a real Streamlit server (optional, not in CI).

Set ``MINILIT_STREAMLIT`` to a ``streamlit`` executable (e.g. one installed in a separate
venv) and the client and golden tests that take the ``app_from`` / tour fixtures run twice:
once against minilit in-process, once against ``streamlit run`` in a subprocess, driven by
the same ``AppClient.connect``. Unset (the default, and in CI), only minilit runs.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from minilit.testing import AppClient
from minilit.testing.ports import free_port

STREAMLIT = os.environ.get("MINILIT_STREAMLIT", "")
BACKENDS = ["minilit", *(["streamlit"] if STREAMLIT else [])]
"""The servers the parametrized fixtures run against."""


class StreamlitClient(AppClient):
    """An AppClient connected to a ``streamlit run`` subprocess it owns."""

    process: subprocess.Popen[bytes]

    def close(self) -> None:
        super().close()
        self.process.terminate()
        self.process.wait(10)


def streamlit_app(source: str, timeout: float = 10.0) -> AppClient:
    """Start ``streamlit run`` on ``source`` (``import minilit`` rewritten) and connect."""
    directory = Path(tempfile.mkdtemp(prefix="minilit-oracle-"))
    script = directory / "app.py"
    script.write_text(source.replace("import minilit as st", "import streamlit as st"))
    port = free_port()
    process = subprocess.Popen(
        [
            STREAMLIT,
            "run",
            str(script),
            "--server.headless=true",
            f"--server.port={port}",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        app = StreamlitClient.connect(f"http://127.0.0.1:{port}", wait_healthy=30)
    except BaseException:
        process.terminate()
        process.wait(10)
        raise
    app.process = process
    app.default_timeout = timeout
    return app


def make_app(backend: str, source: str) -> AppClient:
    """An AppClient running ``source`` on ``backend`` (``"minilit"`` or ``"streamlit"``)."""
    if backend == "streamlit":
        return streamlit_app(source)
    return AppClient.from_string(source)
