"""Lesson 04's claims: sessions per tab, disconnect, reconnect, expiry, where state lives."""

from __future__ import annotations

from typing import Any

import pytest

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, server_session_state, wait_until
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


@claim("L04.C1")
def test_each_tab_is_its_own_session(server: ServerThread) -> None:
    with AppClient.connect(server.url) as a, AppClient.connect(server.url) as b:
        for _ in range(3):
            a.run()
        b.run()
        assert a.session_id != b.session_id
        assert (_runs(a), _runs(b)) == (3, 1)
        runs = [server_session_state(server, tab.session_id, "runs") for tab in (a, b)]
        assert runs == [3, 1]


@claim("L04.C2")
def test_a_module_variable_is_shared_by_every_session(server: ServerThread) -> None:
    with AppClient.connect(server.url) as a, AppClient.connect(server.url) as b:
        first = _everyone(a.run())
        assert _everyone(b.run()) == first + 1
        assert _everyone(a.run()) == first + 2


@claim("L04.C3")
def test_a_closed_socket_leaves_the_session_waiting(server: ServerThread, app: AppClient) -> None:
    app.run()
    session_id = _drop(server, app)
    mgr = server.runtime.session_mgr
    assert server.call(lambda: mgr.get_session(session_id) is not None)
    assert server.config.get("server.disconnectedSessionTTL") == 120


@claim("L04.C4")
def test_reconnecting_in_time_finds_the_same_state(server: ServerThread, app: AppClient) -> None:
    app.run()
    app.run()
    session_id = _drop(server, app)
    app.reconnect()
    assert app.run().session_id == session_id
    assert _runs(app) == 3


@claim("L04.C5")
def test_after_the_ttl_the_session_is_gone(start_server: ServerPool) -> None:
    server = start_server.start("app.py", {"server.disconnectedSessionTTL": 1})
    with AppClient.connect(server.url) as app:
        app.run()
        app.run()
        session_id = _drop(server, app)
        mgr = server.runtime.session_mgr
        assert wait_until(lambda: server.call(lambda: mgr.get_session(session_id) is None), 4)
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
def test_sessions_live_in_the_server_process_only(start_server: ServerPool) -> None:
    first = start_server.start("app.py")
    with AppClient.connect(first.url) as app:
        app.run()
        old_id = app.session_id
    restarted = start_server.start("app.py")
    conn = WireConnection(restarted.url, session_id=old_id)
    with AppClient.connect(restarted.url) as other:
        other.run()
        assert other.session_id != old_id
    mgr = restarted.runtime.session_mgr
    assert restarted.call(lambda: mgr.get_session(old_id) is None)
    conn.close()


@claim("L04.C9")
def test_the_newest_socket_wins(server: ServerThread) -> None:
    with AppClient.connect(server.url) as first:
        first.run()
        second = WireConnection(server.url, session_id=first.session_id)
        second.send(BackMsg(rerun_script=ClientState()))
        assert second.recv(5).new_session.initialize.session_id == first.session_id
        with pytest.raises(TimeoutError):
            first.connection.recv_frame(0.3)  # the first socket hears nothing more
        second.close()


@claim("L04.C10")
def test_reloading_the_page_starts_a_new_session(server: ServerThread, page: Any) -> None:
    app = page.locator("[data-testid='stApp']")
    page.goto(server.url + "/")
    page.get_by_text("this tab's session: 1 run(s)", exact=False).wait_for()
    page.keyboard.press("r")
    page.get_by_text("this tab's session: 2 run(s)", exact=False).wait_for()
    before = app.get_attribute("data-test-session-id")
    page.reload()
    page.get_by_text("this tab's session: 1 run(s)", exact=False).wait_for()
    assert app.get_attribute("data-test-session-id") not in (None, before)
