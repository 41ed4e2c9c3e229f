"""The Sessions pane: one row per browser tab (AppSession), plus "all sessions".

Not in Streamlit (Panel's admin page and Redux DevTools' instance picker
play this role; reference/inspector-anchors.md B8 #32).

Receives: the ``View`` on each tick. Hands to: the controller a
``SessionSelected`` message when the cursor lands on a session.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from inspector.panes.view import View
from inspector.rows import cells

ALL = "*"


class SessionsPane(Vertical):
    """The sessions table. Rows are added as sessions connect, whatever is selected."""

    class SessionSelected(Message):
        """The user moved to a session (``*``: all sessions)."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    def compose(self) -> ComposeResult:
        yield Static("Sessions", classes="title")
        yield DataTable[Any](id="sessions", cursor_type="row")

    def on_mount(self) -> None:
        table = self.table
        table.add_columns("session", "status", "runs", "frames", "in/out B")
        table.add_row("all", "", "", "", "", key=ALL)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#sessions", DataTable)

    def catch_up(self, view: View) -> None:
        m = view.model
        if not m.dirty_sessions:
            return
        m.dirty_sessions = False
        table = self.table
        for sid, s in m.sessions.items():
            row = cells(
                sid[:8], s.status, str(len(s.runs)), str(s.frames), f"{s.bytes_in}/{s.bytes_out}"
            )
            try:
                table.get_row_index(sid)
            except RowDoesNotExist:
                table.add_row(*row, key=sid)
                continue
            for col, value in zip(table.columns, row, strict=True):
                table.update_cell(sid, col, value, update_width=True)

    @on(DataTable.RowHighlighted, "#sessions")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.SessionSelected(event.row_key.value or ALL))
