"""Pilot tests of the panes against a live server (the real trace channel, a
headless browser tab from minilit.testing): run endings, sessions that connect
while another is selected, the step state after a breakpoint, and the footer."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.app import InspectorApp
from inspector.channel.endpoint import install_trace
from inspector.widgets.virtual_table import VirtualTable
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from tests.inspector.test_app_live import live_app, paused_line, wait
from tests.trace.conftest import APP

pytestmark = pytest.mark.timeout(90)
SIZE = (160, 45)

ENDINGS_APP = """\
import time
from pathlib import Path

import minilit as st

mode = (Path(__file__).parent / "mode").read_text().strip()
st.text(f"mode {mode}")
if mode == "raise":
    raise ValueError("boom")
if mode == "sleep":
    ph = st.empty()
    for i in range(400):
        time.sleep(0.02)
        ph.text(str(i))  # each delta is a checkpoint: a rerun or stop lands here
"""


def endings(app: InspectorApp) -> list[str]:
    table = app.screen_stack[0].query_one("#timeline", VirtualTable)
    return [str(table.get_row_at(i)[2]) for i in range(table.row_count)]


@pytest.fixture
def endings_server(tmp_path: Path) -> Iterator[ServerThread]:
    (tmp_path / "app.py").write_text(ENDINGS_APP)
    (tmp_path / "mode").write_text("ok")
    with ServerThread(tmp_path / "app.py", configure=install_trace) as srv:
        yield srv


def rerun_request(client: AppClient) -> BackMsg:
    request = BackMsg()
    request.rerun_script.CopyFrom(client.widget_states.create_client_state())
    return request


async def test_reruns_list_shows_how_each_run_ended(
    endings_server: ServerThread, tmp_path: Path
) -> None:
    mode = tmp_path / "mode"
    app = live_app(endings_server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        client = await asyncio.to_thread(AppClient.connect, endings_server.url)
        try:
            await asyncio.to_thread(client.run)  # 1: ok
            mode.write_text("raise")
            await asyncio.to_thread(client.run)  # 2: an uncaught exception
            mode.write_text("sleep")
            client.send(rerun_request(client))  # 3: cut short by the next rerun
            await wait(pilot, lambda: len(app.model.runs) == 3)
            mode.write_text("ok")
            await asyncio.to_thread(client.run)  # 4: ok
            mode.write_text("sleep")
            client.send(rerun_request(client))  # 5: the Stop button
            await wait(pilot, lambda: len(app.model.runs) == 5 and app.model.runs[4].deltas)
            client.stop_script()
            await wait(pilot, lambda: app.model.runs[4].finished)
            await wait(pilot, lambda: len(endings(app)) == 5 and endings(app)[4] != "running")
            assert endings(app) == ["ok", "exception", "superseded", "ok", "stopped"]
        finally:
            client.close()


async def test_reruns_list_shows_a_compile_error(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import minilit as st\nst.text('a'\n")
    with ServerThread(script, configure=install_trace) as server:
        app = live_app(server)
        async with app.run_test(size=SIZE) as pilot:
            await wait(pilot, lambda: app.connection == "live")
            client = await asyncio.to_thread(AppClient.connect, server.url)
            try:
                await asyncio.to_thread(client.run)
                await wait(pilot, lambda: endings(app) == ["compile error"])
            finally:
                client.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerThread]:
    script = tmp_path / "app.py"
    script.write_text(APP)
    with ServerThread(script, configure=install_trace) as srv:
        yield srv


async def test_a_session_that_connects_while_another_is_selected(server: ServerThread) -> None:
    app = live_app(server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        sessions = app.screen_stack[0].query_one("#sessions")
        timeline = app.screen_stack[0].query_one("#timeline", VirtualTable)
        first = await asyncio.to_thread(AppClient.connect, server.url)
        second = None
        try:
            await asyncio.to_thread(first.run)
            await wait(pilot, lambda: sessions.row_count == 2)  # type: ignore[attr-defined]
            sessions.focus()
            await pilot.press("down")  # select the first session
            await wait(pilot, lambda: app.view.session == first.session_id)
            second = await asyncio.to_thread(AppClient.connect, server.url)
            await asyncio.to_thread(second.run)
            await asyncio.to_thread(second.run)
            await wait(pilot, lambda: sessions.row_count == 3)  # type: ignore[attr-defined]
            assert timeline.row_count == 1  # still only the selected session's run
            await pilot.press("down")  # the newcomer
            await wait(pilot, lambda: app.view.session == second.session_id)
            await wait(pilot, lambda: timeline.row_count == 2)
            assert {str(timeline.get_row_at(i)[1]) for i in range(2)} == {second.session_id[:4]}
        finally:
            first.close()
            if second is not None:
                second.close()


async def test_after_a_breakpoint_the_step_panel_shows_the_real_mode(server: ServerThread) -> None:
    app = live_app(server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        gate = app.screen_stack[0].query_one("#gate")
        await pilot.press("b", *"type:markdown", "enter")
        await wait(pilot, lambda: app.model.gate.get("breakpoints") == ["type:markdown"])
        assert "Step: running" in str(gate.render())
        client = await asyncio.to_thread(AppClient.connect, server.url)
        try:
            run = asyncio.create_task(asyncio.to_thread(client.run, timeout=30))
            await wait(pilot, lambda: paused_line(app) == 8)
            sid = client.session_id[:4]
            await wait(pilot, lambda: f"Step: stepping {sid}" in str(gate.render()))
            assert "running" not in str(gate.render()).splitlines()[0]
            assert keys_offered(app) >= {"n", "e", "c"}  # the paused script can be stepped
            await pilot.press("n")  # the markdown goes; the run ends (it was the last line)
            await asyncio.wait_for(run, 15)
            await pilot.press("B", "c")
            await wait(pilot, lambda: "Step: running" in str(gate.render()))
            await wait(pilot, lambda: "n" not in keys_offered(app))
        finally:
            client.close()


def keys_offered(app: InspectorApp) -> set[str]:
    """The keys the footer shows now (bindings whose check_action allows them)."""
    return {
        key
        for key, active in app.screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def test_footer_offers_stepping_keys_only_live(server: ServerThread) -> None:
    app = live_app(server)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        await pilot.pause(0.2)
        live = keys_offered(app)
        assert {"p", "b", "h", "slash", "w", "q"} <= live
        assert not {"n", "e", "c", "full_stop"} & live  # nothing paused or held yet
