"""The Reruns pane: the timeline of runs, each with how it ended.

Not in Streamlit. Redux DevTools' action log and Panel's timeline
(reference/inspector-anchors.md B8 #4): one row per run with its number,
session, ending (ok, exception, compile error, stopped, superseded,
running, paused), milliseconds, deltas sent (/enqueued), bytes and cause.

Receives: the ``View`` on each tick. Hands to: the controller a
``RunSelected`` message when a run is chosen, by the user or by follow.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from inspector.panes.view import View
from inspector.rows import TIMELINE_WIDTHS, run_cells
from inspector.widgets.virtual_table import VirtualTable


class RerunsPane(Vertical):
    """The timeline. With follow on, the cursor moves to the newest run."""

    class RunSelected(Message):
        """A run was chosen (its ``Run.no``)."""

        def __init__(self, run_no: int) -> None:
            super().__init__()
            self.run_no = run_no

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: set[int] = set()
        self._offered = False
        """A run was chosen for the user since the last reset (the controller
        may not have handled that ``RunSelected`` yet)."""

    def compose(self) -> ComposeResult:
        yield Static("Reruns", classes="title")
        yield VirtualTable(list(TIMELINE_WIDTHS.items()), id="timeline")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#timeline", VirtualTable)

    def reset(self, view: View) -> None:
        """Forget the rows (a new session selection, a cleared view); all runs redrawn."""
        self.table.clear()
        self._shown = set()
        self._offered = False
        view.model.dirty_runs = {r.no for r in view.model.runs}

    def catch_up(self, view: View) -> None:
        m = view.model
        table = self.table
        dirty, m.dirty_runs = m.dirty_runs, set()
        if m.gate.get("paused"):
            dirty |= {r.no for r in m.runs if not r.finished}
        added = False
        for no in sorted(dirty):
            run = m.runs[no - 1]
            if not view.shows_run(run):
                continue
            row = run_cells(m, run, view.cut_short(run))
            if no in self._shown:
                table.update_row(str(no), *row)
            else:
                table.add_row(*row, key=str(no))
                self._shown.add(no)
                added = True
        if view.follow and added:
            self.follow_newest()
        elif not view.run_no and self._shown and not self._offered:
            self._offered = True
            self.post_message(self.RunSelected(min(self._shown)))

    def follow_newest(self) -> None:
        """Put the cursor on the newest run shown, and choose it."""
        if self._shown:
            self._offered = True
            self.table.move_cursor(row=self.table.row_count - 1)
            self.post_message(self.RunSelected(max(self._shown)))

    @on(VirtualTable.RowHighlighted, "#timeline")
    def _highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.RunSelected(int(event.key)))
