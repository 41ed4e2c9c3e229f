"""Exercise reattach: which session a new socket gets, against a real server."""

from __future__ import annotations

import pytest

from lessons.framework.harness import TraceCapture, wait_until
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.server.background import ServerThread
from minilit.testing import AppClient, WireConnection
from minilit.trace import events


def _runs(app: AppClient) -> int:
    return int(app.text[0].value.split(": ")[1].split()[0])


def _drop(server: ServerThread, app: AppClient) -> str:
    session_id = app.session_id
    app.connection.close()
    mgr = server.runtime.session_mgr
    assert wait_until(lambda: server.call(lambda: mgr.get_active_session_info(session_id) is None))
    return session_id


def test_a_returning_tab_gets_its_session_and_state(server: ServerThread) -> None:
    with AppClient.connect(server.url) as app:
        app.run()
        app.run()
        session_id = _drop(server, app)
        app.reconnect()
        assert app.run().session_id == session_id and _runs(app) == 3
        mgr = server.runtime.session_mgr
        assert server.call(mgr.num_stored) == 0


def test_an_unknown_id_gets_a_new_session(server: ServerThread) -> None:
    conn = WireConnection(server.url, session_id="no-such-session")
    conn.send(BackMsg(rerun_script=ClientState()))
    session_id = conn.recv(5).new_session.initialize.session_id
    assert session_id and session_id != "no-such-session"
    conn.close()


def test_a_second_socket_takes_over_an_active_session(server: ServerThread) -> None:
    with AppClient.connect(server.url) as first:
        first.run()
        second = WireConnection(server.url, session_id=first.session_id)
        second.send(BackMsg(rerun_script=ClientState()))
        assert second.recv(5).new_session.initialize.session_id == first.session_id
        with pytest.raises(TimeoutError):
            first.connection.recv_frame(0.3)
        second.close()


def test_the_trace_says_which_it_was(server: ServerThread) -> None:
    trace = TraceCapture()
    try:
        with AppClient.connect(server.url) as app:
            app.run()
            session_id = _drop(server, app)
            app.reconnect()
            app.run()
        trace.wait_for(events.SESSION_RESUMED, lambda e: e.session_id == session_id)
        connected = trace.events(events.SESSION_CONNECTED, session_id=session_id)
        assert len(connected) == 1 and connected[0].fields["requested_id"] == ""
    finally:
        trace.close()
