"""Launch modes of the inspector: start a server, attach to one, or open a recording.

Not in Streamlit. ``textual run --dev`` starts an app wired to the devtools
console; ``minilit inspect APP.py`` likewise starts ``minilit run APP.py
--inspect`` in a child process (so the script's threads, prints and crashes
never touch the terminal UI) and attaches to its trace channel.

Receives: the ``minilit inspect`` command line (inspector/cli.py).
Hands to: inspector/app.py (``InspectorApp``) with a source from
inspector/sources.py.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import webbrowser
from pathlib import Path
from typing import IO

from inspector.sources import LiveSource, RecordingSource, Source

TRACE_LINE = re.compile(r"Trace URL: ws://127\.0\.0\.1:(\d+)/_minilit/trace")


class LaunchError(RuntimeError):
    """The server did not come up; the message includes the end of its log."""


class ServerProcess:
    """``minilit run SCRIPT --inspect`` as a child process, output to a log file.

    Example::

        with ServerProcess(Path("app.py")) as proc:
            print(proc.app_url, proc.token)
    """

    def __init__(self, script: Path, flags: dict[str, str] | None = None) -> None:
        self.script = script
        self.token = secrets.token_hex(20)
        self.flags = dict(flags or {})
        fd, name = tempfile.mkstemp(prefix="minilit-inspect-", suffix=".log")
        self.log_path = Path(name)
        self._log: IO[bytes] = os.fdopen(fd, "wb")
        self._proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def app_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> ServerProcess:
        """Start the server and wait until it prints its trace URL."""
        args = [sys.executable, "-m", "minilit", "run", str(self.script), "--inspect"]
        args += ["--server.traceToken", self.token, "--server.headless", "true"]
        for key, value in self.flags.items():
            args += [f"--{key}", value]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._proc = subprocess.Popen(
            args, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = TRACE_LINE.search(self.log_text())
            if match:
                self.port = int(match.group(1))
                return self
            if self._proc.poll() is not None:
                raise LaunchError(f"the server exited ({self._proc.returncode}):\n{self.tail()}")
            time.sleep(0.05)
        self.stop()
        raise LaunchError(f"the server did not start within {timeout} s:\n{self.tail()}")

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 5 s)."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(5)
        self._log.close()

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def looks_like_recording(path: Path) -> bool:
    """A ``.jsonl``/``.json`` file, or any file whose first byte opens a JSON object."""
    if path.suffix in (".jsonl", ".json"):
        return True
    try:
        with path.open("rb") as f:
            return f.read(1) == b"{"
    except OSError:
        return False


def has_gui() -> bool:
    """Whether opening a browser will show a window rather than a text browser."""
    return sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def run_inspector(
    source: Source,
    record: Path | None = None,
    server: ServerProcess | None = None,
    open_browser: bool = False,
) -> int:
    """Run the Textual app until the user quits; stop the server we started."""
    from inspector.app import InspectorApp

    app = InspectorApp(source, record_path=record, server_log=server.log_path if server else None)
    if open_browser and server is not None and has_gui():
        webbrowser.open_new_tab(server.app_url)
    try:
        app.run()
    finally:
        if server is not None:
            server.stop()
    return 0


def inspect_script(
    script: Path, record: Path | None, flags: dict[str, str], open_browser: bool = True
) -> int:
    """``minilit inspect APP.py``: start the server with tracing, attach, show."""
    server = ServerProcess(script, flags)
    try:
        server.start()
    except LaunchError as exc:
        print(f"minilit inspect: {exc}", file=sys.stderr)
        return 1
    print(f"  App: {server.app_url}   (server log: {server.log_path})", flush=True)
    source = LiveSource(server.app_url, server.token)
    return run_inspector(source, record, server, open_browser)


def inspect_attach(url: str, token: str, record: Path | None) -> int:
    """``minilit inspect --attach URL --token T``."""
    return run_inspector(LiveSource(url, token), record)


def inspect_recording(path: Path, record: Path | None = None) -> int:
    """``minilit inspect RECORDING.jsonl``: the same UI, offline."""
    return run_inspector(RecordingSource(path), record)
