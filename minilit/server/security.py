"""Who may open the websocket: the Origin and Host checks.

Mirrors: streamlit/web/server/server_util.py (is_url_from_allowed_origins)
and 1.67's ``_is_origin_allowed`` / ``is_host_allowed`` in
web/server/starlette/starlette_websocket.py. Browsers cannot be stopped from
*trying* to open a websocket to any server from any page, so the server must
check where the page came from.

minilit is stricter than Streamlit on purpose (DESIGN.md section 7):

* Streamlit compares only the *hostname* of the Origin with an allow-list
  that contains localhost, so a page served from ``http://localhost:<any
  port>`` (any other local dev server) may drive your app. minilit allows the
  page's own origin (same host *and* port as the Host header) plus the full
  origins listed in ``server.corsAllowedOrigins``.
* A missing Origin (a non-browser client such as minilit.testing) is
  allowed, as in Streamlit 1.67: browsers always send one.

``server.enableCORS = false`` turns the Origin check off (as in Streamlit).
``server.allowedHosts`` (empty = any) guards against DNS rebinding.
"""

from __future__ import annotations

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
) -> OriginDecision:
    """Decide whether a websocket handshake may proceed."""
    if allowed_hosts and (host or "").lower() not in {h.lower() for h in allowed_hosts}:
        return OriginDecision(False, f"Host {host!r} is not in server.allowedHosts")
    if not enable_cors:
        return OriginDecision(True, "server.enableCORS is false: any origin is accepted")
    if not origin:
        return OriginDecision(True, "no Origin header (not a browser)")
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return OriginDecision(False, f"Origin {origin!r} is not an http(s) origin")
    if host and parts.netloc.lower() == host.lower():
        return OriginDecision(True, "same origin as the Host header")
    normalized = origin.rstrip("/").lower()
    if normalized in {o.rstrip("/").lower() for o in allowed_origins}:
        return OriginDecision(True, "listed in server.corsAllowedOrigins")
    return OriginDecision(
        False,
        f"Origin {origin!r} is neither this server ({host!r}) nor in server.corsAllowedOrigins",
    )
