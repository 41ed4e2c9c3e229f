"""Reference solution of exercise origin_check (lesson 09). Try it yourself first."""

from __future__ import annotations

from urllib.parse import urlsplit

from minilit.server.security import (
    OriginDecision,
    host_matches,
    host_name,
    is_loopback_address,
    is_loopback_name,
)


def _host_decision(host: str | None, allowed_hosts: list[str], bind_address: str) -> OriginDecision:
    if not allowed_hosts and not is_loopback_address(bind_address):
        return OriginDecision(True, "server.allowedHosts is empty: any host is accepted")
    name = host_name(host)
    if name is None:
        return OriginDecision(False, f"Host {host!r} is not a valid host[:port]")
    if allowed_hosts:
        if host_matches(name, allowed_hosts):
            return OriginDecision(True, "host listed in server.allowedHosts")
        return OriginDecision(False, f"Host {name!r} is not in server.allowedHosts")
    if is_loopback_name(name):
        return OriginDecision(True, "loopback host name on a loopback-bound server")
    return OriginDecision(
        False, f"Host {name!r} is not a loopback name (DNS rebinding? see server.allowedHosts)"
    )


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
    """Decide whether a websocket handshake may proceed (Host first, then Origin)."""
    decision = _host_decision(host, allowed_hosts, bind_address)
    if not decision.allowed:
        return decision
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
    if origin.rstrip("/").lower() in {o.rstrip("/").lower() for o in allowed_origins}:
        return OriginDecision(True, "listed in server.corsAllowedOrigins")
    if same_host:
        # E.g. an https page behind a TLS-terminating proxy that talks http to us.
        return OriginDecision(
            False,
            f"Origin {origin!r} has the server's host but scheme {parts.scheme!r}; "
            f"this server was reached over {scheme!r} (list it in server.corsAllowedOrigins)",
        )
    return OriginDecision(
        False, f"Origin {origin!r} is not this server ({host!r}) nor in server.corsAllowedOrigins"
    )
