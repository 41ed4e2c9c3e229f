"""The status line: connection, follow, filter, counts, drops, recording.

Not in Streamlit. Receives: the ``View`` and the controller's connection
and recorder state on each tick. Hands to: the screen.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from inspector.panes.view import View


class StatusLine(Static):
    """One line, redrawn only when it changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._plain = ""

    def catch_up(self, view: View, connection: str, recording: str) -> None:
        m = view.model
        parts = [connection, "follow" if view.follow else "scroll-lock"]
        if view.filter is not None:
            parts.append(f"filter: {view.filter.text}")
        if not view.show_heartbeats:
            parts.append("heartbeats hidden")
        if view.hidden_groups:
            parts.append("hidden: " + ",".join(sorted(view.hidden_groups)))
        parts.append(f"{len(m.frames)} frames, {len(m.runs)} reruns")
        if m.dropped or m.gaps:
            parts.append(f"DROPPED {m.dropped} (gaps {m.gaps})")
        if m.trimmed_frames:
            parts.append(f"{m.trimmed_frames} oldest frames trimmed")
        if recording:
            parts.append(recording)
        text = " | ".join(parts)
        if text != self._plain:
            # Static.update lays the whole screen out again by default (about as
            # costly as drawing it). The line can wrap differently only when a
            # word's width changes: counts change every tick, their widths rarely.
            relayout = _word_widths(text) != _word_widths(self._plain)
            self._plain = text
            self.update(text, layout=relayout)


def _word_widths(text: str) -> list[int]:
    return [cell_len(word) for word in text.split(" ")]
