"""Exercise origin_check: the websocket's Origin and Host check, on real servers."""

from __future__ import annotations

import base64
import http.client
import os
import urllib.parse
from typing import Any

import pytest

from lessons.framework.harness import ServerPool, TraceCapture
from minilit.server import security
from minilit.server.background import ServerThread

H = "127.0.0.1:8501"
OPEN: dict[str, Any] = {
    "enable_cors": True,
    "allowed_origins": [],
    "allowed_hosts": [],
    "bind_address": "127.0.0.1",
}


def _decide(origin: str | None, host: str | None = H, **options: Any) -> security.OriginDecision:
    return security.check_websocket_origin(origin, host, **{**OPEN, **options})


@pytest.mark.parametrize(
    ("origin", "host", "options", "allowed"),
    [
        ("http://127.0.0.1:8501", H, {}, True),
        ("HTTP://127.0.0.1:8501", "127.0.0.1:8501", {}, True),
        (None, H, {}, True),
        ("", H, {}, True),
        ("http://attacker.localhost:8600", H, {}, False),
        ("http://127.0.0.1:8600", H, {}, False),
        ("http://localhost:8501", H, {}, False),
        ("null", H, {}, False),
        ("file:///home/me/page.html", H, {}, False),
        ("https://127.0.0.1:8501", H, {}, False),
        ("https://127.0.0.1:8501", H, {"scheme": "https"}, True),
        ("http://127.0.0.1:8501", H, {"scheme": "https"}, False),
        # Behind a proxy that ends TLS: an https page, an http server, the origin listed.
        ("https://127.0.0.1:8501", H, {"allowed_origins": ["https://127.0.0.1:8501"]}, True),
        (
            "http://attacker.localhost:8600",
            H,
            {"allowed_origins": ["http://attacker.localhost:8600/"]},
            True,
        ),
        (
            "http://Attacker.localhost:8600",
            H,
            {"allowed_origins": ["http://attacker.localhost:8600"]},
            True,
        ),
        (
            "http://attacker.localhost:8601",
            H,
            {"allowed_origins": ["http://attacker.localhost:8600"]},
            False,
        ),
        ("http://anything.example", H, {"enable_cors": False}, True),
        # The Host check (DNS rebinding) comes first and stands alone.
        ("http://evil.example:8501", "evil.example:8501", {}, False),
        (None, "evil.example:8501", {}, False),
        ("http://evil.example:8501", "evil.example:8501", {"enable_cors": False}, False),
        ("http://evil.example:8501", "evil.example:8501", {"bind_address": "0.0.0.0"}, True),
        ("http://localhost:8501", "localhost:8501", {}, True),
        ("http://app.localhost:8501", "app.localhost:8501", {}, True),
        (None, None, {}, False),
        (None, "user@127.0.0.1:8501", {}, False),
        (None, "127.0.0.1:port", {}, False),
        ("http://app.example.com", "app.example.com", {"allowed_hosts": ["*.example.com"]}, True),
        ("http://127.0.0.1:8501", H, {"allowed_hosts": ["app.example.com"]}, False),
        (None, "App.Example.com.:443", {"allowed_hosts": ["app.example.com"]}, True),
    ],
)
def test_the_decision(origin: str | None, host: str | None, options: Any, allowed: bool) -> None:
    decision = _decide(origin, host, **options)
    assert decision.allowed is allowed, decision
    assert decision.reason.strip()


def test_a_foreign_origins_refusal_names_the_option() -> None:
    assert "server.corsAllowedOrigins" in _decide("http://attacker.localhost:8600").reason


def _handshake(url: str, *, host: str | None = None, origin: str | None = None) -> int:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        conn.putrequest("GET", "/_stcore/stream", skip_host=True)
        conn.putheader("Host", host or parts.netloc)
        conn.putheader("Upgrade", "websocket")
        conn.putheader("Connection", "Upgrade")
        conn.putheader("Sec-WebSocket-Key", base64.b64encode(os.urandom(16)).decode())
        conn.putheader("Sec-WebSocket-Version", "13")
        conn.putheader("Sec-WebSocket-Protocol", "streamlit, PLACEHOLDER_AUTH_TOKEN")
        if origin is not None:
            conn.putheader("Origin", origin)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def test_the_real_server_refuses_another_site(server: ServerThread, trace: TraceCapture) -> None:
    assert _handshake(server.url, origin="http://attacker.localhost:8600") == 403
    event = trace.wait_for("security.handshake.rejected")
    assert event.fields["origin"] == "http://attacker.localhost:8600"


def test_the_real_server_lets_its_own_page_and_scripts_in(server: ServerThread) -> None:
    assert _handshake(server.url, origin=server.url) == 101
    assert _handshake(server.url) == 101


def test_the_real_server_refuses_a_rebound_host(server: ServerThread) -> None:
    rebound = f"rebind.example:{server.port}"
    assert _handshake(server.url, host=rebound, origin=f"http://{rebound}") == 403


def test_a_listed_origin_and_cors_off(start_server: ServerPool) -> None:
    listed = start_server.start(
        "app.py", {"server.corsAllowedOrigins": ["http://partner.localhost:9000"]}
    )
    assert _handshake(listed.url, origin="http://partner.localhost:9000") == 101
    assert _handshake(listed.url, origin="http://partner.localhost:9001") == 403
    off = start_server.start("app.py", {"server.enableCORS": False})
    assert _handshake(off.url, origin="http://anything.example") == 101
    rebound = f"rebind.example:{off.port}"
    assert _handshake(off.url, host=rebound, origin=f"http://{rebound}") == 403
