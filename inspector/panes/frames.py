"""The Frames pane: every websocket frame, the handshake as frame 0.

Not in Streamlit. Chrome DevTools' Messages tab and Wireshark's packet list
(reference/inspector-anchors.md B8 #6): direction, kind, size, session, run,
delta_path, and a summary of the decoded protobuf.

Receives: the ``View`` on each tick. Hands to: the controller
``FrameChosen`` (enter on a frame).
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.message import Message

from inspector.panes.deltas import MAX_ROWS_PER_TICK
from inspector.panes.view import View
from inspector.rows import FRAME_WIDTHS, frame_cells
from inspector.widgets.virtual_table import Cells, VirtualTable


class FrameChosen(Message):
    """The user asked to open a frame (its ``Frame.no``)."""

    def __init__(self, frame_no: int) -> None:
        super().__init__()
        self.frame_no = frame_no


class FramesPane(VirtualTable):
    """The frame log, appended to on each tick; redone when the filter changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(list(FRAME_WIDTHS.items()), id=id)
        self._shown_to = 0
        self._version = 0

    def reset(self) -> None:
        """Redo every row on the next tick."""
        self._version = 0

    def catch_up(self, view: View) -> None:
        m = view.model
        if view.version != self._version:
            self.clear()
            self._shown_to = 0
            self._version = view.version
        if not m.frames or m.frames[-1].no <= self._shown_to:
            return
        start = max(self._shown_to + 1, view.start_frame + 1, m.frames[0].no)
        end = min(m.frames[-1].no, start + MAX_ROWS_PER_TICK - 1)
        new_rows: list[tuple[str, Cells]] = []
        for no in range(start, end + 1):
            f = m.frames_by_no.get(no)
            if f is None or not view.shows_session(f.session_id):
                continue
            if view.passes(f.subject()):
                new_rows.append((str(no), partial(frame_cells, m, f)))
        self.add_rows(new_rows)
        self._shown_to = end
        if view.follow and new_rows:
            self.move_cursor(row=self.row_count - 1)

    @on(VirtualTable.RowSelected)
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.post_message(FrameChosen(int(event.key)))
