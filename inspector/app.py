"""The minilit inspector: a Textual app showing every rerun, delta and frame.

Not in Streamlit (Streamlit has no inspector). Its features follow
reference/inspector-anchors.md B8: sessions, a timeline of reruns and how
each ended, each rerun's deltas by delta_path with the script line behind
them, the frame log with a linked protobuf tree and hex dump, the element
tree and its diff, the script source with the paused line, session_state,
security decisions, an event log with verbosity groups, the app's own
output, filters, follow/scroll-lock, step-through and frame holding,
recording and export.

This class is the controller (as in frogmouth and posting): each pane is a
widget in inspector/panes/ that draws itself from a shared ``View``; the
layout is inspector/panes/screen.py, the styles inspector/inspector.tcss.
The controller takes the source's messages, turns the panes' messages
(``RunSelected``, ``FrameChosen``, ...) into changes of the ``View``, and
runs the keys' actions.

The app talks to the server only through the trace protocol
(inspector.channel.protocol) via a source (inspector/sources.py); offline it
reads a recording the same way.

Receives: protocol messages from a ``Source`` (it is the source's ``Sink``).
Hands to: the terminal; commands back to the server (pause, step, ...).

Note [Batched refresh]: events go into the model as they arrive; the panes
catch up on a timer, each remembering how far it got, so a script emitting
10 000 deltas costs the UI a few table appends per tick, not 10 000 redraws.
"""

from __future__ import annotations

import datetime as _dt
import gc
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import TabbedContent

from inspector.channel.client import TraceConnectError
from inspector.channel.filters import Filter, FilterError
from inspector.channel.protocol import WireEvent
from inspector.channel.recording import RecordingWriter
from inspector.export import run_markdown
from inspector.launch import ServerOutput, output_dir
from inspector.model import GROUPS, Model, Run
from inspector.panes.deltas import DeltasPane, unsent_note
from inspector.panes.events import EventsPane
from inspector.panes.frames import FrameChosen, FramesPane
from inspector.panes.log import LogPane
from inspector.panes.prompt import Prompt
from inspector.panes.reruns import RerunsPane
from inspector.panes.screen import FRAME_ACTIONS, STEP_ACTIONS, TABS, MainScreen
from inspector.panes.security import SecurityPane
from inspector.panes.sessions import SessionsPane
from inspector.panes.source import SourcePane
from inspector.panes.state import StatePane
from inspector.panes.status import StatusLine
from inspector.panes.step import StepPane
from inspector.panes.tree import TreePane
from inspector.panes.view import View
from inspector.sources import RecordingSource, Source
from inspector.widgets.frame_view import FrameScreen
from inspector.widgets.help import HelpScreen

W = TypeVar("W", bound=Widget)

SCROLL_KEYS = frozenset({"up", "down", "pageup", "pagedown", "home", "end"})
"""Keys that, pressed in a table, turn follow off (inspector-anchors B8 #15)."""

FOLLOW_TABLES = ("timeline", "frame-table", "delta-table")


