"""The trace bus: where every hop publishes, and where the inspector listens.

Not in Streamlit (Streamlit has no equivalent; its closest relative is the
``ForwardMsg`` debug logging in ``runtime/app_session.py``). DESIGN.md
section 5 sets the rules this module keeps:

* Publishing never blocks. Each subscriber has a bounded buffer; when it is
  full the event is dropped for that subscriber and counted in ``dropped``.
* Observing does not disturb. When nobody listens, a hop costs one check of
  the plain attribute ``BUS.enabled``. When someone listens, a hop only
  numbers the event (the two hops of every element not even that: Note
  [Hot hops]) and hands out references: the message it is about
  travels as ``TraceEvent.msg``, and what a reader shows (the element type,
  a summary, sizes, JSON, base64) is derived by the subscriber, on its own
  thread, when it drains (Note [Lazy event fields]).
* Publishers live on two kinds of thread: the Tornado IOLoop thread (websocket,
  sessions, queue) and script threads (runs, deltas). A lock orders them and
  gives every event a unique, increasing ``seq`` (Note [Publishing cost]).

Receives: events from server/, runtime/ and scriptrunner/ via ``publish``,
``publish_delta`` and ``publish_frame``. Hands to: subscribers (the
inspector's trace channel, ``minilit trace``, recordings, the lesson checks),
which drain their buffers on their own thread.

Step-through (pausing a script before each delta) and frame holding are not
done here either: they are two hooks, ``BUS.gate`` and ``BUS.hold``, that the
inspector installs (Note [Step gate], Note [Frame holding]).

Note [Lazy event fields]
    A ``delta.enqueued`` event is published for every element of every run,
    on the script thread, so it carries only what exists at that moment and
    nowhere else: the session, the run, the script line (``where``) and a
    reference to the ForwardMsg. Its ``kind``, ``element``, ``summary`` and
    ``delta_path`` are read from that message later, by the subscriber
    (inspector.channel.summary.resolve). Likewise ``websocket.forwardmsg.sent``
    carries the exact bytes (which are its message, Note [Messages let go]),
    ``websocket.backmsg.received`` the BackMsg, and ``queue.coalesced`` the
    replaced message. The messages are not changed after they are published
    (a delta is never edited once enqueued), so reading them later, from
    another thread, gives the same answer as reading them at once.

Note [Runs in flight]
    A subscriber that does its own work on the IOLoop thread (the trace
    channel encodes and sends events there) should do it while the server
    is idle, not while a script run is producing frames for a browser. The
    bus already sees every run start and finish, so it counts them:
    ``TraceBus.runs_in_flight`` is the number of runs started and not yet
    finished, counted while someone listens (two string comparisons per
    publish, under the lock the publish takes anyway). It is a hint, not an
    invariant: a run that started before the first subscriber never counts,
    and the count restarts at 0 when the last subscriber leaves, so a reader
    must not wait on it forever (the trace channel waits at most 250 ms).

Note [Publishing cost]
    A hop that publishes (``publish``) takes one lock, in which its event
    is numbered, stamped (``time.monotonic_ns``) and appended to each
    subscriber's deque as a plain tuple, an ``EventRow`` (a tuple costs a
    third of a TraceEvent to build). ``Subscriber.drain`` builds the
    TraceEvents, on the draining thread. The lock stays: numbering and
    appending must happen as one step, or a thread switch between them
    could put seq 6 before seq 5 in a buffer (each step alone is atomic
    under the GIL, the pair is not). It is held for a few microseconds,
    and nothing in it blocks: a subscriber's ``wake`` runs only when its
    buffer was empty, and must not block. The two hops of every element
    do less still (Note [Hot hops]).

Note [Hot hops]
    Two hops run once per element of every run: ``delta.enqueued`` on the
    script thread (``publish_delta``) and ``websocket.forwardmsg.sent`` on
    the IOLoop (``publish_frame``), about 400 events for a rerun of 200
    texts. They take no lock, number nothing and visit no subscriber: each
    appends a plain tuple (``PendingRow``) to one deque, ``_pending``.
    Appending is atomic under the GIL, so the deque's order is the order
    in which the hops ran. The next ``publish`` of any other event, or a
    subscriber looking at its buffer (``deliver``), takes the lock and
    numbers everything pending in one go, and each subscriber gets it as
    one ``Block``, ``(first seq, rows)``, a list they share and nobody
    changes. Numbers still follow what happened: a session's queue
    publishes ``queue.flushed`` at every flush, which delivers the deltas
    and frames before it, and a run's ``script.run.finished`` comes after
    its last delta. The first event pending after a delivery wakes the
    subscribers (``_wake_for_pending``), so that a frame sent after the
    last other event still reaches them. A hop stamps its event just
    before appending it, so a thread switch in between can put it behind
    one stamped later; delivery then stamps it no earlier than the event
    numbered before it, so that ``t_ns`` never decreases along the numbers.

    A block stays a block down to the wire: the trace channel ships its
    rows as they are (Note [Binary batches] in
    inspector/channel/protocol.py), and only the receiver builds an event
    per row. ``drain`` still gives TraceEvents, built on the draining
    thread.

    The script line of a delta (``script_location``) is a walk up the
    stack to the innermost frame of the script. On Python 3.11 each step
    (``f_back``) builds a frame object, so the walk starts above the four
    frames every delta passes through (this hop, its caller,
    ``delta_generator._send`` and the DeltaGenerator function that called
    that), with ``sys._getframe``, which skips them without building
    theirs. The stepper, for its part, is installed as the gate and the
    hold only while it has work (Note [Hooks only when needed] in
    inspector/channel/stepper.py).

    Measured against numbering and handing out each event under the lock,
    as ``publish`` does, with bench/bench_trace.py --against (both builds
    in one run), 200 texts: reruns 50 ms apart, 1.06x tracing off with a
    consumer attached and 1.05x with the inspector, against 1.14x and
    1.17x, the server's extra CPU per rerun about halved; back to back,
    1.14x and 1.34x against 1.20x and 1.37x. In one process, warm, the
    tracing work of such a rerun fell from about 0.75 ms to 0.55 ms.

Note [Messages let go]
    Without tracing, a ForwardMsg lives from the script's ``st.*`` call
    until its frame is written, a millisecond or so, and its memory is
    reused at once. The events of the two hot hops live longer: until the
    trace channel sends them, up to a quarter of a second while reruns
    run back to back (Note [Idle-time sending] in
    inspector/channel/endpoint.py). If they held their messages, a few
    thousand ForwardMsgs would stay alive, and the server would pay for
    the memory they take from its caches: measured with 200 texts rerun
    back to back, a subscriber that kept the events a quarter of a second
    and then dropped them cost about 0.7 ms more server CPU per rerun when
    the events held their messages than when they did not.
    So the events let the messages go when their frame goes out, and hold
    the frame's bytes instead, which travel to the inspector anyway:
    ``websocket.forwardmsg.sent`` holds its ``data`` from the start, and
    ``publish_delta`` registers its row (a list, not a tuple) in
    ``_unsent`` under the message's ``id``, where ``publish_frame`` finds
    it and puts the frame's bytes in place of the message. The ``id`` is
    safe: the row holds the message, so no other object can have that
    ``id`` while the row is registered. A reader sees the message or its
    bytes, which describe the same element (``summary.resolve`` parses the
    bytes). A message that never goes out keeps its row registered until
    the bus forgets it. A replaced one (``queue.coalesced``) is forgotten
    at once, and serialized then (``_replaced``): its event and the
    ``queue.coalesced`` event hold those bytes, one object. Others (a
    session closed with messages queued) are forgotten in bulk once there
    are more than ``UNSENT_MAX``; their events keep their message.
    Replacing is common: ``st.write`` with several arguments sends an
    ``empty`` placeholder and then its markdown at the same path, so the
    counter in bench/apps replaces a delta on every rerun. A block row
    still holding a ForwardMsg makes the trace channel encode its whole
    batch a second time, item by item (Note [Rows as they are] in
    inspector/channel/protocol.py); a block of bytes goes in one call.
    Measured with bench/bench_trace.py --against the previous build,
    counter back to back (32 rounds, 4 servers): the server's CPU a rerun
    with a consumer attached 1.33 ms against 1.40 (1.33 with tracing off);
    the latency 1.060x against 1.071x, inside the noise (about ±0.05).
    On the wire, an event's message and its frame's data are then the
    same bytes object, which marshal writes once and refers to after
    (Note [Binary batches] in inspector/channel/protocol.py).

    Measured with bench/bench_trace.py --against the previous build (both
    in one run, 12 rounds), 200 texts rerun back to back: 1.06x tracing
    off with a consumer attached and 1.04x with the inspector, against
    1.19x and 1.16x (errors about ±0.08 on this machine); the server's
    extra CPU per rerun went from 1.1-1.6 ms to about nothing measurable.
    In one process, warm, with the events held for 20 reruns before they
    are encoded, the tracing work of a rerun fell from 0.9-1.4 ms to
    0.75 ms.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from time import monotonic_ns as _monotonic_ns
from types import FrameType
from typing import Any, Protocol

from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace.events import (
    DELTA_ENQUEUED,
    FORWARDMSG_SENT,
    QUEUE_COALESCED,
    RUN_FINISHED,
    RUN_STARTED,
)

UNSENT_MAX = 10_000
"""Deltas not yet sent that the bus keeps track of, at most (Note [Messages let go])."""


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
    msg: Any = None
    """The ForwardMsg or BackMsg the event is about, until a subscriber has
    derived ``fields`` and ``delta_path`` from it (Note [Lazy event fields]).
    For the two hot hops' events, once the message went out, the exact bytes
    of the frame that carried it instead (Note [Messages let go])."""


EventRow = tuple[int, int, str, str, str, str, tuple[int, ...], bytes, Mapping[str, Any], Any]
"""A TraceEvent as the bus buffers it: its fields, in order (Note [Publishing cost])."""


def event_row(event: TraceEvent) -> EventRow:
    """The row of ``event`` (``TraceEvent(*event_row(e))`` equals ``e``)."""
    # ``msg`` first: another thread may be resolving this event, and
    # resolve() fills in fields and delta_path *before* it clears msg. Read
    # in this order, a row is either undescribed with its message or
    # described without it, never neither.
    msg = event.msg
    return (
        event.seq,
        event.t_ns,
        event.name,
        event.session_id,
        event.run_id,
        event.where,
        event.delta_path,
        event.data,
        event.fields,
        msg,
    )


PendingRow = Sequence[Any]
"""A hot hop's event as it is queued, before it is numbered: ``t_ns``, ``name``,
``session_id``, ``run_id``, ``where``, ``data``, ``msg`` (Note [Hot hops]). A
frame's is a tuple whose ``msg`` is its ``data``; a delta's is a list, whose
``msg`` the frame hop replaces with the frame's bytes (Note [Messages let go])."""

