"""The inspector's Security pane lists the surface's decisions (a real server with
the trace channel, the real Textual app under Pilot, real HTTP refusals)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable

from inspector.channel.endpoint import install_trace
from minilit.server.background import ServerThread
from tests.inspector.test_app_live import live_app, wait
from tests.surface.helpers import request, write_app

pytestmark = pytest.mark.timeout(90)


async def test_security_pane_lists_upload_xsrf_media_and_component_decisions(
    tmp_path: Path,
) -> None:
    script = write_app(tmp_path, "import minilit as st\nst.text('x')\n")
    with ServerThread(script, configure=install_trace) as server:
        app = live_app(server)
        async with app.run_test(size=(160, 45)) as pilot:
            await wait(pilot, lambda: app.connection == "live")
            await pilot.press("6")
            table = app.screen_stack[0].query_one("#security-table", DataTable)

            def rows() -> list[str]:
                return [
                    " ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)
                ]

            await asyncio.to_thread(request, server, "GET", "/media/nothing.png")
            await asyncio.to_thread(request, server, "GET", "/component/nope/x.js")
            fake = "/_stcore/upload_file/0/1"
            await asyncio.to_thread(request, server, "PUT", fake, b"", {"Cookie": "a=b"})

            def shown() -> bool:
                text = "\n".join(rows())
                return all(
                    name in text
                    for name in (
                        "security.media.rejected",
                        "security.component.rejected",
                        "security.xsrf.rejected",
                        "security.upload.rejected",
                    )
                )

            await wait(pilot, shown)
            text = "\n".join(rows())
            assert "no _streamlit_xsrf cookie" in text
            assert "no component of this name is declared" in text
