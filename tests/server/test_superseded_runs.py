"""How a run ends on the wire: one terminal status per run, and never success for a run
that a rerun replaced (Note [Superseded runs] in minilit/runtime/app_session.py).

Every race here is closed by a gate, not by timing: the script waits at a file that the
test creates only once the rerun has been handled, and the test reads the tail of the
stream only after the server has handled the end of the script thread (the session's
runner is gone), then fences it with a heartbeat: whatever the thread's end queued is
before the heartbeat's ack.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.runtime.app_session import AppSession
from minilit.server.background import ServerThread
from minilit.trace import events
from minilit.trace.bus import BUS
from tests.wire import RawSocket, read_until_idle, recv, rerun_msg, run_once, serve, ws_connect

GATED = """
import pathlib, time, minilit as st
st.text("before the gate")
while not pathlib.Path({gate!r}).exists():
    time.sleep(0.005)          # no st.* call: no checkpoint in here
st.text("after the gate")
"""


def wait_until(condition: Callable[[], Any], what: str, timeout: float = 10.0) -> None:
    """Poll a condition set by another thread (never a fixed sleep that hopes)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.005)


def session_of(server: ServerThread, new_session: ForwardMsg) -> AppSession:
    session = server.runtime.session_mgr.get_session(new_session.new_session.initialize.session_id)
    assert session is not None
    return session


def fence(ws: RawSocket) -> list[ForwardMsg]:
    """Send a heartbeat; return what arrives before its ack.

    The server handles one socket's frames in order and sends its messages in the order
    they were queued, so when the ack arrives every earlier frame has been handled and
    everything queued before it has been received.
    """
    ws.send(BackMsg(app_heartbeat=True).SerializeToString())
    before: list[ForwardMsg] = []
    while True:
        msg = recv(ws)
        if msg.heartbeat_ack:
            return before
        before.append(msg)


def read_until_new_run(ws: RawSocket, messages: list[ForwardMsg], old_id: str) -> str:
    """Receive into ``messages`` until a run other than ``old_id`` is announced; its id."""
    while True:
        announced = [
            m.metadata.run.script_run_id
            for m in messages
            if m.WhichOneof("type") == "new_session" and m.metadata.run.script_run_id != old_id
        ]
        if announced:
            return announced[0]
        messages.append(recv(ws))


def read_tail(ws: RawSocket, server: ServerThread, session: AppSession) -> list[ForwardMsg]:
    """Every message still to come from the runs so far, once their threads have ended.

    The session forgets its runner when the IOLoop handles the thread's SHUTDOWN, so
    everything that handling queued is queued before the heartbeat's ack.
    """
    wait_until(lambda: server.call(session.runner) is None, "the script thread has ended")
    return fence(ws)


def finishes(messages: list[ForwardMsg]) -> list[tuple[str, int]]:
    """(run id, status) of every script_finished."""
    return [
        (m.metadata.run.script_run_id, m.script_finished)
        for m in messages
        if m.WhichOneof("type") == "script_finished"
    ]


def statuses(messages: list[ForwardMsg]) -> list[bool]:
    """script_is_running of every session_status_changed."""
    return [
        m.session_status_changed.script_is_running
        for m in messages
        if m.WhichOneof("type") == "session_status_changed"
    ]


def test_a_run_has_one_script_finished_even_after_its_thread_ends(tmp_path: Path) -> None:
    """The thread's end (SHUTDOWN) after a finished run adds no second script_finished."""
    with (
        serve(tmp_path, "import minilit as st\nst.text('x')\n") as server,
        ws_connect(server) as ws,
    ):
        for _ in range(2):
            run = run_once(ws)
            session = session_of(server, run.messages[0])
            tail = read_tail(ws, server, session)
            assert tail == [], "nothing after the run's closing status"
            run_id = run.messages[0].metadata.run.script_run_id
            assert finishes(run.messages) == [(run_id, ForwardMsg.FINISHED_SUCCESSFULLY)]
            assert statuses(run.messages) == [True, False]


