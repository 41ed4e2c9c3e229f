"""A session never has more than runner.maxScriptThreads script threads (issue 17, defect 3).

A run in ``time.sleep(5)`` has no checkpoint for five seconds, so each fast
rerun used to leave one more thread behind (302 threads after 300 reruns).
Now a rerun past the bound waits, later ones are coalesced into it, and it
starts when a superseded thread ends (Note [Thread bound] in
minilit/runtime/app_session.py).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace import events
from minilit.trace.bus import BUS
from tests.wire import read_until_idle, rerun_msg, serve, ws_connect

SLEEPY = "import time\nimport minilit as st\ntime.sleep({})\nst.text('done')\n"


def script_threads() -> int:
    return sum(t.name == "ScriptRunner.scriptThread" for t in threading.enumerate())


@pytest.mark.slow
def test_300_reruns_10ms_apart_leave_a_bounded_number_of_threads(tmp_path: Path) -> None:
    baseline = script_threads()
    most = 0
    started = time.monotonic()
    with serve(tmp_path, SLEEPY.format(5)) as server, ws_connect(server) as ws:
        for _ in range(300):
            ws.send(rerun_msg())
            time.sleep(0.01)
            most = max(most, script_threads() - baseline)
        # The last request waited for a superseded thread (about 5 s after the
        # first run began), then ran for 5 s: one page, drawn once.
        run = read_until_idle(ws, timeout=15)
        session = server.runtime.session_mgr.list_active_sessions()[0].session
        assert not session.is_running
    assert most <= 3  # runner.maxScriptThreads
    assert run.finished[-1] == ForwardMsg.FINISHED_SUCCESSFULLY
    assert [m.delta.new_element.text.body for m in run.deltas][-1:] == ["done"]
    assert time.monotonic() - started < 20


def test_a_rerun_past_the_bound_waits_and_is_traced(tmp_path: Path) -> None:
    sub = BUS.subscribe()
    try:
        options = {"runner.maxScriptThreads": 2}
        with serve(tmp_path, SLEEPY.format(0.5), **options) as server, ws_connect(server) as ws:
            baseline = script_threads()
            for _ in range(6):
                ws.send(rerun_msg())
                time.sleep(0.02)
            assert script_threads() <= baseline + 2
            run = read_until_idle(ws, timeout=5)
            assert run.finished[-1] == ForwardMsg.FINISHED_SUCCESSFULLY
        seen = sub.drain()
    finally:
        BUS.unsubscribe(sub)
    waits = [
        e for e in seen if e.name == events.RERUN_COALESCED and "waiting_for_threads" in e.fields
    ]
    assert waits and all(e.fields["waiting_for_threads"] == 2 for e in waits)
    # Six requests, at most two threads: the waiting ones ran as one.
    assert sum(e.name == events.RUN_STARTED for e in seen) < 6


def test_stop_drops_a_waiting_rerun_and_says_the_session_is_idle(tmp_path: Path) -> None:
    options = {"runner.maxScriptThreads": 1}
    with serve(tmp_path, SLEEPY.format(0.5), **options) as server, ws_connect(server) as ws:
        ws.send(rerun_msg())
        time.sleep(0.05)
        ws.send(rerun_msg())  # the first thread still sleeps: this one waits
        time.sleep(0.05)
        ws.send(BackMsg(stop_script=True).SerializeToString())
        run = read_until_idle(ws, timeout=5)
        session = server.runtime.session_mgr.list_active_sessions()[0].session
        assert not session.is_running
        time.sleep(0.7)  # the first thread ends; nothing else starts
        assert session.runner() is None
    # The superseded run ends without a script_finished, as in Streamlit 1.67; the
    # browser hears only that the session is idle.
    assert run.finished == []