class InspectorApp(App[None]):
    """The inspector. ``InspectorApp(RecordingSource(path)).run()`` opens a recording.

    Args:
        source: where events come from (live socket or recording).
        record_path: start recording to this file at once.
        refresh_hz: how often the panes catch up with the model. The aim is
            at least 10 times a second while events pour in; Textual skips a
            timer tick that comes late, so a timer at exactly 10 Hz falls under
            that whenever one ingest step runs long. 12 leaves room: replaying
            a 10,000-delta run (bench/bench_trace_inspector.py --replay), 10
            gave 10.8-12.1 ticks a second, 12 gave 13.4-14.2, with the tables
            drawn as soon either way (0.5-0.8 s).
        export_dir: where recordings, exports and screenshots go unless the
            user names another path (default: ``launch.output_dir()``).
        server_output: the output of a server we started (the Log pane).
    """

    TITLE = "minilit inspector"
    CSS_PATH = "inspector.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(
        self,
        source: Source,
        *,
        record_path: Path | None = None,
        refresh_hz: float = 12.0,
        export_dir: Path | None = None,
        server_output: ServerOutput | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.server_output = server_output
        self.model = Model()
        self.view = View(self.model, live=source.live)
        self.refresh_hz = refresh_hz
        self.export_dir = export_dir or output_dir()
        self.record_path = record_path
        self.recorder: RecordingWriter | None = None
        self.connection = "connecting" if source.live else "offline"
        self.refreshes = 0
        """How many times the panes caught up (the UI refresh counter)."""
        self._delta_index = -1

    # ----- compatibility views of the View (tests, bench) -----------------------

    @property
    def follow(self) -> bool:
        return self.view.follow

    @property
    def filter(self) -> Filter | None:
        return self.view.filter

    @property
    def selected_run_no(self) -> int:
        return self.view.run_no

    @property
    def hello(self) -> dict[str, Any]:
        return self.view.hello

    def selected_run(self) -> Run | None:
        return self.view.selected_run()

    # ----- layout ------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        return MainScreen(self.server_output)

    def on_mount(self) -> None:
        self._fix_console_size()
        self.sub_title = self.source.description

    @on(MainScreen.Ready)
    def _start(self) -> None:
        """Start recording, the refresh timer and the source, once the panes exist."""
        if self.record_path is not None:
            self._start_recording(self.record_path)
        if isinstance(self.source, RecordingSource):
            for warning in self.source.recording.warnings:
                self.notify(warning, title="Recording", severity="warning", timeout=15)
        # Everything built so far (Textual, the panes, the proto modules) lives
        # as long as the app: move it out of the collector's sight, so a full
        # collection while 10,000 events arrive does not walk it (~100 ms each).
        gc.freeze()
        self.set_interval(1 / self.refresh_hz, self.refresh_views)
        self.run_worker(self.source.run(self), name="source", exclusive=True)

    def on_unmount(self) -> None:
        gc.unfreeze()  # hand the heap back to the collector (tests run many apps)

    def _fix_console_size(self) -> None:
        """Give Rich's console a fixed size so measuring a cell makes no system call.

        DataTable measures every cell of every new row with
        ``console.options``, whose ``size`` otherwise asks the OS for the
        terminal size each time (three ``ioctl``s per cell): 10 000 deltas
        made 150 000 of them (bench/bench_trace_inspector.py).
        """
        self.console.size = (self.size.width or 80, self.size.height or 24)

    def on_resize(self, event: events.Resize) -> None:
        self._fix_console_size()

    def _q(self, selector: str, expect_type: type[W]) -> W:
        """Query the main screen (not whichever screen is on top, e.g. a frame)."""
        return self.screen_stack[0].query_one(selector, expect_type)

    # ----- the Sink: messages from the source --------------------------------

    def on_hello(self, hello: Mapping[str, Any]) -> None:
        self.view.hello = dict(hello)
        if self.source.live:
            self.connection = "live"
            app_url = hello.get("app_url")
            if app_url:
                # The title bar is the one line every layout keeps whole.
                self.sub_title = f"app {app_url}"
        gate = hello.get("gate")
        if isinstance(gate, Mapping):
            self.on_gate(gate)

    def on_events(self, batch: list[WireEvent], dropped: int) -> None:
        self.model.ingest(batch)
        self.model.dropped = dropped
        self.view.endings.observe(batch)
        if self.recorder is not None:
            self.recorder.write_event_dicts(e.to_dict() for e in batch)

    def on_gate(self, gate: Mapping[str, Any]) -> None:
        self.model.gate = {k: v for k, v in gate.items() if k != "type"}
        self.refresh_bindings()  # the footer offers what works now

    def on_source(self, path: str, text: str) -> None:
        self.model.sources[path] = text
        if self.screen_stack:  # not while shutting down
            self._q("#source-pane", SourcePane).reset()
        if self.recorder is not None:
            self.recorder.write_source(path, text)

    def on_reply(self, reply: Mapping[str, Any]) -> None:
        if not reply.get("ok", True):
            self.notify(str(reply.get("error", "command failed")), severity="error")

    def on_closed(self, reason: str) -> None:
        if self.source.live:
            self.connection = f"disconnected: {reason}" if reason else "disconnected"
            log = " (the app's output: tab 8 Log)" if self.server_output else ""
            self.notify(self.connection + log, severity="warning", timeout=10)
            self.refresh_bindings()
        elif self.connection == "offline":
            self.connection = "offline recording"

    # ----- Note [Batched refresh] ----------------------------------------------

    def refresh_views(self) -> None:
        """Bring every visible pane up to date with the model (one tick)."""
        if not self.is_running or not self.screen_stack:
            return
        self.refreshes += 1
        view = self.view
        self._q("#sessions-pane", SessionsPane).catch_up(view)
        self._q("#reruns-pane", RerunsPane).catch_up(view)
        deltas = self._q("#delta-table", DeltasPane)
        deltas.catch_up(view)
        self._q("#frame-table", FramesPane).catch_up(view)
        active = self._q("#tabs", TabbedContent).active
        if active == "tree":
            self._q("#tree-pane", TreePane).catch_up(view)
        elif active == "source":
            self._q("#source-pane", SourcePane).catch_up(view, deltas.delta_under_cursor(view))
        elif active == "state":
            self._q("#state-pane", StatePane).catch_up(view)
        elif active == "events":
            self._q("#event-log", EventsPane).catch_up(view)  # written only while shown
        self._q("#server-log", LogPane).catch_up()
        self._q("#security-table", SecurityPane).catch_up(view)
        self._q("#gate", StepPane).catch_up(view)
        recording = ""
        if self.recorder is not None:
            recording = f"● REC {self.recorder.path.name} ({self.recorder.events_written})"
        self._q("#status", StatusLine).catch_up(view, self.connection, recording)

    # ----- what the panes say happened ---------------------------------------------

    @on(SessionsPane.SessionSelected)
    def _session_selected(self, message: SessionsPane.SessionSelected) -> None:
        if message.session_id == self.view.session:
            return
        self.view.session = message.session_id
        self.view.run_no = 0
        self.view.version += 1
        self._q("#reruns-pane", RerunsPane).reset(self.view)
        self.refresh_views()

    @on(RerunsPane.RunSelected)
    def _run_selected(self, message: RerunsPane.RunSelected) -> None:
        if message.run_no != self.view.run_no:
            self.view.run_no = message.run_no
            self.refresh_views()

    @on(DeltasPane.DeltaHighlighted)
    def _delta_highlighted(self, message: DeltasPane.DeltaHighlighted) -> None:
        if isinstance(message, DeltasPane.DeltaChosen):
            self._delta_chosen(message.index)
        elif self._q("#tabs", TabbedContent).active == "source":
            self.refresh_views()

    def _delta_chosen(self, index: int) -> None:
        run = self.view.selected_run()
        if run is None or not 0 <= index < len(run.deltas):
            return
        row = run.deltas[index]
        if row.frame_no:
            self.open_frame(row.frame_no)
        else:
            self.notify(unsent_note(row))

    @on(FrameChosen)
    def _frame_chosen(self, message: FrameChosen) -> None:
        self.open_frame(message.frame_no)

    def open_frame(self, frame_no: int) -> None:
        frame = self.model.frames_by_no.get(frame_no)
        if frame is None:
            self.notify(f"frame {frame_no} is no longer in history", severity="warning")
            return
        self.push_screen(FrameScreen(frame))

    @on(Prompt.Answered)
    def _answered(self, message: Prompt.Answered) -> None:
        purpose, value = message.purpose, message.value
        try:
            if purpose == "filter":
                self.view.filter = Filter.parse(value) if value else None
                self.view.version += 1
            elif purpose == "break" and value:
                Filter.parse(value)  # refuse a bad expression before sending it
                self.command({"cmd": "break", "add": value})
            elif purpose == "record" and value:
                self._start_recording(Path(value).expanduser())
            elif purpose == "export" and value:
                self._export(Path(value).expanduser())
        except FilterError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        except OSError as exc:
            self.notify(f"cannot write {value}: {exc.strerror or exc}", severity="error")
        self._close_prompt()

    @on(Prompt.Dismissed)
    def _dismissed(self) -> None:
        self._close_prompt()

    def _close_prompt(self) -> None:
        self._q("#prompt", Prompt).close()
        self._q("#timeline", Widget).focus()
        self.refresh_views()

    def on_key(self, event: events.Key) -> None:
        # Moving by hand in a table means "let me read": switch to scroll-lock.
        if event.key in SCROLL_KEYS:
            self._user_moved(self.focused)

    def on_click(self, event: events.Click) -> None:
        self._user_moved(event.widget)

    def _user_moved(self, widget: Widget | None) -> None:
        if self.view.follow and widget is not None and widget.id in FOLLOW_TABLES:
            self.view.follow = False

    # ----- actions ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer (in the footer) and run only the keys that work now."""
        if action not in STEP_ACTIONS:
            return True
        if not self.source.live or self.connection != "live":
            return False
        if self.view.hello.get("proxy") and action not in FRAME_ACTIONS:
            return False  # behind the decoding proxy the script is out of reach (hello no_step)
        gate = self.model.gate
        paused, stepping = bool(gate.get("paused")), bool(gate.get("stepping_sessions"))
        if action in ("step", "finish"):
            return paused
        if action == "pause":
            return gate.get("mode") != "step"
        if action == "continue":
            return paused or stepping or gate.get("mode") == "step"
        if action in ("release", "drop"):
            return bool(gate.get("held"))
        if action == "clear_breakpoints":
            return bool(gate.get("breakpoints"))
        return True

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_tab(self, name: str) -> None:
        if name in TABS:
            self._q("#tabs", TabbedContent).active = name
            self.refresh_views()

    def action_follow(self) -> None:
        self.view.follow = not self.view.follow
        if self.view.follow:
            self._q("#reruns-pane", RerunsPane).follow_newest()
        self.notify("follow: newest rerun and frame" if self.view.follow else "scroll-lock")

    def action_toggle_heartbeats(self) -> None:
        self.view.show_heartbeats = not self.view.show_heartbeats
        self.view.version += 1
        self.refresh_views()

    def action_clear_view(self) -> None:
        m = self.model
        self.view.start_frame = m.frames[-1].no if m.frames else 0
        self.view.start_run = len(m.runs)
        self.view.run_no = 0
        self.view.version += 1
        self._q("#reruns-pane", RerunsPane).reset(self.view)
        self.notify("view cleared; history kept for export and recording")

    def action_filter(self) -> None:
        self._q("#prompt", Prompt).ask(
            "filter",
            "filter, e.g. type:button | kind:script_finished (empty: none)",
            self.view.filter.text if self.view.filter else "",
        )

    def action_breakpoint(self) -> None:
        self._q("#prompt", Prompt).ask(
            "break", "break before deltas matching, e.g. type:button, line:7, run:start"
        )

    def action_record(self) -> None:
        if self.recorder is not None:
            path = self.recorder.path
            self.recorder.close()
            self.recorder = None
            self.notify(f"recording saved: {path}")
            return
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        proposed = self.export_dir / f"minilit-{stamp}.jsonl"
        self._q("#prompt", Prompt).ask("record", "record to file", str(proposed))

    def _start_recording(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.recorder = RecordingWriter(path)
        for p, text in self.model.sources.items():
            self.recorder.write_source(p, text)
        self.recorder.write_event_dicts(e.to_dict() for e in self.model.events)
        self.notify(f"recording to {path}")

    def action_export(self) -> None:
        run = self.view.selected_run()
        if run is None:
            self.notify("no rerun selected", severity="warning")
            return
        proposed = self.export_dir / f"rerun-{run.session_id[:8]}-{run.index}.md"
        self._q("#prompt", Prompt).ask("export", "export the rerun as Markdown to", str(proposed))

    def _export(self, path: Path) -> None:
        run = self.view.selected_run()
        if run is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(run_markdown(self.model, run), encoding="utf-8")
        self.notify(f"exported {path}")

    def command(self, cmd: dict[str, Any]) -> None:
        """Send a command to the server (refused politely offline)."""
        if not self.source.live:
            self.notify("offline recording: nothing to step or hold", severity="warning")
            return

        async def send() -> None:
            try:
                await self.source.send(cmd)
            except (TraceConnectError, OSError) as exc:
                self.notify(f"{cmd['cmd']} failed: {exc}", severity="error")

        self.run_worker(send(), group="commands")

    def action_pause(self) -> None:
        self.command({"cmd": "pause"})

    def action_step(self) -> None:
        self.command({"cmd": "step", **self._paused_session()})

    def action_finish(self) -> None:
        self.command({"cmd": "finish", **self._paused_session()})

    def action_continue(self) -> None:
        self.command({"cmd": "continue"})

    def _paused_session(self) -> dict[str, str]:
        """Target the selected session's paused script if there is one."""
        sids = [p.get("session_id") for p in self.model.gate.get("paused", [])]
        if self.view.session in sids:
            return {"session_id": self.view.session}
        run = self.view.selected_run()
        if run is not None and run.session_id in sids:
            return {"session_id": run.session_id}
        return {}

    def action_clear_breakpoints(self) -> None:
        self.command({"cmd": "break", "clear": True})

    def action_hold(self) -> None:
        self.command({"cmd": "hold", "on": not self.model.gate.get("hold", False)})

    def action_release(self, count: int) -> None:
        self.command(
            {"cmd": "release", "count": count} if count else {"cmd": "release", "all": True}
        )

    def action_drop(self, count: int) -> None:
        self.command({"cmd": "drop", "count": count} if count else {"cmd": "drop", "all": True})

    # ----- command palette ------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                # Textual's own saves to the current folder; ours says where it went.
                yield SystemCommand(
                    "Screenshot",
                    f"Save an SVG of the screen in {self.export_dir}",
                    lambda: self.set_timer(0.1, self.save_svg),
                )
            else:
                yield command
        for group in GROUPS:
            hidden = group in self.view.hidden_groups
            yield SystemCommand(
                f"{'Show' if hidden else 'Hide'} {group} events",
                f"{'Show' if hidden else 'Hide'} the {group} group in the event log",
                lambda g=group: self._toggle_group(g),
            )
        yield SystemCommand(
            "Toggle heartbeats", "Show or hide heartbeat frames", self.action_toggle_heartbeats
        )
        yield SystemCommand(
            "Export rerun as Markdown", "Write the selected rerun to a .md file", self.action_export
        )

    def save_svg(self) -> Path | None:
        """Save the screen as SVG in ``export_dir``; say where (or why not)."""
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.export_dir / f"minilit-inspector-{stamp}.svg"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.export_screenshot(), encoding="utf-8")
        except OSError as exc:
            self.notify(f"screenshot failed: {exc.strerror or exc}", severity="error")
            return None
        self.notify(f"screenshot saved: {path}")
        return path

    def _toggle_group(self, group: str) -> None:
        self.view.hidden_groups ^= {group}
        self.view.version += 1

    def source_text(self, path: str) -> str:
        """A script's source as the server sent it ("" if unknown)."""
        return self.model.sources.get(path, "")
