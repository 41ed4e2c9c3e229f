"""The handshake's Origin and Host decisions as units: each rule, its edge, and its reason.

The over-the-wire tests (tests/server/test_hardening.py, test_allowed_hosts.py) show a
refusal is a 403; these pin down each rule of minilit/server/security.py, including the
one-line reason that goes to the log and the trace event (it names the option to change,
spelled as in the config, so an operator can act on it).
"""

from __future__ import annotations

from typing import Any

import pytest

from minilit.server.security import (
    OriginDecision,
    check_host,
    check_websocket_origin,
    is_loopback_address,
)

HOST = "127.0.0.1:8501"


def origin_decision(origin: str | None, **overrides: Any) -> OriginDecision:
    """check_websocket_origin for a server reached at HOST, loopback-bound, defaults otherwise."""
    options: dict[str, Any] = {
        "enable_cors": True,
        "allowed_origins": [],
        "allowed_hosts": [],
        "bind_address": "127.0.0.1",
    }
    options.update(overrides)
    host = options.pop("host", HOST)
    return check_websocket_origin(origin, host, **options)


def test_enable_cors_false_accepts_any_origin_but_not_any_host() -> None:
    assert origin_decision("http://evil.example", enable_cors=False) == OriginDecision(
        True, "server.enableCORS is false: any origin is accepted"
    )
    refused = origin_decision("http://evil.example", enable_cors=False, host="evil.example")
    assert refused.allowed is False
    assert "DNS rebinding" in refused.reason


def test_no_origin_is_a_non_browser_client() -> None:
    for origin in (None, ""):
        assert origin_decision(origin) == OriginDecision(True, "no Origin header (not a browser)")


@pytest.mark.parametrize(
    "origin", ["null", "file:///tmp/page.html", "ftp://127.0.0.1:8501", "http://"]
)
def test_an_origin_that_is_not_http_s_is_refused(origin: str) -> None:
    assert origin_decision(origin) == OriginDecision(
        False, f"Origin {origin!r} is not an http(s) origin"
    )


@pytest.mark.parametrize("origin", ["http://127.0.0.1:8501", "HTTP://127.0.0.1:8501"])
def test_the_pages_own_origin_is_accepted(origin: str) -> None:
    assert origin_decision(origin) == OriginDecision(True, "same origin as the Host header")
    upper = origin_decision("http://LOCALHOST:8501", host="localhost:8501")
    assert upper == OriginDecision(True, "same origin as the Host header")


@pytest.mark.parametrize(
    ("origin", "listed"),
    [
        ("https://app.example", "https://app.example"),
        ("http://app.example/", "http://app.example"),  # a trailing slash is not part of it
        ("http://app.example", "http://app.example/"),
        ("http://SANDBOX", "http://sandbox"),  # case-insensitive, both ways
        ("http://sandbox", "HTTP://SANDBOX"),
    ],
)
def test_a_listed_origin_is_accepted(origin: str, listed: str) -> None:
    assert origin_decision(origin, allowed_origins=[listed]) == OriginDecision(
        True, "listed in server.corsAllowedOrigins"
    )


def test_another_origin_is_refused_with_the_option_to_change() -> None:
    origin = "http://localhost:3000"
    assert origin_decision(origin, allowed_origins=["http://localhost:5173"]) == OriginDecision(
        False,
        f"Origin {origin!r} is neither this server ({HOST!r}) nor in server.corsAllowedOrigins",
    )


ANY_HOST = (True, "server.allowedHosts is empty: any host is accepted")
LISTED = (True, "host listed in server.allowedHosts")
LOOPBACK = (True, "loopback host name on a loopback-bound server")
NOT_LISTED = (False, "Host 'evil.example' is not in server.allowedHosts")
REBOUND = (
    False,
    "Host 'evil.example' is not a loopback name and the server is bound to "
    "'localhost' (possible DNS rebinding; list it in server.allowedHosts)",
)


@pytest.mark.parametrize(
    ("host", "allowed_hosts", "bind", "decision"),
    [
        ("evil.example", [], "0.0.0.0", ANY_HOST),
        ("app.example:80", ["app.example"], "0.0.0.0", LISTED),
        ("app.example", ["App.Example."], "0.0.0.0", LISTED),  # case and a trailing dot
        ("evil.example", ["app.example"], "127.0.0.1", NOT_LISTED),
        ("localhost:8501", [], "127.0.0.1", LOOPBACK),
        ("[::1]:8501", [], "::1", LOOPBACK),
        ("evil.example:8501", [], "localhost", REBOUND),
    ],
)
def test_host_rules_and_reasons(
    host: str, allowed_hosts: list[str], bind: str, decision: tuple[bool, str]
) -> None:
    assert check_host(host, allowed_hosts, bind) == OriginDecision(*decision)


@pytest.mark.parametrize(
    "host", ["user@localhost", "localhost/path", "localhost?x=1", "localhost#top", "localhost:http"]
)
def test_a_host_that_is_not_host_port_is_refused(host: str) -> None:
    assert check_host(host, [], "127.0.0.1") == OriginDecision(
        False, f"Host {host!r} is not a valid host[:port]"
    )


@pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.1", "::1", "[::1]", " localhost "])
def test_loopback_bind_addresses(address: str) -> None:
    assert is_loopback_address(address)


@pytest.mark.parametrize("address", ["", "0.0.0.0", "::", "192.0.2.1", "example.com"])
def test_other_bind_addresses(address: str) -> None:
    assert not is_loopback_address(address)


def test_the_same_host_over_another_scheme_is_refused() -> None:
    """A TLS server's own origin is https://host:port; http://host:port is another page."""
    assert origin_decision("https://127.0.0.1:8501", scheme="https") == OriginDecision(
        True, "same origin as the Host header"
    )
    assert origin_decision("http://127.0.0.1:8501", scheme="https") == OriginDecision(
        False,
        "Origin 'http://127.0.0.1:8501' has the server's host but scheme 'http'; "
        "this server was reached over 'https'",
    )
    assert origin_decision("https://127.0.0.1:8501").allowed is False, "http is the default"
