"""The wiretap: one websocket's frames, decoded with minilit's messages and published.

Not in Streamlit. A minilit server publishes trace events from inside (the
script thread, the session, the socket); behind the proxy only the frames are
visible, so this module derives the same events from them, in the order a
minilit server publishes them, so that the inspector, ``minilit trace
--attach`` and recordings cannot tell a proxied session from a minilit one:

=============================  ==============================================
frame                          events (``minilit.trace.events``)
=============================  ==============================================
handshake accepted upstream    ``security.handshake.accepted`` (origin, host)
BackMsg from the browser       ``websocket.frame.received`` (bytes), then
                               ``websocket.backmsg.received`` (the message)
ForwardMsg ``new_session``     ``session.connected`` (the first time),
                               ``script.run.started`` (run id, cause)
ForwardMsg ``delta``           ``delta.enqueued`` (path and element type,
                               derived from the message as on minilit)
ForwardMsg ``script_finished`` ``script.run.finished`` (status, duration)
each ForwardMsg written        ``websocket.forwardmsg.sent`` (the exact bytes)
socket closed                  ``session.disconnected``
=============================  ==============================================

What the frames cannot tell is left empty: no ``where`` (the script line is
in another process), no ``queue.coalesced`` (coalescing happened before the
frames left the real server), no session-state events.

Messages are parsed with minilit's ``ForwardMsg``/``BackMsg``, which carry
Streamlit 1.67's field numbers; a field minilit does not declare stays in
the message as an unknown field and travels in the event's bytes, where the
inspector's schema-less decoder shows it raw (inspector/protodecode.py). A
frame that does not parse at all is still forwarded and published with its
bytes (the inspector shows it as undecodable).

Note [Session id on the wire]
    A minilit socket knows its session at the handshake. On Streamlit's wire
    the session id first appears in ``new_session`` (``initialize.session_id``),
    which answers the browser's first ``rerun_script``: the BackMsgs before
    it have no session yet. So events that need a session wait here (at most
    MAX_WAITING) and are published, in their order, just before the events
    of the ``new_session`` that names it; a reconnecting browser names its
    old session in subprotocol slot 3, which the proxy uses until the
    server says otherwise. Their timestamps are those of publication, a
    few milliseconds late.

Receives: frame bytes from inspector/proxy/stream.py. Hands to: minilit's
trace bus.
"""

from __future__ import annotations

import time
from typing import Any

from google.protobuf.message import DecodeError

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace import events as ev
from minilit.trace.bus import BUS, TraceBus

MAX_WAITING = 1000
"""Events kept while the session id is unknown (Note [Session id on the wire])."""

CLOSED_STATUS = "connection closed"
"""The status of a run still going when its socket closed (the frames say no more)."""


