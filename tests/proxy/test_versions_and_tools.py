"""The proxy in front of a Tornado-based Streamlit (1.56), and the tools that attach to
it unchanged: ``minilit trace --attach`` and the launcher of ``minilit inspect --proxy``."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

import pytest

from inspector.channel.summary import resolve
from inspector.proxy.launch import ProxyProcess as InspectedProxy
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import WireConnection
from minilit.trace import events as ev
from minilit.trace.bus import BUS, TraceEvent
from tests.proxy.conftest import REPO, Probe, ProxyThread
from tests.realstreamlit import RealServer

pytestmark = pytest.mark.timeout(120)


def run_once(conn: WireConnection) -> list[ForwardMsg]:
    conn.send(BackMsg(rerun_script={}))
    msgs = []
    while True:
        msgs.append(ForwardMsg.FromString(conn.recv_frame(30)))
        if msgs[-1].WhichOneof("type") == "script_finished":
            return msgs


def test_a_tornado_streamlit_156_behind_the_proxy(streamlit_156: RealServer) -> None:
    sub = BUS.subscribe()
    try:
        with ProxyThread(streamlit_156.url, trace=False) as proxy:
            with WireConnection.open(proxy.ws_url, headers={"Origin": proxy.origin}) as conn:
                msgs = run_once(conn)
            events: list[TraceEvent] = []
            deadline = time.monotonic() + 10
            while not any(e.name == ev.SESSION_DISCONNECTED for e in events):
                assert time.monotonic() < deadline
                events += [resolve(e) for e in sub.drain()]
                time.sleep(0.01)
    finally:
        BUS.unsubscribe(sub)
    session_id = msgs[0].new_session.initialize.session_id
    assert session_id and {e.session_id for e in events} == {session_id}
    started = [e for e in events if e.name == ev.RUN_STARTED]
    finished = [e for e in events if e.name == ev.RUN_FINISHED]
    assert len(started) == len(finished) == 1 and started[0].run_id == finished[0].run_id
    assert finished[0].fields["status"] == "FINISHED_SUCCESSFULLY"
    deltas = [(e.delta_path, e.fields["element"]) for e in events if e.name == ev.DELTA_ENQUEUED]
    assert deltas[:3] == [((0, 0), "heading"), ((0, 1), "button"), ((0, 2), "markdown")]
    sent = [e.data for e in events if e.name == ev.FORWARDMSG_SENT]
    assert [ForwardMsg.FromString(d) for d in sent[: len(msgs)]] == msgs


def test_minilit_trace_attach_prints_a_proxied_run(proxy: ProxyThread) -> None:
    attach = ["--attach", proxy.url, "--token", proxy.token, "--until", "1", "--stable"]
    watcher = subprocess.Popen(
        [sys.executable, "-m", "minilit", "trace", *attach],
        cwd=str(REPO),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Attached once the proxy's channel counts a client (the transcript starts then).
        deadline = time.monotonic() + 20
        while not (proxy.proxy.channel and proxy.proxy.channel.clients):
            assert time.monotonic() < deadline and watcher.poll() is None, watcher.stderr
            time.sleep(0.02)
        with WireConnection.open(proxy.ws_url) as conn:
            run_once(conn)
        out, err = watcher.communicate(timeout=30)
    finally:
        if watcher.poll() is None:
            watcher.kill()
    assert watcher.returncode == 0, err
    assert "delta [0,0] heading" in out and "delta [0,1] button" in out
    assert "FINISHED_SUCCESSFULLY" in out


async def test_inspect_proxy_launcher_attaches_to_its_child(streamlit_167: RealServer) -> None:
    """What ``minilit inspect --proxy`` starts: the proxy in a child, its trace channel."""
    child = InspectedProxy(streamlit_167.url)
    await asyncio.to_thread(child.start)
    try:
        probe = await Probe(child.app_url, child.token).start()
        try:
            assert probe.hello["proxy"] == streamlit_167.url
            assert probe.hello["app_url"] == child.app_url
        finally:
            await probe.close()
    finally:
        await asyncio.to_thread(child.stop)
