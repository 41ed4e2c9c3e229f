"""What every pane reads: the model, the selection, the filter, and run endings.

Not in Streamlit. The controller (inspector/app.py) owns one ``View`` and
changes it when a message says the user selected or filtered something; the
panes read it on each refresh tick (Note [Batched refresh] in
inspector/app.py).

Receives: the model (inspector/model.py) and trace events. Hands to: the
panes in inspector/panes/.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from inspector.channel.filters import Filter, Subject
from inspector.channel.protocol import WireEvent
from inspector.model import Model, Run
from minilit.trace import events as ev

HEARTBEAT_KINDS = frozenset({"app_heartbeat", "heartbeat_ack"})
"""Rows of these kinds are hidden unless heartbeats are shown (the ``H`` key)."""
"""Heartbeats are hidden unless asked for (inspector-anchors B3)."""


class RunEndings:
    """Runs cut short while they ran: by a rerun, the Stop button, or a disconnect.

    The runner may report such a run as a success (a stop request ends it
    with ``StopException``; with ``runner.fastReruns`` a rerun stops the old
    run the same way), and its ``script.run.finished`` can arrive after the
    ``script_finished`` frame that said otherwise. So the Reruns list learns
    how a run was cut short from the events around it: a
    ``session.rerun.requested``, ``session.stop.requested`` or
    ``session.disconnected`` between ``script.run.started`` and
    ``script.run.finished``.
    """

    def __init__(self) -> None:
        self.cut_short: dict[str, str] = {}
        """run id -> ``superseded`` or ``stopped``."""
        self._running: dict[str, str] = {}
        """session id -> the run id its script thread is in."""

    def observe(self, events: Iterable[WireEvent]) -> None:
        for e in events:
            run_id = self._running.get(e.session_id, "")
            if e.name == ev.RUN_STARTED:
                self._running[e.session_id] = e.run_id
            elif e.name == ev.RUN_FINISHED:
                if run_id == e.run_id:
                    del self._running[e.session_id]
            elif run_id and run_id not in self.cut_short:
                if e.name == ev.RERUN_REQUESTED:
                    self.cut_short[run_id] = "superseded"
                elif e.name == ev.SESSION_DISCONNECTED or (
                    e.name == ev.STOP_REQUESTED and e.run_id in ("", run_id)
                ):
                    self.cut_short[run_id] = "stopped"


@dataclass(eq=False)
class View:
    """The model and how the user is looking at it."""

    model: Model
    live: bool
    session: str = "*"
    """The selected session id (``*``: all)."""
    run_no: int = 0
    """The selected run's ``Run.no`` (0: none)."""
    filter: Filter | None = None
    show_heartbeats: bool = False
    follow: bool = True
    """Tail the newest rerun and frame (off: scroll-lock)."""
    hidden_groups: set[str] = field(default_factory=set)
    start_frame: int = 0
    """Frames up to this number were cleared from view (history is kept)."""
    start_run: int = 0
    hello: dict[str, Any] = field(default_factory=dict)
    endings: RunEndings = field(default_factory=RunEndings)
    version: int = 1
    """Bumped when the filter or heartbeats change: rows on screen are redone."""

    def selected_run(self) -> Run | None:
        no = self.run_no
        return self.model.runs[no - 1] if 0 < no <= len(self.model.runs) else None

    def shows_session(self, session_id: str) -> bool:
        return self.session in ("*", session_id)

    def shows_run(self, run: Run) -> bool:
        return run.no > self.start_run and self.shows_session(run.session_id)

    def passes(self, subject: Subject) -> bool:
        """Whether a row passes the heartbeat rule and the user's filter."""
        # The heartbeat rule looks at ``kind`` only: test that key directly (a
        # Filter match costs a few µs a row, and every row of 10,000 meets it).
        if not self.show_heartbeats and subject.get("kind") in HEARTBEAT_KINDS:
            return False
        return self.filter is None or self.filter.matches(subject)

    def cut_short(self, run: Run) -> str:
        """``superseded``, ``stopped`` or "" (see ``RunEndings``)."""
        return self.endings.cut_short.get(run.run_id, "")
