"""What the trace channel streams for real runs, over a real server."""

from __future__ import annotations

import asyncio
from pathlib import Path

from inspector.channel.endpoint import channel_of, install_trace
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from minilit.trace import events as ev
from tests.trace.conftest import Probe
from tests.wire import settled


async def _run(url: str) -> AppClient:
    app = await asyncio.to_thread(AppClient.connect, url)
    await asyncio.to_thread(app.run)
    return app


async def test_a_run_is_traced_hop_by_hop(trace_server: ServerThread, probe: Probe) -> None:
    app = await _run(trace_server.url)
    try:
        await probe.wait_for(lambda: len(probe.named(ev.FORWARDMSG_SENT)) >= 9)
        names = [e.name for e in probe.events]
        # The order of the hops for one interaction.
        order = [
            ev.SESSION_CONNECTED,
            ev.HANDSHAKE_ACCEPTED,
            ev.FRAME_RECEIVED,
            ev.BACKMSG_DECODED,
            ev.RERUN_REQUESTED,
            ev.RUN_STARTED,
            ev.DELTA_ENQUEUED,
            ev.RUN_FINISHED,
        ]
        positions = [names.index(n) for n in order]
        assert positions == sorted(positions)
        assert ev.QUEUE_COALESCED in names and ev.QUEUE_FLUSHED in names

        deltas = probe.named(ev.DELTA_ENQUEUED)
        script = trace_server.server.main_script_path
        assert [(e.where, e.delta_path) for e in deltas] == [
            (f"{script}:2", (0, 0)),
            (f"{script}:3", (0, 1)),
            (f"{script}:4", (0, 2)),
            (f"{script}:5", (0, 3)),
            (f"{script}:6", (0, 3)),
            (f"{script}:7", (0, 3)),
            (f"{script}:8", (0, 4)),
        ]
        # Two of the three deltas at [0, 3] were coalesced away in the queue.
        assert len(probe.named(ev.QUEUE_COALESCED)) == 2

        finished = probe.named(ev.RUN_FINISHED)[0]
        assert finished.fields["status"] == "script_stopped_with_success"
        assert finished.fields["deltas"] == 7
        assert finished.fields["duration_ms"] > 0
    finally:
        app.close()


async def test_sent_events_carry_the_exact_frame_bytes(
    trace_server: ServerThread, probe: Probe
) -> None:
    app = await _run(trace_server.url)
    try:
        received = app.last_run.frames
        await probe.wait_for(lambda: len(probe.named(ev.FORWARDMSG_SENT)) >= len(received))
        sent = [e.data for e in probe.named(ev.FORWARDMSG_SENT)]
        assert sent == received
        back = probe.named(ev.FRAME_RECEIVED)[0]
        assert back.data == app.last_run.request_frame
    finally:
        app.close()


def _strip_ids(frames: list[bytes]) -> list[bytes]:
    out = []
    for frame in frames:
        msg = ForwardMsg.FromString(frame)
        msg.metadata.run.script_run_id = ""
        if msg.HasField("new_session"):
            msg.new_session.initialize.session_id = ""
        out.append(msg.SerializeToString())
    return out


def test_settled_frames_ignore_only_a_coalescing_difference() -> None:
    """The comparison below is not vacuous: it sees a changed delta or a lost one."""

    def delta(path: list[int], text: str) -> bytes:
        msg = ForwardMsg()
        msg.metadata.delta_path.extend(path)
        msg.delta.new_element.text.body = text
        return msg.SerializeToString()

    one = [delta([0, 0], ""), delta([0, 0], "filled"), delta([0, 1], "b")]
    assert settled(one) == settled(one[1:])  # coalesced or not: the same
    assert settled(one) != settled([delta([0, 0], "other"), one[2]])
    assert settled(one) != settled(one[:2])


async def test_tracing_does_not_change_what_is_sent(app_path: Path) -> None:
    """Principle 4 of the design: instrumentation never changes what is sent
    (up to the coalescing that thread timing decides, see ``_settled``)."""
    frames = []
    for configure in (None, install_trace):
        with ServerThread(app_path, configure=configure) as server:
            probe = None
            if channel_of(server.server) is not None:
                probe = await Probe(server.url, channel_of(server.server).token).start()
            app = await _run(server.url)
            frames.append(_strip_ids(app.last_run.frames))
            app.close()
            if probe is not None:
                await probe.close()
    assert settled(frames[0]) == settled(frames[1])


async def test_drops_are_counted_not_waited_for(tmp_path: Path) -> None:
    """A slow inspector loses events (counted); the script never waits for it."""
    from inspector.channel import endpoint

    script = tmp_path / "many.py"
    script.write_text("import minilit as st\nfor i in range(300):\n    st.text(i)\n")
    saved = endpoint.SUBSCRIBER_MAXSIZE
    endpoint.SUBSCRIBER_MAXSIZE = 50
    try:
        with ServerThread(script, configure=install_trace) as server:
            assert channel_of(server.server) is not None
            probe = await Probe(server.url, channel_of(server.server).token).start()
            app = await asyncio.to_thread(AppClient.connect, server.url)
            # Keep the IOLoop (which sends our events) busy while the script
            # thread publishes 300 deltas: the bounded buffer must overflow.
            import time

            runner = asyncio.create_task(asyncio.to_thread(app.run))
            await asyncio.to_thread(server.call, lambda: time.sleep(0.5), 5.0)
            await runner
            await probe.wait_for(lambda: probe.dropped > 0)
            assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
            seqs = [e.seq for e in probe.events]
            assert seqs == sorted(set(seqs))
            # Every event is either delivered or counted as dropped.
            first = seqs[0]
            assert len(seqs) + probe.dropped >= seqs[-1] - first + 1
            app.close()
            await probe.close()
    finally:
        endpoint.SUBSCRIBER_MAXSIZE = saved
