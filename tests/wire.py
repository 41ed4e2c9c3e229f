"""A raw protocol client for the spine's tests: bytes over a real websocket.

The headless client (minilit.testing) is the friendly API; these tests talk
the wire protocol directly so they check exactly what crosses the socket.
The socket is minilit's one websocket client,
``minilit.testing.connection.WireConnection``; ``RawSocket`` only gives it the
vocabulary these tests use (``send`` a str or bytes, ``recv`` raw bytes).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minilit.proto.BackMsg_pb2 import BackMsg, WidgetStates
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import connection
from minilit.testing.connection import MAX_MESSAGE_SIZE, WireConnection


@contextmanager
def serve(
    tmp_path: Path, source: str, name: str = "app.py", **options: Any
) -> Iterator[ServerThread]:
    """Write ``source`` to a script and serve it on a free loopback port."""
    script = tmp_path / name
    script.write_text(source, encoding="utf-8")
    with ServerThread(script, options=options) as server:
        yield server


class ConnectionClosed(connection.ConnectionClosed):
    """The socket closed; ``rcvd`` is the close frame received (its ``code``, ``reason``)."""

    @property
    def rcvd(self) -> ConnectionClosed:
        return self


class RawSocket:
    """One websocket to ``/_stcore/stream``; frames in and out, nothing decoded."""

    def __init__(self, conn: WireConnection) -> None:
        self.conn = conn

    @property
    def subprotocol(self) -> str | None:
        """The subprotocol the server selected."""
        return self.conn.selected_subprotocol

    def send(self, data: bytes | str) -> None:
        """Send bytes as a binary frame, a str as a text frame."""
        if isinstance(data, str):
            self.conn.send_text(data)
        else:
            self.conn.send(data)

    def recv(self, timeout: float) -> bytes:
        """The next frame's bytes (``TimeoutError``; ``ConnectionClosed`` once closed)."""
        try:
            return self.conn.recv_frame(timeout)
        except connection.ConnectionClosed as closed:
            raise ConnectionClosed(closed.code, closed.reason) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> RawSocket:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ws_connect(
    server: ServerThread,
    session_id: str | None = None,
    *,
    additional_headers: dict[str, str] | None = None,
    max_size: int | None = MAX_MESSAGE_SIZE,
) -> RawSocket:
    """Open a socket as the browser does (resuming ``session_id`` if given).

    Raises:
        HandshakeRejected: the server refused the handshake (e.g. 403 for the Origin).
    """
    conn = WireConnection(
        server.url,
        session_id=session_id,
        headers=additional_headers,
        connect_timeout=5,
        max_message_size=max_size or MAX_MESSAGE_SIZE,
    )
    return RawSocket(conn)


def rerun_msg(widget_states: WidgetStates | None = None) -> bytes:
    msg = BackMsg()
    msg.rerun_script.SetInParent()
    if widget_states is not None:
        msg.rerun_script.widget_states.CopyFrom(widget_states)
    return msg.SerializeToString()


@dataclass
class Run:
    """The ForwardMsgs of one run, from new_session to the closing status."""

    messages: list[ForwardMsg] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return [m.WhichOneof("type") or "" for m in self.messages]

    @property
    def all_deltas(self) -> list[ForwardMsg]:
        """Every delta frame, as sent."""
        return [m for m in self.messages if m.HasField("delta")]

    @property
    def deltas(self) -> list[ForwardMsg]:
        """The deltas with back-to-back writes to one path collapsed to the last.

        Coalescing in the queue is opportunistic (Note [Coalescing]): whether
        ``ph.text("1"); ph.text("2")`` sends one frame or two depends on timing,
        so tests compare what the page ends up with.
        """
        out: list[ForwardMsg] = []
        for msg in self.all_deltas:
            if out and list(out[-1].metadata.delta_path) == list(msg.metadata.delta_path):
                out[-1] = msg
            else:
                out.append(msg)
        return out

    def elements(self) -> list[tuple[list[int], str]]:
        """(delta_path, element or block type) of each delta, in order."""
        out = []
        for m in self.deltas:
            d = m.delta
            kind = (
                d.new_element.WhichOneof("type")
                if d.HasField("new_element")
                else d.add_block.WhichOneof("type")
            )
            out.append((list(m.metadata.delta_path), kind or ""))
        return out

    @property
    def finished(self) -> list[int]:
        return [
            m.script_finished for m in self.messages if m.WhichOneof("type") == "script_finished"
        ]


def recv(ws: RawSocket, timeout: float = 5.0) -> ForwardMsg:
    """The next frame, which must be a binary ForwardMsg."""
    return ForwardMsg.FromString(ws.recv(timeout))


def read_until_idle(ws: RawSocket, timeout: float = 5.0) -> Run:
    """Read messages until a run finishes and the trailing not-running status arrives."""
    run = Run()
    while True:
        msg = recv(ws, timeout)
        run.messages.append(msg)
        kind = msg.WhichOneof("type")
        if kind == "session_status_changed" and not msg.session_status_changed.script_is_running:
            return run


def run_once(ws: RawSocket, widget_states: WidgetStates | None = None) -> Run:
    ws.send(rerun_msg(widget_states))
    return read_until_idle(ws)


def settled(frames: list[bytes]) -> list[bytes]:
    """One run's frames as they would be with every coalescing done: each
    delta_path keeps only its last delta.

    Whether ``st.empty()`` and the text that fills it travel as one delta or
    two depends on whether the queue was flushed between them, a matter of
    thread timing (Note [Coalescing] in minilit/runtime/forward_msg_queue.py),
    in minilit and in Streamlit alike: two runs on a loaded machine can
    differ there. Everything else must be byte for byte the same.
    """
    msgs = [ForwardMsg.FromString(frame) for frame in frames]
    last = {tuple(m.metadata.delta_path): i for i, m in enumerate(msgs) if m.HasField("delta")}
    keep = set(last.values())
    return [
        f
        for i, (f, m) in enumerate(zip(frames, msgs, strict=True))
        if i in keep or not m.HasField("delta")
    ]


def closed_code(ws: RawSocket, timeout: float = 5.0) -> int | None:
    """Wait for the server to close the socket; return the close code."""
    code, _reason = ws.conn.wait_closed(timeout)
    return code
