"""Lesson 09's claims, each proved against real servers (see README.md).

The attacks run in Chromium: the attacking page (attacker/attack.html) is served by a
second HTTP server on another loopback port, under the name ``attacker.localhost``
(Chromium resolves every ``*.localhost`` name to loopback by itself), so it is another
origin *and* another host name than the app's ``127.0.0.1``. DNS rebinding is played
with Chromium's ``--host-resolver-rules``: the name ``rebind.example`` resolves to
127.0.0.1, as it would after the attacker's DNS server changed its answer.
"""

from __future__ import annotations

import base64
import functools
import http.client
import http.server
import os
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lessons.conftest import CHROMIUM
from lessons.framework.claims import claim
from lessons.framework.harness import TraceCapture
from lessons.framework.targets import Target, against
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.testing import WireConnection

HERE = Path(__file__).parent
REBIND_NAME = "rebind.example"
"""A public-looking name that Chromium (in this module) resolves to 127.0.0.1."""


# --- The attacker's side -------------------------------------------------------------------


@pytest.fixture(scope="module")
def attacker_port() -> Iterator[int]:
    """A second HTTP server, on another port, serving attacker/ (the attacking page)."""
    handler = functools.partial(_QuietHandler, directory=str(HERE / "attacker"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """lessons/conftest.py's Chromium, plus a resolver rule for the rebinding claim."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                f"--host-resolver-rules=MAP {REBIND_NAME} 127.0.0.1",
            ],
        )
        yield chromium
        chromium.close()


def _attack(page: Any, app_url: str, attacker_host: str, attacker_port: int) -> dict[str, Any]:
    """Open the attacking page; wait until its socket closed or it saw the click's effect."""
    query = urllib.parse.urlencode({"app": app_url})
    page.goto(f"http://{attacker_host}:{attacker_port}/attack.html?{query}")
    page.wait_for_function(
        "() => attack.closeCode !== null || attack.texts.some(t => t.includes('Report sent'))"
    )
    result: dict[str, Any] = page.evaluate("attack")
    return result


def _read(result: dict[str, Any], needle: str) -> bool:
    return any(needle in text for text in result["texts"])


def _handshake(url: str, *, host: str | None = None, origin: str | None = None) -> int:
    """The status of a websocket upgrade request with these Host and Origin headers."""
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


# --- Cross-site websocket hijacking ---------------------------------------------------------


@claim("L09.C1")
@against("minilit", "1.67", "1.56")
def test_another_sites_page_is_refused(target: Target, page: Any, attacker_port: int) -> None:
    url = target.url()
    result = _attack(page, url, "attacker.localhost", attacker_port)
    assert result["opened"] is False and result["closeCode"] == 1006, result
    assert not _read(result, "payroll")
    # What the page cannot see, the upgrade's answer: 403.
    assert _handshake(url, origin=f"http://attacker.localhost:{attacker_port}") == 403


@claim("L09.C2")
@against("minilit", "1.67", "1.56")
def test_the_browser_sends_the_pages_origin(
    target: Target, page: Any, attacker_port: int, trace: TraceCapture
) -> None:
    origin = f"http://attacker.localhost:{attacker_port}"
    url = target.url()
    _attack(page, url, "attacker.localhost", attacker_port)
    # The same request with the Origin header a browser cannot leave out or fake: refused;
    # without it, the very same request is accepted (L09.C6).
    assert _handshake(url, origin=origin) == 403
    assert _handshake(url) == 101
    if target.kind == "1.67":
        # Streamlit 1.67 logs the Origin and the Host, without a reason.
        assert "Rejecting WebSocket connection with disallowed Origin or Host" in target.log(url)
    if target.is_minilit:
        refused = trace.wait_for(
            "security.handshake.rejected", lambda e: e.fields["origin"] == origin
        )
        assert refused.fields["status"] == 403


@claim("L09.C3")
@against("minilit", "1.67", "1.56")
def test_a_listed_origin_reads_the_app_and_clicks(
    target: Target, page: Any, attacker_port: int
) -> None:
    # A one-element list, written as on both command lines: --server.corsAllowedOrigins URL
    url = target.url(
        options={"server.corsAllowedOrigins": f"http://attacker.localhost:{attacker_port}"}
    )
    result = _attack(page, url, "attacker.localhost", attacker_port)
    assert result["opened"] is True and result["clicked"] is True, result
    assert _read(result, "Private: the payroll total is 4,200,000")
    assert _read(result, "Report sent: the button was clicked over this websocket")
    # Streamlit keeps only the listed origin's host name: every port of it gets in.
    other_port = f"http://attacker.localhost:{attacker_port + 1}"
    assert _handshake(url, origin=other_port) == (403 if target.is_minilit else 101)


@claim("L09.C4")
@against("minilit", "1.67", "1.56")
def test_another_port_on_the_same_host(target: Target, page: Any, attacker_port: int) -> None:
    result = _attack(page, target.url(), "127.0.0.1", attacker_port)
    # Streamlit 1.67 compares host names only: 127.0.0.1 is on its list, any port.
    assert result["opened"] is (not target.is_minilit), result
    assert _read(result, "Report sent") is (not target.is_minilit)
    url = target.url()
    for name in ("127.0.0.1", "localhost"):
        status = _handshake(url, origin=f"http://{name}:{attacker_port}")
        assert status == (403 if target.is_minilit else 101), (name, status)


@claim("L09.C5")
@against("minilit", "1.67", "1.56")
def test_cors_off_accepts_every_origin(target: Target) -> None:
    url = target.url(options={"server.enableCORS": False})
    assert _handshake(url, origin="http://attacker.example") == 101


@claim("L09.C9")
def test_minilit_says_why_it_refused(
    target: Target, page: Any, attacker_port: int, trace: TraceCapture
) -> None:
    origin = f"http://attacker.localhost:{attacker_port}"
    _attack(page, target.url(), "attacker.localhost", attacker_port)
    event = trace.wait_for("security.handshake.rejected", lambda e: e.fields["origin"] == origin)
    assert "server.corsAllowedOrigins" in event.fields["reason"], event.fields
    assert event.fields["host"].startswith("127.0.0.1:")


# --- DNS rebinding: the Host header ---------------------------------------------------------


def _rebound_socket(page: Any, url: str) -> dict[str, Any]:
    """Load the app under the rebound name; open its websocket from that page."""
    port = urllib.parse.urlsplit(url).port
    page.goto(f"http://{REBIND_NAME}:{port}/_stcore/health")
    result: dict[str, Any] = page.evaluate(
        """(port) => new Promise((done) => {
            const ws = new WebSocket(`ws://rebind.example:${port}/_stcore/stream`, ["streamlit"]);
            ws.onopen = () => { done({ opened: true, origin: location.origin }); ws.close(); };
            ws.onclose = (e) => done({ opened: false, code: e.code, origin: location.origin });
        })""",
        port,
    )
    return result


@claim("L09.C7")
@against("minilit", "1.67", "1.56")
def test_a_rebound_name_passes_the_origin_check(target: Target, page: Any) -> None:
    url = target.url()
    result = _rebound_socket(page, url)
    # The page and the socket share the rebound name: same origin, as far as the browser
    # and the Origin check can tell. Only the Host check (minilit's loopback default) sees it.
    assert result["origin"].startswith(f"http://{REBIND_NAME}:"), result
    assert result["opened"] is (not target.is_minilit), result
    port = urllib.parse.urlsplit(url).port
    rebound = f"{REBIND_NAME}:{port}"
    assert _handshake(url, host=rebound, origin=f"http://{rebound}") == (
        403 if target.is_minilit else 101
    )


@claim("L09.C8")
@against("minilit", "1.67")
def test_allowed_hosts_stops_rebinding(target: Target, page: Any) -> None:
    url = target.url(options={"server.allowedHosts": "127.0.0.1"})
    assert _rebound_socket(page, url)["opened"] is False
    port = urllib.parse.urlsplit(url).port
    assert (
        _handshake(url, host=f"{REBIND_NAME}:{port}", origin=f"http://{REBIND_NAME}:{port}") == 403
    )
    assert _handshake(url, origin=f"http://127.0.0.1:{port}") == 101


# --- What the Origin check does not stop ----------------------------------------------------


@claim("L09.C6")
@against("minilit", "1.67", "1.56")
def test_a_script_sends_no_origin_and_is_let_in(target: Target) -> None:
    # A program is no browser: it sends whatever Origin it likes, or none.
    url = target.url()
    assert _handshake(url) == 101
    assert _handshake(url, origin=url) == 101  # a forged "same origin"
    with target.connect() as tab:
        tab.run()
        assert any("payroll" in t.value for t in tab.text)
        tab.button("send").click()
        tab.run()
        assert tab.success[0].value.startswith("Report sent")


@claim("L09.C10")
@against("minilit", "1.67", "1.56")
def test_the_session_id_is_a_bearer_secret(target: Target) -> None:
    with target.connect() as victim:
        victim.run()
        # Anyone who learns the id (a log line, a screenshot of the inspector, a proxy)
        # presents it in subprotocol slot 3, and needs nothing else: no Origin, no cookie.
        thief = WireConnection(target.url(), session_id=victim.session_id)
        try:
            thief.send(BackMsg(rerun_script=ClientState()))
            first = thief.recv(10)
            taken = first.new_session.initialize.session_id == victim.session_id
            if taken:
                # ...and from now on the victim's session answers the thief.
                frames = [thief.recv(10) for _ in range(6)]
                assert any("payroll" in f.delta.new_element.text.body for f in frames)
        finally:
            thief.close()
    # Streamlit 1.56 gives a second socket a new session while the first is open (lesson 04).
    assert taken == (target.kind != "1.56"), target.name
