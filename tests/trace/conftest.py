"""Fixtures for trace tests: a real server with tracing on, and a real trace client.

The client is the inspector's own ``LiveSource`` over a real websocket; the
app is driven by ``minilit.testing.AppClient`` (a headless browser tab).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from inspector.channel.endpoint import channel_of, install_trace
from inspector.channel.protocol import WireEvent
from inspector.sources import LiveSource
from minilit.server.background import ServerThread

APP = """\
import minilit as st
st.title("Hello")
st.text("one")
st.text("two")
ph = st.empty()
ph.text("placeholder 1")
ph.text("placeholder 2")
st.markdown("done")
"""
"""Line numbers matter: tests expect ``st.text("one")`` on line 3."""


class Probe:
    """An attached trace client that remembers everything it receives."""

    def __init__(self, url: str, token: str) -> None:
        self.source = LiveSource(url, token)
        self.events: list[WireEvent] = []
        self.gates: list[Mapping[str, Any]] = []
        self.replies: list[Mapping[str, Any]] = []
        self.hello: Mapping[str, Any] = {}
        self.sources: dict[str, str] = {}
        self.dropped = 0
        self.closed: str | None = None
        self._task: asyncio.Task[None] | None = None

    # Sink
    def on_hello(self, hello: Mapping[str, Any]) -> None:
        self.hello = hello

    def on_events(self, events: list[WireEvent], dropped: int) -> None:
        self.events.extend(events)
        self.dropped = dropped

    def on_gate(self, gate: Mapping[str, Any]) -> None:
        self.gates.append(gate)

    def on_source(self, path: str, text: str) -> None:
        self.sources[path] = text

    def on_reply(self, reply: Mapping[str, Any]) -> None:
        self.replies.append(reply)

    def on_closed(self, reason: str) -> None:
        self.closed = reason

    async def start(self) -> Probe:
        self._task = asyncio.ensure_future(self.source.run(self))
        await self.wait_for(lambda: bool(self.hello) or self.closed is not None)
        return self

    @property
    def gate(self) -> Mapping[str, Any]:
        return self.gates[-1] if self.gates else self.hello.get("gate", {})

    async def command(self, **cmd: Any) -> Mapping[str, Any]:
        count = len(self.replies)
        await self.source.send(cmd)
        await self.wait_for(lambda: len(self.replies) > count)
        return self.replies[count]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met in time")
            await asyncio.sleep(0.01)

    def named(self, name: str) -> list[WireEvent]:
        return [e for e in self.events if e.name == name]

    async def close(self) -> None:
        self.source.close()
        if self._task is not None:
            await asyncio.wait_for(self._task, 5)


@pytest.fixture
def app_path(tmp_path: Path) -> Path:
    path = tmp_path / "app.py"
    path.write_text(APP, encoding="utf-8")
    return path


@pytest.fixture
def trace_server(app_path: Path) -> Iterator[ServerThread]:
    with ServerThread(app_path, configure=install_trace) as server:
        yield server


@pytest.fixture
async def probe(trace_server: ServerThread) -> AsyncIterator[Probe]:
    assert channel_of(trace_server.server) is not None
    p = await Probe(trace_server.url, channel_of(trace_server.server).token).start()
    yield p
    await p.close()


@pytest.fixture(autouse=True)
def no_leftover_tracing() -> Iterator[None]:
    """Each test leaves the process's bus as it found it: no subscriber, no gate.

    (A leaked subscriber would slow every later test's publishing and change
    its timing; a leaked gate could pause another test's script.)
    """
    from minilit.trace.bus import BUS

    yield
    deadline = time.monotonic() + 5
    while (BUS.enabled or BUS.gate is not None) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not BUS.enabled, "a trace subscriber was left attached"
    assert BUS.gate is None and BUS.hold is None, "the stepper was left installed"