def test_a_superseded_run_never_reports_success(tmp_path: Path) -> None:
    """Fast reruns: the replaced run sends no script_finished at all; the session stays
    "running" from the first run's start to the second run's end, with one status each way.
    """
    gate = tmp_path / "gate"
    with serve(tmp_path, GATED.format(gate=str(gate))) as server, ws_connect(server) as ws:
        ws.send(rerun_msg())
        messages = [recv(ws)]
        old_id = messages[0].metadata.run.script_run_id
        session = session_of(server, messages[0])
        old_runner = server.call(session.runner)
        while not messages[-1].HasField("delta"):  # the old run is at its gate
            messages.append(recv(ws))
        ws.send(rerun_msg())
        messages += fence(ws)
        # The rerun has been handled: the old run is over as far as the session knows.
        new_id = read_until_new_run(ws, messages, old_id)
        assert server.call(lambda: session.last_finish_status) == (
            ForwardMsg.FINISHED_EARLY_FOR_RERUN
        )
        gate.touch()
        messages += read_until_idle(ws).messages
        assert old_runner is not None
        old_runner.join(timeout=10)
        assert not old_runner.is_alive()
        messages += read_tail(ws, server, session)
        assert server.call(lambda: session.last_finish_status) == (ForwardMsg.FINISHED_SUCCESSFULLY)
    assert finishes(messages) == [(new_id, ForwardMsg.FINISHED_SUCCESSFULLY)]
    assert statuses(messages) == [True, False]
    assert [m.WhichOneof("type") for m in messages].count("new_session") == 2


def test_without_fast_reruns_each_run_reports_once(tmp_path: Path) -> None:
    """runner.fastReruns off: the same runner goes on, so the old run says it ended early
    (FINISHED_EARLY_FOR_RERUN, then not-running) before the new run is announced; each
    run has exactly one script_finished and the old one is never a success.
    """
    gate = tmp_path / "gate"
    options: dict[str, Any] = {"runner.fastReruns": False}
    with (
        serve(tmp_path, GATED.format(gate=str(gate)), **options) as server,
        ws_connect(server) as ws,
    ):
        ws.send(rerun_msg())
        messages = [recv(ws)]
        old_id = messages[0].metadata.run.script_run_id
        session = session_of(server, messages[0])
        while not messages[-1].HasField("delta"):
            messages.append(recv(ws))
        ws.send(rerun_msg())
        # The request waits in the runner's mailbox (the old run is at its gate); the gate
        # opens only once the server has handled it.
        messages += fence(ws)
        gate.touch()
        new_id = read_until_new_run(ws, messages, old_id)
        messages += read_until_idle(ws).messages
        messages += read_tail(ws, server, session)
    assert finishes(messages) == [
        (old_id, ForwardMsg.FINISHED_EARLY_FOR_RERUN),
        (new_id, ForwardMsg.FINISHED_SUCCESSFULLY),
    ]
    assert statuses(messages) == [True, False, True, False]
    texts = [m.delta.new_element.text.body for m in messages if m.HasField("delta")]
    assert texts == ["before the gate", "before the gate", "after the gate"]


def test_a_stop_request_is_traced_with_the_run_it_stops(tmp_path: Path) -> None:
    """The Stop button: traced with the session and run, the run ends (successfully, as
    st.stop() does) at its next checkpoint, with one script_finished and not-running."""
    gate = tmp_path / "gate"
    sub = BUS.subscribe()
    try:
        with serve(tmp_path, GATED.format(gate=str(gate))) as server, ws_connect(server) as ws:
            ws.send(rerun_msg())
            messages = [recv(ws)]
            run_id = messages[0].metadata.run.script_run_id
            session = session_of(server, messages[0])
            while not messages[-1].HasField("delta"):
                messages.append(recv(ws))
            ws.send(BackMsg(stop_script=True).SerializeToString())
            messages += fence(ws)
            gate.touch()
            messages += read_until_idle(ws).messages
            messages += read_tail(ws, server, session)
        stops = [e for e in sub.drain() if e.name == events.STOP_REQUESTED]
    finally:
        BUS.unsubscribe(sub)
    assert [(e.session_id, e.run_id) for e in stops] == [(session.id, run_id)]
    assert finishes(messages) == [(run_id, ForwardMsg.FINISHED_SUCCESSFULLY)]
    assert statuses(messages) == [True, False]
    texts = [m.delta.new_element.text.body for m in messages if m.HasField("delta")]
    assert texts == ["before the gate"], "stopped at the next st.* call"
