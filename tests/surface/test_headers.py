"""Response headers: nosniff everywhere, the page's CSP and its frame-ancestors, Referrer-Policy,
and the XSRF cookie on the page and on health."""

from __future__ import annotations

from pathlib import Path

from tests.surface.helpers import request
from tests.wire import serve

APP = "import minilit as st\nst.text('hi')\n"


def test_every_response_says_nosniff_and_same_origin_referrer(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        for method, path in [
            ("GET", "/"),
            ("GET", "/_stcore/health"),
            ("GET", "/_stcore/host-config"),
            ("GET", "/media/nothing.png"),  # 404
            ("GET", "/component/nope/index.html"),  # 404
            ("PUT", "/_stcore/upload_file/a/b"),  # 403
            ("GET", "/_stcore/stream"),  # not a websocket upgrade: 400
            ("GET", "/some//"),  # redirect refusal: 400
        ]:
            answer = request(server, method, path)
            assert answer.header("X-Content-Type-Options") == "nosniff", (path, answer.status)
            assert answer.header("Referrer-Policy") == "same-origin", path


def test_the_page_has_a_csp_with_frame_ancestors_from_the_option(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        csp = request(server, "GET", "/").header("Content-Security-Policy")
        assert "frame-ancestors 'self'" in csp
        assert "object-src 'none'" in csp and "default-src 'self'" in csp
        # The SPA fallback serves the same page with the same policy.
        assert request(server, "GET", "/a/page").header("Content-Security-Policy") == csp
        # Other files do not need one.
        assert request(server, "GET", "/_stcore/health").header("Content-Security-Policy") == ""
    option = {"server.frameAncestors": "https://portal.example"}
    with serve(tmp_path, APP, **option) as server:
        csp = request(server, "GET", "/").header("Content-Security-Policy")
        assert "frame-ancestors https://portal.example" in csp


def test_the_page_and_health_set_the_xsrf_cookie_readable_by_script(tmp_path: Path) -> None:
    with serve(tmp_path, APP) as server:
        for path in ("/", "/_stcore/health"):
            cookie = request(server, "GET", path).header("Set-Cookie")
            assert cookie.startswith("_streamlit_xsrf=2|"), cookie
            attrs = [a.strip() for a in cookie.split(";")]
            assert "Path=/" in attrs and "SameSite=Lax" in attrs
            assert "HttpOnly" not in attrs  # double-submit: the page's script reads it
            assert "Secure" not in attrs  # plain http


def test_a_valid_cookie_keeps_its_token(tmp_path: Path) -> None:
    from minilit.server.xsrf import decode_token_string

    with serve(tmp_path, APP) as server:
        first = request(server, "GET", "/_stcore/health").header("Set-Cookie")
        value = first.split(";")[0].split("=", 1)[1]
        again = request(
            server, "GET", "/_stcore/health", headers={"Cookie": f"_streamlit_xsrf={value}"}
        )
        value2 = again.header("Set-Cookie").split(";")[0].split("=", 1)[1]
        assert value2 != value  # masked afresh
        assert decode_token_string(value2)[0] == decode_token_string(value)[0]


def test_host_config_tells_the_frontend_the_component_sandbox(tmp_path: Path) -> None:
    import json

    with serve(tmp_path, APP) as server:
        assert (
            json.loads(request(server, "GET", "/_stcore/host-config").body)["componentSandbox"]
            == "minilit"
        )
    with serve(tmp_path, APP, **{"server.componentSandbox": "streamlit"}) as server:
        assert (
            json.loads(request(server, "GET", "/_stcore/host-config").body)["componentSandbox"]
            == "streamlit"
        )
