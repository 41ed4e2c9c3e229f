"""The trace bus: where every hop publishes, and where the inspector listens.

Not in Streamlit (Streamlit has no equivalent; its closest relative is the
``ForwardMsg`` debug logging in ``runtime/app_session.py``). DESIGN.md
section 5 sets the rules this module keeps:

* Publishing never blocks. Each subscriber has a bounded buffer; when it is
  full the event is dropped for that subscriber and counted in ``dropped``.
* Publishing costs one attribute check when nobody listens, so tracing off
  means (almost) no overhead on the rerun path.
* Publishers live on two kinds of thread: the Tornado IOLoop thread (websocket,
  sessions, queue) and script threads (runs, deltas). A lock orders them and
  gives every event a unique, increasing ``seq``.

Receives: events from server/, runtime/ and scriptrunner/ via ``publish``.
Hands to: subscribers (trace/endpoint.py's websocket, ``minilit trace``,
recordings), which drain their buffers on their own thread.

Step-through (pausing a script before each delta) is not done here: the
script runner asks ``BUS.gate`` (installed by the trace endpoint) whether to
wait. See Note [Step gate] below.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(slots=True)
class TraceEvent:
    """One thing that happened at one hop. Treat it as read-only.

    (Not ``frozen=True``: a frozen dataclass's ``__init__`` sets every field
    through ``object.__setattr__``, which made each publish about 2 µs
    slower; bench/bench_trace.py counts such microseconds.)
    """

    seq: int
    """Increasing across the whole process; gaps mean drops."""
    t_ns: int
    """``time.monotonic_ns()`` when it was published."""
    name: str
    """One of the constants in minilit.trace.events."""
    session_id: str = ""
    run_id: str = ""
    where: str = ""
    """``path/to/script.py:LINE`` of the script line that caused it, if any."""
    delta_path: tuple[int, ...] = ()
    data: bytes = b""
    """The exact frame bytes, for frame events."""
    fields: Mapping[str, Any] = field(default_factory=dict)
    """Event-specific details (see the comment on each event name)."""


class Subscriber:
    """A bounded buffer of events for one listener.

    Args:
        maxsize: How many undrained events to hold before dropping.
        wake: Called (from the publishing thread, so it must not block) after
            an event is appended; e.g. ``lambda: loop.call_soon_threadsafe(ev.set)``.
    """

    def __init__(self, maxsize: int = 10_000, wake: Callable[[], None] | None = None) -> None:
        self.maxsize = maxsize
        self.wake = wake
        self.dropped = 0
        """Events this subscriber lost because its buffer was full."""
        self._events: deque[TraceEvent] = deque()

    def offer(self, event: TraceEvent) -> None:
        """Append ``event`` unless the buffer is full (then count a drop)."""
        if len(self._events) >= self.maxsize:
            self.dropped += 1
            return
        self._events.append(event)
        if self.wake is not None:
            self.wake()

    def __len__(self) -> int:
        """Events waiting to be drained."""
        return len(self._events)

    def drain(self) -> list[TraceEvent]:
        """Take every buffered event, oldest first."""
        out: list[TraceEvent] = []
        while self._events:
            out.append(self._events.popleft())
        return out


class StepGate(Protocol):
    """Note [Step gate]

    The script thread calls ``before_delta`` at its checkpoint, just before a
    delta is handed to the session (scriptrunner/script_runner.py,
    ``ScriptRunner._enqueue_forward_msg``). An implementation may block there
    to pause the script; only that script thread waits, the IOLoop and other
    sessions keep running. It returns when the script may go on.
    """

    def before_delta(
        self,
        session_id: str,
        run_id: str,
        delta_path: Sequence[int],
        element: str,
        where: str,
        should_abort: Callable[[], bool],
    ) -> None: ...


class FrameHold(Protocol):
    """Note [Frame holding]

    The websocket handler offers every outgoing ForwardMsg to ``BUS.hold``
    (server/websocket.py, ``BrowserWebSocketHandler.write_forward_msg``)
    before writing it. An implementation that returns True keeps the frame
    and calls ``send`` later, on the IOLoop thread, when the inspector
    releases it; the browser simply waits. Called on the IOLoop thread.
    """

    def offer(self, session_id: str, kind: str, data: bytes, send: Callable[[], None]) -> bool: ...


class TraceBus:
    """The process-wide publish/subscribe hub for trace events."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: tuple[Subscriber, ...] = ()
        self._seq = 0
        self.gate: StepGate | None = None
        """Installed by the trace endpoint to support step-through."""
        self.hold: FrameHold | None = None
        """Installed by the trace endpoint to hold outgoing frames (Note [Frame holding])."""

    @property
    def enabled(self) -> bool:
        """True while at least one subscriber listens."""
        return bool(self._subscribers)

    def subscribe(
        self, maxsize: int = 10_000, wake: Callable[[], None] | None = None
    ) -> Subscriber:
        sub = Subscriber(maxsize, wake)
        with self._lock:
            self._subscribers = (*self._subscribers, sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        with self._lock:
            self._subscribers = tuple(s for s in self._subscribers if s is not sub)

    def publish(
        self,
        name: str,
        *,
        session_id: str = "",
        run_id: str = "",
        where: str = "",
        delta_path: Sequence[int] = (),
        data: bytes = b"",
        **fields: Any,
    ) -> None:
        """Publish one event to every subscriber. Never blocks; cheap when off."""
        if not self._subscribers:
            return
        # Build the event outside the lock; inside, only number it and hand it
        # out, so threads publishing at once wait for each other as little as
        # possible (and seq still increases in every subscriber's buffer).
        event = TraceEvent(0, 0, name, session_id, run_id, where, tuple(delta_path), data, fields)
        with self._lock:
            self._seq += 1
            event.seq = self._seq
            event.t_ns = time.monotonic_ns()
            for sub in self._subscribers:
                sub.offer(event)


BUS = TraceBus()
"""The one bus of this process."""
