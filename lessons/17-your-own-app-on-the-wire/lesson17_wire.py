"""Lesson 17's machinery: one session of the lesson's app, recorded on a server.

Two ways, both as a reader runs them, as child processes:

- on minilit directly: ``minilit run app.py --record FILE``;
- on any Streamlit server behind minilit's decoding proxy:
  ``minilit proxy URL --record FILE``.

Either way the headless client (minilit.testing.AppClient) replays the scenario's
steps (scenario.toml) on the page, then the process is stopped and its recording read
back (inspector.channel.recording). ``minilit diff`` (inspector.wirediff) compares two.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from inspector.channel.protocol import WireEvent
from inspector.channel.recording import read_recording
from lessons.framework.transcript import load_scenario
from minilit.testing import AppClient
from minilit.testing.connection import wait_until_healthy
from minilit.testing.ports import free_port

HERE = Path(__file__).resolve().parent
APP = HERE / "app.py"


@contextlib.contextmanager
def _running(argv: Sequence[str], port: int) -> Iterator[str]:
    """``argv`` as a child process listening on ``port``; its URL while it runs."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "minilit", *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_healthy(url, timeout=30)
        except TimeoutError:
            child.kill()
            printed = child.communicate(timeout=10)[0].decode(errors="replace")
            raise RuntimeError(f"`minilit {' '.join(argv)}` did not start:\n{printed}") from None
        yield url
    finally:
        if child.poll() is None:
            child.send_signal(signal.SIGINT)  # as Ctrl-C: the recording is closed cleanly
            try:
                child.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.communicate()


def replay(url: str) -> None:
    """The scenario's steps (scenario.toml) in one headless tab at ``url``."""
    with AppClient.connect(url, default_timeout=30) as app:
        for step in load_scenario(HERE / "scenario.toml").steps:
            if step.do == "open":
                continue
            if step.do == "run":
                app.run()
                continue
            widget = getattr(app, step.widget)[step.index]
            action = getattr(widget, step.do)
            (action() if step.value is None else action(step.value)).run()


def record_on_minilit(out: Path, app: Path = APP) -> list[WireEvent]:
    """Run ``app`` on minilit with ``--record out``, replay the scenario; the events."""
    port = free_port()
    argv = ["run", str(app), "--server.port", str(port), "--server.headless", "true"]
    with _running([*argv, "--record", str(out)], port) as url:
        replay(url)
    return read_recording(out).events


def record_through_proxy(target_url: str, out: Path) -> list[WireEvent]:
    """Put ``minilit proxy --record out`` in front of ``target_url``, replay; the events."""
    port = free_port()
    argv = ["proxy", target_url, "--server.port", str(port), "--record", str(out)]
    with _running(argv, port) as url:
        replay(url)
    return read_recording(out).events
