"""Exercise port_search (lesson 01). Read port_search.md first.

This function replaces minilit.server.server.Server._bind_sockets when you run
`minilit lesson check 1`. It is a method: `self` is the minilit Server.
"""

from __future__ import annotations

import errno  # noqa: F401 (you will need it)
import socket

import tornado.netutil

from minilit.server.server import (  # noqa: F401 (you will need them)
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

    # TODO: this binds once and gives up. Handle a busy port as port_search.md says:
    # PortInUseError when the port was chosen (or is 0), else search onwards (skip 3000)
    # up to MAX_PORT_SEARCH_RETRIES times, then RetriesExceededError.
    del explicit  # unused until you write the search
    sockets = tornado.netutil.bind_sockets(port, address)

    self.port = sockets[0].getsockname()[1]
    if self.port != first and first != 0:
        self.port_notice = f"Port {first} is already in use; using port {self.port} instead."
    return sockets