Block = tuple[int, list[PendingRow]]
"""Consecutive hot events, numbered from the first: ``(seq, rows)``; the i-th
row is event ``seq + i`` (Note [Hot hops]). Its list is never changed once
delivered, so subscribers share it (the one change to a row: a delta's
message becomes its frame's bytes, Note [Messages let go])."""

Entry = EventRow | Block
"""What a subscriber's buffer holds: one event's row, or a block of them
(``len(entry) == 2``)."""


def block_rows(block: Block) -> list[EventRow]:
    """The EventRows of ``block``'s events."""
    seq, rows = block
    return [
        (seq + i, t_ns, name, session_id, run_id, where, (), data, {}, msg)
        for i, (t_ns, name, session_id, run_id, where, data, msg) in enumerate(rows)
    ]


class Subscriber:
    """A bounded buffer of events for one listener, made by ``TraceBus.subscribe``.

    Args:
        bus: The bus it listens to (its lock guards the buffer).
        maxsize: How many undrained events to hold before dropping.
        wake: Called (from the publishing thread, with the bus lock held, so
            it must not block) after events arrive in an *empty* buffer;
            e.g. ``lambda: loop.call_soon_threadsafe(ev.set)``. While events
            wait, the listener has been woken already: it drains until the
            buffer is empty, and only then needs waking again. (A listener
            that drains everything inside ``wake`` is woken for every event.)
    """

    def __init__(
        self, bus: TraceBus, maxsize: int = 10_000, wake: Callable[[], None] | None = None
    ) -> None:
        self.maxsize = maxsize
        self.wake = wake
        self.dropped = 0
        """Events this subscriber lost because its buffer was full."""
        self._bus = bus
        self._entries: deque[Entry] = deque()
        """Rows and blocks of rows, not TraceEvents: see Note [Publishing cost]."""
        self._count = 0
        """Events in ``_entries`` (a block counts its rows)."""

    def _put(self, entry: Entry, n: int) -> None:
        """Append ``entry`` of ``n`` events, or as much of it as fits (bus lock held).

        Events that do not fit are dropped, the newest first, and counted.
        """
        room = self.maxsize - self._count
        if room < n:
            self.dropped += n - max(room, 0)
            if room <= 0:
                return
            assert len(entry) == 2  # only a block can be larger than the room left
            seq, rows = entry
            entry, n = (seq, rows[:room]), room
        was_empty = not self._count
        self._entries.append(entry)
        self._count += n
        if was_empty and self.wake is not None:
            self.wake()

    def __len__(self) -> int:
        """Events waiting to be drained."""
        self._bus.deliver()
        return self._count

    def oldest_t_ns(self) -> int:
        """``t_ns`` of the oldest waiting event (0 if none): how long it has waited."""
        self._bus.deliver()
        try:
            entry = self._entries[0]
        except IndexError:  # drained meanwhile, by another thread
            return 0
        return entry[1][0][0] if len(entry) == 2 else entry[1]

    def drain(self, limit: int = 0) -> list[TraceEvent]:
        """Take the buffered events (at most ``limit`` if given), oldest first.

        Their ``msg`` is not yet described: see Note [Lazy event fields].
        Each subscriber gets its own TraceEvent objects, built here, on the
        draining thread.
        """
        return [TraceEvent(*row) for row in self.drain_rows(limit)]

    def drain_rows(self, limit: int = 0) -> list[EventRow]:
        """``drain``, but the rows as the bus buffered them (no object built per event)."""
        rows: list[EventRow] = []
        for entry in self.drain_entries(limit):
            if len(entry) == 2:
                rows += block_rows(entry)
            else:
                rows.append(entry)
        return rows

    def drain_entries(self, limit: int = 0) -> list[Entry]:
        """``drain``, but as the buffer holds them: rows, and blocks of the hot hops'
        events (Note [Hot hops]); ``limit`` counts events, splitting a block if need be."""
        bus = self._bus
        with bus._lock:
            if bus._pending:
                bus._deliver_pending()
            entries = self._entries
            out: list[Entry] = []
            taken = 0
            while entries and (not limit or taken < limit):
                entry = entries[0]
                if len(entry) == 2:
                    seq, rows = entry
                    room = limit - taken if limit else len(rows)
                    if len(rows) > room:
                        out.append((seq, rows[:room]))
                        entries[0] = (seq + room, rows[room:])
                        taken += room
                        break
                    taken += len(rows)
                else:
                    taken += 1
                out.append(entries.popleft())
            self._count -= taken
        return out


