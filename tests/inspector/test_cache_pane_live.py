"""Pilot test: the State pane's cache table shows every session's cache.hit, cache.miss
and cache.cleared, from a live server through the real trace channel."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from inspector.channel.endpoint import install_trace
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient
from tests.inspector.test_app_live import live_app, wait

pytestmark = pytest.mark.timeout(90)
SIZE = (160, 45)

CACHE_APP = """\
import minilit as st

@st.cache_data
def load_rows(n):
    return list(range(n))

st.text(f"{len(load_rows(3))} rows")
"""


def rows(table: DataTable[Any]) -> list[tuple[str, ...]]:
    """(cache, event, function, session) of each row."""
    return [tuple(str(cell) for cell in table.get_row_at(i)[2:6]) for i in range(table.row_count)]


async def test_state_pane_lists_cache_events_of_every_session(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(CACHE_APP)
    with ServerThread(script, configure=install_trace) as server:
        app = live_app(server)
        async with app.run_test(size=SIZE) as pilot:
            await wait(pilot, lambda: app.connection == "live")
            await pilot.press("5")  # the State tab
            table = app.screen_stack[0].query_one("#cache-events", DataTable)
            first = await asyncio.to_thread(AppClient.connect, server.url)
            second = await asyncio.to_thread(AppClient.connect, server.url)
            try:
                await asyncio.to_thread(first.run)
                await asyncio.to_thread(second.run)
                first.send(BackMsg(clear_cache=True))
                await wait(pilot, lambda: table.row_count >= 4)
                a, b = first.session_id[:8], second.session_id[:8]
                assert rows(table) == [
                    ("cache_data", "miss", "load_rows", a),
                    ("cache_data", "hit", "load_rows", b),
                    ("cache_data", "cleared", "(all)", a),
                    ("cache_resource", "cleared", "(all)", a),
                ]
                assert "cause=clear_cache" in str(table.get_row_at(2)[6])
                assert "entries=" in str(table.get_row_at(2)[6])  # (other tests share the process)
            finally:
                first.close()
                second.close()
