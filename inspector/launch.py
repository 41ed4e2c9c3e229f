"""Launch modes of the inspector: start a server, attach to one, or open a recording.

Not in Streamlit. ``textual run --dev`` starts an app wired to the devtools
console; ``minilit inspect APP.py`` likewise starts ``minilit run APP.py
--inspect`` in a child process (so the script's threads, prints and crashes
never touch the terminal UI), attaches to its trace channel, and reads the
child's stdout and stderr into the inspector's Log pane.

Receives: the ``minilit inspect`` command line (inspector/cli.py).
Hands to: inspector/app.py (``InspectorApp``) with a source from
inspector/sources.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import webbrowser
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from inspector.channel.recording import RecordingError
from inspector.sources import LiveSource, RecordingSource, Source

TRACE_LINE = re.compile(r"Trace URL: ws://127\.0\.0\.1:(\d+)/_minilit/trace")

OUTPUT_DIR_ENV = "MINILIT_INSPECTOR_DIR"
"""Names the folder for recordings, exports and screenshots (see output_dir)."""


def output_dir() -> Path:
    """Where the inspector writes recordings, exports and screenshots by default.

    ``$MINILIT_INSPECTOR_DIR`` if set; else the user's data folder:
    ``$XDG_DATA_HOME/minilit/inspector`` (``~/.local/share/minilit/inspector``)
    on Linux, ``~/Library/Application Support/minilit/inspector`` on macOS,
    ``%LOCALAPPDATA%\\minilit\\inspector`` on Windows. Never the checkout.
    """
    named = os.environ.get(OUTPUT_DIR_ENV)
    if named:
        return Path(named).expanduser()
    home = Path.home()
    if sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "minilit" / "inspector"


NICENESS = 10
"""How much an observer lowers its CPU priority where it cannot go idle (see yield_cpu)."""


def yield_cpu() -> None:
    """The observer yields to the observed: run only on a CPU nobody else wants.

    Note [Yielding the CPU]
        On a loaded machine (two cores: the server, a browser, the
        inspector) the server and the browser should win, and the
        inspector catch up in the gaps. On Linux the calling thread, and
        every thread it starts from then on, moves to the SCHED_IDLE
        class: it runs on a CPU that nothing else wants, and a server or
        browser thread that wakes up takes that CPU from it at once. A
        lower nice value is not enough for that: the scheduler then lets
        the niced process finish its slice before a woken thread gets
        the CPU, and the server's two threads (script and event loop)
        wake each other hundreds of times per rerun. Measured with
        bench/bench_trace.py, 200 texts rerun back to back with the
        inspector attached: 1.29x the reruns' time without it at nice
        10, 1.12x in SCHED_IDLE; the inspector's CPU time hardly changed
        (it had a CPU to itself most of the time either way).

        The price: while the machine is saturated the inspector waits
        (its screen and keys respond once a CPU is free), which is what
        an observer should do. Called once the server child has started,
        so the server keeps its own class. Where SCHED_IDLE is missing
        (macOS, Windows) or refused, ``os.nice(NICENESS)``; where that
        is missing too, nothing changes.
    """
    setscheduler = getattr(os, "sched_setscheduler", None)
    idle = getattr(os, "SCHED_IDLE", None)
    if setscheduler is not None and idle is not None:
        try:
            setscheduler(0, idle, os.sched_param(0))
            return
        except OSError:  # e.g. a sandbox that forbids it: lower the priority instead
            pass
    nice = getattr(os, "nice", None)
    if nice is not None:
        with contextlib.suppress(OSError):
            nice(NICENESS)


class LaunchError(RuntimeError):
    """The server did not come up; the message includes the end of its output."""


@dataclass(frozen=True, slots=True)
class OutputLine:
    """One line the app's process wrote."""

    no: int
    """Line number across both streams, from 1."""
    stream: str
    """``stdout`` or ``stderr`` (tracebacks arrive on stderr)."""
    text: str


