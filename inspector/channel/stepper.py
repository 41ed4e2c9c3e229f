"""The stepper: pause scripts before deltas, and hold frames before the browser.

Not in Streamlit (Streamlit cannot pause a script). Modelled on mitmproxy's
intercept (reference/inspector-anchors.md B1): what matches a filter is held
until the user accepts it, one at a time or all at once. It implements the two
hooks of minilit.trace.bus:

* ``StepGate.before_delta``: the script thread calls it at its checkpoint,
  just before a delta is handed to the session (Note [Step gate] in
  trace/bus.py). If the script should pause, *that thread* waits here. The
  IOLoop, other sessions, and the browser keep going: the browser has already
  got ``new_session`` and the deltas before this one, so it shows the run as
  running with the old elements still on the page, faded (stale).
* ``FrameHold.offer``: the websocket handler offers each outgoing ForwardMsg
  (Note [Frame holding] in trace/bus.py). While holding, frames queue here
  and go out one by one when released: the *delivery* is paused, not just
  the display. A held frame may also be dropped: it never arrives.
* ``offer_back``: behind the decoding proxy (inspector/proxy), BackMsgs
  are offered too, before they reach the real server (Note [Holding both
  ways]).

When a script pauses, and why::

    mode "step" (the inspector's pause key)      every session, every delta
    a session in step mode (after a breakpoint)  that session's next delta
    a breakpoint matches the delta               element type, delta_path,
                                                 script line, run:start
    a breakpoint matches a BackMsg               the next delta of the run
                                                 that BackMsg causes

and how it goes on: ``step`` (one delta, then pause again), ``finish`` (this
run runs to its end; the next run pauses at its first delta), ``continue``
(leave step mode), a rerun or stop request for that session (the script then
stops at the checkpoint, as Streamlit's would), or the inspector leaving.

Receives: calls from the script threads (``before_delta``), the IOLoop
(``offer``, and commands from trace/endpoint.py), and BackMsg events from the
bus (for BackMsg breakpoints). Hands to: the bus (``script.step.paused``,
``script.step.resumed``, ``websocket.forwardmsg.held`` events) and the
endpoint's ``on_change`` callback, which pushes a ``gate`` message to
inspectors.

Threading: ``_cond`` guards the pause state. No bus call is made while
holding it (the bus calls ``_observe`` with its own lock held; taking the two
locks in both orders would deadlock). Held frames are touched only on the
IOLoop thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message

from inspector.channel.filters import Filter, Subject, matches_any
from inspector.channel.summary import delta_element, describe_frame, resolve
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace import events as ev
from minilit.trace.bus import BUS, FrameSend, Subscriber, TraceBus

_LOGGER = logging.getLogger(__name__)

POLL_SECONDS = 0.05
"""How often a paused script rechecks ``should_abort`` (a rerun request)."""

MAX_FINISHING_RUNS = 10_000
"""Run ids allowed to finish that are remembered (then forgotten)."""


@dataclass(slots=True)
class Paused:
    """One script thread waiting at its checkpoint."""

    session_id: str
    run_id: str
    delta_path: tuple[int, ...]
    element: str
    where: str
    reason: str
    since: float = field(default_factory=time.monotonic)

    def to_dict(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "run_id": self.run_id,
            "delta_path": list(self.delta_path),
            "element": self.element,
            "where": self.where,
            "reason": self.reason,
        }


BACKMSG_HELD = "websocket.backmsg.held"
"""The stepper holds a BackMsg before the real server (decoding proxy only, Note
[Holding both ways]); fields: kind, size, hold_id. A tool's event, not a core hop."""
FRAME_DROPPED = "websocket.frame.dropped"
"""The inspector dropped a held frame: it never arrives; fields: dir, kind, size,
hold_id. A tool's event, not a core hop."""


