"""Note [Thread bound], second half: a rerun within 10 ms of a run's start waits for the rest.

AppSession as a unit on the test's event loop, with a real ScriptRunner thread and a fake
``time.monotonic`` for the session: the test decides how long after the run's start each
rerun arrives, so the hold is exact, not a matter of how fast the machine is. The script
logs what each run saw, then waits at a gate (a file) with no checkpoint, so a run stays
"in progress" for as long as the test needs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from minilit.config import Config
from minilit.proto.BackMsg_pb2 import ClientState, WidgetState
from minilit.runtime.app_session import AppSession
from minilit.scriptrunner.script_runner import ScriptCache
from minilit.trace import events
from minilit.trace.bus import BUS, Subscriber

SCRIPT = """
import pathlib, time, minilit as st
clicked = st.button("Go")
name = st.text_input("Name")
with pathlib.Path({log!r}).open("a") as f:
    f.write(f"{{clicked}} {{name}}\\n")
while not pathlib.Path({gate!r}).exists():
    time.sleep(0.005)      # no checkpoint: the run is in progress until the gate opens
st.text("done")
"""


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def trace() -> Iterator[Subscriber]:
    sub = BUS.subscribe()
    yield sub
    BUS.unsubscribe(sub)


async def until(condition: Callable[[], Any], what: str, timeout: float = 10.0) -> None:
    """Let the loop run (hand-offs, timers) until ``condition`` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, f"timed out waiting until {what}"
        await asyncio.sleep(0.002)


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def state(*widgets: WidgetState) -> ClientState:
    out = ClientState()
    out.widget_states.widgets.extend(widgets)
    return out


async def test_a_rerun_within_10_ms_of_a_start_waits_for_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trace: Subscriber
) -> None:
    log, gate, script = tmp_path / "log.txt", tmp_path / "gate", tmp_path / "app.py"
    script.write_text(SCRIPT.format(log=str(log), gate=str(gate)))
    clock = Clock(100.0)
    monkeypatch.setattr("minilit.runtime.app_session.time", SimpleNamespace(monotonic=clock))
    session = AppSession(str(script), Config(), ScriptCache(), on_enqueued=lambda: None)
    try:
        session.request_rerun(state())  # run A starts at t = 100.000
        await until(lambda: len(lines(log)) == 1 and session.run_id, "run A is at its gate")
        first, run_a = session.runner(), session.run_id
        sent = session.flush_browser_queue()
        button, text_input = (
            getattr(m.delta.new_element, kind).id
            for m, kind in zip(
                [m for m in sent if m.HasField("delta")][:2],
                ("button", "text_input"),
                strict=True,
            )
        )
        trace.drain()

        # 5 ms after A's start: held (A goes on), and a second request merges into it.
        clock.now = 100.005
        session.request_rerun(state(WidgetState(id=button, trigger_value=True)))
        session.request_rerun(state(WidgetState(id=text_input, string_value="b")))
        assert session.runner() is first, "A is not replaced yet"
        held = [e for e in trace.drain() if e.name == events.RERUN_COALESCED]
        assert [e.fields for e in held] == [{"held_ms": 5.0}, {"held_ms": 5.0}]
        assert {e.session_id for e in held} == {session.id}

        clock.now = 100.020  # the hold is over when its timer fires: one run B
        # B's start as the session sees it (handed over from B's thread to this loop),
        # not only B's log line: until then the session knows of no run to hold for.
        await until(lambda: len(lines(log)) == 2 and session.run_id != run_a, "run B")
        assert lines(log) == ["False ", "True b"], "B saw the click and the newest text"
        second = session.runner()
        assert second is not first

        # Again, 5 ms after B's start: a second hold works as the first did.
        clock.now = 100.025
        session.request_rerun(state(WidgetState(id=text_input, string_value="c")))
        assert session.runner() is second
        clock.now = 100.040
        await until(lambda: len(lines(log)) == 3, "run C")
        assert lines(log)[2] == "False c"
        coalesced = [e for e in trace.drain() if e.name == events.RERUN_COALESCED]
        assert [e.session_id for e in coalesced] == [session.id]
    finally:
        gate.touch()
        session.shutdown()
    await until(lambda: not session.is_running, "the last run ends")
