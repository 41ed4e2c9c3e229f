"""Reconnect and cleanup (issue 3, item 6), over real websockets to a real server.

Rules (streamlit-internals §2.5, §13): a disconnected session is kept for
``server.disconnectedSessionTTL`` seconds (120 by default), at most
``server.maxDisconnectedSessions`` of them (128; the oldest goes first), and re-attached
with its state when the browser reconnects with its session id in subprotocol slot 3; an
unknown or expired id silently gets a new session; the server runs nothing on reconnect
until asked. Stopping and disconnecting end the script thread, and 100
connect/run/disconnect cycles leave no thread behind.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.scriptrunner.script_runner import ScriptRunner
from minilit.server.background import ServerThread
from minilit.testing import AppClient, WireConnection

COUNTER = """
import minilit as st
st.session_state.setdefault("n", 0)
st.session_state.n += 1
st.text(f"n={st.session_state.n}")
st.text(f"v={st.slider('V', 0, 10, 1, key='v')}")
"""

LONG = """
import time
import minilit as st
st.text("start")
if st.checkbox("Slow"):
    ph = st.empty()
    for i in range(100000):
        ph.text(f"tick {i}")    # a checkpoint: stop and disconnect end the run here
        time.sleep(0.01)
"""


def wait_until(cond: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.02)
    return cond()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., ServerThread]]:
    servers: list[ServerThread] = []

    def start(source: str, **options: Any) -> ServerThread:
        script = tmp_path / f"app{len(servers)}.py"
        script.write_text(source, encoding="utf-8")
        server = ServerThread(script, options=options).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def connect(server: ServerThread) -> AppClient:
    return AppClient.connect(server.url, wait_healthy=None)


def texts(app: AppClient) -> dict[str, str]:
    return dict(str(v).split("=", 1) for v in app.text.values if "=" in str(v))


def raw_run(conn: WireConnection) -> list[ForwardMsg]:
    """Send an empty rerun_script on a raw connection and read the run's messages."""
    conn.send(BackMsg(rerun_script=ClientState()))
    messages = []
    while True:
        msg = ForwardMsg.FromString(conn.recv_frame(5))
        messages.append(msg)
        if msg.WhichOneof("type") == "script_finished":
            return messages


def session_id_of(messages: list[ForwardMsg]) -> str:
    return next(m.new_session.initialize.session_id for m in messages if m.HasField("new_session"))


def stored(server: ServerThread) -> int:
    return server.call(server.runtime.session_mgr.num_stored)


def wait_stored(server: ServerThread, count: int, timeout: float = 10.0) -> bool:
    return wait_until(lambda: stored(server) == count, timeout)


def test_reconnect_reattaches_the_session_with_its_state(
    serve: Callable[..., ServerThread],
) -> None:
    server = serve(COUNTER)
    app = connect(server)
    try:
        app.run()
        app.slider(key="v").set_value(7).run()
        assert texts(app) == {"n": "2", "v": "7"}
        session_id = app.session_id
        app.reconnect()
        assert wait_until(
            lambda: server.call(
                lambda: server.runtime.session_mgr.get_active_session_info(session_id) is not None
            )
        )
        with pytest.raises(TimeoutError):
            app.connection.recv_frame(0.3)  # nothing runs on reconnect until asked
        app.widget_states.remove_inactive([])  # prove the values come from the server
        app.run()
        assert app.session_id == session_id
        assert texts(app) == {"n": "3", "v": "7"}
    finally:
        app.close()


def test_an_unknown_id_silently_gets_a_new_session(serve: Callable[..., ServerThread]) -> None:
    server = serve(COUNTER)
    conn = WireConnection(server.url, session_id="no-such-session")
    try:
        messages = raw_run(conn)
    finally:
        conn.close()
    assert session_id_of(messages) != "no-such-session"
    assert not any(m.delta.new_element.HasField("exception") for m in messages)
    assert (
        next(
            m.delta.new_element.text.body for m in messages if m.delta.new_element.HasField("text")
        )
        == "n=1"
    )


def test_an_expired_session_is_replaced(serve: Callable[..., ServerThread]) -> None:
    server = serve(COUNTER, **{"server.disconnectedSessionTTL": 1})
    conn = WireConnection(server.url)
    old_id = session_id_of(raw_run(conn))
    conn.close()
    assert wait_stored(server, 1)
    assert wait_stored(server, 0, timeout=5)  # expired after ~1 s
    conn = WireConnection(server.url, session_id=old_id)
    try:
        messages = raw_run(conn)
    finally:
        conn.close()
    assert session_id_of(messages) != old_id
    texts_sent = [
        m.delta.new_element.text.body for m in messages if m.delta.new_element.HasField("text")
    ]
    assert texts_sent[0] == "n=1"


def test_the_store_is_bounded_oldest_first(serve: Callable[..., ServerThread]) -> None:
    server = serve(COUNTER, **{"server.maxDisconnectedSessions": 2})
    ids = []
    for _ in range(3):
        conn = WireConnection(server.url)
        ids.append(session_id_of(raw_run(conn)))
        conn.close()
        assert wait_stored(server, min(len(ids), 2))
    assert stored(server) == 2
    for old_id, kept in ((ids[0], False), (ids[2], True)):
        conn = WireConnection(server.url, session_id=old_id)
        try:
            resumed = session_id_of(raw_run(conn)) == old_id
        finally:
            conn.close()
        assert resumed is kept


def _start_long_run(server: ServerThread) -> tuple[AppClient, ScriptRunner]:
    app = connect(server)
    app.run()
    app.checkbox[0].check()
    request = BackMsg()
    request.rerun_script.CopyFrom(app.widget_states.create_client_state())
    app.send(request)
    session_id = app.session_id

    def current_runner() -> ScriptRunner | None:
        session = server.runtime.session_mgr.get_session(session_id)
        return session.runner() if session is not None else None

    runner: ScriptRunner | None = None

    def running() -> bool:
        nonlocal runner
        runner = server.call(current_runner)
        return runner is not None and runner.is_alive() and runner.ctx.deltas_this_run > 3

    assert wait_until(running)
    assert runner is not None
    return app, runner


def test_stop_ends_the_script_thread(serve: Callable[..., ServerThread]) -> None:
    server = serve(LONG)
    app, runner = _start_long_run(server)
    try:
        app.stop_script()
        assert wait_until(lambda: not runner.is_alive(), timeout=5)
    finally:
        app.close()


def test_disconnect_ends_the_script_thread(serve: Callable[..., ServerThread]) -> None:
    server = serve(LONG)
    app, runner = _start_long_run(server)
    app.close()
    assert wait_until(lambda: not runner.is_alive(), timeout=5)
    assert wait_stored(server, 1)


def test_no_thread_leaks_after_100_cycles(serve: Callable[..., ServerThread]) -> None:
    server = serve(COUNTER, **{"server.maxDisconnectedSessions": 10})

    def cycle() -> None:
        app = connect(server)
        try:
            app.run()
            app.slider(key="v").set_value(3).run()
        finally:
            app.close()

    scripts_before = len(_script_threads())  # other tests' servers may still wind down
    cycle()  # warm-up: the server's own threads exist from here on
    assert wait_until(lambda: len(_script_threads()) <= scripts_before)
    baseline = threading.active_count()
    for _ in range(100):
        cycle()
    settled = wait_until(lambda: threading.active_count() <= baseline, timeout=15)
    assert settled, [t.name for t in threading.enumerate()]
    assert len(_script_threads()) <= scripts_before
    assert stored(server) == 10  # bounded, and no session holds a thread


def _script_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "ScriptRunner.scriptThread"]