class ServerOutput:
    """The child server's stdout and stderr, line by line, kept in memory.

    Reader threads append; the inspector's Log pane reads ``since(n)`` on
    its refresh tick. Only the newest ``max_lines`` are kept.
    """

    def __init__(self, max_lines: int = 20_000) -> None:
        self._lines: deque[OutputLine] = deque(maxlen=max_lines)
        self._lock = threading.Lock()
        self.count = 0
        """Lines written so far (also the number of the newest line)."""

    def append(self, stream: str, text: str) -> None:
        with self._lock:
            self.count += 1
            self._lines.append(OutputLine(self.count, stream, text))

    def since(self, no: int) -> list[OutputLine]:
        """Lines numbered after ``no`` (those still kept)."""
        with self._lock:
            if not self._lines or self._lines[-1].no <= no:
                return []
            return [line for line in self._lines if line.no > no]

    def text(self) -> str:
        with self._lock:
            return "\n".join(line.text for line in self._lines)

    def read(self, stream: str, pipe: IO[bytes]) -> None:
        """Copy ``pipe`` into this buffer until it closes (a reader thread's body)."""
        with pipe:
            for raw in iter(pipe.readline, b""):
                self.append(stream, raw.decode("utf-8", errors="replace").rstrip("\r\n"))


class ServerProcess:
    """``minilit run SCRIPT --inspect`` as a child process; its output in ``output``.

    Example::

        with ServerProcess(Path("app.py")) as proc:
            print(proc.app_url, proc.token, proc.output.text())
    """

    def __init__(self, script: Path, flags: dict[str, str] | None = None) -> None:
        self.script = script
        self.token = secrets.token_hex(20)
        self.flags = dict(flags or {})
        self.output = ServerOutput()
        self._proc: subprocess.Popen[bytes] | None = None
        self._readers: list[threading.Thread] = []
        self.port = 0

    @property
    def app_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> ServerProcess:
        """Start the server and wait until it prints its trace URL."""
        args = self.command()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        proc = self._proc = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdout is not None and proc.stderr is not None
        for stream, pipe in (("stdout", proc.stdout), ("stderr", proc.stderr)):
            reader = threading.Thread(
                target=self.output.read, args=(stream, pipe), name=f"minilit.{stream}", daemon=True
            )
            reader.start()
            self._readers.append(reader)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = TRACE_LINE.search(self.output.text())
            if match:
                self.port = int(match.group(1))
                return self
            if proc.poll() is not None:
                for reader in self._readers:
                    reader.join(2)
                raise LaunchError(f"the server exited ({proc.returncode}):\n{self.tail()}")
            time.sleep(0.05)
        self.stop()
        raise LaunchError(f"the server did not start within {timeout} s:\n{self.tail()}")

    def command(self) -> list[str]:
        """The child's command line (the decoding proxy's launcher starts another)."""
        args = [sys.executable, "-m", "minilit", "run", str(self.script), "--inspect"]
        args += ["--server.traceToken", self.token, "--server.headless", "true"]
        for key, value in self.flags.items():
            args += [f"--{key}", value]
        return args

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.output.text().splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 5 s)."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(5)
        for reader in self._readers:
            reader.join(2)

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

    app = InspectorApp(
        source,
        record_path=record,
        export_dir=output_dir(),
        server_output=server.output if server else None,
    )
    if open_browser and server is not None and has_gui():
        webbrowser.open_new_tab(server.app_url)
    if source.live:
        yield_cpu()  # after the server and the browser were started: they keep theirs
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
    print(f"  App: {server.app_url}", flush=True)
    source = LiveSource(server.app_url, server.token)
    return run_inspector(source, record, server, open_browser)


def inspect_attach(url: str, token: str, record: Path | None) -> int:
    """``minilit inspect --attach URL --token T``."""
    return run_inspector(LiveSource(url, token), record)


def inspect_recording(path: Path, record: Path | None = None) -> int:
    """``minilit inspect RECORDING.jsonl``: the same UI, offline.

    A file that is not a recording is one line on stderr and exit status 1;
    a recording cut off by a crash opens with a warning (printed, and shown
    in the inspector).
    """
    try:
        source = RecordingSource(path)
    except RecordingError as exc:
        print(f"minilit inspect: {exc}", file=sys.stderr)
        return 1
    for warning in source.recording.warnings:
        print(f"minilit inspect: warning: {warning}", file=sys.stderr)
    return run_inspector(source, record)
