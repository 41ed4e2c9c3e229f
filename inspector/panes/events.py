"""The Events pane: the raw event stream, coloured by verbosity group.

Not in Streamlit. textual-dev's console (reference/inspector-anchors.md B5,
B8 #30): every trace event, groups that can be hidden, and the same filter
as the tables. Changing the filter or the groups redraws the lines already
shown, from the model's history.

Receives: the ``View`` on each tick (while the tab is shown). Hands to: the screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import RichLog

from inspector.channel.protocol import WireEvent
from inspector.model import event_group
from inspector.panes.view import View
from inspector.rows import event_line, event_subject

LOG_LINES_PER_TICK = 400
"""The event log writes at most this many lines per refresh; the rest is
summarized (it is all still in the model, the recording and the export)."""


class EventsPane(RichLog):
    """A log written only while it is on screen (the model keeps a backlog)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, max_lines=5000, wrap=False)
        self._version = 0

    def catch_up(self, view: View) -> None:
        m = view.model
        if view.version != self._version:
            # A new filter (or group choice) applies to the lines already shown.
            self._version = view.version
            self.clear()
            m.pending_events.clear()
            self._write(view, m.events)
            return
        if m.pending_events:
            pending = list(m.pending_events)
            m.pending_events.clear()
            self._write(view, pending)

    def _write(self, view: View, events: Iterable[WireEvent]) -> None:
        shown = [e for e in events if self._passes(view, e)]
        skipped = max(0, len(shown) - LOG_LINES_PER_TICK)
        if skipped:
            self.write(Text(f"… {skipped} events not drawn here (kept in history)", style="dim"))
        for e in shown[skipped:]:
            self.write(event_line(view.model, e))

    @staticmethod
    def _passes(view: View, e: WireEvent) -> bool:
        if event_group(e.name) in view.hidden_groups:
            return False
        return view.filter is None or view.filter.matches(event_subject(e))
