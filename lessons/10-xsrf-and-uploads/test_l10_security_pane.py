"""Lesson 10's claim about the inspector: its Security pane shows why an upload was refused.

A real server with the trace channel, the real Textual inspector under Pilot, and a real
upload request without the X-Xsrftoken header. (In its own module: the claims module keeps
Chromium's Playwright loop on its thread, and this test needs asyncio's.)
"""

from __future__ import annotations

import http.client

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, security_pane_after


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
    status, shown = await security_pane_after(
        start_server.base / "app.py", _put_without_header, "security.xsrf.rejected"
    )
    assert status == 403
    assert "security.xsrf.rejected" in shown
    assert "no X-Xsrftoken header" in shown, shown
