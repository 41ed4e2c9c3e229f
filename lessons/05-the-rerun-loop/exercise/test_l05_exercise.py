"""Exercise checkpoint: interrupting running scripts on a real server."""

from __future__ import annotations

import time
from collections.abc import Callable

from lessons.framework.harness import ServerPool
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import WireConnection

RERUN = BackMsg(rerun_script=ClientState())


def _read_until(
    conn: WireConnection, done: Callable[[ForwardMsg], bool], timeout: float = 3
) -> list[ForwardMsg]:
    deadline = time.monotonic() + timeout
    out = []
    while True:
        out.append(conn.recv(max(0.01, deadline - time.monotonic())))
        if done(out[-1]):
            return out


def _tick(n: int) -> Callable[[ForwardMsg], bool]:
    return lambda m: m.delta.new_element.text.body == f"tick {n}"


def _idle(msg: ForwardMsg) -> bool:
    return (
        msg.HasField("session_status_changed") and not msg.session_status_changed.script_is_running
    )


def test_the_stop_button_stops_a_loop_of_st_calls(start_server: ServerPool) -> None:
    server = start_server.start("loop_app.py")
    conn = WireConnection(server.url)
    conn.send(RERUN)
    _read_until(conn, _tick(2))
    conn.send(BackMsg(stop_script=True))
    rest = _read_until(conn, _idle, timeout=1.5)  # the loop would take 4 more seconds
    assert [m.script_finished for m in rest if m.HasField("script_finished")] == [0]
    conn.close()


def test_a_superseded_run_ends_its_thread(start_server: ServerPool) -> None:
    server = start_server.start("loop_app.py")
    conn = WireConnection(server.url)
    conn.send(RERUN)
    first = _read_until(conn, _tick(2))
    mgr = server.runtime.session_mgr
    session_id = first[0].new_session.initialize.session_id
    session = server.call(lambda: mgr.get_session(session_id))
    old = server.call(session.runner)
    conn.send(RERUN)
    _read_until(conn, _tick(1))
    old.join(timeout=1)
    assert not old.is_alive()
    conn.send(BackMsg(stop_script=True))
    conn.close()


def test_without_fast_reruns_the_same_thread_reruns_at_once(start_server: ServerPool) -> None:
    server = start_server.start("loop_app.py", {"runner.fastReruns": False})
    conn = WireConnection(server.url)
    conn.send(RERUN)
    _read_until(conn, _tick(2))
    conn.send(RERUN)
    rest = _read_until(conn, lambda m: m.HasField("new_session"), timeout=1.5)
    assert [m.script_finished for m in rest if m.HasField("script_finished")] == [
        ForwardMsg.FINISHED_EARLY_FOR_RERUN
    ]
    conn.send(BackMsg(stop_script=True))
    conn.close()
