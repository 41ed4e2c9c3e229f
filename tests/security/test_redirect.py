"""No open redirect from the trailing-slash redirect (issue 17, defect 1).

Raw HTTP over a real socket, because the request paths here (a backslash, a
tab, a newline, all percent-encoded) must reach the server byte for byte.
"""

from __future__ import annotations

import http.client
from pathlib import Path

import pytest

from tests.wire import serve

APP = "import minilit as st\nst.text('hello')\n"


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "path",
    [
        "/%5Cevil.example/",  # browsers read /\evil.example as //evil.example
        "/%09/evil.example/",  # ... and drop the tab: //evil.example
        "/%0A/x/",  # a newline: was a 500 with a traceback
        "/%0D%0ALocation:%20http://evil.example/",  # header injection attempt
        "//evil.example/",
        "/%2F%2Fevil.example/",
        "/x%5C%5Cevil/",
        "/%7F/x/",
    ],
)
def test_redirect_that_could_leave_the_site_is_a_400(tmp_path: Path, path: str) -> None:
    with serve(tmp_path, APP) as server:
        status, headers, body = get(server.port, path)
    assert status == 400, (path, status, headers)
    assert "Location" not in headers
    assert b"Traceback" not in body


def test_trailing_slash_still_redirects_to_the_same_site(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        status, headers, _ = get(server.port, "/foo/")
        assert (status, headers["Location"]) == (301, "/foo")
        _, headers, _ = get(server.port, "/a/b//?x=1")
        assert headers["Location"] == "/a/b?x=1"
        # Percent-encoded characters stay encoded in the Location: nothing decoded leaks.
        _, headers, _ = get(server.port, "/caf%C3%A9/")
        assert headers["Location"] == "/caf%C3%A9"


@pytest.mark.browser
def test_chromium_does_not_leave_the_site(tmp_path: Path) -> None:
    """What a browser does with the answers (the issue's Chromium reproduction)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    with serve(tmp_path, APP) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for path in ("/%5Cevil.example/", "/%09/evil.example/"):
                response = page.goto(server.url + path)
                assert response is not None
                assert response.status == 400
                assert page.url.startswith(server.url)
        finally:
            browser.close()