class StepGate(Protocol):
    """Note [Step gate]

    The script thread calls ``before_delta`` at its checkpoint, just before a
    delta is handed to the session (scriptrunner/script_runner.py,
    ``ScriptRunner._enqueue_forward_msg``, through ``TraceBus.publish_delta``).
    An implementation may block there to pause the script; only that script
    thread waits, the IOLoop and other sessions keep running. ``first``
    says whether this is the run's first delta. It returns
    True if it waited (the script then looks at its mailbox again: a rerun
    may have arrived meanwhile).
    """

    def before_delta(
        self,
        session_id: str,
        run_id: str,
        msg: ForwardMsg,
        where: str,
        first: bool,
        should_abort: Callable[[], bool],
    ) -> bool: ...


FrameSend = Callable[[ForwardMsg, bytes], None]
"""Writes one ForwardMsg frame (``BrowserWebSocketHandler._send_frame``)."""


class FrameHold(Protocol):
    """Note [Frame holding]

    The websocket handler offers every outgoing ForwardMsg to ``BUS.hold``
    (server/websocket.py, ``BrowserWebSocketHandler.write_forward_msg``)
    before writing it. An implementation that returns True keeps the frame
    and calls ``send(msg, data)`` later, on the IOLoop thread, when the
    inspector releases it; the browser simply waits. Called on the IOLoop
    thread.
    """

    def offer(self, session_id: str, msg: ForwardMsg, data: bytes, send: FrameSend) -> bool: ...


