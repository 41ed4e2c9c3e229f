"""The State pane: ``st.session_state`` now, and every change with its rerun.

Not in Streamlit. Redux DevTools' state and Elm's model history
(reference/inspector-anchors.md B8 #12).

Receives: the ``View`` on each tick (while the tab is shown). Hands to: the screen.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable

from inspector.panes.view import View
from inspector.rows import cells


class StatePane(Vertical):
    """Two tables: the keys now, and the history of changes (newest 500)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._key = -1

    def compose(self) -> ComposeResult:
        yield DataTable[Any](id="state-table", cursor_type="row")
        yield DataTable[Any](id="state-history", cursor_type="row")

    def on_mount(self) -> None:
        self.query_one("#state-table", DataTable).add_columns("key", "value", "changes")
        self.query_one("#state-history", DataTable).add_columns("seq", "run", "key", "value")

    def catch_up(self, view: View) -> None:
        m = view.model
        sid = view.session if view.session != "*" else ""
        if not sid:
            run = view.selected_run()
            sid = run.session_id if run else ""
        s = m.sessions.get(sid) if sid else None
        key = len(s.state_history) if s else 0
        if key == self._key and not m.dirty_state:
            return
        m.dirty_state = False
        self._key = key
        table: DataTable[Any] = self.query_one("#state-table", DataTable)
        history: DataTable[Any] = self.query_one("#state-history", DataTable)
        table.clear()
        history.clear()
        if s is None:
            return
        changes: dict[str, int] = {}
        for _, _, k, _ in s.state_history:
            changes[k] = changes.get(k, 0) + 1
        for k, v in sorted(s.state.items()):
            table.add_row(*cells(k, v, str(changes.get(k, 0))))
        for seq, run_index, k, v in s.state_history[-500:]:
            history.add_row(*cells(str(seq), str(run_index), k, v))
