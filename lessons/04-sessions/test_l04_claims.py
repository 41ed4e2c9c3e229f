"""Lesson 04's claims: sessions per tab, disconnect, reconnect, expiry, where state lives."""

from __future__ import annotations

import subprocess
import time
from typing import Any

import pytest

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, server_session_state, wait_until
from lessons.framework.targets import Target, against
from minilit.config import OPTIONS
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient, WireConnection

SERVER_OPTIONS = {"server.disconnectedSessionTTL": 120}


def _runs(app: AppClient) -> int:
    return int(app.text[0].value.split(": ")[1].split()[0])


def _everyone(app: AppClient) -> int:
    return int(app.text[1].value.split(": ")[1].split()[0])


def _drop(server: ServerThread, app: AppClient) -> str:
    """Close the tab's socket and wait until the server has noticed."""
    session_id = app.session_id
    app.connection.close()
    mgr = server.runtime.session_mgr
    assert wait_until(lambda: server.call(lambda: mgr.get_active_session_info(session_id) is None))
    return session_id


def _close(target: Target, app: AppClient, server: ServerThread | None = None) -> str:
    """Close the tab's socket; on minilit, wait until the server has noticed."""
    if target.is_minilit:
        assert server is not None
        return _drop(server, app)
    session_id = app.session_id
    app.connection.close()
    return session_id


@claim("L04.C1")
@against("minilit", "1.67", "1.56")
def test_each_tab_is_its_own_session(target: Target) -> None:
    with target.connect() as a, target.connect() as b:
        for _ in range(3):
            a.run()
        b.run()
        assert a.session_id != b.session_id
        assert (_runs(a), _runs(b)) == (3, 1)


@claim("L04.C1")
def test_each_session_has_its_own_state_object(server: ServerThread) -> None:
    with AppClient.connect(server.url) as a, AppClient.connect(server.url) as b:
        for _ in range(3):
            a.run()
        b.run()
        runs = [server_session_state(server, tab.session_id, "runs") for tab in (a, b)]
        assert runs == [3, 1]


@claim("L04.C2")
@against("minilit", "1.67", "1.56")
def test_a_module_variable_is_shared_by_every_session(target: Target) -> None:
    with target.connect() as a, target.connect() as b:
        first = _everyone(a.run())
        assert _everyone(b.run()) == first + 1
        assert _everyone(a.run()) == first + 2


def _default_of(target: Target, option: str) -> str:
    """A configuration option's default, as the target's own code has it."""
    if target.is_minilit:
        return str(OPTIONS[option].default)
    from tests.realstreamlit import require_real_streamlit

    code = f"from streamlit import config; print(config.get_option({option!r}))"
    python = require_real_streamlit(target.kind)
    return subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


@claim("L04.C3")
@against("minilit", "1.67", "1.56")
def test_a_closed_socket_leaves_the_session_waiting(target: Target) -> None:
    assert _default_of(target, "server.disconnectedSessionTTL") == "120"
    with target.connect() as app:
        app.run()
        session_id = _close(target, app, _server_of(target))
        app.reconnect()  # still known: the same session comes back
        assert app.run().session_id == session_id


@claim("L04.C3")
def test_the_waiting_session_is_in_the_manager(server: ServerThread, app: AppClient) -> None:
    app.run()
    session_id = _drop(server, app)
    mgr = server.runtime.session_mgr
    assert server.call(lambda: mgr.get_session(session_id) is not None)
    assert server.config.get("server.disconnectedSessionTTL") == 120


def _server_of(target: Target) -> ServerThread | None:
    """The minilit server behind ``target.url()`` (None on real Streamlit)."""
    return _SERVERS.get(target.url()) if target.is_minilit else None


_SERVERS: dict[str, ServerThread] = {}


@pytest.fixture(autouse=True)
def _remember_server(server: ServerThread) -> None:
    _SERVERS[server.url] = server


@claim("L04.C4")
@against("minilit", "1.67", "1.56")
def test_reconnecting_in_time_finds_the_same_state(target: Target) -> None:
    with target.connect() as app:
        app.run()
        app.run()
        session_id = _close(target, app, _server_of(target))
        app.reconnect()
        assert app.run().session_id == session_id
        assert _runs(app) == 3


@claim("L04.C5")
@against("minilit", "1.67", "1.56")
def test_after_the_ttl_the_session_is_gone(target: Target) -> None:
    with target.connect(options={"server.disconnectedSessionTTL": 1}) as app:
        app.run()
        app.run()
        session_id = app.session_id
        app.connection.close()
        time.sleep(2.5)  # well past the 1 s TTL (a sleep never ends early)
        app.reconnect()
        assert app.run().session_id != session_id
        assert _runs(app) == 1


@claim("L04.C6")
def test_only_so_many_sessions_wait(start_server: ServerPool) -> None:
    server = start_server.start("app.py", {"server.maxDisconnectedSessions": 2})
    ids = []
    for _ in range(3):
        with AppClient.connect(server.url) as app:
            app.run()
            ids.append(_drop(server, app))
    mgr = server.runtime.session_mgr
    alive = server.call(lambda: [mgr.get_session(i) is not None for i in ids])
    assert alive == [False, True, True]


@claim("L04.C7")
def test_a_disconnect_stops_the_running_script(start_server: ServerPool) -> None:
    server = start_server.start("slow_app.py")
    conn = WireConnection(server.url)
    conn.send(BackMsg(rerun_script=ClientState()))
    session_id = conn.recv(5).new_session.initialize.session_id  # the run has begun
    mgr = server.runtime.session_mgr
    session = server.call(lambda: mgr.get_session(session_id))
    assert session is not None
    runner = server.call(session.runner)
    assert runner is not None and runner.is_alive()
    conn.close()
    assert wait_until(lambda: server.call(lambda: mgr.get_active_session_info(session_id) is None))
    runner.join(timeout=2)
    assert not runner.is_alive()
    assert session.last_finish_status == ForwardMsg.FINISHED_EARLY_FOR_RERUN


@claim("L04.C8")
@against("minilit", "1.67", "1.56")
def test_sessions_live_in_the_server_process_only(target: Target) -> None:
    with target.connect() as app:
        app.run()
        old_id = app.session_id
    restarted = target.url(fresh=True)  # another server process (or ServerThread)
    conn = WireConnection(restarted, session_id=old_id)
    conn.send(BackMsg(rerun_script=ClientState()))
    assert conn.recv(5).new_session.initialize.session_id != old_id
    conn.close()


@claim("L04.C9")
@against("minilit", "1.67", "1.56")
def test_the_newest_socket_wins(target: Target) -> None:
    with target.connect() as first:
        first.run()
        second = WireConnection(target.url(), session_id=first.session_id)
        second.send(BackMsg(rerun_script=ClientState()))
        taken = second.recv(5).new_session.initialize.session_id == first.session_id
        if taken:
            with pytest.raises(TimeoutError):
                first.connection.recv_frame(0.3)  # the first socket hears nothing more
        second.close()
    # Streamlit 1.56 makes a new session instead while the old socket is open.
    assert taken == (target.kind != "1.56"), target.name


@claim("L04.C10")
@against("minilit", "1.67")
def test_reloading_the_page_starts_a_new_session(target: Target, page: Any) -> None:
    page.goto(target.url() + "/")
    page.get_by_text("this tab's session: 1 run(s)", exact=False).wait_for()
    page.keyboard.press("r")
    page.get_by_text("this tab's session: 2 run(s)", exact=False).wait_for()
    page.reload()
    page.get_by_text("this tab's session: 1 run(s)", exact=False).wait_for()
