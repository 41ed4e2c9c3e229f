"""Lesson 10's claim about the inspector: its Security pane shows why an upload was refused.

A real server with the trace channel, the real Textual inspector under Pilot, and a real
upload request without the X-Xsrftoken header. (In its own module: the claims module keeps
Chromium's Playwright loop on its thread, and this test needs asyncio's.)
"""

from __future__ import annotations

import asyncio
import http.client

from textual.widgets import DataTable

from inspector.app import InspectorApp
from inspector.channel.endpoint import channel_of, install_trace
from inspector.sources import LiveSource
from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool
from minilit.server.background import ServerThread
from minilit.server.server import Server


def _with_trace_channel(server: Server) -> None:
    install_trace(server)  # what `minilit inspect` does to the server it starts


def _put_without_header(port: int) -> int:
    """A PUT to the upload route carrying the cookie but not the header."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/_stcore/health")
        answer = conn.getresponse()
        answer.read()
        cookie = (answer.getheader("Set-Cookie") or "").split(";", 1)[0]
        conn.request("PUT", "/_stcore/upload_file/some-session/some-file", b"", {"Cookie": cookie})
        return conn.getresponse().status
    finally:
        conn.close()


@claim("L10.C9")
async def test_the_security_pane_shows_the_refusal(start_server: ServerPool) -> None:
    with ServerThread(start_server.base / "app.py", configure=_with_trace_channel) as server:
        channel = channel_of(server.server)
        assert channel is not None
        app = InspectorApp(LiveSource(server.url, channel.token))
        async with app.run_test(size=(200, 45)) as pilot:
            for _ in range(200):
                if app.connection == "live":
                    break
                await pilot.pause(0.05)
            await pilot.press("6")
            table = app.screen_stack[0].query_one("#security-table", DataTable)
            assert await asyncio.to_thread(_put_without_header, server.port) == 403

            def text() -> str:
                rows = (table.get_row_at(i) for i in range(table.row_count))
                return "\n".join(" ".join(str(cell) for cell in row) for row in rows)

            for _ in range(200):
                if "security.xsrf.rejected" in text():
                    break
                await pilot.pause(0.05)
            shown = text()
    assert "security.xsrf.rejected" in shown
    assert "no X-Xsrftoken header" in shown, shown
