"""Response headers: nosniff everywhere, the page's CSP and its frame-ancestors, Referrer-Policy,
the XSRF cookie on the page and on health, and the upload route's CORS headers (1.67's
``_set_upload_headers``: XSRF on or off, times CORS on or off)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minilit.server.background import ServerThread
from tests.surface.helpers import Response, request
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


# --- The upload route's CORS headers (1.67's _set_upload_headers) -------------------------

UPLOAD_PATH = "/_stcore/upload_file/some-session/some-file"
ATTACKER = "http://attacker.localhost:8600"
PARTNER = "https://partner.example"


def preflight(server: ServerThread, origin: str | None) -> Response:
    """The OPTIONS request a browser sends before a cross-origin PUT."""
    headers = {"Access-Control-Request-Method": "PUT"}
    if origin is not None:
        headers["Origin"] = origin
    return request(server, "OPTIONS", UPLOAD_PATH, headers=headers)


def vary(answer: Response) -> set[str]:
    """The Vary header's names (gzip adds Accept-Encoding to every answer)."""
    return {name.strip() for name in answer.header("Vary").split(",") if name.strip()}


@pytest.mark.parametrize("cors", [True, False], ids=["cors-on", "cors-off"])
def test_upload_preflight_with_xsrf_on_names_only_the_servers_own_url(
    tmp_path: Path, cors: bool
) -> None:
    # XSRF on decides alone: server.enableCORS does not change the answer.
    options: dict[str, Any] = {"server.enableCORS": cors, "server.corsAllowedOrigins": [PARTNER]}
    with serve(tmp_path, APP, **options) as server:
        for origin in (ATTACKER, PARTNER, None):
            answer = preflight(server, origin)
            assert answer.status == 204 and answer.body == b"", origin
            assert answer.header("Access-Control-Allow-Origin") == f"http://localhost:{server.port}"
            assert answer.header("Access-Control-Allow-Methods") == "PUT, OPTIONS, DELETE"
            assert answer.header("Access-Control-Allow-Headers") == "X-Xsrftoken, Content-Type"
            assert answer.header("Access-Control-Allow-Credentials") == "true"
            assert "Origin" in vary(answer)


def test_upload_preflight_with_both_off_allows_any_origin(tmp_path: Path) -> None:
    options: dict[str, Any] = {"server.enableCORS": False, "server.enableXsrfProtection": False}
    with serve(tmp_path, APP, **options) as server:
        for origin in (ATTACKER, None):
            answer = preflight(server, origin)
            assert answer.status == 204
            assert answer.header("Access-Control-Allow-Origin") == "*"
            assert answer.header("Access-Control-Allow-Methods") == "PUT, OPTIONS, DELETE"
            assert answer.header("Access-Control-Allow-Headers") == "Content-Type"
            # No credentials with "*" (a browser would refuse the pair anyway), no Vary.
            assert answer.header("Access-Control-Allow-Credentials") == ""
            assert "Origin" not in vary(answer)


def test_upload_preflight_with_xsrf_off_and_cors_on_echoes_only_listed_origins(
    tmp_path: Path,
) -> None:
    options: dict[str, Any] = {
        "server.enableXsrfProtection": False,
        "server.corsAllowedOrigins": [PARTNER],
    }
    with serve(tmp_path, APP, **options) as server:
        listed = preflight(server, PARTNER)
        assert listed.status == 204
        assert listed.header("Access-Control-Allow-Origin") == PARTNER
        assert listed.header("Access-Control-Allow-Headers") == "Content-Type"
        assert listed.header("Access-Control-Allow-Credentials") == ""
        for origin in (ATTACKER, f"http://localhost:{server.port}", None):
            answer = preflight(server, origin)
            assert answer.status == 204
            assert answer.header("Access-Control-Allow-Origin") == "", origin
            assert answer.header("Access-Control-Allow-Methods") == "PUT, OPTIONS, DELETE"


def test_upload_refusals_carry_the_cors_headers_too(tmp_path: Path) -> None:
    # A PUT without the token (403) and one into no session (400): the browser's page
    # may read why (minilit's choice, as 1.56's set_default_headers; 1.67's refusals have none).
    with serve(tmp_path, APP) as server:
        refused = request(server, "PUT", UPLOAD_PATH, headers={"Origin": ATTACKER})
        assert refused.status == 403
        assert refused.header("Access-Control-Allow-Origin") == f"http://localhost:{server.port}"
        assert refused.header("Access-Control-Allow-Credentials") == "true"
    options: dict[str, Any] = {"server.enableCORS": False, "server.enableXsrfProtection": False}
    with serve(tmp_path, APP, **options) as server:
        refused = request(server, "PUT", UPLOAD_PATH, headers={"Origin": ATTACKER})
        assert refused.status == 400
        assert refused.header("Access-Control-Allow-Origin") == "*"


def test_upload_preflight_over_tls_names_the_https_url(tmp_path: Path) -> None:
    from tests.surface.test_tls import client_context, make_cert

    cert, key = make_cert(tmp_path)
    options: dict[str, Any] = {"server.sslCertFile": str(cert), "server.sslKeyFile": str(key)}
    with serve(tmp_path, APP, **options) as server:
        answer = request(
            server,
            "OPTIONS",
            UPLOAD_PATH,
            headers={"Origin": ATTACKER, "Access-Control-Request-Method": "PUT"},
            context=client_context(cert),
        )
        assert answer.status == 204
        assert answer.header("Access-Control-Allow-Origin") == f"https://localhost:{server.port}"
