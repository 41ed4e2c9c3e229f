"""The Step pane: the stepper's real state (mode, paused scripts, holds, breakpoints).

Not in Streamlit. mitmproxy's intercept state (reference/inspector-anchors.md
B1): what the server is holding, shown from the ``gate`` messages the trace
channel sends whenever the stepper changes.

Receives: the ``View`` on each tick. Hands to: the screen.
"""

from __future__ import annotations

from textual.widgets import Static

from inspector.panes.view import View
from inspector.rows import gate_text


class StepPane(Static):
    """Redrawn only when its text changes (an idle inspector stays idle)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._plain = ""

    def catch_up(self, view: View) -> None:
        text = gate_text(view.model, view.live, str(view.hello.get("no_step", "")))
        if text.plain != self._plain:
            self._plain = text.plain
            self.update(text)
