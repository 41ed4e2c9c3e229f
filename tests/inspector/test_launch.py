"""Launch mode: ``minilit inspect APP.py`` starts ``minilit run --inspect`` in a child
process and attaches to it (here with Textual's headless driver instead of a terminal)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.app import InspectorApp
from inspector.launch import LaunchError, ServerProcess, looks_like_recording
from inspector.sources import LiveSource
from minilit.cli import DEMO_SCRIPT
from minilit.testing import AppClient
from tests.inspector.conftest import MINILIT_SESSION, TOUR

pytestmark = pytest.mark.timeout(120)


async def test_inspect_the_demo_in_a_child_server() -> None:
    with ServerProcess(DEMO_SCRIPT, {"server.port": "0"}) as proc:
        assert proc.port and proc.token
        app = InspectorApp(LiveSource(proc.app_url, proc.token), server_output=proc.output)
        async with app.run_test(size=(160, 45)) as pilot:
            for _ in range(200):
                if app.connection == "live":
                    break
                await pilot.pause(0.05)
            assert app.connection == "live"
            assert f"app {proc.app_url}" in app.sub_title
            client = await asyncio.to_thread(AppClient.connect, proc.app_url)
            try:
                await asyncio.to_thread(client.run, timeout=30)
            finally:
                client.close()
            for _ in range(200):
                if app.model.runs and app.model.runs[0].finished:
                    break
                await pilot.pause(0.05)
            run = app.model.runs[0]
            assert run.status == "FINISHED_SUCCESSFULLY"
            assert run.deltas[0].where.endswith("demo.py:13")  # st.title("minilit demo")
            assert str(DEMO_SCRIPT) in app.model.sources
    assert proc._proc is not None and proc._proc.poll() is not None  # stopped with the block


def test_a_server_that_cannot_start_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "app.py"
    bad.write_text("import minilit as st\n")
    proc = ServerProcess(bad, {"server.address": "0.0.0.0"})
    with pytest.raises(LaunchError, match="loopback"):
        proc.start(timeout=30)
    proc.stop()


def test_recordings_are_recognised() -> None:
    assert looks_like_recording(TOUR) and looks_like_recording(MINILIT_SESSION)
    assert not looks_like_recording(DEMO_SCRIPT)


YIELD_PROBE = """
import os, subprocess, sys, threading
from inspector.launch import yield_cpu
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
yield_cpu()
seen = []
thread = threading.Thread(target=lambda: seen.append(os.sched_getscheduler(0)))
thread.start()
thread.join()
print(os.sched_getscheduler(0), seen[0], os.sched_getscheduler(child.pid))
child.kill()
"""


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="SCHED_IDLE is Linux's")
def test_an_observer_runs_only_on_idle_cpus_and_its_server_does_not() -> None:
    """Note [Yielding the CPU]: the inspector's process, and the threads it starts
    afterwards (Textual's among them), go to SCHED_IDLE; a server started before
    keeps the normal class."""
    out = subprocess.run(
        [sys.executable, "-c", YIELD_PROBE], capture_output=True, text=True, timeout=60, check=True
    ).stdout.split()
    assert [int(x) for x in out] == [os.SCHED_IDLE, os.SCHED_IDLE, os.SCHED_OTHER]
