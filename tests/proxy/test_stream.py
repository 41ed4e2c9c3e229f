"""The websocket through the proxy, against real Streamlit 1.67: frames unchanged,
decoded, and published as the trace events a minilit server publishes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from inspector.channel.summary import resolve
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import HandshakeRejected, WireConnection
from minilit.trace import events as ev
from minilit.trace.bus import BUS, Subscriber, TraceEvent
from tests.proxy.conftest import ProxyThread
from tests.realstreamlit import RealServer

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def bus() -> Iterator[Subscriber]:
    sub = BUS.subscribe()
    yield sub
    BUS.unsubscribe(sub)


def one_run(conn: WireConnection, timeout: float = 30) -> list[bytes]:
    """Ask for a run; the frames up to and including script_finished."""
    conn.send(BackMsg(rerun_script={}))
    frames: list[bytes] = []
    while True:
        data = conn.recv_frame(timeout)
        frames.append(data)
        if ForwardMsg.FromString(data).WhichOneof("type") == "script_finished":
            return frames


def collect(
    sub: Subscriber, seen: list[TraceEvent], done: Callable[[list[TraceEvent]], bool]
) -> list[TraceEvent]:
    """Drain the bus until ``done`` holds (the proxy publishes on its own thread)."""
    deadline = time.monotonic() + 10
    while not done(seen):
        assert time.monotonic() < deadline, [e.name for e in seen]
        seen.extend(resolve(e) for e in sub.drain())
        time.sleep(0.01)
    return seen


def test_frames_arrive_unchanged_and_publish_runs_deltas_and_frames(
    proxy: ProxyThread, bus: Subscriber
) -> None:
    with WireConnection.open(proxy.ws_url, headers={"Origin": proxy.origin}) as conn:
        assert conn.selected_subprotocol == "streamlit"
        frames = one_run(conn)
    msgs = [ForwardMsg.FromString(f) for f in frames]
    session_id = msgs[0].new_session.initialize.session_id
    run_id = msgs[0].metadata.run.script_run_id
    assert msgs[0].WhichOneof("type") == "new_session" and session_id and run_id

    events = collect(
        bus,
        [],
        lambda seen: any(e.name == ev.SESSION_DISCONNECTED for e in seen),
    )
    names = [e.name for e in events]
    # Exactly the bytes the client got, in its order (the server may have sent
    # more after script_finished, before the close); and the BackMsg it sent.
    sent = [e.data for e in events if e.name == ev.FORWARDMSG_SENT]
    assert sent[: len(frames)] == frames
    received = [e for e in events if e.name == ev.FRAME_RECEIVED]
    assert [e.data for e in received] == [BackMsg(rerun_script={}).SerializeToString()]
    assert [e.fields["kind"] for e in events if e.name == ev.BACKMSG_DECODED] == ["rerun_script"]
    # Every event is about the session the server named in new_session.
    assert {e.session_id for e in events} == {session_id}
    # The run, as a minilit server reports it.
    started = [e for e in events if e.name == ev.RUN_STARTED]
    finished = [e for e in events if e.name == ev.RUN_FINISHED]
    assert [(e.run_id, e.fields["cause"]) for e in started] == [(run_id, "rerun_script")]
    assert [(e.run_id, e.fields["status"]) for e in finished] == [(run_id, "FINISHED_SUCCESSFULLY")]
    deltas = [e for e in events if e.name == ev.DELTA_ENQUEUED]
    sent_paths = [tuple(m.metadata.delta_path) for m in msgs if m.WhichOneof("type") == "delta"]
    assert [e.delta_path for e in deltas] == sent_paths
    assert [(e.delta_path, e.fields["element"]) for e in deltas[:3]] == [
        ((0, 0), "heading"),
        ((0, 1), "button"),
        ((0, 2), "markdown"),
    ]
    assert deltas[2].fields["summary"] == "Count: `0`"
    assert {e.run_id for e in deltas} == {run_id}
    # The order a minilit server publishes in: the back frame, the run, its
    # deltas each before its frame is sent, the end before script_finished.
    assert names.index(ev.FRAME_RECEIVED) < names.index(ev.RUN_STARTED)
    first_delta_sent = next(
        i for i, e in enumerate(events) if e.name == ev.FORWARDMSG_SENT and e.delta_path
    )
    assert names.index(ev.DELTA_ENQUEUED) < first_delta_sent
    assert names.index(ev.RUN_FINISHED) < len(names) - 1 - names[::-1].index(ev.FORWARDMSG_SENT)
    assert names.index(ev.SESSION_CONNECTED) < names.index(ev.RUN_STARTED)


def test_subprotocol_entries_reach_the_server_so_a_session_resumes(proxy: ProxyThread) -> None:
    """Slot 3 of Sec-WebSocket-Protocol (the session to resume) goes through unchanged:
    the real server re-attaches the same session, with its state (the count)."""
    with WireConnection.open(proxy.ws_url) as conn:
        first = [ForwardMsg.FromString(f) for f in one_run(conn)]
        session_id = first[0].new_session.initialize.session_id
        button = next(
            m.delta.new_element.button.id
            for m in first
            if m.WhichOneof("type") == "delta" and m.delta.new_element.HasField("button")
        )
        click = BackMsg()
        widget = click.rerun_script.widget_states.widgets.add()
        widget.id = button
        widget.trigger_value = True
        conn.send(click)
        while ForwardMsg.FromString(conn.recv_frame(30)).WhichOneof("type") != "script_finished":
            pass
    with WireConnection.open(proxy.ws_url, session_id=session_id) as again:
        msgs = [ForwardMsg.FromString(f) for f in one_run(again)]
    assert msgs[0].new_session.initialize.session_id == session_id
    texts = [m.delta.new_element.markdown.body for m in msgs if m.WhichOneof("type") == "delta"]
    assert "Count: `1`" in texts


def test_origin_rule_lets_the_proxys_own_page_in_and_no_one_else(
    proxy: ProxyThread, streamlit_167: RealServer
) -> None:
    """Note [Host and Origin]: the proxy's own origin is shown to the server as the
    server's own; a foreign page gets the answer it would get without the proxy."""
    foreign = {"Origin": "http://evil.example"}
    with pytest.raises(HandshakeRejected) as direct:
        WireConnection.open(streamlit_167.ws_url, headers=foreign)
    with pytest.raises(HandshakeRejected) as proxied:
        WireConnection.open(proxy.ws_url, headers=foreign)
    assert proxied.value.response.status_code == direct.value.response.status_code == 403
    # The proxy's own page, reached by a name the real server does not know
    # (a loopback name would pass its allow-list anyway): without the rewrite,
    # 1.67 would see Origin proxy.test:<port> against Host 127.0.0.1:<target port>.
    own = f"proxy.test:{proxy.proxy.port}"
    with WireConnection.open(
        proxy.ws_url, headers={"Host": own, "Origin": f"http://{own}"}
    ) as conn:
        assert ForwardMsg.FromString(one_run(conn)[-1]).script_finished == (
            ForwardMsg.FINISHED_SUCCESSFULLY
        )


