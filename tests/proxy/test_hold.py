"""Holding frames on the proxy, both ways, through the real trace channel (real Streamlit 1.67).

The inspector's own trace client (``Probe``) sends the commands; a websocket
client plays the browser. Whether a frame is held is read from the ``gate``
messages (the stepper's real state), never from a sleep.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import WireConnection
from tests.proxy.conftest import Probe, ProxyThread

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
async def probe(proxy: ProxyThread) -> AsyncIterator[Probe]:
    p = await Probe(proxy.url, proxy.token).start()
    yield p
    await p.close()


def kind(data: bytes) -> str:
    return ForwardMsg.FromString(data).WhichOneof("type") or ""


def nothing_waiting(conn: WireConnection) -> bool:
    """No frame has reached the client (looked at without waiting)."""
    try:
        conn.recv_frame(0)
    except TimeoutError:
        return True
    return False


async def test_hello_says_the_proxy_cannot_step_by_line(probe: Probe, proxy: ProxyThread) -> None:
    assert probe.hello["proxy"] == proxy.proxy.target.url
    assert "unavailable on a proxy" in probe.hello["no_step"]
    assert probe.hello["script_path"] == ""
    for cmd in ({"cmd": "pause"}, {"cmd": "step"}, {"cmd": "break", "add": "type:button"}):
        reply = await probe.command(**cmd)
        assert reply["ok"] is False and reply["error"] == probe.hello["no_step"]
    assert probe.gate.get("mode") == "run"  # nothing changed


async def test_held_forward_frames_wait_then_arrive_in_order(
    probe: Probe, proxy: ProxyThread
) -> None:
    conn = await asyncio.to_thread(WireConnection.open, proxy.ws_url)
    try:
        assert (await probe.command(cmd="hold", on=True))["ok"]
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
        # Holding is both ways: first the browser's rerun_script waits.
        await probe.wait_for(lambda: len(probe.gate.get("held", [])) == 1)
        assert (await probe.command(cmd="release", count=1))["ok"]
        # Then the run's frames pile up in the proxy: the gate lists them, the client has none.
        await probe.wait_for(
            lambda: any(h["kind"] == "script_finished" for h in probe.gate.get("held", []))
        )
        held = list(probe.gate["held"])
        assert held[0]["kind"] == "new_session" and {h["dir"] for h in held} == {"forward"}
        assert nothing_waiting(conn)
        # Release one: exactly the oldest arrives.
        assert (await probe.command(cmd="release", count=1))["ok"]
        first = await asyncio.to_thread(conn.recv_frame, 10)
        assert kind(first) == "new_session" and len(first) == held[0]["size"]
        await probe.wait_for(lambda: len(probe.gate.get("held", [])) == len(held) - 1)
        assert nothing_waiting(conn)
        # Release all: the rest, in the order they were held.
        assert (await probe.command(cmd="release", all=True))["ok"]
        rest = [await asyncio.to_thread(conn.recv_frame, 10) for _ in held[1:]]
        assert [kind(f) for f in rest] == [h["kind"] for h in held[1:]]
        assert [len(f) for f in rest] == [h["size"] for h in held[1:]]
    finally:
        await probe.command(cmd="hold", on=False)
        await asyncio.to_thread(conn.close)


async def test_held_backmsg_waits_before_the_server_and_a_dropped_one_never_arrives(
    probe: Probe, proxy: ProxyThread
) -> None:
    conn = await asyncio.to_thread(WireConnection.open, proxy.ws_url)
    try:
        assert (await probe.command(cmd="hold", on=True))["ok"]
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
        await probe.wait_for(lambda: len(probe.gate.get("held", [])) == 1)
        (held,) = probe.gate["held"]
        assert (held["dir"], held["kind"]) == ("back", "rerun_script")
        # Dropped: the server never hears of it, so it never starts a run.
        assert (await probe.command(cmd="drop", count=1))["ok"]
        await probe.wait_for(lambda: not probe.gate.get("held"))
        assert (await probe.command(cmd="drop"))["ok"] is False  # nothing left to drop
        # Held again and released: now the run happens (its frames are held on the way back).
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
        await probe.wait_for(lambda: len(probe.gate.get("held", [])) == 1)
        assert nothing_waiting(conn)
        # Until now the server answered nothing: no ForwardMsg was ever held.
        before_release = list(probe.gates)
        assert not [h for g in before_release for h in g.get("held", []) if h["dir"] == "forward"]
        assert (await probe.command(cmd="release", count=1))["ok"]
        await probe.wait_for(
            lambda: any(h["kind"] == "new_session" for h in probe.gate.get("held", []))
        )
        assert (await probe.command(cmd="hold", on=False))["ok"]  # off releases everything
        assert kind(await asyncio.to_thread(conn.recv_frame, 10)) == "new_session"
        await probe.wait_for(lambda: bool(probe.named("websocket.frame.dropped")))
        dropped = probe.named("websocket.frame.dropped")
        assert [(e.fields["dir"], e.fields["kind"]) for e in dropped] == [("back", "rerun_script")]
    finally:
        await probe.command(cmd="hold", on=False)
        await asyncio.to_thread(conn.close)
