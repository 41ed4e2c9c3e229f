"""Lesson 09's claim about the inspector: its Security pane shows why a handshake was refused.

A real server with the trace channel, the real Textual inspector under Pilot, and a real
upgrade request with another site's Origin. (In its own module: the claims module keeps
Chromium's Playwright loop on its thread, and this test needs asyncio's.)
"""

from __future__ import annotations

import base64
import http.client
import os

from lessons.framework.claims import claim
from lessons.framework.harness import ServerPool, security_pane_after

ATTACKER = "http://attacker.localhost:8600"


def _foreign_handshake(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", "/_stcore/stream")
        for name, value in {
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
            "Sec-WebSocket-Version": "13",
            "Origin": ATTACKER,
        }.items():
            conn.putheader(name, value)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


@claim("L09.C9")
async def test_the_security_pane_shows_the_refusal(start_server: ServerPool) -> None:
    status, shown = await security_pane_after(
        start_server.base / "app.py", _foreign_handshake, "security.handshake.rejected"
    )
    assert status == 403
    assert "security.handshake.rejected" in shown
    assert ATTACKER in shown and "server.corsAllowedOrigins" in shown, shown