class Wiretap:
    """The trace events of one proxied websocket (Note [Session id on the wire])."""

    def __init__(self, resume_id: str = "", bus: TraceBus = BUS) -> None:
        self.bus = bus
        self.session_id = resume_id
        """The session as far as the frames tell (the browser's claim until new_session)."""
        self.run_id = ""
        """The run whose frames are arriving (from the last new_session)."""
        self._announced = False
        self._resume_id = resume_id
        self._running = False
        self._runs = 0
        self._deltas = 0
        self._run_started = 0.0
        self._cause = ""
        self._waiting: list[tuple[str, dict[str, Any]]] = []

    # ----- publishing, with or without a session yet --------------------------------

    def _publish(self, name: str, **kwargs: Any) -> None:
        if not self.session_id:
            if len(self._waiting) < MAX_WAITING:
                self._waiting.append((name, kwargs))
            return
        self.bus.publish(name, session_id=self.session_id, **kwargs)

    def _name_session(self, session_id: str) -> None:
        """The server named the session: announce it, then what waited for it."""
        if session_id == self.session_id and self._announced:
            return
        self.session_id = session_id
        self._announced = True
        resumed = bool(self._resume_id) and session_id == self._resume_id
        self.bus.publish(
            ev.SESSION_RESUMED if resumed else ev.SESSION_CONNECTED, session_id=session_id
        )
        waiting, self._waiting = self._waiting, []
        for name, kwargs in waiting:
            self.bus.publish(name, session_id=session_id, **kwargs)

    # ----- the handshake ---------------------------------------------------------------

    def handshake(self, origin: str, host: str, subprotocol: str) -> None:
        """The target accepted the websocket (what it was shown: Note [Host and Origin])."""
        self._publish(
            ev.HANDSHAKE_ACCEPTED,
            origin=origin,
            host=host,
            subprotocol=subprotocol,
            resumed=bool(self._resume_id),
            via="proxy",
        )

    # ----- browser -> server -------------------------------------------------------------

    def back(self, data: bytes) -> BackMsg | None:
        """A frame from the browser: publish it; its BackMsg, or None if it does not parse."""
        self._publish(ev.FRAME_RECEIVED, data=data, size=len(data))
        try:
            msg = BackMsg.FromString(data)
        except DecodeError:
            return None
        self._publish(ev.BACKMSG_DECODED, data=data, msg=msg)
        kind = msg.WhichOneof("type")
        if kind == "rerun_script":
            self._cause = "rerun_script"
        elif kind == "stop_script":
            self._publish(ev.STOP_REQUESTED)
        return msg

    # ----- server -> browser ---------------------------------------------------------------

    def forward(self, data: bytes) -> tuple[ForwardMsg | None, str]:
        """A frame from the target, before holding: publish its run and delta events.

        Returns the message (None if it does not parse) and the run it belongs to.
        """
        try:
            msg = ForwardMsg.FromString(data)
        except DecodeError:
            return None, self.run_id
        kind = msg.WhichOneof("type")
        if kind == "delta":
            run_id = msg.metadata.run.script_run_id or self.run_id
            self._deltas += 1
            self._publish(ev.DELTA_ENQUEUED, run_id=run_id, msg=msg)
        elif kind == "new_session":
            self._new_run(msg)
        elif kind == "script_finished":
            self._finish_run(ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished))
        return msg, self.run_id

    def _new_run(self, msg: ForwardMsg) -> None:
        session_id = msg.new_session.initialize.session_id
        if session_id:
            self._name_session(session_id)
        if self._running:  # no script_finished came: a rerun cut it short
            self._finish_run("script_stopped_for_rerun")
        # 1.67 names the run in every message's metadata; 1.39 only in a
        # NewSession field minilit does not declare: then the proxy numbers runs.
        self._runs += 1
        self.run_id = msg.metadata.run.script_run_id or f"proxy-run-{self._runs}"
        self._running = True
        self._deltas = 0
        self._run_started = time.perf_counter()
        self._publish(ev.RUN_STARTED, run_id=self.run_id, cause=self._cause)
        self._cause = ""

    def _finish_run(self, status: str) -> None:
        if not self._running:
            return
        self._running = False
        duration_ms = round((time.perf_counter() - self._run_started) * 1000, 3)
        self._publish(
            ev.RUN_FINISHED,
            run_id=self.run_id,
            status=status,
            duration_ms=duration_ms,
            deltas=self._deltas,
        )

    def sent(self, data: bytes, msg: ForwardMsg | None, run_id: str) -> None:
        """A frame was written to the browser: exactly these bytes."""
        if self.bus.enabled:
            self._publish(ev.FORWARDMSG_SENT, run_id=run_id, data=data, msg=msg)

    # ----- the end -----------------------------------------------------------------------------

    def closed(self) -> None:
        """The socket closed: end the run in flight, and the session."""
        self._finish_run(CLOSED_STATUS)
        if self._waiting and not self.session_id:
            self.session_id = self._resume_id or "(no session)"
            self._name_session(self.session_id)
        if self.session_id:
            self.bus.publish(ev.SESSION_DISCONNECTED, session_id=self.session_id)
