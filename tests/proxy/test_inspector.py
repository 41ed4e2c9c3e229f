"""The inspector on the proxy (Pilot): live, it offers only frame holding and says why;
a recording made by ``minilit proxy --record`` opens offline. Real Streamlit 1.67."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from inspector.app import InspectorApp
from inspector.sources import LiveSource, RecordingSource
from inspector.widgets.virtual_table import VirtualTable
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.connection import WireConnection
from tests.proxy.conftest import ProxyProcess, ProxyThread
from tests.realstreamlit import RealServer

pytestmark = pytest.mark.timeout(120)
SIZE = (160, 45)


async def wait(pilot: Pilot[Any], predicate: Callable[[], bool], timeout: float = 15) -> None:
    for _ in range(int(timeout / 0.05)):
        if predicate():
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise TimeoutError("condition not met")


def keys_offered(app: InspectorApp) -> set[str]:
    return {k for k, a in app.screen.active_bindings.items() if a.binding.show and a.enabled}


def rows(app: InspectorApp, table_id: str) -> list[list[str]]:
    table = app.screen_stack[0].query_one(f"#{table_id}", VirtualTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def run_once(conn: WireConnection) -> list[bytes]:
    conn.send(BackMsg(rerun_script={}))
    frames = []
    while True:
        frames.append(conn.recv_frame(30))
        if ForwardMsg.FromString(frames[-1]).WhichOneof("type") == "script_finished":
            return frames


async def test_live_on_a_proxy_only_frame_keys_and_the_reason(proxy: ProxyThread) -> None:
    app = InspectorApp(LiveSource(proxy.url, proxy.token))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "live")
        gate = app.screen_stack[0].query_one("#gate", Static)
        await wait(pilot, lambda: "unavailable on a proxy" in str(gate.render()))
        offered = keys_offered(app)
        assert "h" in offered
        assert not {"p", "n", "e", "c", "b"} & offered  # no script line to stop at
        await pilot.press("h")
        await wait(pilot, lambda: bool(app.model.gate.get("hold")))
        conn = await asyncio.to_thread(WireConnection.open, proxy.ws_url)
        try:
            await asyncio.to_thread(conn.send, BackMsg(rerun_script={}))
            await wait(pilot, lambda: len(app.model.gate.get("held", [])) == 1)
            assert {"full_stop", "k"} <= keys_offered(app)
            # The Step pane redraws on the app's next refresh, after the model changed.
            await wait(pilot, lambda: "← rerun_script" in str(gate.render()))
            await pilot.press("full_stop")  # the rerun_script goes to the server
            await wait(
                pilot,
                lambda: any(h["kind"] == "script_finished" for h in app.model.gate.get("held", [])),
            )
            await pilot.press("greater_than_sign")  # release every held frame
            await wait(pilot, lambda: not app.model.gate.get("held"))
            await pilot.press("h")  # holding off
            # 1.67's st.write sends an empty placeholder at [0,2] and then fills it;
            # its queue coalesces the two only when they wait to be flushed together,
            # so the table has three rows or four: compare what each path ends as.
            filled = ["[0,2]", "markdown"]
            await wait(pilot, lambda: filled in [r[1:3] for r in rows(app, "delta-table")])
            first = ("[0,0]", "[0,1]", "[0,2]")
            ends = {r[1]: r[2] for r in rows(app, "delta-table") if r[1] in first}
            assert ends == {"[0,0]": "heading", "[0,1]": "button", "[0,2]": "markdown"}
            assert "k" not in keys_offered(app)  # nothing held: nothing to drop
        finally:
            await asyncio.to_thread(conn.close)


async def test_a_recording_made_through_the_proxy_opens_offline(
    streamlit_167: RealServer, tmp_path: Path
) -> None:
    recording = tmp_path / "proxied.jsonl"
    proxy = ProxyProcess(streamlit_167.url, "--record", str(recording))
    try:
        await asyncio.to_thread(proxy.wait_listening)
        url = f"ws://127.0.0.1:{proxy.port}/_stcore/stream"
        conn = await asyncio.to_thread(WireConnection.open, url)
        frames = await asyncio.to_thread(run_once, conn)
        await asyncio.to_thread(conn.close)
    finally:
        _, stderr = await asyncio.to_thread(proxy.stop)  # SIGTERM: the recorder flushes
    assert "Traceback" not in stderr
    app = InspectorApp(RecordingSource(recording), export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, lambda: app.connection == "offline recording")
        await wait(pilot, lambda: len(rows(app, "delta-table")) >= 3)
        timeline = rows(app, "timeline")
        assert len(timeline) == 1
        deltas = rows(app, "delta-table")
        sent = [ForwardMsg.FromString(f) for f in frames]
        assert len(deltas) == sum(m.WhichOneof("type") == "delta" for m in sent)
        assert [r[1:3] for r in deltas[:3]] == [
            ["[0,0]", "heading"],
            ["[0,1]", "button"],
            ["[0,2]", "markdown"],
        ]
        assert all(r[3] == "sent" for r in deltas)
        frame_bytes = [f.data for f in app.model.frames if f.direction == "forward"]
        assert frame_bytes[: len(frames)] == frames
        assert keys_offered(app).isdisjoint({"h", "p", "full_stop", "k"})
