"""Connecting to ``/_minilit/trace``: the client side of the trace protocol.

Not in Streamlit. Shared by the inspector (inspector/sources.py) and
``minilit trace --attach`` (inspector/transcript.py), so both report a
refused or missing trace channel the same way. The protocol itself is in
inspector/channel/protocol.py; the server side in inspector/channel/endpoint.py.
The socket is opened by minilit's one websocket client,
``minilit.testing.connection.open_websocket``; this module adds the trace URL,
the token, and readable reasons for a refusal. Trace messages are JSON text
frames, except ``events`` batches when the client asks for ``marshal``
(Note [Binary batches] in protocol.py).

Receives: a server URL and a token. Hands to: a Tornado websocket client
connection that reads protocol messages.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

from tornado.websocket import WebSocketClientConnection

from minilit.testing.connection import HandshakeRejected, NotAWebSocket, open_websocket

REFUSED_HEADER = "X-Minilit-Trace-Refused"
"""The header in which the trace endpoint says why it refused a client."""


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


async def connect(url: str, token: str, encoding: str = "json") -> WebSocketClientConnection:
    """Open the trace socket, turning a refusal into a readable error.

    ``encoding="marshal"`` asks for binary ``events`` batches (decode them
    with inspector.channel.protocol.decode_batch): the server's cheapest.
    """
    query = {"token": token}
    if encoding != "json":
        query["encoding"] = encoding
    full = trace_url(url) + "?" + urlencode(query)
    try:
        return await open_websocket(full)
    except HandshakeRejected as exc:
        answer = exc.response
        reason = answer.headers.get(REFUSED_HEADER, "")
        reason = reason or answer.body.decode("utf-8", "replace").strip()
        raise TraceConnectError(
            f"trace endpoint refused ({answer.status_code}): {reason or exc}"
        ) from exc
    except NotAWebSocket as exc:
        raise TraceConnectError(
            f"no trace channel at {trace_url(url)} (is the server running with --inspect?)"
        ) from exc
    except OSError as exc:
        raise TraceConnectError(f"cannot reach {trace_url(url)}: {exc}") from exc
