"""Step-through and frame holding over a real server and a real trace client.

The app (tests/trace/conftest.py APP) emits seven deltas from lines 2..8.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import pytest

from inspector.channel.endpoint import channel_of
from inspector.channel.stepper import Stepper
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient, WireConnection
from minilit.trace import events as ev
from minilit.trace.bus import TraceBus
from tests.trace.conftest import Probe

pytestmark = pytest.mark.timeout(60)


def _paused(probe: Probe) -> list[Mapping[str, Any]]:
    return list(probe.gate.get("paused", []))


async def _paused_at(probe: Probe, line: int) -> Mapping[str, Any]:
    await probe.wait_for(
        lambda: any(p["where"].endswith(f":{line}") for p in _paused(probe)), timeout=10
    )
    return next(p for p in _paused(probe) if p["where"].endswith(f":{line}"))


def _start_run(app: AppClient) -> asyncio.Task[AppClient]:
    return asyncio.create_task(asyncio.to_thread(app.run, timeout=30))


async def _client(server: ServerThread) -> AppClient:
    return await asyncio.to_thread(AppClient.connect, server.url)


async def test_pause_then_step_three_deltas(trace_server: ServerThread, probe: Probe) -> None:
    app = await _client(trace_server)
    try:
        assert (await probe.command(cmd="pause"))["ok"]
        run = _start_run(app)
        first = await _paused_at(probe, 2)
        assert first["delta_path"] == [0, 0] and first["element"] == "heading"
        assert not probe.named(ev.DELTA_ENQUEUED)  # paused *before* the delta
        for line in (3, 4, 5):
            assert (await probe.command(cmd="step"))["ok"]
            await _paused_at(probe, line)
        enqueued = [e.delta_path for e in probe.named(ev.DELTA_ENQUEUED)]
        assert enqueued == [(0, 0), (0, 1), (0, 2)]
        assert [e.fields["reason"] for e in probe.named(ev.STEP_PAUSED)] == ["paused"] * 4
        assert (await probe.command(cmd="continue"))["ok"]
        await run
        assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
        await probe.wait_for(lambda: len(probe.named(ev.STEP_RESUMED)) == 4)
        assert [e.fields["how"] for e in probe.named(ev.STEP_RESUMED)] == [
            "step",
            "step",
            "step",
            "continue",
        ]
    finally:
        app.close()


async def test_the_browser_sees_the_running_state_and_the_server_stays_responsive(
    trace_server: ServerThread, probe: Probe
) -> None:
    """While session A is paused: A's browser got new_session and 'running', the
    IOLoop answers health checks, and session B runs to the end."""
    conn = await asyncio.to_thread(WireConnection, trace_server.url)
    other = await _client(trace_server)
    try:
        await probe.wait_for(lambda: bool(probe.named(ev.SESSION_CONNECTED)))
        session_a = probe.named(ev.SESSION_CONNECTED)[0].session_id
        assert (await probe.command(cmd="break", add=f"session:{session_a}"))["ok"]
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
        await _paused_at(probe, 2)
        kinds = []
        for _ in range(2):
            msg = await asyncio.to_thread(conn.recv, 5)
            kinds.append(msg.WhichOneof("type"))
        assert kinds == ["new_session", "session_status_changed"]
        assert msg.session_status_changed.script_is_running

        from tornado.httpclient import AsyncHTTPClient

        health = await AsyncHTTPClient().fetch(f"{trace_server.url}/_stcore/health")
        assert health.code == 200

        await asyncio.to_thread(other.run, timeout=10)
        assert other.last_run.status_name == "FINISHED_SUCCESSFULLY"
        assert _paused(probe)[0]["session_id"] == session_a  # A is still waiting
        assert (await probe.command(cmd="continue"))["ok"]
        assert (await probe.command(cmd="break", clear=True))["ok"]
    finally:
        other.close()
        conn.close()


async def test_finish_runs_to_the_end_and_pauses_at_the_next_run(
    trace_server: ServerThread, probe: Probe
) -> None:
    app = await _client(trace_server)
    try:
        await probe.command(cmd="pause")
        run = _start_run(app)
        first = await _paused_at(probe, 2)
        assert (await probe.command(cmd="finish"))["ok"]
        await run
        assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
        run = _start_run(app)
        await probe.wait_for(lambda: any(p["run_id"] != first["run_id"] for p in _paused(probe)))
        assert _paused(probe)[0]["where"].endswith(":2")
        await probe.command(cmd="continue")
        await run
    finally:
        app.close()


@pytest.mark.parametrize(
    ("expression", "line"),
    [("type:markdown", 8), ("line:4", 4), ("path:0.3", 5), ("run:start", 2)],
)
async def test_breakpoints(
    trace_server: ServerThread, probe: Probe, expression: str, line: int
) -> None:
    app = await _client(trace_server)
    try:
        assert (await probe.command(cmd="break", add=expression))["ok"]
        assert (
            probe.gate["breakpoints"] == [expression]
            or (await probe.wait_for(lambda: probe.gate["breakpoints"] == [expression])) is None
        )
        run = _start_run(app)
        paused = await _paused_at(probe, line)
        assert paused["reason"] == f"breakpoint {expression}"
        # Only the deltas before the breakpoint were enqueued.
        assert all(int(e.where.rpartition(":")[2]) < line for e in probe.named(ev.DELTA_ENQUEUED))
        await probe.command(cmd="break", clear=True)
        await probe.command(cmd="continue")
        await run
        assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
    finally:
        app.close()


async def test_backmsg_breakpoint_pauses_the_run_it_causes(
    trace_server: ServerThread, probe: Probe
) -> None:
    app = await _client(trace_server)
    try:
        await probe.command(cmd="break", add="backmsg:rerun_script")
        run = _start_run(app)
        paused = await _paused_at(probe, 2)
        assert paused["reason"] == "stepping"
        await probe.command(cmd="step")
        await _paused_at(probe, 3)  # still stepping that session
        await probe.command(cmd="break", clear=True)
        await probe.command(cmd="continue")
        await run
    finally:
        app.close()


async def test_a_rerun_while_paused_interrupts_the_paused_run(
    trace_server: ServerThread, probe: Probe
) -> None:
    conn = await asyncio.to_thread(WireConnection, trace_server.url)
    try:
        await probe.command(cmd="pause")
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
        first = await _paused_at(probe, 2)
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))  # the user clicks again
        await probe.wait_for(lambda: any(p["run_id"] != first["run_id"] for p in _paused(probe)))
        await probe.wait_for(lambda: bool(probe.named(ev.STEP_RESUMED)))
        hows = [e.fields["how"] for e in probe.named(ev.STEP_RESUMED)]
        assert hows == ["abort"]
        await probe.command(cmd="continue")
        kinds, statuses = [], []
        while not statuses:
            msg = await asyncio.to_thread(conn.recv, 10)
            kinds.append(msg.WhichOneof("type"))
            if msg.HasField("script_finished"):
                statuses.append(msg.script_finished)
        # The superseded run sends no script_finished (as in Streamlit 1.67): two runs
        # announced, one finished (FINISHED_SUCCESSFULLY).
        assert statuses == [0] and kinds.count("new_session") == 2
    finally:
        conn.close()


async def test_closing_the_inspector_releases_paused_scripts(
    trace_server: ServerThread,
) -> None:
    assert channel_of(trace_server.server) is not None
    probe = await Probe(trace_server.url, channel_of(trace_server.server).token).start()
    app = await _client(trace_server)
    try:
        await probe.command(cmd="pause")
        run = _start_run(app)
        await _paused_at(probe, 2)
        await probe.close()
        await asyncio.wait_for(run, 10)
        assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
    finally:
        app.close()


def _whole_run(held: list[Any]) -> bool:
    kinds = [h["kind"] for h in held]
    return "script_finished" in kinds and kinds[-1] == "session_status_changed"


async def test_hold_frames_and_release_them_one_by_one(
    trace_server: ServerThread, probe: Probe
) -> None:
    conn = await asyncio.to_thread(WireConnection, trace_server.url)
    try:
        assert (await probe.command(cmd="hold", on=True))["ok"]
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
        # The whole run is held, up to the not-running status after script_finished.
        # How many frames that is depends on whether the queue coalesced the
        # placeholder's deltas (Note [Coalescing]): 9 when it did, up to 11.
        await probe.wait_for(lambda: _whole_run(probe.gate.get("held", [])))
        with pytest.raises(TimeoutError):
            await asyncio.to_thread(conn.recv_frame, 0.3)  # the browser waits
        held = probe.gate["held"]
        n = len(held)
        assert 9 <= n <= 11
        assert [h["kind"] for h in held[:3]] == ["new_session", "session_status_changed", "delta"]
        assert len(probe.named(ev.FORWARDMSG_HELD)) == n
        assert not probe.named(ev.FORWARDMSG_SENT)

        await probe.command(cmd="release", count=1)
        first = await asyncio.to_thread(conn.recv, 5)
        assert first.WhichOneof("type") == "new_session"
        with pytest.raises(TimeoutError):
            await asyncio.to_thread(conn.recv_frame, 0.3)  # exactly one went out
        await probe.command(cmd="release", count=2)
        kinds = [(await asyncio.to_thread(conn.recv, 5)).WhichOneof("type") for _ in range(2)]
        assert kinds == ["session_status_changed", "delta"]

        await probe.command(cmd="hold", on=False)  # releases the rest, in order
        rest = [(await asyncio.to_thread(conn.recv, 5)) for _ in range(n - 3)]
        assert [m.WhichOneof("type") for m in rest] == ["delta"] * (n - 5) + [
            "script_finished",
            "session_status_changed",
        ]
        assert rest[-3].delta.new_element.markdown.body == "done"  # the last delta, last
        await probe.wait_for(lambda: len(probe.named(ev.FORWARDMSG_SENT)) == n)
        sent = [e.fields["kind"] for e in probe.named(ev.FORWARDMSG_SENT)]
        assert sent == ["new_session", *kinds, *(m.WhichOneof("type") for m in rest)]
    finally:
        conn.close()


async def test_hold_from_a_matching_frame(trace_server: ServerThread, probe: Probe) -> None:
    """Hold the run's script_finished: the browser gets every delta but never
    hears the run ended, so stale elements would stay (lesson material)."""
    conn = await asyncio.to_thread(WireConnection, trace_server.url)
    try:
        await probe.command(cmd="hold", on=True, match="kind:script_finished")
        await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
        kinds = [(await asyncio.to_thread(conn.recv, 5)).WhichOneof("type") for _ in range(7)]
        assert kinds[-1] == "delta"
        await probe.wait_for(lambda: len(probe.gate.get("held", [])) == 2)
        assert [h["kind"] for h in probe.gate["held"]] == [
            "script_finished",
            "session_status_changed",
        ]
        await probe.command(cmd="release", all=True)
        last = await asyncio.to_thread(conn.recv, 5)
        assert last.WhichOneof("type") == "script_finished"
    finally:
        conn.close()


async def test_bad_commands_get_a_reason(probe: Probe) -> None:
    assert (await probe.command(cmd="step"))["error"] == "no script is paused"
    bad = await probe.command(cmd="break", add="colour:red")
    assert not bad["ok"] and "unknown key 'colour'" in bad["error"]
    unknown = await probe.command(cmd="explode")
    assert not unknown["ok"] and "unknown cmd" in unknown["error"]
    wrong_source = await probe.command(cmd="source", path="/etc/passwd")
    assert not wrong_source["ok"] and "only the app's script" in wrong_source["error"]


async def test_a_run_start_breakpoint_pauses_at_the_first_delta_of_each_run_only(
    trace_server: ServerThread, probe: Probe
) -> None:
    app = await _client(trace_server)
    try:
        assert (await probe.command(cmd="break", add="run:start"))["ok"]
        for _ in range(2):
            run = _start_run(app)
            # This run's own pause (the gate may still show the last run's).
            await probe.wait_for(lambda: bool(probe.named(ev.STEP_PAUSED)))
            (paused,) = probe.named(ev.STEP_PAUSED)
            assert paused.where.endswith(":2")
            assert paused.fields["reason"] == "breakpoint run:start"
            # The breakpoint stays; the run's later deltas are not its first.
            await probe.command(cmd="continue")
            await run
            assert app.last_run.status_name == "FINISHED_SUCCESSFULLY"
            assert len(probe.named(ev.STEP_PAUSED)) == 1
            probe.events.clear()
    finally:
        app.close()


def test_the_stepper_is_installed_only_while_it_has_work() -> None:
    """Note [Hooks only when needed]: otherwise every delta and every frame would
    call into the stepper for nothing."""
    bus = TraceBus()
    stepper = Stepper(bus)
    stepper.attach()
    assert bus.gate is None and bus.hold is None
    stepper.pause()
    assert bus.gate is stepper and bus.hold is None
    stepper.resume()
    assert bus.gate is None
    stepper.add_breakpoint("type:text")
    assert bus.gate is stepper
    stepper.clear_breakpoints()
    assert bus.gate is None
    stepper.set_hold(True)
    assert bus.hold is stepper and bus.gate is None
    stepper.set_hold(False)
    assert bus.hold is None
    stepper.set_hold(True, match="type:markdown")
    assert bus.hold is stepper
    stepper.pause()
    stepper.detach()
    assert bus.gate is None and bus.hold is None
