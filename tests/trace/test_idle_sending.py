"""The trace channel sends while the server is idle (Note [Idle-time sending]).

Over a real server and the inspector's own client (``Probe``): while a run
is in flight its events wait, at most ``MAX_DELAY``, so a long-running
script still streams; once the server is idle they go at once; and nothing
is lost or reordered on the way. The bus counts the runs in flight (Note
[Runs in flight] in minilit/trace/bus.py).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.channel.endpoint import MAX_DELAY, channel_of, install_trace
from inspector.channel.protocol import WireEvent
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from minilit.trace import events as ev
from minilit.trace.bus import BUS
from tests.trace.conftest import Probe

LINES = 30
PAUSE = 0.05
SLOW_APP = f"""\
import time
import minilit as st
for i in range({LINES}):
    st.text(f"line {{i}}")
    time.sleep({PAUSE})
"""
"""A run of about 1.5 s that makes an event every 50 ms."""


class TimedProbe(Probe):
    """A Probe that notes when each message arrived and whether a run was in flight."""

    def __init__(self, url: str, token: str) -> None:
        super().__init__(url, token)
        self.arrivals: list[tuple[int, list[WireEvent], bool]] = []

    def on_events(self, events: list[WireEvent], dropped: int) -> None:
        self.arrivals.append((time.monotonic_ns(), events, BUS.runs_in_flight > 0))
        super().on_events(events, dropped)


@pytest.fixture
def slow_server(tmp_path: Path) -> Iterator[ServerThread]:
    path = tmp_path / "slow.py"
    path.write_text(SLOW_APP, encoding="utf-8")
    with ServerThread(path, configure=install_trace) as server:
        yield server


async def _attach(server: ServerThread) -> TimedProbe:
    channel = channel_of(server.server)
    assert channel is not None
    return await TimedProbe(server.url, channel.token).start()  # type: ignore[return-value]


async def test_a_long_run_still_streams_within_the_bound(slow_server: ServerThread) -> None:
    probe = await _attach(slow_server)
    try:
        app = await asyncio.to_thread(AppClient.connect, slow_server.url)
        try:
            run = asyncio.ensure_future(asyncio.to_thread(app.run))
            await probe.wait_for(lambda: bool(probe.named(ev.DELTA_ENQUEUED)))
            # Deltas arrive while the script is still running ...
            assert not probe.named(ev.RUN_FINISHED)
            assert BUS.runs_in_flight == 1
            await run
            await probe.wait_for(lambda: bool(probe.named(ev.RUN_FINISHED)))
        finally:
            app.close()
        during = [(t, events) for t, events, busy in probe.arrivals if busy]
        assert during, "nothing arrived while the run was in flight"
        # ... each at most MAX_DELAY (plus a timer tick and some scheduling) after
        # it was published ...
        slack = MAX_DELAY + 0.25
        waits = [(t - e.t_ns) / 1e9 for t, events in during for e in events]
        assert max(waits) < slack, f"an event waited {max(waits):.3f} s during the run"
        # ... and in few messages: while the script runs, the channel holds its
        # events back instead of sending each on the next tick (a run of ~1.5 s
        # with one event per 50 ms would otherwise take ~30 messages).
        run_seconds = LINES * PAUSE
        assert len(during) <= run_seconds / MAX_DELAY + 3, len(during)
    finally:
        await probe.close()


async def test_nothing_is_lost_or_reordered(slow_server: ServerThread) -> None:
    probe = await _attach(slow_server)
    witness = BUS.subscribe()  # sees every event the bus publishes, in order
    try:
        with await asyncio.to_thread(AppClient.connect, slow_server.url) as app:
            await asyncio.to_thread(app.run)
            await asyncio.to_thread(app.run)
        published = witness.drain()
        last = published[-1].seq
        await probe.wait_for(lambda: bool(probe.events) and probe.events[-1].seq >= last)
        first = probe.events[0].seq
        expected = [(e.seq, e.name) for e in published if first <= e.seq <= last]
        got = [(e.seq, e.name) for e in probe.events if e.seq <= last]
        assert got == expected
        assert probe.dropped == 0
        texts = [e.fields["summary"] for e in probe.named(ev.DELTA_ENQUEUED)]
        assert texts == [f"line {i}" for i in range(LINES)] * 2
    finally:
        BUS.unsubscribe(witness)
        await probe.close()


async def test_an_idle_server_sends_at_once(trace_server: ServerThread, probe: Probe) -> None:
    """A quick run's events do not wait for MAX_DELAY: the server is idle after it."""
    arrived: dict[int, int] = {}
    on_events = probe.on_events

    def timed(events: list[WireEvent], dropped: int) -> None:
        for e in events:
            arrived[e.seq] = time.monotonic_ns()
        on_events(events, dropped)

    probe.on_events = timed  # type: ignore[method-assign]
    with await asyncio.to_thread(AppClient.connect, trace_server.url) as app:
        for _ in range(3):
            await asyncio.to_thread(app.run)
            await asyncio.sleep(0.3)  # idle, as between a person's clicks
    finished = probe.named(ev.RUN_FINISHED)
    assert len(finished) == 3
    waits = sorted((arrived[e.seq] - e.t_ns) / 1e9 for e in finished)
    # The median run's end arrives well before MAX_DELAY (one 20 ms tick, in
    # principle); the median keeps one unlucky scheduling hiccup from failing it.
    assert waits[1] < MAX_DELAY * 0.8, waits


