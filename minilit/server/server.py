"""Server: the Tornado application, its routes, and the listening socket.

Mirrors: streamlit/web/server/server.py (Server, start_listening with the port
search, _create_app) as of 1.39, the last Tornado-based Streamlit. Since 1.57
Streamlit serves the same routes with Starlette and uvicorn; the protocol did
not change. Simplified: no unix sockets, no baseUrlPath. TLS: server/tls.py;
XSRF: server/xsrf.py; uploads, media and components: server/upload.py,
server/media.py and server/component_route.py.

Receives: a script path and the Config from minilit/cli.py (or
server/background.py). Hands to: the Runtime (sessions) and the handlers in
routes.py and websocket.py.
"""

from __future__ import annotations

import errno
import logging
import socket
from pathlib import Path
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web

from minilit.components.v1.component_registry import COMPONENT_REGISTRY
from minilit.config import Config
from minilit.runtime.media_file_manager import MEDIA_FILES
from minilit.runtime.runtime import Runtime
from minilit.runtime.uploaded_file_manager import UPLOADED_FILES
from minilit.server.component_route import COMPONENT_ROUTE, ComponentRequestHandler
from minilit.server.headers import transforms
from minilit.server.media import MEDIA_ROUTE, MediaFileHandler
from minilit.server.routes import (
    HealthHandler,
    HostConfigHandler,
    RemoveSlashHandler,
    StaticFileHandler,
)
from minilit.server.tls import TLSConfigError, ssl_context
from minilit.server.upload import UPLOAD_ROUTE, UploadFileRequestHandler
from minilit.server.websocket import BrowserWebSocketHandler
from minilit.trace import events
from minilit.trace.bus import BUS

__all__ = ["PortInUseError", "RetriesExceededError", "Server", "TLSConfigError"]

_LOGGER = logging.getLogger(__name__)

MAX_PORT_SEARCH_RETRIES = 100
"""How many ports after the default are tried when it is busy (as in Streamlit)."""

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


class PortInUseError(OSError):
    """The port chosen explicitly is taken (the CLI exits with status 1)."""


class RetriesExceededError(OSError):
    """No free port among the next MAX_PORT_SEARCH_RETRIES ports."""


Route = tuple[str, type[tornado.web.RequestHandler], dict[str, Any]]


class Server:
    """The minilit server.

    Example::

        server = Server("app.py", load_config({"server.port": 0}))
        await server.start()        # listening, runtime running
        print(server.port)
        await server.stop()
    """

    def __init__(self, main_script_path: str, config: Config) -> None:
        self.main_script_path = str(Path(main_script_path).resolve())
        self.config = config
        self.runtime = Runtime(self.main_script_path, config)
        self.extra_routes: list[Route] = []
        """Routes added before start() by whoever starts the server (the inspector's
        trace channel adds ``/_minilit/trace``); the core itself adds none."""
        self.port = 0
        self.port_notice = ""
        """Set when the default port was busy: which port was taken instead."""
        self._http_server: tornado.httpserver.HTTPServer | None = None

    @property
    def uses_tls(self) -> bool:
        return bool(self.config.get("server.sslCertFile"))

    async def start(self) -> None:
        """Bind the port, then start the runtime. The app is healthy after this.

        Raises:
            TLSConfigError: the TLS options are unusable (server/tls.py), before
                anything is bound.
        """
        context = ssl_context(self.config)
        app = self._create_app()
        sockets = self._bind_sockets()
        self._http_server = tornado.httpserver.HTTPServer(app, ssl_options=context)
        self._http_server.add_sockets(sockets)
        if context is not None:
            BUS.publish(
                events.TLS_ENABLED,
                cert_file=str(self.config.get("server.sslCertFile")),
                key_file=str(self.config.get("server.sslKeyFile")),
            )
        await self.runtime.start()

    async def stop(self) -> None:
        if self._http_server is not None:
            self._http_server.stop()
            await self._http_server.close_all_connections()
        await self.runtime.stop()

    def _create_app(self) -> tornado.web.Application:
        base: dict[str, Any] = {"runtime": self.runtime}
        page: dict[str, Any] = {"config": self.config}
        # [lesson:routes]
        routes: list[Any] = [
            (r"/_stcore/stream", BrowserWebSocketHandler, {**base, "config": self.config}),
            (r"/_stcore/health", HealthHandler, {**base, **page}),
            (r"/_stcore/host-config", HostConfigHandler, page),
            (
                UPLOAD_ROUTE,
                UploadFileRequestHandler,
                {**base, **page, "uploads": UPLOADED_FILES},
            ),
            (MEDIA_ROUTE, MediaFileHandler, {"media": MEDIA_FILES}),
            (COMPONENT_ROUTE, ComponentRequestHandler, {"registry": COMPONENT_REGISTRY}),
            *self.extra_routes,
            (r"/(.+)/", RemoveSlashHandler, {}),
            (
                r"/(.*)",
                StaticFileHandler,
                {"path": str(STATIC_DIR), "default_filename": "index.html", **page},
            ),
        ]
        # [/lesson:routes]
        max_frame = int(self.config.get("server.maxWidgetStateSize")) * 1_000_000
        ping = int(self.config.get("server.websocketPingInterval"))
        return tornado.web.Application(
            routes,
            websocket_max_message_size=max_frame,
            websocket_ping_interval=ping,
            websocket_ping_timeout=ping,
            # nosniff and Referrer-Policy on every response, then gzip (server/headers.py).
            transforms=transforms(compress=True),
        )

    def _bind_sockets(self) -> list[socket.socket]:
        """Bind server.port, or the next free one if the port was not set explicitly.

        Mirrors 1.39's start_listening_tcp_socket: up to 100 more ports are
        tried, 3000 (the frontend dev server's port) is skipped.
        """
        address = str(self.config.get("server.address")) or None
        port = int(self.config.get("server.port"))
        explicit = self.config.is_manually_set("server.port")
        first = port
        for _ in range(MAX_PORT_SEARCH_RETRIES + 1):
            try:
                sockets = tornado.netutil.bind_sockets(port, address)
            except OSError as exc:
                if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                    raise
                if explicit or port == 0:
                    raise PortInUseError(exc.errno, f"Port {port} is already in use") from None
                port += 1
                if port == 3000:
                    port += 1
                continue
            self.port = sockets[0].getsockname()[1]
            if self.port != first and first != 0:
                self.port_notice = (
                    f"Port {first} is already in use; using port {self.port} instead."
                )
                _LOGGER.info(self.port_notice)
            return sockets
        raise RetriesExceededError(
            errno.EADDRINUSE, f"No free port found between {first} and {port}"
        )
