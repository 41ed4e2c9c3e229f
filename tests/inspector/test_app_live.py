"""Pilot tests against a live server: the inspector attached over the real trace
channel, the app driven by a headless browser tab (minilit.testing.AppClient)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from inspector.app import InspectorApp
from inspector.channel.endpoint import channel_of, install_trace
from inspector.sources import LiveSource
from inspector.widgets.virtual_table import VirtualTable
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from tests.trace.conftest import APP

pytestmark = pytest.mark.timeout(90)
SIZE = (160, 45)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerThread]:
    script = tmp_path / "app.py"
    script.write_text(APP)
    with ServerThread(script, configure=install_trace) as srv:
        yield srv


def live_app(server: ServerThread) -> InspectorApp:
    assert channel_of(server.server) is not None
    return InspectorApp(LiveSource(server.url, channel_of(server.server).token))


async def wait(pilot: Pilot[Any], predicate: Callable[[], bool], timeout: float = 10) -> None:
    for _ in range(int(timeout / 0.05)):
        if predicate():
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise TimeoutError("condition not met")


def paused_line(app: InspectorApp) -> int:
    paused = app.model.gate.get("paused", [])
    return int(paused[0]["where"].rpartition(":")[2]) if paused else 0


def delta_rows(app: InspectorApp) -> list[list[str]]:
    table = app.screen_stack[0].query_one("#delta-table", VirtualTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_step_three_deltas(server: ServerThread) -> None:
    app = live_app(server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        client = await asyncio.to_thread(AppClient.connect, server.url)
        try:
            await pilot.press("p")
            await wait(pilot, lambda: app.model.gate.get("mode") == "step")
            run = asyncio.create_task(asyncio.to_thread(client.run, timeout=30))
            await wait(pilot, lambda: paused_line(app) == 2)
            for line in (3, 4, 5):
                await pilot.press("n")
                await wait(pilot, lambda line=line: paused_line(app) == line)  # type: ignore[misc]
            await wait(pilot, lambda: len(delta_rows(app)) == 4)
            rows = delta_rows(app)
            assert [r[1:3] for r in rows[:3]] == [
                ["[0,0]", "heading"],
                ["[0,1]", "text"],
                ["[0,2]", "text"],
            ]
            assert rows[3][:4] == ["⏸", "[0,3]", "empty", "paused"]
            assert rows[3][5] == "app.py:5"
            await pilot.press("4")
            await wait(
                pilot,
                lambda: (
                    "paused before [0,3] empty at app.py:5"
                    in str(app.screen_stack[0].query_one("#source-title", Static).render())
                ),
            )
            gate = str(app.screen_stack[0].query_one("#gate", Static).render())
            assert "ph = st.empty()" in gate  # the paused line's code, in the step panel
            await pilot.press("c")
            await asyncio.wait_for(run, 15)
            await wait(
                pilot,
                lambda: app.model.runs and app.model.runs[-1].status == "FINISHED_SUCCESSFULLY",
            )
            try:
                await wait(pilot, lambda: len(delta_rows(app)) == 7)
            except TimeoutError:  # say what the table and the model hold instead
                run = app.model.runs[-1]
                deltas = [(d.seq, d.path, d.status, d.where) for d in run.deltas]
                raise AssertionError(f"rows {delta_rows(app)}; run deltas {deltas}") from None
            # Coalescing is opportunistic (Note [Coalescing]): after "continue" the two
            # placeholder texts may or may not meet in the queue; the last one is sent.
            statuses = [r[3] for r in delta_rows(app)]
            assert set(statuses) <= {"sent", "coalesced"}
            assert statuses.count("coalesced") <= 2
            assert statuses[-1] == "sent"
        finally:
            client.close()


async def test_set_a_breakpoint(server: ServerThread) -> None:
    app = live_app(server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        await pilot.press("b", *"type:markdown", "enter")
        await wait(pilot, lambda: app.model.gate.get("breakpoints") == ["type:markdown"])
        client = await asyncio.to_thread(AppClient.connect, server.url)
        try:
            run = asyncio.create_task(asyncio.to_thread(client.run, timeout=30))
            await wait(pilot, lambda: paused_line(app) == 8)
            assert app.model.gate["paused"][0]["reason"] == "breakpoint type:markdown"
            timeline = app.screen_stack[0].query_one("#timeline", VirtualTable)
            await wait(
                pilot,
                lambda: timeline.row_count == 1 and str(timeline.get_row_at(0)[2]) == "⏸ paused",
            )
            await pilot.press("B", "c")
            await asyncio.wait_for(run, 15)
            await wait(pilot, lambda: app.model.gate.get("breakpoints") == [])
        finally:
            client.close()


def _whole_run(held: list[dict[str, Any]]) -> bool:
    kinds = [h["kind"] for h in held]
    return "script_finished" in kinds and kinds[-1] == "session_status_changed"


async def test_hold_and_release_frames(server: ServerThread) -> None:
    app = live_app(server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        client = await asyncio.to_thread(AppClient.connect, server.url)
        try:
            await pilot.press("h")
            await wait(pilot, lambda: app.model.gate.get("hold") is True)
            run = asyncio.create_task(asyncio.to_thread(client.run, timeout=30))
            # The whole run is held: up to the not-running status after script_finished.
            # (How many frames that is depends on whether the queue coalesced the
            # placeholder's two texts, a matter of timing: Note [Coalescing].)
            await wait(pilot, lambda: _whole_run(app.model.gate.get("held", [])))
            held = len(app.model.gate["held"])
            assert held >= 9
            assert not [f for f in app.model.frames if f.direction == "forward"]
            await pilot.press("full_stop")
            await wait(pilot, lambda: len(app.model.gate.get("held", [])) == held - 1)
            await wait(
                pilot,
                lambda: (
                    [f.kind for f in app.model.frames if f.direction == "forward"]
                    == ["new_session"]
                ),
            )
            await pilot.press("greater_than_sign")
            await asyncio.wait_for(run, 15)
            await pilot.press("h")
            await wait(pilot, lambda: app.model.gate.get("hold") is False)
        finally:
            client.close()


async def test_sessions_and_frames_while_browsing(server: ServerThread) -> None:
    app = live_app(server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        clients = [await asyncio.to_thread(AppClient.connect, server.url) for _ in range(2)]
        try:
            for c in clients:
                await asyncio.to_thread(c.run)
            await wait(pilot, lambda: len(app.model.sessions) == 2 and len(app.model.runs) == 2)
            sessions = app.screen_stack[0].query_one("#sessions", DataTable)
            await wait(pilot, lambda: sessions.row_count == 3)  # "all" + two sessions
            await pilot.press("2")
            frames = app.screen_stack[0].query_one("#frame-table", VirtualTable)
            # Per session: the handshake, rerun_script, and each ForwardMsg the client
            # received (how many depends on coalescing: Note [Coalescing]).
            expected = sum(2 + len(c.last_run.messages) for c in clients)
            await wait(pilot, lambda: frames.row_count == expected)
            first = [str(c) for c in frames.get_row_at(0)]
            assert first[2:4] == ["⇄", "handshake"]  # the handshake is frame 0
        finally:
            for c in clients:
                c.close()


COUNTER = """\
import minilit as st