class RunContext(Protocol):
    """What ``publish_delta`` reads of the script thread's ScriptRunContext."""

    session_id: str
    script_run_id: str
    main_script_path: str
    deltas_this_run: int
    """Counted before the hop: 1 at the run's first delta."""


class TraceBus:
    """The process-wide publish/subscribe hub for trace events."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        """Orders numbering and delivery (Note [Publishing cost]). Re-entrant: a
        subscriber's ``wake`` runs with it held, and may drain."""
        self._subscribers: tuple[Subscriber, ...] = ()
        self._next_seq = 1
        """The next event's number; read and advanced only under ``_lock``."""
        self._last_t_ns = 0
        """``t_ns`` of the last numbered event: no event numbered after it is stamped earlier."""
        self._pending: deque[PendingRow] = deque()
        """The hot hops' events, in the order they happened, not yet numbered (Note [Hot hops])."""
        self._pending_woken = False
        """The subscribers were woken for the events now pending (Note [Hot hops])."""
        self._unsent: dict[int, list[Any]] = {}
        """The rows of deltas whose message has not gone out yet, by the message's
        ``id`` (Note [Messages let go])."""
        self.enabled = False
        """True while at least one subscriber listens: the one check a hop makes.
        (A plain attribute, not a property: reading it must cost next to nothing.)"""
        self.gate: StepGate | None = None
        """Installed by the inspector's stepper while a script could pause (step-through)."""
        self.hold: FrameHold | None = None
        """Installed by the inspector's stepper while frames are held or could be
        (Note [Frame holding])."""
        self.runs_in_flight = 0
        """Script runs started and not yet finished (Note [Runs in flight])."""

    def subscribe(
        self, maxsize: int = 10_000, wake: Callable[[], None] | None = None
    ) -> Subscriber:
        sub = Subscriber(self, maxsize, wake)
        with self._lock:
            self._subscribers = (*self._subscribers, sub)
            self.enabled = True
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        """Stop delivering to ``sub``. It keeps what was published before, the hot
        hops' pending events included, for a last drain."""
        with self._lock:
            if self._pending:
                self._deliver_pending()
            self._subscribers = tuple(s for s in self._subscribers if s is not sub)
            self.enabled = bool(self._subscribers)
            if not self.enabled:
                self.runs_in_flight = 0  # nobody counts meanwhile (Note [Runs in flight])
                self._pending.clear()  # nobody to deliver them to
                self._pending_woken = False
                self._unsent.clear()

    def publish(
        self,
        name: str,
        *,
        session_id: str = "",
        run_id: str = "",
        where: str = "",
        delta_path: Sequence[int] = (),
        data: bytes = b"",
        msg: Any = None,
        **fields: Any,
    ) -> None:
        """Publish one event to every subscriber. Never blocks; cheap when off.

        ``msg`` is the message the event is about; subscribers derive the
        rest from it (Note [Lazy event fields]).
        """
        if self._subscribers:
            self._emit(name, session_id, run_id, where, tuple(delta_path), data, fields, msg)

    def _emit(
        self,
        name: str,
        session_id: str,
        run_id: str,
        where: str,
        delta_path: tuple[int, ...],
        data: bytes,
        fields: Mapping[str, Any],
        msg: Any,
    ) -> None:
        """Number one event and hand it to every subscriber (Note [Publishing cost]).

        The hot hops' events pending before it are delivered first, so that
        numbers follow the order in which things happened (Note [Hot hops]).
        """
        with self._lock:
            if self._pending:
                self._deliver_pending()
            if name == QUEUE_COALESCED and msg is not None:
                msg = self._replaced(msg)
            seq = self._next_seq
            self._next_seq = seq + 1
            t_ns = self._last_t_ns = _monotonic_ns()
            row = (seq, t_ns, name, session_id, run_id, where, delta_path, data, fields, msg)
            for sub in self._subscribers:
                sub._put(row, 1)
            if name == RUN_STARTED:
                self.runs_in_flight += 1
            elif name == RUN_FINISHED and self.runs_in_flight:
                self.runs_in_flight -= 1

    def _replaced(self, msg: ForwardMsg) -> bytes:
        """A queued delta was replaced and will not go out: its event and the
        ``queue.coalesced`` event hold its bytes from now on, one object
        (Note [Messages let go]). With ``_lock`` held."""
        data = msg.SerializeToString()
        delta = self._unsent.pop(id(msg), None)
        if delta is not None:
            delta[6] = data
        return data

    def _wake_for_pending(self) -> None:
        """Wake every subscriber: events are pending (Note [Hot hops]).

        The flag changes only under the lock, and is set only while events
        are pending: a hop whose event was delivered before it got here (by
        another thread) must not leave it set, or the next event would wake
        nobody.
        """
        with self._lock:
            if self._pending_woken or not self._pending:
                return
            self._pending_woken = True
            for sub in self._subscribers:
                if sub.wake is not None:
                    sub.wake()

    def deliver(self) -> None:
        """Number the hot hops' pending events and hand them to the subscribers, as one
        block (Note [Hot hops]). A subscriber calls it before it looks at its buffer."""
        if self._pending:
            with self._lock:
                self._deliver_pending()

    def _deliver_pending(self) -> None:
        """``deliver``, with ``_lock`` held."""
        pending = self._pending
        # Cleared before the events are taken: one queued from here on either
        # is taken below or wakes the subscribers again (Note [Hot hops]).
        self._pending_woken = False
        n = len(pending)
        if not n:
            return
        rows = [pending.popleft() for _ in range(n)]
        # A hop stamps its event just before queueing it, so a thread switch
        # in between can queue it behind one stamped later: stamp it no
        # earlier than the event before it, so that t_ns never decreases.
        # (A delta's row is changed in place: the frame hop still holds it.)
        last = self._last_t_ns
        for i, row in enumerate(rows):
            if row[0] >= last:
                last = row[0]
            elif type(row) is list:
                row[0] = last
            else:
                rows[i] = (last, *row[1:])
        self._last_t_ns = last
        seq = self._next_seq
        self._next_seq = seq + n
        if len(self._unsent) > UNSENT_MAX:
            # Messages that never went out (a session closed, its queue
            # cleared) leave their rows here: forget them, in bulk. Their
            # events keep their message, as any delta not yet sent does.
            self._unsent.clear()
        block = (seq, rows)
        for sub in self._subscribers:
            sub._put(block, n)

    def publish_frame(self, session_id: str, data: bytes, msg: ForwardMsg) -> None:
        """The ``websocket.forwardmsg.sent`` hop (IOLoop thread): ``data`` went out.

        The caller checks ``enabled`` first (the one check when nobody listens).
        The event holds ``data``, not ``msg``, and so does the event of the
        delta ``msg`` carries, from now on (Note [Messages let go]).
        """
        self._pending.append((_monotonic_ns(), FORWARDMSG_SENT, session_id, "", "", data, data))
        delta = self._unsent.pop(id(msg), None)
        if delta is not None:
            delta[6] = data
        if not self._pending_woken:
            self._wake_for_pending()

    def held(self, session_id: str, msg: ForwardMsg, data: bytes, send: FrameSend) -> bool:
        """The frame-hold hop (IOLoop thread): True if ``hold`` kept the frame to send later."""
        hold = self.hold
        return hold is not None and hold.offer(session_id, msg, data, send)

    def publish_delta(
        self, ctx: RunContext, msg: ForwardMsg, should_abort: Callable[[], bool]
    ) -> bool:
        """The ``delta.enqueued`` hop (script thread): step gate, then publish.

        Called by ``ScriptRunner._enqueue_forward_msg`` (and only by it), for
        a delta that ``delta_generator._send`` handed over, which only the
        DeltaGenerator's own functions call. The gate, if installed, may
        pause the script here (Note [Step gate]).
        Returns True if it did, so that the caller looks at its mailbox again.
        """
        # The script line: the search starts above the frames every delta
        # passes through (Note [Hot hops]).
        where = script_location(ctx.main_script_path, sys._getframe(4))
        session_id, run_id = ctx.session_id, ctx.script_run_id
        gate = self.gate
        paused = gate is not None and gate.before_delta(
            session_id, run_id, msg, where, ctx.deltas_this_run == 1, should_abort
        )
        if self._subscribers:
            # Queued without the lock (Note [Hot hops]); a list, whose message
            # the frame hop replaces with its bytes (Note [Messages let go]).
            row = [_monotonic_ns(), DELTA_ENQUEUED, session_id, run_id, where, b"", msg]
            self._unsent[id(msg)] = row
            self._pending.append(row)
            if not self._pending_woken:
                self._wake_for_pending()
        return paused


