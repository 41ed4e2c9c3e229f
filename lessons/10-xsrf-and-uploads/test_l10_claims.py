"""Lesson 10's claims, each proved against real servers (see README.md).

The cross-site attack runs in Chromium: the attacking page (attacker/upload.html) is
served by a second HTTP server on another loopback port, as ``attacker.localhost`` (another
site) or as ``127.0.0.1`` (another port of the app's own host name). The victim's session
and its upload URL come from a headless tab that asks for them as the browser does
(``file_urls_request``, lesson 09 says how such ids leak).
"""

from __future__ import annotations

import binascii
import functools
import http.client
import http.server
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lessons.framework.claims import claim
from lessons.framework.harness import TraceCapture
from lessons.framework.targets import Target, against
from minilit.proto.BackMsg_pb2 import BackMsg, ClientState
from minilit.testing import WireConnection

HERE = Path(__file__).parent
BOTH_OFF = {"server.enableCORS": False, "server.enableXsrfProtection": False}
CORS_OFF = {"server.enableCORS": False}
XSRF_OFF = {"server.enableXsrfProtection": False}


# --- Helpers: HTTP, the token, the victim ---------------------------------------------------


def _request(
    url: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, answer.headers, answer.read()
    finally:
        conn.close()


def _set_cookie(url: str, cookie: str | None = None) -> str:
    """The ``Set-Cookie`` header for the XSRF cookie that ``/_stcore/health`` sends."""
    headers = {"Cookie": f"_streamlit_xsrf={cookie}"} if cookie else {}
    _, answer, _ = _request(url, "GET", "/_stcore/health", headers=headers)
    found = [v for v in answer.get_all("Set-Cookie") or [] if v.startswith("_streamlit_xsrf=")]
    assert len(found) == 1, answer.items()
    return found[0]


def _value(set_cookie: str) -> str:
    return set_cookie.split(";", 1)[0].split("=", 1)[1]


def _unmask(value: str) -> bytes:
    """The 16 secret bytes of a ``2|mask|masked|time`` token (Tornado's version 2)."""
    version, mask_hex, masked_hex, _ = value.split("|")
    assert version == "2"
    mask, masked = binascii.a2b_hex(mask_hex), binascii.a2b_hex(masked_hex)
    return bytes(b ^ mask[i % 4] for i, b in enumerate(masked))


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "lesson10"
    body = (
        (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


class Victim:
    """A tab with a session and an upload URL the server issued to it (kept open)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.connection = WireConnection(url)
        self.connection.send(BackMsg(rerun_script=ClientState()))
        self.session_id = ""
        while not self.session_id:
            msg = self.connection.recv(10)
            if msg.HasField("new_session"):
                self.session_id = msg.new_session.initialize.session_id
        ask = BackMsg()
        ask.file_urls_request.request_id = "lesson10"
        ask.file_urls_request.file_names.append("report.txt")
        ask.file_urls_request.session_id = self.session_id
        self.connection.send(ask)
        while True:
            msg = self.connection.recv(10)
            if msg.WhichOneof("type") == "file_urls_response":
                self.upload_path = msg.file_urls_response.file_urls[0].upload_url
                break

    def put(self, *, cookie: str | None, header: str | None) -> tuple[int, bytes]:
        body, content_type = _multipart("report.txt", b"my expenses\n")
        headers = {"Content-Type": content_type}
        if cookie is not None:
            headers["Cookie"] = f"_streamlit_xsrf={cookie}"
        if header is not None:
            headers["X-Xsrftoken"] = header
        status, _, answer = _request(self.url, "PUT", self.upload_path, body, headers)
        return status, answer

    def close(self) -> None:
        self.connection.close()


@pytest.fixture
def victim_of() -> Iterator[Any]:
    victims: list[Victim] = []

    def make(url: str) -> Victim:
        victims.append(Victim(url))
        return victims[-1]

    yield make
    for victim in victims:
        victim.close()


@pytest.fixture(scope="module")
def attacker_port() -> Iterator[int]:
    """A second HTTP server, on another port, serving attacker/ (the attacking page)."""
    handler = functools.partial(_QuietHandler, directory=str(HERE / "attacker"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield int(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _attack(page: Any, upload_url: str, host: str, port: int) -> dict[str, Any]:
    query = urllib.parse.urlencode({"url": upload_url})
    page.goto(f"http://{host}:{port}/upload.html?{query}")
    page.wait_for_function("() => attack.done")
    result: dict[str, Any] = page.evaluate("attack")
    return result


# --- The cookie -----------------------------------------------------------------------------


@claim("L10.C1")
@against("minilit", "1.67", "1.56")
def test_the_health_route_sets_the_cookie(target: Target) -> None:
    header = _set_cookie(target.url())
    attributes = [a.strip() for a in header.split(";")[1:]]
    assert "Path=/" in attributes
    assert not any(a.lower() == "httponly" for a in attributes)
    assert ("SameSite=Lax" in attributes) is (target.kind != "1.56"), attributes
    version, mask, masked, stamp = _value(header).split("|")
    assert version == "2" and len(mask) == 8 and len(masked) == 32 and stamp.isdigit()


@claim("L10.C2")
@against("minilit", "1.67", "1.56")
def test_each_answer_masks_the_same_token_afresh(target: Target) -> None:
    url = target.url()
    first = _value(_set_cookie(url))
    second = _value(_set_cookie(url, first))
    assert first != second
    assert _unmask(first) == _unmask(second)
    assert _unmask(_value(_set_cookie(url))) != _unmask(first)  # a new browser: a new token


# --- The check ------------------------------------------------------------------------------


@claim("L10.C3")
@against("minilit", "1.67", "1.56")
def test_a_put_needs_the_header(target: Target, victim_of: Any) -> None:
    victim = victim_of(target.url())
    cookie = _value(_set_cookie(victim.url))
    status, body = victim.put(cookie=cookie, header=None)
    assert status == 403
    # What each server says (L10.C9 is minilit's reason; Streamlit's is the same for all).
    said = {"minilit": b"XSRF check failed", "1.67": b"XSRF token missing or invalid"}
    assert said.get(target.kind, b"403: Forbidden") in body, body
    assert victim.put(cookie=cookie, header=cookie)[0] == 204
    # The header and the cookie are compared unmasked: another masking of the same token
    # passes, another token does not.
    remasked = _value(_set_cookie(victim.url, cookie))
    assert victim.put(cookie=cookie, header=remasked)[0] == 204
    assert victim.put(cookie=cookie, header=_value(_set_cookie(victim.url)))[0] == 403


@claim("L10.C8")
@against("minilit", "1.67", "1.56")
def test_a_program_brings_its_own_cookie(target: Target, victim_of: Any) -> None:
    victim = victim_of(target.url())
    mine = _value(_set_cookie(victim.url))  # not the victim's: any fresh one will do
    assert victim.put(cookie=mine, header=mine)[0] == 204


@claim("L10.C9")
def test_minilit_says_why(target: Target, victim_of: Any, trace: TraceCapture) -> None:
    victim = victim_of(target.url())
    status, body = victim.put(cookie=_value(_set_cookie(victim.url)), header=None)
    assert (status, body) == (403, b"XSRF check failed: no X-Xsrftoken header\n")
    event = trace.wait_for("security.xsrf.rejected", lambda e: e.session_id == victim.session_id)
    assert event.fields["reason"] == "no X-Xsrftoken header"
    assert event.fields["method"] == "PUT"


# --- The attack in Chromium -----------------------------------------------------------------


def _preflight(victim: Victim) -> http.client.HTTPMessage:
    """The answer to the preflight Chromium sends before the attacking page's ``PUT``."""
    _, answer, _ = _request(
        victim.url,
        "OPTIONS",
        victim.upload_path,
        headers={"Origin": "http://attacker.localhost", "Access-Control-Request-Method": "PUT"},
    )
    return answer


@claim("L10.C4")
@against("minilit", "1.67", "1.56")
def test_with_both_checks_off_another_site_uploads(
    target: Target, page: Any, attacker_port: int, victim_of: Any
) -> None:
    victim = victim_of(target.url(options=BOTH_OFF))
    result = _attack(page, victim.url + victim.upload_path, "attacker.localhost", attacker_port)
    assert result["status"] == 204 and result["error"] is None, result
    assert _preflight(victim).get("Access-Control-Allow-Origin") == "*"
    # With server.enableCORS left on, the preflight names no unlisted origin: the browser
    # stops the page although XSRF protection is off.
    guarded = victim_of(target.url(options=XSRF_OFF))
    result = _attack(page, guarded.url + guarded.upload_path, "attacker.localhost", attacker_port)
    assert result["status"] is None and "Failed to fetch" in result["error"], result
    assert _preflight(guarded).get("Access-Control-Allow-Origin") is None


@claim("L10.C5")
@against("minilit", "1.67", "1.56")
def test_with_xsrf_on_the_put_never_leaves_the_browser(
    target: Target, page: Any, attacker_port: int, victim_of: Any
) -> None:
    victim = victim_of(target.url(options=CORS_OFF))
    page.goto(victim.url + "/_stcore/health")  # this browser has the victim's cookie
    result = _attack(page, victim.url + victim.upload_path, "attacker.localhost", attacker_port)
    assert result["status"] is None and "Failed to fetch" in result["error"], result
    preflight = _preflight(victim)
    port = urllib.parse.urlsplit(victim.url).port
    assert preflight.get("Access-Control-Allow-Origin") == f"http://localhost:{port}"
    assert "X-Xsrftoken" in (preflight.get("Access-Control-Allow-Headers") or "")
    assert preflight.get("Access-Control-Allow-Credentials") == "true"


def _cookie_on_request(page: Any, app_url: str, host: str, port: int) -> tuple[bool, list[str]]:
    """From a page on ``host``, fetch the app's health route with credentials.

    Returns whether Chromium attached the app's XSRF cookie, and the reasons it gives
    for leaving it off. Read from Chromium's own network log (the DevTools protocol's
    ``requestWillBeSentExtraInfo``): the answer itself is opaque to the page.
    """
    page.goto(f"http://{host}:{port}/upload.html")
    cdp = page.context.new_cdp_session(page)
    urls: dict[str, str] = {}
    extra: dict[str, Any] = {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on("Network.requestWillBeSentExtraInfo", lambda e: extra.__setitem__(e["requestId"], e))
    cdp.send("Network.enable")
    probe = f"{app_url}/_stcore/health?from={host}"
    page.evaluate(
        "(url) => fetch(url, { mode: 'no-cors', credentials: 'include', cache: 'no-store' })"
        ".then(() => 'answered', () => 'blocked')",
        probe,
    )
    page.wait_for_function("() => true")  # one more round trip: the protocol events are in
    ids = [rid for rid, url in urls.items() if url == probe]
    assert len(ids) == 1 and ids[0] in extra, (urls, list(extra))
    info = extra[ids[0]]
    cookie = next(
        (c for c in info.get("associatedCookies", []) if c["cookie"]["name"] == "_streamlit_xsrf"),
        None,
    )
    assert cookie is not None, info
    sent = "_streamlit_xsrf=" in info["headers"].get("Cookie", "")
    cdp.detach()
    return sent, list(cookie["blockedReasons"])


@claim("L10.C6")
@against("minilit", "1.67")
def test_samesite_lax_is_about_sites_not_origins(
    target: Target, page: Any, attacker_port: int
) -> None:
    url = target.url()
    page.goto(url + "/_stcore/health")  # the browser gets the app's cookie
    sent, reasons = _cookie_on_request(page, url, "attacker.localhost", attacker_port)
    assert not sent and "SchemefulSameSiteLax" in reasons, reasons
    sent, reasons = _cookie_on_request(page, url, "127.0.0.1", attacker_port)
    assert sent and reasons == [], reasons


@claim("L10.C7")
@against("minilit", "1.67", "1.56")
def test_a_page_on_another_port_reads_the_cookie(
    target: Target, page: Any, attacker_port: int
) -> None:
    url = target.url()
    page.goto(url + "/_stcore/health")
    cookie = _value(_set_cookie(url))  # not needed: just to say what it looks like
    assert cookie.startswith("2|")
    page.goto(f"http://127.0.0.1:{attacker_port}/upload.html")
    assert "_streamlit_xsrf=2|" in page.evaluate("document.cookie")
    page.goto(f"http://attacker.localhost:{attacker_port}/upload.html")
    assert "_streamlit_xsrf" not in page.evaluate("document.cookie")
