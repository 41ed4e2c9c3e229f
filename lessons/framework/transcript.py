"""Golden transcripts: what ``minilit trace`` shows for a lesson's app under a scripted interaction.

Not in Streamlit. Crafting Interpreters' ``// expect:`` files and nand2tetris' ``.cmp``
files, applied to a protocol: each lesson has ``scenario.toml`` (what a user does) and
``expected/transcript.txt`` (what crossed the wire and what the server did, normalised).
A test regenerates the transcript and compares; ``minilit lesson golden N --update``
rewrites it, and the diff is reviewed like code.

How a transcript is made: a real server (``ServerThread``) runs the lesson's app, the
trace bus (minilit.trace.bus) is subscribed, headless browser tabs
(``minilit.testing.AppClient``) perform the steps, and after each step the events are
drained. Events become protocol event objects (inspector.channel.protocol, the shape
``minilit trace --json`` prints), then text.

Note [Transcript normalisation]
    A transcript must be identical on every machine and every run, so:

    * session ids become S1, S2..., run ids R1, R2..., other UUIDs U1..., widget ids
      ``$$ID-<hex>-key`` become ``$$ID-W1-key`` (the hex includes the script's absolute
      path), in order of first appearance; times, durations, sizes (an Arrow payload's
      too: ``Arrow IPC, N bytes``, as the pandas and pyarrow versions change it), ports
      and message hashes are left out; ``where`` keeps the file name and line only.
    * Events from two threads interleave differently from run to run, so each step is
      printed in lanes, each in its own order: ``⇢`` frames from the browser, ``loop``
      (the IOLoop thread: connections, sessions, rerun requests), ``script`` (the script
      thread: runs, deltas, callbacks) and ``⇠`` frames to the browser.
    * The queue coalesces opportunistically (Note [Coalescing]), so consecutive ``⇠``
      deltas to one delta_path are printed once, as the last one; every ``delta.enqueued``
      is still in the script lane. ``queue.flushed``/``queue.coalesced`` (timing),
      ``websocket.frame.received`` (a copy of the decoded BackMsg) and
      ``script.streamlit_alias`` (once per process) are left out.

Receives: a Lesson (app.py + scenario.toml). Hands to: ``minilit lesson golden``,
tests/lessons/test_goldens.py.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from google.protobuf.message import Message

from inspector.channel.protocol import WireEvent, event_from_dict, event_to_dict
from inspector.channel.summary import describe_frame
from lessons.framework.catalog import Lesson
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.trace import events as ev
from minilit.trace.bus import BUS

ACTIONS = (
    "open",
    "run",
    "reconnect",
    "close",
    "stop",
    "click",
    "input",
    "set_value",
    "check",
    "uncheck",
    "select",
)
"""What a scenario step may do (``do = "..."``); widget actions rerun afterwards."""
WIDGET_ACTIONS = ACTIONS[5:]

SCRIPT_LANE = frozenset(
    {
        ev.RUN_STARTED,
        ev.RUN_FINISHED,
        ev.DELTA_ENQUEUED,
        ev.CALLBACK_RUN,
        ev.SESSION_STATE_CHANGED,
        ev.CACHE_HIT,
        ev.CACHE_MISS,
    }
)
LEFT_OUT = frozenset(
    {
        ev.FRAME_RECEIVED,
        ev.QUEUE_FLUSHED,
        ev.QUEUE_COALESCED,
        ev.STEP_PAUSED,
        # Published the first time a process resolves `import streamlit`: whether a
        # transcript has it would depend on what ran before it in the same process.
        ev.STREAMLIT_ALIAS,
    }
)
HIDDEN_FIELDS = frozenset({"duration_ms", "compute_ms", "size", "host", "data", "script"})


class ScenarioError(Exception):
    """scenario.toml is malformed."""


@dataclass(frozen=True)
class Step:
    """One thing a user does (one ``[[step]]`` of scenario.toml)."""

    do: str
    tab: str = "A"
    note: str = ""
    widget: str = ""
    """For widget actions: the accessor (``button``, ``text_input``...)."""
    key: str | None = None
    index: int = 0
    value: Any = None
    rerun: bool = True
    """For widget actions: whether a rerun follows (false for a widget inside a form,
    whose changes the browser keeps until the form is submitted)."""

    def title(self) -> str:
        target = ""
        if self.do in WIDGET_ACTIONS:
            which = f"(key={self.key!r})" if self.key is not None else f"[{self.index}]"
            target = f" {self.widget}{which}" + (
                f" {self.value!r}" if self.value is not None else ""
            )
        return f"tab {self.tab}: {self.do}{target}" + (f" — {self.note}" if self.note else "")


@dataclass(frozen=True)
class Scenario:
    steps: tuple[Step, ...]
    options: Mapping[str, Any] = field(default_factory=dict)
    """Server config options for this scenario (``[options]``)."""


def load_scenario(path: Path) -> Scenario:
    """Parse a scenario.toml.

    Raises:
        ScenarioError: unknown actions or keys, widget actions without a widget.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ScenarioError(f"{path}: {exc}") from None
    steps = []
    for number, raw in enumerate(data.get("step", []), start=1):
        unknown = set(raw) - {"do", "tab", "note", "widget", "key", "index", "value", "rerun"}
        if unknown:
            raise ScenarioError(f"{path}: step {number} has unknown keys {sorted(unknown)}")
        step = Step(**raw)
        if step.do not in ACTIONS:
            raise ScenarioError(f"{path}: step {number}: unknown action {step.do!r}")
        if step.do in WIDGET_ACTIONS and not step.widget:
            raise ScenarioError(f"{path}: step {number}: {step.do} needs widget = ...")
        steps.append(step)
    if not steps:
        raise ScenarioError(f"{path}: no [[step]]")
    options = data.get("options", {})
    return Scenario(tuple(steps), options)