def test_an_unwatched_relay_passes_frames_without_decoding(streamlit_167: RealServer) -> None:
    """No trace channel and nobody on the bus at the handshake: the relay does not tap
    (Note [Unwatched relay]). A subscriber that comes later sees nothing of that
    socket, and the frames still go both ways."""
    with ProxyThread(streamlit_167.url, trace=False) as plain:
        assert not plain.proxy.watchable()
        with WireConnection.open(plain.ws_url, headers={"Origin": plain.origin}) as conn:
            late = BUS.subscribe()
            try:
                frames = one_run(conn)
                kinds = [ForwardMsg.FromString(f).WhichOneof("type") for f in frames]
                assert kinds[0] == "new_session" and kinds[-1] == "script_finished"
                assert "delta" in kinds
                session_id = ForwardMsg.FromString(frames[0]).new_session.initialize.session_id
                time.sleep(0.2)  # the proxy's loop would have published by now
                # (Filtered by session: a minilit server another test left running in
                # this process may still publish on the same bus.)
                assert [e.name for e in late.drain() if e.session_id == session_id] == []
            finally:
                BUS.unsubscribe(late)


def test_a_subscriber_makes_the_relay_watchable(streamlit_167: RealServer, bus: Subscriber) -> None:
    """A recording (or any subscriber) without a trace channel still gets the frames."""
    with ProxyThread(streamlit_167.url, trace=False) as plain:
        assert plain.proxy.watchable()
        with WireConnection.open(plain.ws_url, headers={"Origin": plain.origin}) as conn:
            frames = one_run(conn)
        session_id = ForwardMsg.FromString(frames[0]).new_session.initialize.session_id
        # (By session: a minilit server another test left running may publish too.)
        mine = collect(bus, [], lambda seen: _gone(seen, session_id))
        sent = [e.data for e in mine if e.name == ev.FORWARDMSG_SENT and e.session_id == session_id]
        assert sent[: len(frames)] == frames


def _gone(events: list[TraceEvent], session_id: str) -> bool:
    return any(e.name == ev.SESSION_DISCONNECTED and e.session_id == session_id for e in events)
