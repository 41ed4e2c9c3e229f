"""Connecting to ``/_minilit/trace``: the client side of the trace protocol.

Not in Streamlit. Shared by the inspector (inspector/sources.py) and
``minilit trace --attach`` (inspector/transcript.py), so both report a
refused or missing trace channel the same way. The protocol itself is in
inspector/channel/protocol.py; the server side in inspector/channel/endpoint.py.

Receives: a server URL and a token. Hands to: a Tornado websocket client
connection that reads protocol messages.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import WebSocketClientConnection, WebSocketError, websocket_connect

REFUSED_HEADER = "X-Minilit-Trace-Refused"


def trace_url(server_url: str) -> str:
    """``http://host:port[/base]`` -> ``ws://host:port[/base]/_minilit/trace``.

    A URL that already names the trace path is only converted to ``ws``.
    """
    parts = urlsplit(server_url if "://" in server_url else f"http://{server_url}")
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    path = parts.path.rstrip("/")
    if not path.endswith("/_minilit/trace"):
        path += "/_minilit/trace"
    return urlunsplit((scheme, parts.netloc, path, "", ""))


class TraceConnectError(ConnectionError):
    """The server refused us (or was not there); the message says why."""


async def connect(url: str, token: str) -> WebSocketClientConnection:
    """Open the trace socket, turning a refusal into a readable error."""
    full = trace_url(url) + "?" + urlencode({"token": token})
    try:
        return await websocket_connect(HTTPRequest(full, connect_timeout=10, request_timeout=10))
    except HTTPClientError as exc:
        reason = ""
        if exc.response is not None:
            reason = exc.response.headers.get(REFUSED_HEADER, "")
            reason = reason or exc.response.body.decode("utf-8", "replace").strip()
        raise TraceConnectError(f"trace endpoint refused ({exc.code}): {reason or exc}") from exc
    except WebSocketError as exc:
        raise TraceConnectError(
            f"no trace channel at {trace_url(url)} (is the server running with --inspect?)"
        ) from exc
    except OSError as exc:
        raise TraceConnectError(f"cannot reach {trace_url(url)}: {exc}") from exc
