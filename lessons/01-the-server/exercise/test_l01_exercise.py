"""Exercise port_search: the port search, against real servers in this process.

Plain `pytest` runs these against minilit's own Server._bind_sockets; `minilit lesson
check 1` runs them with yours plugged in (lessons/framework/exercises.py).
"""

from __future__ import annotations

import errno

import pytest

from lessons.framework.harness import ServerPool, hold_free_port, hold_ports, http_get, port_lock
from minilit.config import OPTIONS
from minilit.server.server import PortInUseError, RetriesExceededError

DEFAULT = int(OPTIONS["server.port"].default)


def test_a_busy_default_port_makes_the_server_take_the_next_free_one(
    start_server: ServerPool,
) -> None:
    with port_lock(), hold_ports([DEFAULT]):
        server = start_server.start("app.py", default_port=True)
        assert server.port > DEFAULT
        assert server.server.port_notice == (
            f"Port {DEFAULT} is already in use; using port {server.port} instead."
        )
        status, _, body = http_get(f"{server.url}/_stcore/health")
        server.stop()  # give the port back while we still hold the lock
        assert (status, body) == (200, b"ok")


def test_a_port_you_chose_is_never_swapped_for_another(start_server: ServerPool) -> None:
    with hold_free_port() as port, pytest.raises(PortInUseError) as caught:
        start_server.start("app.py", {"server.port": port})
    assert str(caught.value.strerror) == f"Port {port} is already in use"


def test_the_search_gives_up_after_100_more_ports(start_server: ServerPool) -> None:
    ports = range(DEFAULT, DEFAULT + 101)
    with port_lock(), hold_ports(ports), pytest.raises(RetriesExceededError):
        start_server.start("app.py", default_port=True)


def test_other_bind_errors_are_not_treated_as_busy(start_server: ServerPool) -> None:
    # 192.0.2.1 is reserved for documentation: never an address of this machine.
    with pytest.raises(OSError) as caught:
        start_server.start("app.py", {"server.address": "192.0.2.1"}, default_port=True)
    assert not isinstance(caught.value, PortInUseError | RetriesExceededError)
    assert caught.value.errno == errno.EADDRNOTAVAIL


def test_port_zero_lets_the_os_choose(start_server: ServerPool) -> None:
    server = start_server.start("app.py", {"server.port": 0})
    assert server.port != 0
    assert server.server.port_notice == ""
