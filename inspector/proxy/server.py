"""The proxy's Tornado application: its routes, its address, its trace channel.

Not in Streamlit. Three routes, tried in order:

1. ``/_minilit/trace`` (with ``--inspect``): the same trace channel a minilit
   server serves (inspector/channel/endpoint.py), with the proxy's target in
   its hello and only frame holding among the step commands;
2. ``<base>/_stcore/stream``: the websocket relay (inspector/proxy/stream.py);
3. everything else: forwarded as it is (inspector/proxy/forward.py).

Note [Proxy binding]
    The proxy listens on 127.0.0.1 unless told otherwise
    (``--server.address``): it serves whatever the real server serves,
    and, with ``--inspect``, a channel that can hold and drop frames. With
    ``--inspect`` the address must be loopback, as for ``minilit run
    --inspect`` (Note [Trace binding] in endpoint.py).

Receives: the command line's target, port and address. Hands to: Tornado.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import socket
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web
import tornado.websocket

from inspector.channel.endpoint import (
    TRACE_PATH,
    TraceChannel,
    TraceConfigError,
    TraceSocketHandler,
    is_loopback,
)
from inspector.proxy.forward import ForwardHandler
from inspector.proxy.stream import MAX_FRAME, StreamHandler
from inspector.proxy.target import Target, Upstream
from minilit.trace.bus import BUS

DEFAULT_ADDRESS = "127.0.0.1"
DEFAULT_PORT = 8600
"""Not Streamlit's 8501, which the target most likely has."""


STOP_GRACE = 1.0
"""Seconds ``stop`` waits for websocket peers to answer its close."""


class PortInUseError(OSError):
    """The proxy's port is taken; the message is one line."""


def _quiet_log(handler: tornado.web.RequestHandler) -> None:
    """Tornado's access log, silenced: the target's statuses are not the proxy's
    errors (a 404 from Streamlit would otherwise print as a warning). The proxy
    prints its own one-line reasons when the target does not answer."""


class ProxyServer:
    """A decoding proxy for one target.

    Example::

        proxy = ProxyServer(parse_target("http://127.0.0.1:8501"), port=0)
        channel = proxy.install_trace()      # optional: the inspector's channel
        await proxy.start()                  # proxy.port is now the real port
        ...
        await proxy.stop()
    """

    def __init__(self, target: Target, port: int = DEFAULT_PORT, address: str = DEFAULT_ADDRESS):
        self.target = target
        self.port = port
        self.address = address
        self.main_script_path = ""
        """The script runs in the target's process: none here (endpoint.Observed)."""
        self.upstream = Upstream(target)
        self.channel: TraceChannel | None = None
        self.relays: set[StreamHandler] = set()
        """Open websocket relays (closed by ``stop``, which HTTP connections are not)."""
        self._http: tornado.httpserver.HTTPServer | None = None

    @property
    def url(self) -> str:
        """Where the browser opens the app through the proxy."""
        host = "127.0.0.1" if self.address in ("", "0.0.0.0", "::") else self.address
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}{self.target.base}"

    def install_trace(self, token: str = "") -> TraceChannel:
        """Serve ``/_minilit/trace`` (call before ``start``).

        Raises:
            TraceConfigError: the proxy would listen on a non-loopback address.
        """
        if not is_loopback(self.address):
            raise TraceConfigError(
                f"--inspect needs a loopback --server.address, not {self.address or 'all'!r} "
                "(the trace channel must not be reachable from the network)"
            )
        self.channel = TraceChannel(self, token or secrets.token_hex(20), self.target.url)
        return self.channel

    def watchable(self) -> bool:
        """Someone can see this proxy's trace: its channel, or a subscriber on the bus
        (a recording, a test). Otherwise relays skip the wiretap (Note [Unwatched relay])."""
        return self.channel is not None or BUS.enabled

    def application(self) -> tornado.web.Application:
        routes: list[tuple[Any, ...]] = []
        if self.channel is not None:
            routes.append((TRACE_PATH, TraceSocketHandler, {"channel": self.channel}))
        stream = re.escape(self.target.base) + "/_stcore/stream"
        relay = {"upstream": self.upstream, "sockets": self.relays, "watchable": self.watchable}
        routes.append((stream, StreamHandler, relay))
        routes.append((r".*", ForwardHandler, {"upstream": self.upstream}))
        return tornado.web.Application(
            routes,
            websocket_max_message_size=MAX_FRAME,
            log_function=_quiet_log,
        )

    async def start(self) -> None:
        """Listen (``port`` 0 picks a free one and sets ``port``).

        Raises:
            PortInUseError: the port is taken.
        """
        try:
            sockets = tornado.netutil.bind_sockets(
                self.port, self.address or None, family=socket.AF_UNSPEC
            )
        except OSError as exc:
            raise PortInUseError(
                exc.errno, f"cannot listen on {self.address or '*'}:{self.port}: {exc.strerror}"
            ) from None
        self.port = int(sockets[0].getsockname()[1])
        self._http = tornado.httpserver.HTTPServer(self.application(), max_body_size=2**40)
        self._http.add_sockets(sockets)

    def _websockets_open(self) -> bool:
        return bool(self.relays) or bool(self.channel is not None and self.channel.clients)

    async def stop(self) -> None:
        """Stop listening; close every relay (1001, going away) and attached inspector."""
        if self._http is None:
            return
        self._http.stop()
        sockets: list[tornado.websocket.WebSocketHandler] = list(self.relays)
        if self.channel is not None:
            sockets += list(self.channel.clients)
        # A websocket left Tornado's HTTP connection list at its upgrade, so
        # close_all_connections does not see it: close each (its on_close
        # unsubscribes from the bus), and cut the stream of a peer that does
        # not answer the close within STOP_GRACE.
        streams = [getattr(h.ws_connection, "stream", None) for h in sockets]
        for handler in sockets:
            handler.close(1001, "the minilit proxy is stopping")
        for _ in range(int(STOP_GRACE / 0.01)):
            if not self._websockets_open():
                break
            await asyncio.sleep(0.01)
        for stream in streams:
            if stream is not None and not stream.closed():
                stream.close()
        for _ in range(100):
            if not self._websockets_open():
                break
            await asyncio.sleep(0.01)
        await self._http.close_all_connections()
        self._http = None