async def test_the_bus_counts_runs_in_flight(slow_server: ServerThread) -> None:
    sub = BUS.subscribe()
    try:
        assert BUS.runs_in_flight == 0
        with await asyncio.to_thread(AppClient.connect, slow_server.url) as app:
            run = asyncio.ensure_future(asyncio.to_thread(app.run))
            seen: list[str] = []
            deadline = time.monotonic() + 10
            while ev.DELTA_ENQUEUED not in seen:
                assert time.monotonic() < deadline
                await asyncio.sleep(0.01)
                seen += [e.name for e in sub.drain()]
            assert BUS.runs_in_flight == 1
            await run
        assert BUS.runs_in_flight == 0
    finally:
        BUS.unsubscribe(sub)
    # Nobody listens: nothing is counted, and nothing stale is kept.
    assert BUS.runs_in_flight == 0


async def test_a_script_paused_by_the_stepper_is_not_busy(
    trace_server: ServerThread, probe: Probe
) -> None:
    """While a script waits for the inspector, its events go at once, not after MAX_DELAY."""
    arrived: dict[int, int] = {}
    on_events = probe.on_events

    def timed(events: list[WireEvent], dropped: int) -> None:
        for e in events:
            arrived[e.seq] = time.monotonic_ns()
        on_events(events, dropped)

    probe.on_events = timed  # type: ignore[method-assign]
    app = await asyncio.to_thread(AppClient.connect, trace_server.url)
    try:
        assert (await probe.command(cmd="pause"))["ok"]
        run = asyncio.ensure_future(asyncio.to_thread(app.run, timeout=30))
        for count in (1, 2, 3):
            await probe.wait_for(lambda n=count: len(probe.named(ev.STEP_PAUSED)) == n)  # type: ignore[misc]
            assert BUS.runs_in_flight == 1  # the run is in flight, and waits
            await asyncio.sleep(0.1)
            assert (await probe.command(cmd="step"))["ok"]
        assert (await probe.command(cmd="continue"))["ok"]
        await run
    finally:
        app.close()
    paused = probe.named(ev.STEP_PAUSED)
    waits = sorted((arrived[e.seq] - e.t_ns) / 1e9 for e in paused[:3])
    assert waits[1] < MAX_DELAY * 0.8, waits


def _thread_cpu_seconds(thread: threading.Thread) -> float:
    assert thread.ident is not None
    return time.clock_gettime(time.pthread_getcpuclockid(thread.ident))


@pytest.mark.skipif(
    not hasattr(time, "pthread_getcpuclockid"), reason="needs per-thread CPU clocks"
)
async def test_an_idle_server_is_not_polled(trace_server: ServerThread, probe: Probe) -> None:
    """With an inspector attached and nothing happening, the channel costs no wakeups.

    (A timer that looks 50 times a second costs a process about 17 ms of CPU a
    second on a busy two-core machine; the server's IOLoop thread would show it.)
    """
    with await asyncio.to_thread(AppClient.connect, trace_server.url) as app:
        await asyncio.to_thread(app.run)
        await probe.wait_for(lambda: bool(probe.named(ev.RUN_FINISHED)))
        await asyncio.sleep(0.3)  # the run's last events go out; the channel goes to sleep
        server_thread = next(t for t in threading.enumerate() if t.name == "minilit.ServerThread")
        before = _thread_cpu_seconds(server_thread)
        await asyncio.sleep(1.0)
        used = _thread_cpu_seconds(server_thread) - before
    assert used < 0.005, f"the idle server's IOLoop thread used {used * 1000:.1f} ms in 1 s"
