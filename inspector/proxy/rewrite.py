"""What the proxy changes in the headers it forwards, and what it drops.

Not in Streamlit. A reverse proxy in front of Streamlit must make the real
server's checks pass for the browser that uses the proxy, and change nothing
else. Note [Host and Origin] is the whole list of changes; the README's
proxy section repeats it.

Note [Host and Origin]
    The real server judges a websocket handshake by Origin and Host
    (streamlit-internals §2.2): 1.39 accepts when the Origin's host equals
    the Host header (Tornado's same-host check) or is an allowed origin;
    1.67 first checks Host against ``server.allowedHosts``, then accepts no
    Origin, or an Origin whose netloc equals Host, or an allowed origin. A
    browser on ``http://127.0.0.1:8600`` (the proxy) sends ``Host:
    127.0.0.1:8600`` and ``Origin: http://127.0.0.1:8600``, which a server
    on port 8501 would see as a foreign page. So, on every request and on
    the websocket handshake, and nothing more:

    1. **Host** is replaced by the target's ``host:port``, as a browser
       opening the server directly would send it.
    2. **Origin**, when it is the proxy's own origin (the scheme and the
       Host the browser sent: the page came from the proxy), is replaced by
       the target's origin (``http://host:port``). Any other Origin goes
       through unchanged, so a page of another site is judged by the real
       server exactly as if it had connected directly; a request without
       Origin gets none.
    3. **Location** in a response, when it is an absolute URL on the
       target's origin (a redirect), points at the proxy instead. Relative
       redirects (Streamlit's trailing-slash ones) go through unchanged.

    Cookies (``_streamlit_xsrf``, ``_streamlit_user``...), ``X-Xsrftoken``,
    ``Sec-WebSocket-Protocol`` entries, Referer and every other end-to-end
    header pass unchanged both ways: Streamlit sets its cookies without a
    Domain, so the browser keeps them for the proxy's host, and the XSRF
    double-submit check compares a cookie with a header, both forwarded as
    they are. Hop-by-hop headers (RFC 9110 §7.6.1: Connection and those it
    names, Keep-Alive, Proxy-*, TE, Trailer, Transfer-Encoding, Upgrade)
    are the proxy's own business on each side and are not forwarded.

Receives: the browser's request headers (inspector/proxy/forward.py,
stream.py) and the target's response headers. Hands to: the upstream
request and the browser's response.
"""

from __future__ import annotations

from collections.abc import Iterable

from tornado.httputil import HTTPHeaders

from inspector.proxy.target import Target

HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
WEBSOCKET_HANDSHAKE = frozenset(
    {"sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions"}
)
"""Headers the proxy's own websocket client writes for its upstream handshake."""


def _dropped(headers: HTTPHeaders) -> set[str]:
    """Hop-by-hop names, including those the Connection header lists."""
    named = {
        token.strip().lower()
        for value in headers.get_list("Connection")
        for token in value.split(",")
        if token.strip()
    }
    return set(HOP_BY_HOP) | named


def upstream_headers(
    browser: HTTPHeaders, target: Target, proxy_origin: str, *, websocket: bool = False
) -> HTTPHeaders:
    """The headers to send the target for a browser request (Note [Host and Origin]).

    ``proxy_origin`` is ``scheme://<Host the browser sent>``. For a websocket
    the handshake's own headers (key, version, extensions, and the
    subprotocol list, which the client passes separately) are left out.
    """
    drop = _dropped(browser)
    if websocket:
        drop |= WEBSOCKET_HANDSHAKE | {"sec-websocket-protocol"}
    out = HTTPHeaders()
    for name, value in browser.get_all():
        low = name.lower()
        if low in drop or low == "host":
            continue
        if low == "origin":
            value = rewrite_origin(value, target, proxy_origin)
        out.add(name, value)
    out["Host"] = target.netloc
    return out


def rewrite_origin(origin: str, target: Target, proxy_origin: str) -> str:
    """The target's origin if ``origin`` is the proxy's own, else ``origin`` unchanged."""
    return target.origin if origin.rstrip("/").lower() == proxy_origin.lower() else origin


def downstream_headers(
    upstream: Iterable[tuple[str, str]], target: Target, proxy_origin: str
) -> list[tuple[str, str]]:
    """The target's response headers as the browser gets them (hop-by-hop dropped,
    an absolute Location on the target's origin pointed at the proxy)."""
    pairs = list(upstream)
    drop = set(HOP_BY_HOP)
    for name, value in pairs:
        if name.lower() == "connection":
            drop |= {t.strip().lower() for t in value.split(",") if t.strip()}
    out: list[tuple[str, str]] = []
    for name, value in pairs:
        low = name.lower()
        if low in drop:
            continue
        if low == "location" and value.lower().startswith(target.origin.lower()):
            rest = value[len(target.origin) :]
            if not rest or rest[0] in "/?#":
                value = proxy_origin + rest
        out.append((name, value))
    return out