def script_location(script_path: str, frame: FrameType | None = None) -> str:
    """``path:line`` of the innermost frame running ``script_path``, else ``""``.

    The search starts at ``frame`` (by default the caller's) and goes out.
    Computed on the script thread because only there, and only now, is the
    line known: the script moves on as soon as the hop returns. The string
    is made once per line and shared (Note [Script lines]).
    """
    if frame is None:
        frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == script_path:
            key = (script_path, frame.f_lineno)
            where = _WHERES.get(key)
            if where is None:
                if len(_WHERES) >= WHERES_MAX:
                    _WHERES.clear()
                where = _WHERES[key] = f"{script_path}:{key[1]}"
            return where
        frame = frame.f_back
    return ""


WHERES_MAX = 4096
"""Script lines whose ``where`` string is kept, at most (Note [Script lines])."""

_WHERES: dict[tuple[str, int], str] = {}
"""Note [Script lines]

A loop of ``st.text`` calls makes hundreds of deltas from one line, and a
string made for each would be hundreds of equal strings: each allocated on
the script thread, kept until the trace channel sends its event, and
written out in full there. So ``script_location`` makes each line's string
once and hands out that one object, which marshal then writes once per
batch and refers to after (Note [Binary batches] in
inspector/channel/protocol.py). Bounded: past WHERES_MAX lines (many
scripts, or a script edited many times) it starts again from empty. Any
thread may use it; each step is atomic under the GIL, and two threads
racing on a new line at worst make its string twice.
"""


BUS = TraceBus()
"""The one bus of this process."""
