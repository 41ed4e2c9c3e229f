"""Reference solution of exercise port_search (lesson 01). Try it yourself first."""

from __future__ import annotations

import errno
import socket

import tornado.netutil

from minilit.server.server import (
    MAX_PORT_SEARCH_RETRIES,
    PortInUseError,
    RetriesExceededError,
    Server,
)


def _bind_sockets(self: Server) -> list[socket.socket]:
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
            self.port_notice = f"Port {first} is already in use; using port {self.port} instead."
        return sockets
    raise RetriesExceededError(errno.EADDRINUSE, f"No free port found between {first} and {port}")
