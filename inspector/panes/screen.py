"""The main screen: where the panes sit, and the keys that act on them.

Not in Streamlit. The layout reflows with the terminal's width (styles in
inspector/inspector.tcss): from 120 columns the sessions, reruns and step
panes stand in a column left of the tabs; narrower, sessions and reruns sit
side by side above the tabs.

Receives: nothing (the controller, inspector/app.py, drives the panes).
Hands to: the screen stack.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent, TabPane

from inspector.launch import ServerOutput
from inspector.panes.deltas import DeltasPane
from inspector.panes.events import EventsPane
from inspector.panes.frames import FramesPane
from inspector.panes.log import LogPane
from inspector.panes.prompt import Prompt
from inspector.panes.reruns import RerunsPane
from inspector.panes.security import SecurityPane
from inspector.panes.sessions import SessionsPane
from inspector.panes.source import SourcePane
from inspector.panes.state import StatePane
from inspector.panes.status import StatusLine
from inspector.panes.step import StepPane
from inspector.panes.tree import TreePane

TABS = ("deltas", "frames", "tree", "source", "state", "security", "events", "log")
"""The tabs, in the order of their keys 1 … 8."""

STEP_ACTIONS = frozenset(
    {
        "pause",
        "step",
        "finish",
        "continue",
        "breakpoint",
        "clear_breakpoints",
        "hold",
        "release",
        "drop",
    }
)
"""Actions that need a live server (offline they are neither shown nor bound)."""
FRAME_ACTIONS = frozenset({"hold", "release", "drop"})
"""The step actions that work behind the decoding proxy (frames, not script lines)."""


class MainScreen(Screen[None]):
    """Sessions, reruns, the step panel, the tabs, the prompt and the status line.

    Its keys call the controller (``app.…`` actions); the controller's
    ``check_action`` hides the ones that do nothing in the current mode.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Help"),
        Binding("p", "app.pause", "Pause"),
        Binding("n", "app.step", "Step"),
        Binding("e", "app.finish", "Finish run"),
        Binding("c", "app.continue", "Continue"),
        Binding("b", "app.breakpoint", "Break"),
        Binding("B", "app.clear_breakpoints", "Clear breaks", show=False),
        Binding("h", "app.hold", "Hold"),
        Binding("full_stop", "app.release(1)", "Release one"),
        Binding("greater_than_sign", "app.release(0)", "Release all", show=False),
        Binding("k", "app.drop(1)", "Drop one"),
        Binding("K", "app.drop(0)", "Drop all", show=False),
        Binding("slash", "app.filter", "Filter"),
        Binding("H", "app.toggle_heartbeats", "Heartbeats", show=False),
        Binding("f", "app.follow", "Follow"),
        Binding("x", "app.clear_view", "Clear", show=False),
        Binding("w", "app.record", "Record"),
        Binding("m", "app.export", "Export", show=False),
        *[
            Binding(str(i + 1), f"app.tab('{name}')", name.title(), show=False)
            for i, name in enumerate(TABS)
        ],
    ]

    class Ready(Message):
        """The panes are mounted: the controller may start feeding them."""

    def __init__(self, output: ServerOutput | None) -> None:
        super().__init__()
        self._output = output

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                with Horizontal(id="lists"):
                    yield SessionsPane(id="sessions-pane")
                    yield RerunsPane(id="reruns-pane")
                yield StepPane(id="gate")
            with TabbedContent(id="tabs", initial="deltas"):
                with TabPane("1 Deltas", id="deltas"):
                    yield DeltasPane(id="delta-table")
                with TabPane("2 Frames", id="frames"):
                    yield FramesPane(id="frame-table")
                with TabPane("3 Tree", id="tree"):
                    yield TreePane(id="tree-pane")
                with TabPane("4 Source", id="source"):
                    yield SourcePane(id="source-pane")
                with TabPane("5 State", id="state"):
                    yield StatePane(id="state-pane")
                with TabPane("6 Security", id="security"):
                    yield SecurityPane(id="security-table")
                with TabPane("7 Events", id="events"):
                    yield EventsPane(id="event-log")
                with TabPane("8 Log", id="log"):
                    yield LogPane(self._output, id="server-log")
        yield Prompt(id="prompt")
        yield StatusLine(id="status")
        # Compact, so that at 80 columns no key of the footer is cut off.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#timeline").focus()
        self.post_message(self.Ready())