# --- Capturing -------------------------------------------------------------------------


@dataclass
class StepEvents:
    step: Step
    events: list[WireEvent]


def capture(app_path: Path, scenario: Scenario) -> list[StepEvents]:
    """Run ``scenario`` against a real server for ``app_path``; events per step."""
    from minilit.runtime.caching import clear_all_caches
    from minilit.server.background import ServerThread
    from minilit.testing import AppClient

    _forget_modules_under(app_path.resolve().parent)
    # Likewise the caches: st.cache_data and st.cache_resource live as long as the process.
    clear_all_caches(cause="golden")
    subscriber = BUS.subscribe(maxsize=1_000_000)
    tabs: dict[str, AppClient] = {}
    out: list[StepEvents] = []
    try:
        with ServerThread(app_path.resolve(), options=dict(scenario.options)) as server:
            mine = _SessionFilter(server)
            try:
                for step in scenario.steps:
                    _perform(step, tabs, server)
                    server.call(lambda: None)  # events of this step are all published
                    drained = [event_from_dict(event_to_dict(e)) for e in subscriber.drain()]
                    out.append(StepEvents(step, [e for e in drained if mine(e)]))
            finally:
                for tab in tabs.values():
                    tab.close()
    finally:
        BUS.unsubscribe(subscriber)
    return out


def _forget_modules_under(folder: Path) -> None:
    """Drop modules imported from ``folder`` so the app imports them afresh.

    An app's helper modules live in ``sys.modules`` for the whole process, shared by
    every server it runs (lesson 04 makes a point of it); a golden transcript must not
    depend on what ran before it in the same process.
    """
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if name != "__main__" and file and Path(file).resolve().is_relative_to(folder):
            del sys.modules[name]


class _SessionFilter:
    """Keeps the events of this server's sessions (other servers may share the bus)."""

    def __init__(self, server: Any) -> None:
        self._server = server
        self._known: set[str] = set()
        self._foreign: set[str] = set()

    def __call__(self, event: WireEvent) -> bool:
        sid = event.session_id
        if not sid or sid in self._foreign:
            return False
        if sid not in self._known:
            mgr = self._server.runtime.session_mgr
            if not self._server.call(lambda: mgr.get_session(sid) is not None):
                self._foreign.add(sid)
                return False
            self._known.add(sid)
        return True


def _perform(step: Step, tabs: dict[str, Any], server: Any) -> None:
    from minilit.testing import AppClient

    if step.do == "open":
        if step.tab in tabs:
            raise ScenarioError(f"tab {step.tab} is already open")
        tabs[step.tab] = AppClient.connect(server.url, wait_healthy=5.0)
        return
    if step.tab not in tabs:
        raise ScenarioError(f'tab {step.tab} must be opened first (do = "open")')
    app = tabs[step.tab]
    if step.do == "run":
        app.run()
    elif step.do in ("reconnect", "close"):
        session_id = app.session_id
        app.connection.close()
        _wait_disconnected(server, session_id)
        if step.do == "reconnect":
            app.reconnect()
        else:
            app.close()
            del tabs[step.tab]
    elif step.do == "stop":
        app.stop_script()
        time.sleep(0.05)
    else:
        widgets = getattr(app, step.widget)
        widget = widgets(step.key) if step.key is not None else widgets[step.index]
        action = getattr(widget, step.do)
        action() if step.value is None else action(step.value)
        if step.rerun:
            app.run()