@dataclass(slots=True)
class Held:
    """One frame waiting to be sent: a ForwardMsg, or (behind the proxy) a BackMsg."""

    hold_id: int
    session_id: str
    msg: Message
    data: bytes
    send: Callable[[Any, bytes], None]
    direction: str = "forward"
    """``forward`` (to the browser) or ``back`` (to the server, decoding proxy only)."""

    @property
    def kind(self) -> str:
        return self.msg.WhichOneof("type") or ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.hold_id,
            "session_id": self.session_id,
            "kind": self.kind,
            "size": len(self.data),
            "dir": self.direction,
        }


class StepperError(ValueError):
    """A command the stepper cannot carry out (the message says why)."""


class Stepper:
    """Step-through state for one process; install with ``attach``.

    Example (what trace/endpoint.py does)::

        stepper = Stepper(on_change=push_gate_to_inspectors)
        stepper.attach()          # BUS.gate and BUS.hold point here when needed
        stepper.pause()           # every script stops before its next delta
        stepper.step(session_id)  # ... lets one delta through
        stepper.detach()          # releases everything
    """

    def __init__(self, bus: TraceBus = BUS, on_change: Callable[[], None] | None = None) -> None:
        self._bus = bus
        self.on_change = on_change
        """Called (from any thread, never under a lock) when ``state()`` changed."""
        self._cond = threading.Condition()
        self._attached = False
        self._step_all = False
        self._stepping: set[str] = set()
        """Sessions in step mode (after a breakpoint hit)."""
        self._permits: dict[str, int] = {}
        """Deltas each session may still emit before pausing again."""
        self._finishing: set[str] = set()
        """Run ids allowed to run to their end."""
        self._breakpoints: list[Filter] = []
        self._paused: dict[int, Paused] = {}
        self._pause_ids = itertools.count(1)
        self._observer: Subscriber | None = None
        # Frame holding (IOLoop thread only).
        self._hold_all = False
        self._hold_match: Filter | None = None
        self._held: list[Held] = []
        self._hold_ids = itertools.count(1)

    # ----- install ------------------------------------------------------------

    def attach(self) -> None:
        """Be the bus's gate and frame hold from now on, whenever they have work
        (Note [Hooks only when needed])."""
        with self._cond:
            self._attached = True
        self._sync_hooks()

    def _sync_hooks(self) -> None:
        """Note [Hooks only when needed]

        The bus offers every delta to ``BUS.gate`` and every frame to
        ``BUS.hold`` when they are set: two calls per element of every run,
        made on the script thread and the IOLoop. So the stepper is
        installed as the gate only while a script could pause (step mode, a
        session stepping, a breakpoint, a script paused) and as the hold
        only while frames are held or could be; otherwise both are None,
        and each hop costs one attribute check. ``_changed`` calls it after
        every change of that state (any thread: the assignments are
        atomic); ``step`` and ``finish`` change it only while a script is
        paused, when the gate is installed anyway. A command racing with a
        script thread takes effect at the latter's next delta, as it would
        anyway.
        """
        attached = self._attached
        could_pause = attached and bool(
            self._step_all or self._stepping or self._breakpoints or self._paused
        )
        could_hold = attached and bool(self._hold_all or self._hold_match or self._held)
        if could_pause:
            self._bus.gate = self
        elif self._bus.gate is self:
            self._bus.gate = None
        if could_hold:
            self._bus.hold = self
        elif self._bus.hold is self:
            self._bus.hold = None

    def detach(self) -> None:
        """Forget everything and let every script and frame go (inspector gone)."""
        with self._cond:
            self._attached = False
            self._reset_locked()
            self._cond.notify_all()
        self._set_observer(False)
        self._hold_all = False
        self._hold_match = None
        self.release(all_frames=True)
        self._changed()

    def _reset_locked(self) -> None:
        self._step_all = False
        self._stepping.clear()
        self._permits.clear()
        self._finishing.clear()
        self._breakpoints.clear()

    # ----- state --------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The ``gate`` message body of the trace protocol."""
        with self._cond:
            paused = [p.to_dict() for p in self._paused.values()]
            breakpoints = [b.text for b in self._breakpoints]
            mode = "step" if self._step_all else "run"
            stepping = sorted(self._stepping)
        return {
            "mode": mode,
            "stepping_sessions": stepping,
            "breakpoints": breakpoints,
            "paused": paused,
            "hold": self._hold_all,
            "hold_match": self._hold_match.text if self._hold_match else "",
            "held": [h.to_dict() for h in self._held],
        }

    def has_paused(self) -> bool:
        """A script waits at its checkpoint (any thread; a hint, read without the lock)."""
        return bool(self._paused)

    def _changed(self) -> None:
        """The state changed: install or remove the hooks, tell the inspectors."""
        self._sync_hooks()
        if self.on_change is not None:
            self.on_change()

    # ----- commands (IOLoop thread) -------------------------------------------

    def pause(self) -> None:
        """Every script pauses before its next delta."""
        with self._cond:
            self._step_all = True
            self._cond.notify_all()
        self._changed()

    def step(self, session_id: str = "") -> int:
        """Let one paused script (of ``session_id``, or every paused one) emit one delta.

        Returns:
            How many scripts were let go.

        Raises:
            StepperError: when no script is paused (there is nothing to step).
        """
        with self._cond:
            targets = {p.session_id for p in self._paused.values()}
            if session_id:
                targets &= {session_id}
            if not targets:
                raise StepperError(
                    "no script is paused" + (f" in {session_id}" if session_id else "")
                )
            for sid in targets:
                self._stepping.add(sid)
                self._permits[sid] = self._permits.get(sid, 0) + 1
            self._cond.notify_all()
        return len(targets)

    def finish(self, session_id: str = "") -> int:
        """Let the paused run(s) go to their end; their sessions pause at the next run.

        Raises:
            StepperError: when no script is paused.
        """
        with self._cond:
            runs = [
                p for p in self._paused.values() if not session_id or p.session_id == session_id
            ]
            if not runs:
                raise StepperError("no script is paused")
            if len(self._finishing) > MAX_FINISHING_RUNS:
                self._finishing.clear()
            for p in runs:
                self._finishing.add(p.run_id)
                self._stepping.add(p.session_id)
            self._cond.notify_all()
        return len(runs)

    def resume(self) -> None:
        """Leave step mode everywhere; breakpoints stay."""
        with self._cond:
            self._step_all = False
            self._stepping.clear()
            self._permits.clear()
            self._cond.notify_all()
        self._changed()

    def add_breakpoint(self, text: str) -> Filter:
        """Add a breakpoint; raises FilterError for a bad expression."""
        bp = Filter.parse(text)
        with self._cond:
            if all(b.text != bp.text for b in self._breakpoints):
                self._breakpoints.append(bp)
        self._set_observer(True)
        self._changed()
        return bp

    def remove_breakpoint(self, text: str) -> None:
        with self._cond:
            before = len(self._breakpoints)
            self._breakpoints = [b for b in self._breakpoints if b.text != text.strip()]
            if len(self._breakpoints) == before:
                raise StepperError(f"no breakpoint {text!r}")
            empty = not self._breakpoints
        if empty:
            self._set_observer(False)
        self._changed()

    def clear_breakpoints(self) -> None:
        with self._cond:
            self._breakpoints = []
        self._set_observer(False)
        self._changed()

    # ----- the gate (script threads) ------------------------------------------

    def _pause_reason(
        self, session_id: str, run_id: str, subject: Subject
    ) -> str:  # called with _cond held
        if not self._attached or run_id in self._finishing:
            return ""
        if self._step_all:
            return "paused"
        if session_id in self._stepping:
            return "stepping"
        bp = matches_any(self._breakpoints, subject)
        if bp is not None:
            self._stepping.add(session_id)
            return f"breakpoint {bp.text}"
        return ""

    def _may_go(self, p: Paused, should_abort: Callable[[], bool]) -> str:
        """Why a paused script may continue now ("" = keep waiting). Under _cond."""
        if not self._attached:
            return "detached"
        if self._permits.get(p.session_id, 0) > 0:
            self._permits[p.session_id] -= 1
            return "step"
        if p.run_id in self._finishing:
            return "finish"
        if not self._step_all and p.session_id not in self._stepping:
            return "continue"
        if should_abort():
            return "abort"
        return ""

    def before_delta(
        self,
        session_id: str,
        run_id: str,
        msg: ForwardMsg,
        where: str,
        first: bool,
        should_abort: Callable[[], bool],
    ) -> bool:
        """StepGate: block this script thread while it should stay paused.

        Returns True if it paused. The delta's path and element are read from
        ``msg`` only when something could pause it.
        """
        if not (self._step_all or self._stepping or self._breakpoints):
            return False  # a command just ended stepping (Note [Hooks only when needed])
        delta_path: Sequence[int] = tuple(msg.metadata.delta_path)
        element = delta_element(msg)[1]
        with self._cond:
            subject = {
                "element": element,
                "path": tuple(delta_path),
                "where": where,
                "session": session_id,
                "run": run_id,
                "first": first,
                "kind": "delta",
                "dir": "forward",
                "event": ev.DELTA_ENQUEUED,
            }
            reason = self._pause_reason(session_id, run_id, subject)
            if not reason:
                return False
            paused = Paused(session_id, run_id, tuple(delta_path), element, where, reason)
            pause_id = next(self._pause_ids)
            self._paused[pause_id] = paused
        self._bus.publish(
            ev.STEP_PAUSED,
            session_id=session_id,
            run_id=run_id,
            where=where,
            delta_path=delta_path,
            element=element,
            reason=reason,
        )
        self._changed()
        with self._cond:
            while True:
                how = self._may_go(paused, should_abort)
                if how:
                    break
                self._cond.wait(POLL_SECONDS)
            del self._paused[pause_id]
        waited_ms = round((time.monotonic() - paused.since) * 1000, 1)
        self._bus.publish(
            ev.STEP_RESUMED,
            session_id=session_id,
            run_id=run_id,
            where=where,
            delta_path=delta_path,
            how=how,
            waited_ms=waited_ms,
        )
        self._changed()
        return True

    # ----- BackMsg breakpoints -------------------------------------------------

    def _set_observer(self, on: bool) -> None:
        """Watch BackMsgs only while there are breakpoints (no cost otherwise)."""
        if on and self._observer is None:
            self._observer = self._bus.subscribe(1000, wake=self._observe)
        elif not on and self._observer is not None:
            self._bus.unsubscribe(self._observer)
            self._observer = None

    def _observe(self) -> None:
        """Bus wake callback (any thread, bus lock held): arm sessions on a BackMsg match."""
        observer = self._observer
        if observer is None:
            return
        for e in observer.drain():
            if e.name != ev.BACKMSG_DECODED:
                continue
            resolve(e)
            kind = str(e.fields.get("kind", ""))
            subject = {
                "backmsg": kind,
                "kind": kind,
                "dir": "back",
                "session": e.session_id,
                "event": e.name,
            }
            with self._cond:
                if self._attached and matches_any(self._breakpoints, subject) is not None:
                    self._stepping.add(e.session_id)

    # ----- frame holding (IOLoop thread) ----------------------------------------

    def set_hold(self, on: bool, match: str = "") -> None:
        """Hold every outgoing frame (``on``), or only from a frame matching ``match`` on.

        Turning holding off releases every held frame.
        """
        self._hold_match = Filter.parse(match) if match else None
        self._hold_all = on and not match
        if not on:
            self._hold_match = None
            self.release(all_frames=True)
        self._changed()

    def offer(self, session_id: str, msg: ForwardMsg, data: bytes, send: FrameSend) -> bool:
        """FrameHold: keep the frame if holding applies (order per session is kept)."""
        if not (self._hold_all or self._held or self._hold_match):
            return False  # the common case: nothing held, nothing to hold
        queued_before = any(
            h.session_id == session_id and h.direction == "forward" for h in self._held
        )
        if not (self._hold_all or queued_before):
            if self._hold_match is None:
                return False
            info = describe_frame("forward", data)
            subject = {
                "dir": "forward",
                "kind": info.kind,
                "element": info.element,
                "path": info.delta_path,
                "session": session_id,
                "summary": info.summary,
                "event": ev.FORWARDMSG_SENT,
            }
            if not self._hold_match.matches(subject):
                return False
        held = Held(next(self._hold_ids), session_id, msg, data, send)
        self._held.append(held)
        self._bus.publish(
            ev.FORWARDMSG_HELD,
            session_id=session_id,
            kind=held.kind,
            size=len(data),
            hold_id=held.hold_id,
        )
        self._changed()
        return True

    def offer_back(
        self, session_id: str, msg: BackMsg, data: bytes, send: Callable[[BackMsg, bytes], None]
    ) -> bool:
        """Note [Holding both ways]

        The decoding proxy (inspector/proxy/hold.py) offers each BackMsg
        here before it goes to the real server, as every ForwardMsg is
        offered to ``offer``: while holding, the browser's clicks wait in
        the proxy too, in order per session, and are released, or dropped,
        oldest first, together with the held ForwardMsgs. A minilit server
        never calls this (its BackMsgs are handled in the same process,
        where stepping the script does more).
        """
        if not (self._hold_all or self._held or self._hold_match):
            return False
        queued_before = any(
            h.session_id == session_id and h.direction == "back" for h in self._held
        )
        if not (self._hold_all or queued_before):
            if self._hold_match is None:
                return False
            kind = msg.WhichOneof("type") or ""
            subject = {
                "dir": "back",
                "kind": kind,
                "backmsg": kind,
                "session": session_id,
                "event": ev.BACKMSG_DECODED,
            }
            if not self._hold_match.matches(subject):
                return False
        held = Held(next(self._hold_ids), session_id, msg, data, send, "back")
        self._held.append(held)
        self._bus.publish(
            BACKMSG_HELD,
            session_id=session_id,
            kind=held.kind,
            size=len(data),
            hold_id=held.hold_id,
        )
        self._changed()
        return True

    def drop(self, count: int = 1, all_frames: bool = False) -> int:
        """Discard the oldest held frame(s); returns how many. They never arrive.

        Raises:
            StepperError: when nothing is held.
        """
        if not self._held:
            raise StepperError("no frame is held")
        n = len(self._held) if all_frames else min(count, len(self._held))
        for _ in range(n):
            held = self._held.pop(0)
            self._bus.publish(
                FRAME_DROPPED,
                session_id=held.session_id,
                dir=held.direction,
                kind=held.kind,
                size=len(held.data),
                hold_id=held.hold_id,
            )
        self._changed()
        return n

    def release(self, count: int = 1, all_frames: bool = False) -> int:
        """Send the oldest held frame(s); returns how many went out.

        A frame whose socket has gone is dropped (the session is gone too).
        """
        n = len(self._held) if all_frames else min(count, len(self._held))
        sent = 0
        for _ in range(n):
            held = self._held.pop(0)
            try:
                held.send(held.msg, held.data)
                sent += 1
            except Exception:  # the socket closed while the frame waited
                _LOGGER.info("Dropping a held frame of a closed session %s", held.session_id)
        if n:
            self._changed()
        return sent


STEPPER = Stepper()
"""The process's stepper. The bus is process-wide, so the gate is too: every
trace channel of this process shares it (trace/endpoint.py)."""
