"""Who may open the websocket: the Origin and Host checks.

Mirrors: streamlit/web/server/server_util.py (is_url_from_allowed_origins)
and 1.67's ``_is_origin_allowed`` / ``is_host_allowed`` in
web/server/starlette/starlette_websocket.py. Browsers cannot be stopped from
*trying* to open a websocket to any server from any page, so the server must
check where the page came from.

``server.allowedHosts`` has Streamlit 1.67's meaning: a list of *hostnames*
(the port of the Host header is ignored), compared case-insensitively and
without a trailing dot; ``*.example.com`` matches any subdomain of
example.com (not example.com itself) and ``*`` matches every host. A Host
header with a user, a path, or a port that is not a number is refused.

minilit is stricter than Streamlit on purpose (DESIGN.md section 7):

* Streamlit compares only the *hostname* of the Origin with an allow-list
  that contains localhost, so a page served from ``http://localhost:<any
  port>`` (any other local dev server) may drive your app. minilit allows the
  page's own origin (same host *and* port as the Host header) plus the full
  origins listed in ``server.corsAllowedOrigins``.
* DNS rebinding (Note [DNS rebinding]): with ``server.allowedHosts`` empty,
  Streamlit accepts any Host. minilit does too when bound to all interfaces
  or to a public address, but when the server is bound to a *loopback*
  address it accepts only loopback host names (``localhost``,
  ``*.localhost``, 127.0.0.0/8, ``::1``), as Jupyter Server does.
  ``server.allowedHosts`` replaces that default when set.
* The page's own origin means the same *scheme* too: a server reached over
  https accepts ``https://host:port`` and refuses ``http://host:port`` (a
  page served by a plain-http listener on the same host and port, e.g.
  behind a misconfigured proxy, must not drive the TLS app).
  ``server.corsAllowedOrigins`` entries are full origins and compare the
  scheme as written.
* A missing Origin (a non-browser client such as minilit.testing) is
  allowed, as in Streamlit 1.67: browsers always send one.

``server.enableCORS = false`` turns the Origin check off (as in Streamlit);
the Host check stays.

Note [DNS rebinding]
    A page on http://evil.example:8501 makes the browser resolve evil.example;
    the attacker's DNS server first answers with its own address (the page
    loads), then with 127.0.0.1. The page's scripts now reach *your* loopback
    server, and the browser thinks it is same-origin: Origin and Host are
    both ``evil.example:8501``, so the Origin check passes. Only the Host
    name gives it away: nobody reaches a loopback-bound server under a public
    name. Hence the rule above; a reverse proxy that forwards a public Host to
    a loopback minilit must list that name in ``server.allowedHosts``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class OriginDecision:
    allowed: bool
    reason: str
    """Why, in one line, for the log and the trace event."""


def check_websocket_origin(
    origin: str | None,
    host: str | None,
    *,
    enable_cors: bool,
    allowed_origins: list[str],
    allowed_hosts: list[str],
    bind_address: str = "",
    scheme: str = "http",
) -> OriginDecision:
    """Decide whether a websocket handshake may proceed.

    ``bind_address`` is ``server.address``; a loopback one turns on the
    loopback-only default of Note [DNS rebinding]. ``scheme`` is how the
    request reached the server (``http``, or ``https`` with TLS).
    """
    host_decision = check_host(host, allowed_hosts, bind_address)
    if not host_decision.allowed:
        return host_decision
    if not enable_cors:
        return OriginDecision(True, "server.enableCORS is false: any origin is accepted")
    if not origin:
        return OriginDecision(True, "no Origin header (not a browser)")
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return OriginDecision(False, f"Origin {origin!r} is not an http(s) origin")
    same_host = bool(host) and parts.netloc.lower() == (host or "").lower()
    if same_host and parts.scheme == scheme:
        return OriginDecision(True, "same origin as the Host header")
    if is_listed_origin(origin, allowed_origins):
        return OriginDecision(True, "listed in server.corsAllowedOrigins")
    if same_host:
        return OriginDecision(
            False,
            f"Origin {origin!r} has the server's host but scheme {parts.scheme!r}; "
            f"this server was reached over {scheme!r}",
        )
    return OriginDecision(
        False,
        f"Origin {origin!r} is neither this server ({host!r}) nor in server.corsAllowedOrigins",
    )


def is_listed_origin(origin: str, allowed_origins: list[str]) -> bool:
    """Whether ``origin`` is one of ``server.corsAllowedOrigins``.

    Mirrors server_util.is_allowed_origin; minilit ignores case and a
    trailing slash (Streamlit compares the strings as written). The upload
    route uses it too, for its ``Access-Control-Allow-Origin`` (server/upload.py).
    """
    normalized = origin.rstrip("/").lower()
    return normalized in {o.rstrip("/").lower() for o in allowed_origins}


def check_host(host: str | None, allowed_hosts: list[str], bind_address: str) -> OriginDecision:
    """The Host header check (DNS-rebinding guard); see the module docstring."""
    if not allowed_hosts and not is_loopback_address(bind_address):
        return OriginDecision(True, "server.allowedHosts is empty: any host is accepted")
    hostname = host_name(host)
    if hostname is None:
        return OriginDecision(False, f"Host {host!r} is not a valid host[:port]")
    if allowed_hosts:
        if host_matches(hostname, allowed_hosts):
            return OriginDecision(True, "host listed in server.allowedHosts")
        return OriginDecision(False, f"Host {hostname!r} is not in server.allowedHosts")
    if is_loopback_name(hostname):
        return OriginDecision(True, "loopback host name on a loopback-bound server")
    return OriginDecision(
        False,
        f"Host {hostname!r} is not a loopback name and the server is bound to "
        f"{bind_address!r} (possible DNS rebinding; list it in server.allowedHosts)",
    )


def host_name(host: str | None) -> str | None:
    """The lower-case hostname of a Host header, without port or trailing dot.

    None when the header is missing or is not a plain ``host[:port]`` (a
    user, a path, a query, or a port that is not a number in range).
    """
    if not host:
        return None
    try:
        parts = urlsplit(f"//{host}")
        hostname = parts.hostname
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        return None
    if (
        not hostname
        or parts.username is not None
        or parts.password is not None
        or parts.path
        or parts.query
        or parts.fragment
    ):
        return None
    return hostname.lower().rstrip(".")


def host_matches(hostname: str, patterns: list[str]) -> bool:
    """Streamlit 1.67's matching: exact name, ``*.suffix`` for subdomains, ``*`` for all."""
    for raw in patterns:
        pattern = raw.strip().lower().rstrip(".")
        if pattern == "*":
            return True
        if pattern.startswith("*."):
            if hostname.endswith(pattern[1:]):
                return True
        elif hostname == pattern:
            return True
    return False


def is_loopback_address(address: str) -> bool:
    """True for a bind address that only this machine can reach."""
    return address.strip().lower() == "localhost" or _is_loopback_ip(address)


def is_loopback_name(hostname: str) -> bool:
    """localhost, a name under .localhost (browsers resolve those to loopback
    themselves, RFC 6761), or a loopback IP literal."""
    return hostname == "localhost" or hostname.endswith(".localhost") or _is_loopback_ip(hostname)


def _is_loopback_ip(text: str) -> bool:
    try:
        return ipaddress.ip_address(text.strip().strip("[]")).is_loopback
    except ValueError:
        return False