def _wait_disconnected(server: Any, session_id: str, timeout: float = 5.0) -> None:
    mgr = server.runtime.session_mgr
    deadline = time.monotonic() + timeout
    while server.call(lambda: mgr.get_active_session_info(session_id) is not None):
        if time.monotonic() > deadline:
            raise TimeoutError(f"session {session_id} still connected after {timeout} s")
        time.sleep(0.01)


# --- Rendering -------------------------------------------------------------------------

_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_WIDGET_ID_RE = re.compile(r"\$\$ID-(?P<hex>[0-9a-f]{32})-")
_HASH_RE = re.compile(r"\b[0-9a-f]{32,64}\b")
_PORT_RE = re.compile(r"(127\.0\.0\.1|localhost):\d+")
_ARROW_SIZE_RE = re.compile(r"Arrow IPC, \d+ bytes")
"""An element's summary names its Arrow payload's size, which the pandas and pyarrow
versions change (the schema's metadata names them)."""


class Normaliser:
    """Stable names for ids, in order of first appearance (Note [Transcript normalisation])."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    def name(self, raw: str, prefix: str) -> str:
        if not raw:
            return ""
        if raw not in self._names:
            self._counts[prefix] = self._counts.get(prefix, 0) + 1
            self._names[raw] = f"{prefix}{self._counts[prefix]}"
        return self._names[raw]

    def text(self, value: str) -> str:
        value = _WIDGET_ID_RE.sub(lambda m: f"$$ID-{self.name(m['hex'], 'W')}-", value)
        value = _UUID_RE.sub(
            lambda m: self._names.get(m.group(0)) or self.name(m.group(0), "U"), value
        )
        value = _HASH_RE.sub("<hash>", value)
        value = _ARROW_SIZE_RE.sub("Arrow IPC, N bytes", value)
        return _PORT_RE.sub(r"\1:PORT", value)


def _path(path: Sequence[int]) -> str:
    return "[" + ",".join(str(i) for i in path) + "]"


def _where(where: str) -> str:
    file, _, line = where.rpartition(":")
    return f"{Path(file).name}:{line}" if file else where


def _fields(fields: Mapping[str, Any], norm: Normaliser, skip: Iterable[str] = ()) -> str:
    hidden = HIDDEN_FIELDS.union(skip)
    parts = []
    for key in sorted(fields):
        if key in hidden:
            continue
        value = fields[key]
        if value == "" or value is None:
            continue
        text = norm.text(value) if isinstance(value, str) else repr(value)
        parts.append(f"{key}={text}")
    return " ".join(parts)


def render_event(event: WireEvent, norm: Normaliser) -> tuple[str, str]:
    """(lane, line) for one event."""
    session = norm.name(event.session_id, "S")
    run = norm.name(event.run_id, "R")
    if event.name == ev.BACKMSG_DECODED:
        return "back", f"⇢ {_describe_back(event.data, norm)}"
    if event.name == ev.FORWARDMSG_SENT:
        info = describe_frame("forward", event.data)
        bits = [info.kind]
        if info.delta_path:
            bits.append(_path(info.delta_path))
        if info.element:
            bits.append(info.element)
        if info.summary:
            bits.append(
                repr(norm.text(info.summary)) if info.kind == "delta" else norm.text(info.summary)
            )
        if info.kind == "new_session" and info.run_id:
            bits.append(norm.name(info.run_id, "R"))
        return "forward", "⇠ " + "  ".join(bits)
    lane = "script" if event.name in SCRIPT_LANE else "loop"
    head = [event.name, session]
    if run:
        head.append(run)
    if event.delta_path:
        head.append(_path(event.delta_path))
    skip: list[str] = []
    if event.name == ev.DELTA_ENQUEUED:
        skip.append("kind")
    text = "  ".join(h for h in head if h)
    extra = _fields(event.fields, norm, skip)
    where = f"  @{_where(event.where)}" if event.where else ""
    label = f"[{lane}]".ljust(9)
    return lane, f"{label}{text}{'  ' + extra if extra else ''}{where}"


def _describe_back(data: bytes, norm: Normaliser) -> str:
    """A BackMsg in one line, every widget value with its (normalised) full id."""
    msg = BackMsg.FromString(data)
    kind = msg.WhichOneof("type") or "(empty)"
    if kind != "rerun_script":
        return kind
    parts = []
    for state in msg.rerun_script.widget_states.widgets:
        which = state.WhichOneof("value")
        value = getattr(state, which) if which else None
        if isinstance(value, Message):
            value = list(getattr(value, "data", [])) or str(value).strip()
        parts.append(f"{norm.text(state.id)}={value!r}")
    return f"{kind}  " + (", ".join(parts) if parts else "no widget values")


LANES = ("back", "loop", "script", "forward")


def render(steps: Sequence[StepEvents], title: str) -> str:
    """The transcript text (see Note [Transcript normalisation])."""
    norm = Normaliser()
    lines = [
        f"# minilit trace transcript: {title}",
        "# Normalised (lessons/framework/transcript.py, Note [Transcript normalisation]);",
        "# lanes per step: ⇢ browser→server, [loop] IOLoop thread, [script] script thread,",
        "# ⇠ server→browser. Regenerate with: minilit lesson golden N --update",
        "# Recorded by minilit's headless client (minilit.testing.AppClient, no browser)",
        "# against a minilit server: the lanes are minilit's trace, which Streamlit has not.",
    ]
    for number, item in enumerate(steps, start=1):
        lines.append("")
        lines.append(f"== {number}. {item.step.title()}")
        by_lane: dict[str, list[tuple[str, WireEvent]]] = {lane: [] for lane in LANES}
        for event in item.events:
            if event.name in LEFT_OUT:
                continue
            lane, line = render_event(event, norm)
            by_lane[lane].append((line, event))
        by_lane["forward"] = _collapse_same_path(by_lane["forward"])
        for lane in LANES:
            lines.extend(f"   {line}" for line, _ in by_lane[lane])
        if not any(by_lane.values()):
            lines.append("   (nothing)")
    return "\n".join(lines) + "\n"


def _collapse_same_path(
    rows: list[tuple[str, WireEvent]],
) -> list[tuple[str, WireEvent]]:
    """Keep only the last of consecutive deltas to one delta_path (coalescing is timing)."""
    out: list[tuple[str, WireEvent]] = []
    for row in rows:
        path = _delta_path_of(row[1])
        if out and path is not None and _delta_path_of(out[-1][1]) == path:
            out[-1] = row
        else:
            out.append(row)
    return out


def _delta_path_of(event: WireEvent) -> tuple[int, ...] | None:
    info = describe_frame("forward", event.data)
    return info.delta_path if info.kind == "delta" else None


# --- Goldens ---------------------------------------------------------------------------


def lesson_transcript(lesson: Lesson) -> str:
    """Run the lesson's scenario now and render it."""
    scenario = load_scenario(lesson.scenario)
    steps = capture(lesson.app, scenario)
    return render(steps, f"lesson {lesson.id} ({lesson.name}/app.py, scenario.toml)")


def golden_diff(lesson: Lesson, actual: str | None = None) -> str:
    """A unified diff from the golden to a fresh transcript ("" when they match)."""
    fresh = lesson_transcript(lesson) if actual is None else actual
    golden = lesson.golden.read_text(encoding="utf-8") if lesson.golden.is_file() else ""
    if fresh == golden:
        return ""
    return (
        "".join(
            difflib.unified_diff(
                golden.splitlines(keepends=True),
                fresh.splitlines(keepends=True),
                fromfile=f"{lesson.name}/expected/transcript.txt (golden)",
                tofile="now",
            )
        )
        or "(golden file missing)\n"
    )


def update_golden(lesson: Lesson, log: Callable[[str], None] = print) -> bool:
    """Rewrite the golden; True if it changed."""
    fresh = lesson_transcript(lesson)
    old = lesson.golden.read_text(encoding="utf-8") if lesson.golden.is_file() else None
    if fresh == old:
        log(f"{lesson.name}: golden unchanged")
        return False
    lesson.golden.parent.mkdir(parents=True, exist_ok=True)
    lesson.golden.write_text(fresh, encoding="utf-8")
    log(f"{lesson.name}: golden {'written' if old is None else 'updated'} (review the diff)")
    return True
