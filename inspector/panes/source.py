"""The Source pane: the script, with the line a paused script waits on or the
line that produced the selected delta.

Not in Streamlit. Redux DevTools' Trace tab (reference/inspector-anchors.md
B8 #11): where in the script a delta came from.

Receives: the ``View`` and the delta under the Deltas cursor. Hands to: the screen.
"""

from __future__ import annotations

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from inspector.channel.recording import where_path
from inspector.model import DeltaRow, path_text
from inspector.panes.view import View
from inspector.rows import short_where


def located(view: View, delta: DeltaRow | None) -> tuple[str, int, Text]:
    """(path, line, a caption saying why this line)."""
    for p in view.model.gate.get("paused", []):
        where = str(p.get("where", ""))
        if where:
            caption = Text(
                f"⏸ paused before {path_text(p.get('delta_path', []))} "
                f"{p.get('element', '')} at {short_where(where)} ({p.get('reason', '')})",
                style="bold yellow",
            )
            return where_path(where), int(where.rpartition(":")[2]), caption
    run = view.selected_run()
    if run is not None and delta is not None and delta.where:
        caption = Text(
            f"delta {path_text(delta.path)} {delta.element} of rerun {run.index} "
            f"comes from {short_where(delta.where)}",
            style="bold",
        )
        return where_path(delta.where), int(delta.where.rpartition(":")[2]), caption
    script = str(view.hello.get("script_path", ""))
    return script, 0, Text(short_where(script), style="bold")


class SourcePane(Vertical):
    """A caption and the highlighted script."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._key: tuple[str, int] = ("", 0)
        self.location: tuple[str, int] = ("", 0)
        """The (path, line) shown."""

    def compose(self) -> ComposeResult:
        yield Static("", id="source-title")
        with VerticalScroll(id="source-scroll"):
            yield Static("", id="source-view")

    def reset(self) -> None:
        self._key = ("", 0)

    def catch_up(self, view: View, delta: DeltaRow | None) -> None:
        path, line, caption = located(view, delta)
        self.location = (path, line)
        sources = view.model.sources
        key = (f"{path}#{len(sources)}#{caption.plain}", line)
        if key == self._key:
            return
        self._key = key
        self.query_one("#source-title", Static).update(caption)
        shown = self.query_one("#source-view", Static)
        text = sources.get(path)
        if text is None:
            # Fall back to a path-suffix match (recordings may store relative paths).
            text = next(
                (t for p, t in sources.items() if path and (p.endswith(path) or path.endswith(p))),
                None,
            )
        if text is None:
            shown.update(
                Text(
                    f"No source for {path or 'this run'} "
                    "(the server sends it; recordings include it).",
                    style="dim",
                )
            )
            return
        highlight = {line} if line else None
        shown.update(
            Syntax(text, "python", line_numbers=True, highlight_lines=highlight, word_wrap=False)
        )
        if line:
            scroll = self.query_one("#source-scroll", VerticalScroll)
            scroll.scroll_to(y=max(0, line - 5), animate=False)
