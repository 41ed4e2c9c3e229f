"""The Deltas pane: the selected run's deltas, by delta_path, with their script line.

Not in Streamlit. Redux DevTools' per-action list and Jupyter's grouping by
parent (reference/inspector-anchors.md B8 #5, #11): each delta the script
enqueued, whether it was sent or coalesced away, ``=`` when it re-sent what
the previous run had there, and the frame that carried it. While a script
is paused, a last ``⏸`` row says where it waits.

Receives: the ``View`` on each tick. Hands to: the controller
``DeltaChosen`` (enter on a delta) and ``DeltaHighlighted``.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.message import Message

from inspector.model import DeltaRow, path_text
from inspector.panes.view import View
from inspector.rows import DELTA_WIDTHS, delta_cells, paused_cells
from inspector.widgets.virtual_table import Cells, VirtualTable

MAX_ROWS_PER_TICK = 5000
"""Rows a table may add per refresh tick, so one tick stays short (responsiveness).
A row's cells are made when it is drawn, so adding one costs its filter check."""


class DeltasPane(VirtualTable):
    """The deltas table of the selected run.

    A delta is normally enqueued and sent within a millisecond, so a row
    still ``queued`` is held back for one tick: most rows are added once,
    already final. Rows that stay queued (the script is paused) appear after
    one tick. At most MAX_ROWS_PER_TICK rows are added per tick.
    """

    class DeltaHighlighted(Message):
        """The cursor is on a delta (its index in the run; -1: none)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class DeltaChosen(DeltaHighlighted):
        """Enter on a delta: open the frame that carried it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(list(DELTA_WIDTHS.items()), id=id)
        self._view_key: tuple[int, int] = (0, 0)
        self._shown: list[int] = []
        """The run's delta index of each row on screen."""
        self._queued: set[int] = set()
        self._held_back = -1
        self._scan = 0
        self._paused_key = ""

    def reset(self) -> None:
        """Redo every row on the next tick (another run, another filter)."""
        self._view_key = (0, 0)

    def delta_under_cursor(self, view: View) -> DeltaRow | None:
        run = view.selected_run()
        if run is None or not 0 <= self.cursor_row < len(self._shown):
            return None
        return run.deltas[self._shown[self.cursor_row]]

    def catch_up(self, view: View) -> None:
        run = view.selected_run()
        key = (run.no if run else 0, view.version)
        if key != self._view_key:
            self.clear()
            self._shown, self._queued = [], set()
            self._held_back, self._scan, self._paused_key = -1, 0, ""
            self._view_key = key
        if run is None:
            return
        for i in [i for i in self._queued if run.deltas[i].status != "queued"]:
            self._queued.discard(i)
            self.update_row(str(i), *delta_cells(view.model, run, i, run.deltas[i]))
        paused = [p for p in view.model.gate.get("paused", []) if p.get("run_id") == run.run_id]
        paused_key = f"paused:{paused[0].get('delta_path')}" if paused else ""
        i = self._scan
        new_rows: list[tuple[str, Cells]] = []
        while i < len(run.deltas) and len(new_rows) < MAX_ROWS_PER_TICK:
            row = run.deltas[i]
            if row.status == "queued" and self._held_back != i:
                self._held_back = i  # show it next tick if it is still queued
                break
            if view.passes(row.subject(run.session_id, run.run_id, i == 0)):
                new_rows.append((str(i), partial(delta_cells, view.model, run, i, row)))
                self._shown.append(i)
                if row.status == "queued":
                    self._queued.add(i)
            i += 1
        self._scan = i
        if new_rows and self._paused_key:
            self.remove_row(self._paused_key)
            self._paused_key = ""
        self.add_rows(new_rows)
        if self._paused_key and self._paused_key != paused_key:
            self.remove_row(self._paused_key)
            self._paused_key = ""
        if paused_key and not self._paused_key:
            self.add_row(*paused_cells(paused[0]), key=paused_key)
            self._paused_key = paused_key
            self.move_cursor(row=self.row_count - 1)
        if view.follow and new_rows and not run.finished:
            self.move_cursor(row=self.row_count - 1)

    @on(VirtualTable.RowSelected)
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        if event.key.isdigit():  # not the paused row
            self.post_message(self.DeltaChosen(int(event.key)))

    @on(VirtualTable.RowHighlighted)
    def _highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.DeltaHighlighted(int(event.key) if event.key.isdigit() else -1))


def unsent_note(row: DeltaRow) -> str:
    """What to say when the user opens a delta that never left."""
    return f"delta {path_text(row.path)} was {row.status}: no frame was sent"