if "count" not in st.session_state:
    st.session_state.count = 0


def bump() -> None:
    st.session_state.count += 1


st.button("Add one", on_click=bump)
st.text(f"count = {st.session_state.count}")
"""


async def test_session_state_panel_and_callbacks(tmp_path: Path) -> None:
    script = tmp_path / "counter.py"
    script.write_text(COUNTER)
    with ServerThread(script, configure=install_trace) as server:
        app = live_app(server)
        async with app.run_test(size=SIZE) as pilot:
            await wait(pilot, lambda: app.connection == "live")
            client = await asyncio.to_thread(AppClient.connect, server.url)
            try:
                await asyncio.to_thread(client.run)
                await asyncio.to_thread(lambda: client.button[0].click().run())
                await wait(pilot, lambda: len(app.model.runs) == 2 and app.model.runs[1].finished)
                session = app.model.sessions[app.model.runs[0].session_id]
                assert session.state == {"count": "1"}
                assert [(k, v) for _, _, k, v in session.state_history] == [
                    ("count", "0"),
                    ("count", "1"),
                ]
                assert app.model.runs[1].callbacks  # bump ran before the body
                await pilot.press("5")
                state = app.screen_stack[0].query_one("#state-table", DataTable)
                await wait(pilot, lambda: state.row_count == 1)
                assert [str(c) for c in state.get_row_at(0)] == ["count", "1", "2"]
            finally:
                client.close()
