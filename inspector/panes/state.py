"""The State pane: ``st.session_state`` now, every change with its rerun, and the caches.

Not in Streamlit. Redux DevTools' state and Elm's model history
(reference/inspector-anchors.md B8 #12). The third table is the state every
session shares: each st.cache_data / st.cache_resource hit, miss and clear of
the process, with the session that caused it (trace events cache.*).

Receives: the ``View`` on each tick (while the tab is shown). Hands to: the screen.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable

from inspector.panes.view import View
from inspector.rows import cells


class StatePane(Vertical):
    """Three tables: the keys now, the history of changes (newest 500), the caches."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._key = -1
        self._caches_shown = 0

    def compose(self) -> ComposeResult:
        yield DataTable[Any](id="state-table", cursor_type="row")
        yield DataTable[Any](id="state-history", cursor_type="row")
        yield DataTable[Any](id="cache-events", cursor_type="row")

    def on_mount(self) -> None:
        self.query_one("#state-table", DataTable).add_columns("key", "value", "changes")
        self.query_one("#state-history", DataTable).add_columns("seq", "run", "key", "value")
        self.query_one("#cache-events", DataTable).add_columns(
            "seq", "t (s)", "cache", "event", "function", "session", "details"
        )

    def catch_up(self, view: View) -> None:
        self._catch_up_caches(view)
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

    def _catch_up_caches(self, view: View) -> None:
        """Append the cache events not yet shown (every session's: the caches are shared)."""
        m = view.model
        if not m.dirty_caches:
            return
        m.dirty_caches = False
        table: DataTable[Any] = self.query_one("#cache-events", DataTable)
        for e in m.caches[self._caches_shown :]:
            fields = dict(e.fields)
            kind = e.name.removeprefix("cache.")
            style = {"hit": "green", "miss": "yellow", "cleared": "bold red"}.get(kind, "")
            details = " ".join(
                f"{k}={str(v)[:12] if k == 'key' else v}"
                for k, v in sorted(fields.items())
                if k not in ("cache", "function")
            )
            table.add_row(
                *cells(
                    str(e.seq),
                    m.rel_time(e.t_ns),
                    str(fields.get("cache", "")),
                    Text(kind, style=style),
                    str(fields.get("function", "")) or "(all)",
                    e.session_id[:8],
                    details,
                )
            )
        self._caches_shown = len(m.caches)
