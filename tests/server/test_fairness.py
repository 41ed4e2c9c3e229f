"""One flooding connection does not starve the others (issue 17, the flood figures).

The latency figures come from bench/bench_flood.py (timed tests are not
used: DESIGN.md section 8). These tests pin the two mechanisms without
timing anything: Note [Taking turns] in minilit/server/websocket.py (a burst
of frames gives way to other connections) and the coalescing of a burst of
reruns into one run (Note [Thread bound] in minilit/runtime/app_session.py).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime import app_session
from minilit.scriptrunner.script_runner import ScriptRunner
from minilit.trace import events
from minilit.trace.bus import BUS
from tests.server.test_backpressure import DeafClient
from tests.wire import read_until_idle, rerun_msg, run_once, serve, ws_connect

APP = "import minilit as st\nst.text('hello')\n"
SLOW_APP = """\
import time
import minilit as st
for i in range(100):
    st.text(i)
    time.sleep(0.002)
"""
BURST = 2000


def test_a_burst_of_frames_gives_way_to_another_connection(tmp_path: Path) -> None:
    """2,000 frames arrive at once on one socket; another socket's frame, sent
    just after, is read long before the burst is through."""
    sub = BUS.subscribe(maxsize=100_000)
    try:
        with serve(tmp_path, APP) as server, ws_connect(server) as observer:
            assert run_once(observer).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
            flood = DeafClient(server.port)
            try:
                flood.send_many([rerun_msg()] * BURST)
                observer.send(rerun_msg())
                read_until_idle(observer)
            finally:
                flood.close()
            seen = sub.drain()
    finally:
        BUS.unsubscribe(sub)
    decoded = [e for e in seen if e.name == events.BACKMSG_DECODED]
    observer_id = decoded[0].session_id  # its first rerun came before the flood
    last_observer = max(i for i, e in enumerate(decoded) if e.session_id == observer_id)
    flood_before = sum(e.session_id != observer_id for e in decoded[:last_observer])
    # Without turns the whole burst was read first (flood_before == BURST).
    assert flood_before < 100, flood_before  # (without turns: 500 or more)


def test_a_burst_of_reruns_interrupting_runs_is_paced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[ScriptRunner] = []

    class CountingRunner(ScriptRunner):
        def start(self) -> None:
            created.append(self)
            super().start()

    monkeypatch.setattr(app_session, "ScriptRunner", CountingRunner)
    with serve(tmp_path, SLOW_APP) as server:
        flood = DeafClient(server.port)
        try:
            flood.send_many([rerun_msg()] * 500)
            time.sleep(1.0)
        finally:
            flood.close()
    # Each request interrupted the run in progress with a new thread: about
    # 400 of them. Now at most one new thread per 10 ms while runs are going.
    assert len(created) < 100, len(created)
