"""A free loopback port, for a server that a test, a lesson or a launcher starts.

Not in Streamlit (its tests pick ports their own way); kept beside the headless
client, which connects to such servers.
"""

from __future__ import annotations

import socket


def free_port() -> int:
    """A loopback port nobody listens on right now.

    The OS picks it. Another process could take it before the server binds, which
    on loopback during a test run does not happen in practice.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
