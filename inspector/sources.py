"""Where the inspector's events come from: a live trace socket or a recording.

Not in Streamlit. The attach architecture of ``textual console``
(reference/inspector-anchors.md B5): the server streams structured events
to a separate process over a loopback socket. Both sources speak only the
trace protocol (inspector.channel.protocol), so live and offline views are the
same code.

Receives: messages from ``/_minilit/trace`` (``LiveSource``: JSON text, and
``events`` as binary batches, Note [Binary batches] in
inspector/channel/protocol.py) or lines of a recording file
(``RecordingSource``). Hands to: a ``Sink`` (the app).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from tornado.websocket import WebSocketClientConnection

from inspector.channel.client import TraceConnectError as TraceConnectError
from inspector.channel.client import connect as connect
from inspector.channel.client import trace_url
from inspector.channel.protocol import WireEvent, decode_batch, dumps, event_from_dict
from inspector.channel.recording import Recording, read_recording
from inspector.model import collector_paused

CHUNK = 250
"""Events handed to the app at a time (LiveSource.run)."""


class Sink(Protocol):
    """What a source calls. All calls happen on the app's event loop."""

    def on_hello(self, hello: Mapping[str, Any]) -> None: ...
    def on_events(self, events: list[WireEvent], dropped: int) -> None: ...
    def on_gate(self, gate: Mapping[str, Any]) -> None: ...
    def on_source(self, path: str, text: str) -> None: ...
    def on_reply(self, reply: Mapping[str, Any]) -> None: ...
    def on_closed(self, reason: str) -> None: ...


class Source(Protocol):
    """A stream of trace messages."""

    description: str
    live: bool

    async def run(self, sink: Sink) -> None: ...
    async def send(self, command: Mapping[str, Any]) -> None: ...


async def deliver(sink: Sink, text: str | bytes) -> None:
    """Hand one protocol message, as received, to the sink.

    ``text`` is a JSON text message, or a binary ``events`` batch (bytes).
    A big JSON ``events`` message (a 10 000-delta run) is fed to the sink in
    chunks of ``CHUNK``, yielding to the event loop in between, so keys and
    redraws are not held up; a binary batch holds at most 250 events.

    Raises:
        ValueError: the message is neither JSON nor a binary batch.
    """
    if isinstance(text, bytes):
        with collector_paused():  # Note [No collection while ingesting]
            batch, dropped = decode_batch(text)
            sink.on_events(batch, dropped)
        return
    with collector_paused():  # Note [No collection while ingesting]
        message = json.loads(text)
    events = message.get("events") if message.get("type") == "events" else None
    if events and len(events) > CHUNK:
        dropped = int(message.get("dropped", 0))
        for i in range(0, len(events), CHUNK):
            with collector_paused():
                sink.on_events([event_from_dict(e) for e in events[i : i + CHUNK]], dropped)
            await asyncio.sleep(0)
        return
    dispatch(sink, message)


def dispatch(sink: Sink, message: Mapping[str, Any]) -> None:
    """Hand one protocol message to the sink's matching method."""
    kind = message.get("type")
    if kind == "events":
        events = [event_from_dict(e) for e in message.get("events", [])]
        sink.on_events(events, int(message.get("dropped", 0)))
    elif kind == "hello":
        sink.on_hello(message)
    elif kind == "gate":
        sink.on_gate(message)
    elif kind == "source":
        sink.on_source(str(message.get("path", "")), str(message.get("text", "")))
    elif kind == "reply":
        sink.on_reply(message)


class LiveSource:
    """Events from a running server's ``/_minilit/trace``."""

    live = True

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.token = token
        self.description = trace_url(url)
        self._conn: WebSocketClientConnection | None = None
        self._next_id = 0

    async def run(self, sink: Sink) -> None:
        """Read messages until the socket closes; report why it closed."""
        try:
            # Binary event batches: the server's cheapest (Note [Binary batches]).
            self._conn = await connect(self.url, self.token, encoding="marshal")
        except TraceConnectError as exc:
            sink.on_closed(str(exc))
            return
        while True:
            text = await self._conn.read_message()
            if text is None:
                reason = self._conn.close_reason or "server closed the trace socket"
                sink.on_closed(reason)
                return
            await self.receive(sink, text)

    async def receive(self, sink: Sink, text: str | bytes) -> None:
        """One message from the socket (a hook: the bench also keeps a copy)."""
        await deliver(sink, text)

    async def send(self, command: Mapping[str, Any]) -> None:
        """Send one command (an ``id`` is added for the reply)."""
        if self._conn is None:
            raise TraceConnectError("not connected")
        self._next_id += 1
        await self._conn.write_message(dumps({"id": self._next_id, **command}))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


class RecordingSource:
    """Events from a recording file (offline mode)."""

    live = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"recording {path.name}"
        self.recording: Recording = read_recording(path)

    async def run(self, sink: Sink) -> None:
        rec = self.recording
        sink.on_hello({"type": "hello", "recording": rec.header, "kind": rec.kind})
        for path, text in rec.sources.items():
            sink.on_source(path, text)
        sink.on_events(rec.events, 0)
        sink.on_closed("")

    async def send(self, command: Mapping[str, Any]) -> None:
        raise TraceConnectError("an offline recording cannot be stepped")
