"""The minilit inspector: a Textual app showing every rerun, delta and frame.

Not in Streamlit (Streamlit has no inspector). Its features follow
reference/inspector-anchors.md B8: sessions, a timeline of reruns, each
rerun's deltas by delta_path with the script line behind them, the frame log
with a linked protobuf tree and hex dump, the element tree and its diff, the
script source with the paused line, session_state, security decisions, an
event log with verbosity groups, filters, follow/scroll-lock, step-through
and frame holding, recording and export.

The app talks to the server only through the trace protocol
(inspector.channel.protocol) via a source (inspector/sources.py); offline it
reads a recording the same way.

Receives: protocol messages from a ``Source`` (it is the source's ``Sink``).
Hands to: the terminal; commands back to the server (pause, step, ...).

Refresh is batched (Note [Batched refresh]): events go into the model as they
arrive; the widgets catch up on a timer, so a script emitting 10 000 deltas
costs the UI a few table appends per tick, not 10 000 redraws.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rich.syntax import Syntax
from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    RichLog,
    Static,
    TabbedContent,
    TabPane,
    Tree,
)
from textual.widgets.data_table import RowDoesNotExist

from inspector.channel.client import TraceConnectError
from inspector.channel.filters import Filter, FilterError
from inspector.channel.protocol import WireEvent
from inspector.channel.recording import RecordingWriter, where_path
from inspector.export import run_markdown
from inspector.model import GROUPS, Model, Run, event_group, path_text
from inspector.rows import (
    DELTA_WIDTHS,
    FRAME_WIDTHS,
    TIMELINE_WIDTHS,
    cells,
    delta_cells,
    event_line,
    event_subject,
    fill_element_tree,
    frame_cells,
    gate_text,
    paused_cells,
    run_cells,
    short_where,
)
from inspector.sources import Source
from inspector.widgets.frame_view import FrameScreen
from inspector.widgets.help import HelpScreen
from inspector.widgets.virtual_table import VirtualTable

W = TypeVar("W", bound=Widget)

HEARTBEAT_FILTER = Filter.parse("!kind:app_heartbeat !kind:heartbeat_ack")
"""Heartbeats are hidden unless asked for (inspector-anchors B3)."""

SCROLL_KEYS = frozenset({"up", "down", "pageup", "pagedown", "home", "end"})
"""Keys that, pressed in a table, turn follow off (inspector-anchors B8 #15)."""

MAX_ROWS_PER_TICK = 1000
"""Rows a table may add per refresh tick, so one tick stays short (responsiveness)."""

FOLLOW_TABLES = ("timeline", "frame-table", "delta-table")

TABS = ("deltas", "frames", "tree", "source", "state", "security", "events")

LOG_LINES_PER_TICK = 400
"""The event log writes at most this many lines per refresh; the rest is
summarized (it is all still in the model, the recording and the export)."""


class InspectorApp(App[None]):
    """The inspector. ``InspectorApp(RecordingSource(path)).run()`` opens a recording.

    Args:
        source: where events come from (live socket or recording).
        record_path: start recording to this file at once.
        refresh_hz: how often the widgets catch up with the model.
    """

    TITLE = "minilit inspector"

    CSS = """
    #main { height: 1fr; }
    #left { width: 58; }
    .title { background: $boost; text-style: bold; padding: 0 1; }
    #sessions { height: 6; }
    #timeline { height: 1fr; }
    #gate { height: auto; max-height: 12; border-top: solid $primary-darken-2; padding: 0 1; }
    #tabs { width: 1fr; }
    #tree-title { height: auto; }
    #state-table { height: 1fr; }
    #state-history { height: 1fr; }
    #prompt { dock: bottom; display: none; }
    #prompt.active { display: block; }
    #status { height: 1; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("p", "pause", "Pause"),
        Binding("n", "step", "Step"),
        Binding("e", "finish", "Finish run"),
        Binding("c", "continue", "Continue"),
        Binding("b", "breakpoint", "Break"),
        Binding("B", "clear_breakpoints", "Clear breaks", show=False),
        Binding("h", "hold", "Hold"),
        Binding("full_stop", "release(1)", "Release", show=False),
        Binding("greater_than_sign", "release(0)", "Release all", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("H", "toggle_heartbeats", "Heartbeats", show=False),
        Binding("f", "follow", "Follow"),
        Binding("x", "clear_view", "Clear", show=False),
        Binding("w", "record", "Record"),
        Binding("m", "export", "Export", show=False),
        *[Binding(str(i + 1), f"tab('{name}')", name, show=False) for i, name in enumerate(TABS)],
    ]

    def __init__(
        self,
        source: Source,
        *,
        record_path: Path | None = None,
        refresh_hz: float = 10.0,
        export_dir: Path | None = None,
        server_log: Path | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self.server_log = server_log
        """The log of a server we started (shown if the connection drops)."""
        self.model = Model()
        self.refresh_hz = refresh_hz
        self.export_dir = export_dir or Path.cwd()
        self.record_path = record_path
        self.recorder: RecordingWriter | None = None
        self.follow = True
        self.show_heartbeats = False
        self.filter: Filter | None = None
        self.hidden_groups: set[str] = set()
        self.selected_session = "*"
        self.selected_run_no = 0
        self.connection = "connecting" if source.live else "offline"
        self.hello: dict[str, Any] = {}
        self.refreshes = 0
        """How many times the widgets caught up (the UI refresh counter)."""
        self._prompt_purpose = ""
        self._panel_text: dict[str, str] = {}
        self._filter_version = 1
        self._auto_run_no = 0
        # What each table currently shows (Note [Batched refresh]).
        self._timeline_rows: set[int] = set()
        self._frames_shown_to = 0
        self._delta_view: tuple[int, int] = (0, 0)
        self._delta_rows: list[tuple[int, str]] = []
        self._queued_rows: set[int] = set()
        self._held_back = -1
        self._delta_scan = 0
        self._paused_row = ""
        self._security_shown = 0
        self._tree_key: tuple[int, int, int] = (0, 0, 0)
        self._source_key: tuple[str, int] = ("", 0)
        self._state_key = -1
        self._view_start_frame = 0
        self._view_start_run = 0

    # ----- layout ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Static("Sessions", classes="title")
                yield DataTable(id="sessions", cursor_type="row")
                yield Static("Reruns", classes="title")
                yield VirtualTable(list(TIMELINE_WIDTHS.items()), id="timeline")
                yield Static("", id="gate")
            with TabbedContent(id="tabs", initial="deltas"):
                with TabPane("1 Deltas", id="deltas"):
                    yield VirtualTable(list(DELTA_WIDTHS.items()), id="delta-table")
                with TabPane("2 Frames", id="frames"):
                    yield VirtualTable(list(FRAME_WIDTHS.items()), id="frame-table")
                with TabPane("3 Tree", id="tree"):
                    yield Static("", id="tree-title")
                    yield Tree("page", id="element-tree")
                with TabPane("4 Source", id="source"):
                    yield Static("", id="source-title")
                    with VerticalScroll(id="source-scroll"):
                        yield Static("", id="source-view")
                with TabPane("5 State", id="state"):
                    yield DataTable(id="state-table", cursor_type="row")
                    yield DataTable(id="state-history", cursor_type="row")
                with TabPane("6 Security", id="security"):
                    yield DataTable(id="security-table", cursor_type="row")
                with TabPane("7 Events", id="events"):
                    yield RichLog(id="event-log", max_lines=5000, wrap=False)
        yield Input(id="prompt")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self._fix_console_size()
        self.sub_title = self.source.description
        self._table("sessions").add_columns("session", "status", "runs", "frames", "in/out B")
        self._table("state-table").add_columns("key", "value", "changes")
        self._table("state-history").add_columns("seq", "run", "key", "value")
        self._table("security-table").add_columns(
            "seq", "t (s)", "event", "session", "reason", "details"
        )
        self._table("sessions").add_row("all sessions", "", "", "", "", key="*")
        if self.record_path is not None:
            self._start_recording(self.record_path)
        self.set_interval(1 / self.refresh_hz, self.refresh_views)
        self.run_worker(self.source.run(self), name="source", exclusive=True)
        self._q("#timeline", VirtualTable).focus()

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

    def _table(self, id_: str) -> DataTable[Any]:
        return self._q(f"#{id_}", DataTable)

    def _vt(self, id_: str) -> VirtualTable:
        return self._q(f"#{id_}", VirtualTable)

    def _q(self, selector: str, expect_type: type[W]) -> W:
        """Query the main screen (not whichever screen is on top, e.g. a frame)."""
        return self.screen_stack[0].query_one(selector, expect_type)

    # ----- the Sink: messages from the source --------------------------------

    def on_hello(self, hello: Mapping[str, Any]) -> None:
        self.hello = dict(hello)
        if self.source.live:
            self.connection = "live"
            app_url = hello.get("app_url")
            if app_url:
                self.sub_title = f"{self.source.description}  ·  app {app_url}"
        gate = hello.get("gate")
        if isinstance(gate, Mapping):
            self.on_gate(gate)

    def on_events(self, batch: list[WireEvent], dropped: int) -> None:
        self.model.ingest(batch)
        self.model.dropped = dropped
        if self.recorder is not None:
            self.recorder.write_event_dicts(e.to_dict() for e in batch)

    def on_gate(self, gate: Mapping[str, Any]) -> None:
        self.model.gate = {k: v for k, v in gate.items() if k != "type"}

    def on_source(self, path: str, text: str) -> None:
        self.model.sources[path] = text
        self._source_key = ("", 0)
        if self.recorder is not None:
            self.recorder.write_source(path, text)

    def on_reply(self, reply: Mapping[str, Any]) -> None:
        if not reply.get("ok", True):
            self.notify(str(reply.get("error", "command failed")), severity="error")

    def on_closed(self, reason: str) -> None:
        if self.source.live:
            self.connection = f"disconnected: {reason}" if reason else "disconnected"
            log = f" (server log: {self.server_log})" if self.server_log else ""
            self.notify(self.connection + log, severity="warning", timeout=10)
        elif self.connection == "offline":
            self.connection = "offline recording"

    # ----- Note [Batched refresh] --------------------------------------------
    #
    # Every table remembers how far it has caught up (_frames_shown_to,
    # _timeline_rows, _delta_rows, ...). refresh_views only appends or
    # updates what changed since the last tick. With follow on, the cursor
    # moves to the newest rerun and frame.

    def refresh_views(self) -> None:
        """Bring every visible widget up to date with the model (one tick)."""
        if not self.is_running or not self.screen_stack:
            return
        self.refreshes += 1
        self._refresh_sessions()
        self._refresh_timeline()
        self._refresh_deltas()
        self._refresh_frames()
        active = self._q("#tabs", TabbedContent).active
        if active == "tree":
            self._refresh_tree()
        elif active == "source":
            self._refresh_source()
        elif active == "state":
            self._refresh_state()
        elif active == "events":
            self._refresh_log()  # the log is written only while it is on screen
        self._refresh_security()
        self._refresh_gate()
        self._refresh_status()

    def _refresh_sessions(self) -> None:
        m = self.model
        if not m.dirty_sessions:
            return
        m.dirty_sessions = False
        table = self._table("sessions")
        for sid, s in m.sessions.items():
            row = cells(
                sid[:8],
                s.status,
                str(len(s.runs)),
                str(s.frames),
                f"{s.bytes_in}/{s.bytes_out}",
            )
            try:
                table.get_row_index(sid)
            except RowDoesNotExist:
                table.add_row(*row, key=sid)
                continue
            for col, value in zip(table.columns, row, strict=True):
                table.update_cell(sid, col, value)

    def _run_visible(self, run: Run) -> bool:
        if run.no <= self._view_start_run:
            return False
        return self.selected_session in ("*", run.session_id)

    def _refresh_timeline(self) -> None:
        m = self.model
        table = self._vt("timeline")
        dirty, m.dirty_runs = m.dirty_runs, set()
        if m.gate.get("paused"):
            dirty |= {r.no for r in m.runs if not r.finished}
        added = False
        for no in sorted(dirty):
            run = m.runs[no - 1]
            if not self._run_visible(run):
                continue
            key = str(no)
            row = run_cells(self.model, run)
            if no in self._timeline_rows:
                table.update_row(key, *row)
            else:
                table.add_row(*row, key=key)
                self._timeline_rows.add(no)
                added = True
        if self.follow and added and table.row_count:
            last = max(self._timeline_rows)
            self._auto_run_no = last
            table.move_cursor(row=table.row_count - 1)
            self._select_run(last)
        elif not self.selected_run_no and table.row_count:
            first = min(self._timeline_rows)
            self._select_run(first)

    def _select_run(self, run_no: int) -> None:
        if run_no != self.selected_run_no:
            self.selected_run_no = run_no
            self._delta_view = (0, 0)

    def selected_run(self) -> Run | None:
        no = self.selected_run_no
        return self.model.runs[no - 1] if 0 < no <= len(self.model.runs) else None

    def _passes(self, subject: Mapping[str, Any]) -> bool:
        if not self.show_heartbeats and not HEARTBEAT_FILTER.matches(subject):
            return False
        return self.filter is None or self.filter.matches(subject)

    def _refresh_deltas(self) -> None:
        """Append the selected run's new deltas; settle rows shown while queued.

        A delta is normally enqueued and sent within a millisecond, so a row
        still ``queued`` is held back for one tick: most rows are added once,
        already final.
        Rows that stay queued (the script is paused) appear after one tick.
        At most MAX_ROWS_PER_TICK rows are added per tick (Note [Batched refresh]).
        """
        run = self.selected_run()
        table = self._vt("delta-table")
        view = (run.no if run else 0, self._filter_version)
        if view != self._delta_view:
            table.clear()
            self._delta_rows = []
            self._queued_rows = set()
            self._held_back = -1
            self._delta_scan = 0
            self._paused_row = ""
            self._delta_view = view
        if run is None:
            return
        for i in [i for i in self._queued_rows if run.deltas[i].status != "queued"]:
            self._queued_rows.discard(i)
            table.update_row(str(i), *delta_cells(self.model, run, i, run.deltas[i]))
        paused = [p for p in self.model.gate.get("paused", []) if p.get("run_id") == run.run_id]
        paused_key = f"paused:{paused[0].get('delta_path')}" if paused else ""
        i = self._delta_scan
        new_rows: list[tuple[str, tuple[str | Text, ...]]] = []
        while i < len(run.deltas) and len(new_rows) < MAX_ROWS_PER_TICK:
            row = run.deltas[i]
            if row.status == "queued" and self._held_back != i:
                self._held_back = i  # show it next tick if it is still queued
                break
            if self._passes(row.subject(run.session_id, run.run_id, i == 0)):
                new_rows.append((str(i), delta_cells(self.model, run, i, row)))
                self._delta_rows.append((i, row.status))
                if row.status == "queued":
                    self._queued_rows.add(i)
            i += 1
        self._delta_scan = i
        added = len(new_rows)
        if added and self._paused_row:
            table.remove_row(self._paused_row)
            self._paused_row = ""
        table.add_rows(new_rows)
        if self._paused_row and self._paused_row != paused_key:
            table.remove_row(self._paused_row)
            self._paused_row = ""
        if paused_key and not self._paused_row:
            table.add_row(*paused_cells(paused[0]), key=paused_key)
            self._paused_row = paused_key
            table.move_cursor(row=table.row_count - 1)
        if self.follow and added and not run.finished:
            table.move_cursor(row=table.row_count - 1)

    def _refresh_frames(self) -> None:
        m = self.model
        if not m.frames or m.frames[-1].no <= self._frames_shown_to:
            return
        table = self._vt("frame-table")
        start = max(self._frames_shown_to + 1, self._view_start_frame + 1, m.frames[0].no)
        end = min(m.frames[-1].no, start + MAX_ROWS_PER_TICK - 1)
        new_rows = []
        for no in range(start, end + 1):
            f = m.frames_by_no.get(no)
            if f is None or self.selected_session not in ("*", f.session_id):
                continue
            if self._passes(f.subject()):
                new_rows.append((str(no), frame_cells(self.model, f)))
        table.add_rows(new_rows)
        added = bool(new_rows)
        self._frames_shown_to = end
        if self.follow and added:
            table.move_cursor(row=table.row_count - 1)

    def _rebuild_frames(self) -> None:
        self._vt("frame-table").clear()
        self._frames_shown_to = 0
        self._refresh_frames()

    def _refresh_tree(self) -> None:
        run = self.selected_run()
        if run is None:
            return
        key = (run.no, run.sent_deltas, 1 if run.tree is not None else 0)
        if key == self._tree_key:
            return
        self._tree_key = key
        title = fill_element_tree(self._q("#element-tree", Tree), self.model, run)
        self._q("#tree-title", Static).update(title)

    def _location(self) -> tuple[str, int]:
        """The source line to show: where a script is paused, else the selected delta's."""
        path, line, _ = self._located()
        return path, line

    def _located(self) -> tuple[str, int, Text]:
        """(path, line, a caption saying why this line)."""
        for p in self.model.gate.get("paused", []):
            where = str(p.get("where", ""))
            if where:
                caption = Text(
                    f"⏸ paused before {path_text(p.get('delta_path', []))} "
                    f"{p.get('element', '')} at {short_where(where)} ({p.get('reason', '')})",
                    style="bold yellow",
                )
                return where_path(where), int(where.rpartition(":")[2]), caption
        table = self._vt("delta-table")
        run = self.selected_run()
        if run is not None and table.row_count and 0 <= table.cursor_row < len(self._delta_rows):
            row = run.deltas[self._delta_rows[table.cursor_row][0]]
            if row.where:
                caption = Text(
                    f"delta {path_text(row.path)} {row.element} of rerun {run.index} "
                    f"comes from {short_where(row.where)}",
                    style="bold",
                )
                return where_path(row.where), int(row.where.rpartition(":")[2]), caption
        script = str(self.hello.get("script_path", ""))
        return script, 0, Text(short_where(script), style="bold")

    def _refresh_source(self) -> None:
        path, line, caption = self._located()
        key = (path + f"#{len(self.model.sources)}#{caption.plain}", line)
        if key == self._source_key:
            return
        self._source_key = key
        self._q("#source-title", Static).update(caption)
        view = self._q("#source-view", Static)
        text = self.model.sources.get(path)
        if text is None:
            # Fall back to a path-suffix match (recordings may store relative paths).
            text = next(
                (
                    t
                    for p, t in self.model.sources.items()
                    if path and (p.endswith(path) or path.endswith(p))
                ),
                None,
            )
        if text is None:
            view.update(
                Text(
                    f"No source for {path or 'this run'} "
                    "(the server sends it; recordings include it).",
                    style="dim",
                )
            )
            return
        view.update(
            Syntax(
                text,
                "python",
                line_numbers=True,
                highlight_lines={line} if line else None,
                word_wrap=False,
            )
        )
        if line:
            self._q("#source-scroll", VerticalScroll).scroll_to(y=max(0, line - 5), animate=False)

    def _refresh_state(self) -> None:
        m = self.model
        sid = self._state_session()
        s = m.sessions.get(sid) if sid else None
        key = len(s.state_history) if s else 0
        if key == self._state_key and not m.dirty_state:
            return
        m.dirty_state = False
        self._state_key = key
        table, history = self._table("state-table"), self._table("state-history")
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

    def _state_session(self) -> str:
        if self.selected_session != "*":
            return self.selected_session
        run = self.selected_run()
        return run.session_id if run else ""

    def _refresh_security(self) -> None:
        m = self.model
        if self._security_shown >= len(m.security):
            return
        table = self._table("security-table")
        for e in m.security[self._security_shown :]:
            fields = dict(e.fields)
            reason = str(fields.pop("reason", ""))
            details = " ".join(f"{k}={v}" for k, v in sorted(fields.items()))
            style = "bold red" if "rejected" in e.name or "refused" in e.name else "green"
            table.add_row(
                *cells(
                    str(e.seq),
                    m.rel_time(e.t_ns),
                    Text(e.name, style=style),
                    e.session_id[:8],
                    reason,
                    details,
                )
            )
        self._security_shown = len(m.security)

    def _refresh_log(self) -> None:
        if not self.model.pending_events:
            return
        pending = list(self.model.pending_events)
        self.model.pending_events.clear()
        log = self._q("#event-log", RichLog)
        shown = [e for e in pending if event_group(e.name) not in self.hidden_groups]
        if self.filter is not None:
            shown = [e for e in shown if self.filter.matches(event_subject(e))]
        skipped = max(0, len(shown) - LOG_LINES_PER_TICK)
        if skipped:
            log.write(Text(f"… {skipped} events not drawn here (kept in history)", style="dim"))
        for e in shown[skipped:]:
            log.write(event_line(self.model, e))

    def _refresh_gate(self) -> None:
        self._update_if_changed("#gate", gate_text(self.model, self.source.live))

    def _update_if_changed(self, selector: str, content: Text | str) -> None:
        """Redraw a panel only when its text changed (an idle inspector stays idle)."""
        plain = content.plain if isinstance(content, Text) else content
        if self._panel_text.get(selector) != plain:
            self._panel_text[selector] = plain
            self._q(selector, Static).update(content)

    def _refresh_status(self) -> None:
        m = self.model
        parts = [self.connection]
        parts.append("follow" if self.follow else "scroll-lock")
        if self.filter is not None:
            parts.append(f"filter: {self.filter.text}")
        if not self.show_heartbeats:
            parts.append("heartbeats hidden")
        if self.hidden_groups:
            parts.append("hidden: " + ",".join(sorted(self.hidden_groups)))
        parts.append(f"{len(m.frames)} frames, {len(m.runs)} reruns")
        if m.dropped or m.gaps:
            parts.append(f"DROPPED {m.dropped} (gaps {m.gaps})")
        if m.trimmed_frames:
            parts.append(f"{m.trimmed_frames} oldest frames trimmed")
        if self.recorder is not None:
            parts.append(f"● REC {self.recorder.path.name} ({self.recorder.events_written})")
        self._update_if_changed("#status", " | ".join(parts))

    # ----- selection ----------------------------------------------------------

    @on(VirtualTable.RowHighlighted, "#timeline")
    def _timeline_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self._select_run(int(event.key))

    @on(DataTable.RowHighlighted, "#sessions")
    def _session_highlighted(self, event: DataTable.RowHighlighted) -> None:
        sid = event.row_key.value or "*"
        if sid == self.selected_session:
            return
        self.selected_session = sid
        self._vt("timeline").clear()
        self._timeline_rows = set()
        self.model.dirty_runs = {r.no for r in self.model.runs}
        self.selected_run_no = 0
        self._rebuild_frames()

    @on(VirtualTable.RowSelected, "#frame-table")
    def _frame_selected(self, event: VirtualTable.RowSelected) -> None:
        self.open_frame(int(event.key))

    @on(VirtualTable.RowSelected, "#delta-table")
    def _delta_selected(self, event: VirtualTable.RowSelected) -> None:
        run = self.selected_run()
        if run is None or not event.key.isdigit():
            return
        row = run.deltas[int(event.key)]
        if row.frame_no:
            self.open_frame(row.frame_no)
        else:
            self.notify(f"delta {path_text(row.path)} was {row.status}: no frame was sent")

    @on(VirtualTable.RowHighlighted, "#delta-table")
    def _delta_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self._source_key = ("", 0)

    def open_frame(self, frame_no: int) -> None:
        frame = self.model.frames_by_no.get(frame_no)
        if frame is None:
            self.notify(f"frame {frame_no} is no longer in history", severity="warning")
            return
        self.push_screen(FrameScreen(frame))

    # ----- actions ------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_tab(self, name: str) -> None:
        self._q("#tabs", TabbedContent).active = name
        self.refresh_views()

    def action_follow(self) -> None:
        self.follow = not self.follow
        if self.follow:
            self.model.dirty_runs.add(len(self.model.runs))
            table = self._vt("timeline")
            if table.row_count:
                self._auto_run_no = max(self._timeline_rows)
                table.move_cursor(row=table.row_count - 1)
                self._select_run(self._auto_run_no)
        self.notify("follow: newest rerun and frame" if self.follow else "scroll-lock")

    def action_toggle_heartbeats(self) -> None:
        self.show_heartbeats = not self.show_heartbeats
        self._filter_version += 1
        self._rebuild_frames()

    def action_clear_view(self) -> None:
        m = self.model
        self._view_start_frame = m.frames[-1].no if m.frames else 0
        self._view_start_run = len(m.runs)
        self._vt("timeline").clear()
        self._timeline_rows = set()
        self._vt("frame-table").clear()
        self._q("#event-log", RichLog).clear()
        self.selected_run_no = 0
        self._delta_view = (0, 0)
        self.notify("view cleared; history kept for export and recording")

    def _prompt(self, purpose: str, placeholder: str, value: str = "") -> None:
        prompt = self._q("#prompt", Input)
        self._prompt_purpose = purpose
        prompt.placeholder = placeholder
        prompt.value = value
        prompt.add_class("active")
        prompt.focus()

    def action_filter(self) -> None:
        self._prompt(
            "filter",
            "filter, e.g. type:button | kind:script_finished (empty: none)",
            self.filter.text if self.filter else "",
        )

    def action_breakpoint(self) -> None:
        self._prompt("break", "break before deltas matching, e.g. type:button, line:7, run:start")

    def action_record(self) -> None:
        if self.recorder is not None:
            path = self.recorder.path
            self.recorder.close()
            self.recorder = None
            self.notify(f"recording saved: {path}")
            return
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        self._prompt("record", "record to file", str(self.export_dir / f"minilit-{stamp}.jsonl"))

    def _start_recording(self, path: Path) -> None:
        self.recorder = RecordingWriter(path)
        for p, text in self.model.sources.items():
            self.recorder.write_source(p, text)
        self.recorder.write_event_dicts(e.to_dict() for e in self.model.events)
        self.notify(f"recording to {path}")

    def action_export(self) -> None:
        run = self.selected_run()
        if run is None:
            self.notify("no rerun selected", severity="warning")
            return
        path = self.export_dir / f"rerun-{run.session_id[:8]}-{run.index}.md"
        path.write_text(run_markdown(self.model, run), encoding="utf-8")
        self.notify(f"exported {path}")

    @on(Input.Submitted, "#prompt")
    def _prompt_submitted(self, event: Input.Submitted) -> None:
        purpose, value = self._prompt_purpose, event.value.strip()
        try:
            if purpose == "filter":
                self.filter = Filter.parse(value) if value else None
                self._filter_version += 1
                self._rebuild_frames()
                self._delta_view = (0, 0)
            elif purpose == "break" and value:
                Filter.parse(value)  # refuse a bad expression before sending it
                self.command({"cmd": "break", "add": value})
            elif purpose == "record" and value:
                self._start_recording(Path(value))
        except FilterError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        except OSError as exc:
            self.notify(f"cannot record: {exc}", severity="error")
        self._close_prompt()

    def _close_prompt(self) -> None:
        prompt = self._q("#prompt", Input)
        prompt.remove_class("active")
        self._prompt_purpose = ""
        self._q("#timeline", VirtualTable).focus()
        self.refresh_views()

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self._prompt_purpose:
            event.stop()
            self._close_prompt()
            return
        # Moving by hand in a table means "let me read": switch to scroll-lock.
        if event.key in SCROLL_KEYS:
            self._user_moved(self.focused)

    def on_click(self, event: events.Click) -> None:
        self._user_moved(event.widget)

    def _user_moved(self, widget: Widget | None) -> None:
        if self.follow and widget is not None and widget.id in FOLLOW_TABLES:
            self.follow = False

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
        paused = self.model.gate.get("paused", [])
        sids = [p.get("session_id") for p in paused]
        if self.selected_session in sids:
            return {"session_id": self.selected_session}
        run = self.selected_run()
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

    # ----- command palette ------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for group in GROUPS:
            hidden = group in self.hidden_groups
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

    def _toggle_group(self, group: str) -> None:
        self.hidden_groups ^= {group}

    def source_text(self, path: str) -> str:
        """A script's source as the server sent it ("" if unknown)."""
        return self.model.sources.get(path, "")
