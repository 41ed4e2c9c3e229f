"""The Security pane: every accept/reject decision, with its reason.

Not in Streamlit (browser devtools show a handshake's headers, never the
server's decision; reference/inspector-anchors.md B8 #31).

Receives: the ``View`` on each tick. Hands to: the screen.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from inspector.panes.view import View
from inspector.rows import cells


class SecurityPane(DataTable[Any]):
    """Handshakes (Origin, Host), refused frames, trace-channel refusals."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self._shown = 0

    def on_mount(self) -> None:
        self.add_columns("seq", "t (s)", "event", "session", "reason", "details")

    def catch_up(self, view: View) -> None:
        m = view.model
        for e in m.security[self._shown :]:
            fields = dict(e.fields)
            reason = str(fields.pop("reason", ""))
            details = " ".join(f"{k}={v}" for k, v in sorted(fields.items()))
            style = "bold red" if "rejected" in e.name or "refused" in e.name else "green"
            self.add_row(
                *cells(
                    str(e.seq),
                    m.rel_time(e.t_ns),
                    Text(e.name, style=style),
                    e.session_id[:8],
                    reason,
                    details,
                )
            )
        self._shown = len(m.security)
