"""The help screen: every key, and the filter/breakpoint language.

Not in Streamlit. Keyboard-first tools (mitmproxy's console, posting) show
all their keys on one page; this is that page.

Receives: nothing. Hands to: the screen stack (any key closes it).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Views",
        [
            ("1 … 8", "tabs: Deltas, Frames, Tree, Source, State, Security, Events, Log"),
            ("tab / shift+tab", "move focus between sessions, reruns and the tab's table"),
            ("↑ ↓ pgup pgdn", "move in a table; the rerun under the cursor drives the tabs"),
            ("enter", "open the frame under the cursor (protobuf tree + hex dump)"),
            ("  d / a / esc", "  in a frame: raw decode / expand all / back"),
            ("f", "follow the newest rerun and frame (tail) / scroll-lock"),
            ("/", "filter the tables and the event log (an expression, below)"),
            ("H", "show / hide heartbeat frames (hidden by default)"),
            ("x", "clear the view (history is kept for export and recording)"),
        ],
    ),
    (
        "Step-through (live server; the footer shows the keys that work now)",
        [
            ("p", "pause: every script stops before its next delta"),
            ("n", "step: let the paused script emit one delta"),
            ("e", "finish: run the paused rerun to its end, pause at the next one"),
            ("c", "continue: leave step mode, release every paused script"),
            ("b", "add a breakpoint (a filter expression)"),
            ("B", "remove all breakpoints"),
            ("h", "hold outgoing frames on the server (the browser waits)"),
            (".", "release the oldest held frame"),
            (">", "release every held frame"),
            ("k", "drop (kill) the oldest held frame: it never arrives"),
            ("K", "drop every held frame"),
            ("", "behind minilit proxy: only h . > k K (frames both ways; no script lines)"),
        ],
    ),
    (
        "Files",
        [
            ("w", "start / stop recording to a JSON Lines file (the path can be edited)"),
            ("m", "export the selected rerun as a Markdown transcript"),
            ("", "files go to $MINILIT_INSPECTOR_DIR or ~/.local/share/minilit/inspector"),
        ],
    ),
    (
        "App",
        [
            ("ctrl+p", "command palette (event groups, screenshot, themes, …)"),
            ("?", "this help"),
            ("q", "quit"),
        ],
    ),
]

FILTERS = """\
A filter or breakpoint is an expression: terms separated by spaces must all
match; clauses separated by | are alternatives; ! negates a term.

  type:button       element or block type (type:block.* for blocks)
  path:0.4.*        delta_path, dotted; * matches a subtree
  line:12           script line (or line:app.py:12)
  backmsg:rerun_script   a BackMsg kind (break: pause that session's next run)
  kind:script_finished   a frame's kind          dir:back / dir:forward
  event:session.*   an event name               session:ab12  run:start
  re:^step [0-9]    a regular expression searched in the summary
  word              any other word: substring of the summary

Examples:  type:button | run:start      path:0.3      !kind:delta"""


class HelpScreen(ModalScreen[None]):
    """Shows ``KEYS`` and ``FILTERS``; escape or ? closes it (q still quits)."""

    BINDINGS = [Binding("escape,question_mark", "app.pop_screen", "Back")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; height: 90%; border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("minilit inspector — keys", style="bold"))
            for title, rows in KEYS:
                table = Table(
                    title=title, title_justify="left", show_header=False, box=None, padding=(0, 2)
                )
                table.add_column(style="bold cyan", no_wrap=True)
                table.add_column()
                for key, what in rows:
                    table.add_row(key, what)
                yield Static(table)
            yield Static(Text("Filters and breakpoints", style="bold"))
            yield Static(Text(FILTERS))
