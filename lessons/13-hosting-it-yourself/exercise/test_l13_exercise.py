"""Exercise nginx_site: your nginx configuration, run by a real nginx in front of two minilits."""

from __future__ import annotations

import base64
import os
import socket
import ssl
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from lessons.framework.harness import ServerPool
from minilit.server import proxy_config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lesson13_nginx import Nginx, make_certificate

from minilit.testing.ports import free_port

PUBLIC_NAME = "app.test"


@dataclass
class Site:
    port: int
    cert: Path
    replicas: list[str]
    """Each replica's frame-ancestors marker, in the order of ``nginx_site``'s list."""


@pytest.fixture
def site(start_server: ServerPool, tmp_path: Path) -> Iterator[Site]:
    """Two minilit replicas behind nginx running *your* ``nginx_site``."""
    cert, key = make_certificate(tmp_path)
    port = free_port()
    origins = [f"https://127.0.0.1:{port}", f"https://{PUBLIC_NAME}:{port}"]
    markers = ["https://replica-a.test", "https://replica-b.test"]
    upstreams = []
    for marker in markers:
        options = {
            "server.corsAllowedOrigins": origins,
            "server.allowedHosts": ["127.0.0.1", "localhost", PUBLIC_NAME],
            # Tells the replicas apart: it shows in the page's Content-Security-Policy.
            "server.frameAncestors": f"'self' {marker}",
        }
        server = start_server.start("app.py", options)
        upstreams.append(f"127.0.0.1:{server.port}")
    text = proxy_config.nginx_site(f"127.0.0.1:{port}", upstreams, str(cert), str(key))
    folder = tmp_path / "nginx"
    folder.mkdir()
    with Nginx(text, folder, port):
        yield Site(port, cert, markers)


def _https(site: Site, path: str) -> tuple[int, dict[str, str], bytes]:
    context = ssl.create_default_context(cafile=str(site.cert))
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=context)
    )
    with opener.open(f"https://127.0.0.1:{site.port}{path}", timeout=10) as answer:
        return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()


def _upgrade_status(site: Site, host: str) -> int:
    """The status of a websocket upgrade request sent over TLS to nginx with this Host."""
    context = ssl.create_default_context(cafile=str(site.cert))
    with (
        socket.create_connection(("127.0.0.1", site.port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            "GET /_stcore/stream HTTP/1.1\r\n"
            f"Host: {host}\r\n"
            f"Origin: https://{host}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            "Sec-WebSocket-Protocol: streamlit, PLACEHOLDER_AUTH_TOKEN\r\n\r\n"
        )
        tls.sendall(request.encode())
        status_line = b""
        while not status_line.endswith(b"\r\n"):
            chunk = tls.recv(1)
            if not chunk:
                break
            status_line += chunk
    return int(status_line.split()[1])


def test_tls_is_terminated_by_nginx(site: Site) -> None:
    assert _https(site, "/_stcore/health")[::2] == (200, b"ok")


def test_the_websocket_upgrade_reaches_minilit(site: Site) -> None:
    assert _upgrade_status(site, f"127.0.0.1:{site.port}") == 101


def test_the_browsers_host_reaches_minilit(site: Site) -> None:
    # minilit lists app.test in server.allowedHosts; any other Host it receives is refused.
    assert _upgrade_status(site, f"{PUBLIC_NAME}:{site.port}") == 101


def test_the_app_runs_in_chromium_through_nginx(site: Site, browser: Any) -> None:
    context = browser.new_context(ignore_https_errors=True, locale="en-US", timezone_id="UTC")
    try:
        tab = context.new_page()
        tab.goto(f"https://127.0.0.1:{site.port}/")
        tab.get_by_test_id("stText").filter(has_text="this session: 1 run(s)").wait_for(
            timeout=15_000
        )
    finally:
        context.close()


def test_a_browser_keeps_its_replica(site: Site) -> None:
    seen = []
    for _ in range(6):
        csp = _https(site, "/")[1]["content-security-policy"]
        seen.append(next(m for m in site.replicas if m in csp))
    assert len(set(seen)) == 1, f"requests went to {seen}: no sticky sessions"
