"""The Log pane: the app's stdout, stderr and tracebacks.

Not in Streamlit (``streamlit run`` prints them to its terminal, which the
inspector's UI occupies). ``minilit inspect APP.py`` starts the server as a
child process and reads both of its streams (inspector/launch.py); this pane
shows them, stderr in red.

Receives: a ``ServerOutput`` on each tick. Hands to: the screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import RichLog

from inspector.launch import ServerOutput


class LogPane(RichLog):
    """The child server's output; a note when the inspector did not start the server."""

    def __init__(self, output: ServerOutput | None, *, id: str | None = None) -> None:
        super().__init__(id=id, max_lines=20_000, wrap=False)
        self.output = output
        self._shown = 0

    def on_mount(self) -> None:
        if self.output is None:
            self.write(
                Text(
                    "No app output here: this inspector did not start the server "
                    "(minilit inspect APP.py does, and shows its stdout and stderr).",
                    style="dim",
                )
            )

    def catch_up(self) -> None:
        if self.output is None:
            return
        for line in self.output.since(self._shown):
            style = "red" if line.stream == "stderr" else ""
            self.write(Text(line.text, style=style))
            self._shown = line.no
