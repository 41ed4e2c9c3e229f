"""The Host check of the websocket handshake (issue 17, defects 5 and 6).

server.allowedHosts has Streamlit 1.67's meaning (hostnames, ports ignored,
``*.`` wildcards, case-insensitive), and a loopback-bound server accepts only
loopback host names by default (DNS rebinding; Note [DNS rebinding] in
minilit/server/security.py). Each handshake is a real one on a real server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.server.security import check_host
from minilit.testing.connection import HandshakeRejected
from minilit.trace import events
from minilit.trace.bus import BUS, TraceEvent
from tests.wire import run_once, serve, ws_connect

APP = "import minilit as st\nst.text('hello')\n"


def handshake(server: ServerThread, host: str, origin: bool = True) -> int:
    """Open a socket with this Host (and the matching Origin, as a rebound page
    would send); 101 if it opened and ran the app, else the HTTP status."""
    headers = {"Host": host}
    if origin:
        headers["Origin"] = f"http://{host}"
    try:
        ws = ws_connect(server, additional_headers=headers)
    except HandshakeRejected as refused:
        return refused.response.status_code
    with ws:
        assert run_once(ws).finished == [ForwardMsg.FINISHED_SUCCESSFULLY]
    return 101


@contextmanager
def traced() -> Iterator[list[TraceEvent]]:
    """Every trace event published inside the block."""
    sub = BUS.subscribe()
    seen: list[TraceEvent] = []
    try:
        yield seen
    finally:
        seen.extend(sub.drain())
        BUS.unsubscribe(sub)


@pytest.fixture
def hosts_server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[ServerThread]:
    options: dict[str, Any] = getattr(request, "param", {})
    with serve(tmp_path, APP, **options) as server:
        yield server


# --- server.allowedHosts, as Streamlit documents it ------------------------------


@pytest.mark.parametrize(
    "hosts_server", [{"server.allowedHosts": ["127.0.0.1", "localhost"]}], indirect=True
)
def test_hostnames_as_streamlit_documents_them_are_accepted_with_any_port(
    hosts_server: ServerThread,
) -> None:
    port = hosts_server.port
    assert handshake(hosts_server, f"127.0.0.1:{port}") == 101
    assert handshake(hosts_server, f"LOCALHOST:{port}") == 101  # case-insensitive
    assert handshake(hosts_server, "localhost.:8080") == 101  # trailing dot, another port
    assert handshake(hosts_server, f"app.example:{port}") == 403


@pytest.mark.parametrize(
    "hosts_server", [{"server.allowedHosts": ["*.Example.com", "exact.test"]}], indirect=True
)
def test_wildcards_match_subdomains_only(hosts_server: ServerThread) -> None:
    assert handshake(hosts_server, "app.example.com:8501") == 101
    assert handshake(hosts_server, "a.b.example.com") == 101
    assert handshake(hosts_server, "EXACT.test:1") == 101
    assert handshake(hosts_server, "example.com:8501") == 403  # as in 1.67: not the bare domain
    assert handshake(hosts_server, "evilexample.com") == 403
    assert handshake(hosts_server, "sub.exact.test") == 403


@pytest.mark.parametrize("hosts_server", [{"server.allowedHosts": ["*"]}], indirect=True)
def test_star_accepts_any_host(hosts_server: ServerThread) -> None:
    assert handshake(hosts_server, "anything.example:9") == 101


@pytest.mark.parametrize(
    "host", ["user@localhost", "localhost:notaport", "localhost:99999", "localhost/x", ""]
)
def test_a_host_header_that_is_not_host_port_is_refused(host: str) -> None:
    assert not check_host(host, ["localhost"], "127.0.0.1").allowed
    assert not check_host(host, [], "127.0.0.1").allowed


# --- DNS rebinding: a loopback-bound server wants loopback names -----------------


def test_dns_rebinding_is_refused_by_default_and_traced(hosts_server: ServerThread) -> None:
    """``Host: evil.example:P`` with a matching Origin: a page whose name was rebound."""
    port = hosts_server.port
    with traced() as seen:
        assert handshake(hosts_server, f"evil.example:{port}") == 403
        assert handshake(hosts_server, f"evil.example:{port}", origin=False) == 403
    refused = [e for e in seen if e.name == events.HANDSHAKE_REJECTED]
    assert len(refused) == 2
    for event in refused:
        assert "evil.example" in event.fields["reason"]
        assert "DNS rebinding" in event.fields["reason"]
        assert event.fields["status"] == 403


def test_loopback_names_are_accepted_by_default(hosts_server: ServerThread) -> None:
    port = hosts_server.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "app.localhost"):
        assert handshake(hosts_server, host) == 101, host
    assert handshake(hosts_server, f"127.0.0.2:{port}") == 101  # all of 127/8 is loopback


@pytest.mark.parametrize("hosts_server", [{"server.allowedHosts": ["evil.example"]}], indirect=True)
def test_allowed_hosts_overrides_the_loopback_default(hosts_server: ServerThread) -> None:
    """A reverse proxy forwarding a public name to a loopback minilit lists it."""
    port = hosts_server.port
    assert handshake(hosts_server, f"evil.example:{port}") == 101
    assert handshake(hosts_server, f"127.0.0.1:{port}") == 403  # the list replaces the default


@pytest.mark.parametrize("address", ["", "0.0.0.0", "::", "192.0.2.7"])
def test_a_server_bound_beyond_loopback_accepts_any_host_as_streamlit(address: str) -> None:
    assert check_host("evil.example:8501", [], address).allowed
    assert not check_host("evil.example:8501", ["app.example"], address).allowed


@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1", "127.1.2.3"])
def test_every_loopback_bind_address_turns_the_default_on(address: str) -> None:
    assert not check_host("evil.example:8501", [], address).allowed
    assert check_host("localhost:8501", [], address).allowed
