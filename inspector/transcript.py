"""``minilit trace``: run an app headless and print what happened, hop by hop.

Not in Streamlit. The text-only sibling of the inspector, as ``mitmdump`` is
to mitmproxy (reference/inspector-anchors.md B1): a real server runs the app
on a thread of this process, a headless browser tab (minilit.testing.AppClient)
drives it through a small script of interactions, and every trace event is
printed, with Rich, one line each. ``--json`` prints the trace protocol's
event objects instead, one per line, for machines (and lesson tests).

Interactions (``--do`` once per step, or ``--actions FILE`` one per line;
``#`` starts a comment). Each step but ``wait`` ends with one rerun::

    run                   rerun with the current widget values (the browser's R)
    click LABEL_OR_KEY    press a button (the rest of the line is the label)
    set LABEL_OR_KEY V    give a widget a value (quote a label with spaces; V is
                          JSON if it parses: 7, true, "a b", [1, 2]; else text)
    stop                  the Stop button (a stop_script BackMsg; no rerun)
    wait SECONDS          pause between steps

The first run happens before the first interaction, as a browser's first
``rerun_script`` does.

Receives: events from minilit.trace.bus (an in-process subscriber, no trace
socket needed). Hands to: stdout.
"""

from __future__ import annotations

import asyncio
import json
import shlex
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from inspector.channel.client import TraceConnectError, connect
from inspector.channel.protocol import WireEvent, decode_batch, dumps, event_to_dict
from inspector.channel.summary import describe_frame, resolve
from minilit.trace import events as ev
from minilit.trace.bus import BUS, Subscriber, TraceEvent

HIDDEN_BY_DEFAULT = frozenset({ev.BACKMSG_DECODED})
"""Shown with --all: the BackMsg is already printed, decoded, with its frame."""
HEARTBEATS = frozenset({"app_heartbeat", "heartbeat_ack"})


class ActionError(ValueError):
    """An interaction that does not parse or names no widget on the page."""


@dataclass(frozen=True, slots=True)
class Action:
    verb: str
    target: str = ""
    value: str = ""

    def __str__(self) -> str:
        return " ".join(p for p in (self.verb, self.target, self.value) if p)


VERBS = {"run": 0, "click": 1, "set": 2, "stop": 0, "wait": 1}
"""Each verb and how many arguments it takes."""


def parse_actions(lines: Iterable[str]) -> list[Action]:
    """Parse interactions, one per line.

    Raises:
        ActionError: naming the line that is wrong.
    """
    out = []
    for number, raw in enumerate(lines, start=1):
        try:
            words = shlex.split(raw, comments=True)
        except ValueError as exc:
            raise ActionError(f"line {number}: {exc}") from None
        if not words:
            continue
        verb, args = words[0], words[1:]
        if verb not in VERBS:
            raise ActionError(f"line {number}: unknown action {verb!r}; use {', '.join(VERBS)}")
        if verb == "click" and len(args) > 1:
            args = [" ".join(args)]  # click Add one  ==  click "Add one"
        elif verb == "set" and len(args) > 2:
            args = [args[0], " ".join(args[1:])]
        if len(args) != VERBS[verb]:
            raise ActionError(f"line {number}: {verb} takes {VERBS[verb]} argument(s)")
        if verb == "wait":
            try:
                float(args[0])
            except ValueError:
                raise ActionError(f"line {number}: wait needs seconds, not {args[0]!r}") from None
        out.append(Action(verb, *args))
    return out


# ----- rendering -----------------------------------------------------------------


class Transcript:
    """Turns events into lines. ``stable`` hides times and random ids (for lessons)."""

    def __init__(self, stable: bool = False, show_all: bool = False) -> None:
        self.stable = stable
        self.show_all = show_all
        self._t0 = 0
        self._ids: dict[str, str] = {}

    def _id(self, value: str, prefix: str) -> str:
        if not value:
            return ""
        if not self.stable:
            return value[:4]
        if value not in self._ids:
            count = sum(1 for v in self._ids.values() if v.startswith(prefix))
            self._ids[value] = f"{prefix}{count + 1}"
        return self._ids[value]

    def _where(self, where: str) -> str:
        path, _, line = where.rpartition(":")
        return f"{Path(path).name}:{line}" if path else where

    def line(self, e: TraceEvent | WireEvent) -> Text | None:
        """One transcript line, or None for an event not shown."""
        if e.name in HIDDEN_BY_DEFAULT and not self.show_all:
            return None
        kind = str(e.fields.get("kind", ""))
        if kind in HEARTBEATS and not self.show_all:
            return None
        if not self._t0:
            self._t0 = e.t_ns
        text = Text(no_wrap=True, overflow="ellipsis")
        if not self.stable:
            text.append(f"{(e.t_ns - self._t0) / 1e6:9.3f} ", style="dim")
        session = self._id(e.session_id, "s")
        text.append(f"{session:<4} ", style="dim")
        body = self._body(e)
        text.append_text(body)
        if e.where:
            text.append(f"  {self._where(e.where)}", style="italic")
        return text

    def _body(self, e: TraceEvent | WireEvent) -> Text:
        f = e.fields
        path = "[" + ",".join(map(str, e.delta_path)) + "]" if e.delta_path else ""
        n = e.name
        if n == ev.FRAME_RECEIVED:
            info = describe_frame("back", e.data)
            return Text.assemble(
                ("← back ", "bold green"), f"{info.kind:<22} {len(e.data):>5} B  {info.summary}"
            )
        if n == ev.FORWARDMSG_SENT:
            info = describe_frame("forward", e.data)
            if info.kind == "new_session":
                info = replace(info, summary=f"session {self._id(e.session_id, 's')}")
            what = " ".join(
                p
                for p in (
                    path,
                    info.element,
                    repr(info.summary) if info.summary and info.kind == "delta" else info.summary,
                )
                if p
            )
            return Text.assemble(
                ("→ fwd  ", "bold cyan"), f"{info.kind:<22} {len(e.data):>5} B  {what}"
            )
        if n == ev.RUN_STARTED:
            return Text.assemble(
                ("▶ run started   ", "bold magenta"),
                f"run {self._id(e.run_id, 'r')}  cause={f.get('cause', '')}",
            )
        if n == ev.RUN_FINISHED:
            duration = "" if self.stable else f" in {f.get('duration_ms', 0):.2f} ms"
            return Text.assemble(
                ("■ run finished  ", "bold magenta"),
                f"run {self._id(e.run_id, 'r')}  {f.get('status', '')}{duration}, "
                f"{f.get('deltas', 0)} deltas",
            )
        if n == ev.DELTA_ENQUEUED:
            return Text.assemble(("+ delta ", "blue"), f"{path} {f.get('element', '')}")
        if n == ev.QUEUE_COALESCED:
            return Text.assemble(
                ("≈ coalesced ", "yellow"), f"{path} (replaced {f.get('replaced', '')})"
            )
        if n == ev.QUEUE_FLUSHED:
            return Text.assemble(("⇥ flushed ", "dim"), f"{f.get('count', 0)} messages")
        if n.startswith("security."):
            rejected = "rejected" in n
            return Text.assemble(
                (f"{'✗' if rejected else '✓'} {n} ", "bold red" if rejected else "green"),
                " ".join(f"{k}={v}" for k, v in f.items() if k != "data"),
            )
        details = " ".join(f"{k}={v}" for k, v in f.items() if k not in ("script",))
        return Text.assemble((f"· {n} ", "bold"), details + (f" {path}" if path else ""))


# ----- the headless run ------------------------------------------------------------


def _drain_until_quiet(
    sub: Subscriber, quiet: float = 0.05, limit: float = 2.0
) -> list[TraceEvent]:
    """Collect events until none arrived for ``quiet`` seconds (the run's tail)."""
    out: list[TraceEvent] = []
    deadline = time.monotonic() + limit
    last = time.monotonic()
    while time.monotonic() < deadline:
        batch = sub.drain()
        if batch:
            out.extend(map(resolve, batch))
            last = time.monotonic()
        elif time.monotonic() - last >= quiet:
            break
        time.sleep(0.005)
    return out


def _find_widget(app: Any, name: str) -> Any:
    for widget in app.widgets:
        if name in (widget.key, widget.label):
            return widget
    names = ", ".join(repr(w.key or w.label) for w in app.widgets) or "none"
    raise ActionError(f"no widget with key or label {name!r} on the page (widgets: {names})")


def _parse_value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def trace_run(
    script: Path,
    actions: Sequence[Action],
    timeout: float = 30.0,
    options: dict[str, Any] | None = None,
) -> Iterator[tuple[str, list[TraceEvent]]]:
    """Run ``script`` headless; yield (step label, the events of that step).

    Raises:
        ActionError: an interaction names no widget on the page.
    """
    from minilit.server.background import ServerThread
    from minilit.testing import AppClient

    sub = BUS.subscribe(1_000_000)
    try:
        with ServerThread(script.resolve(), options or {}) as server:
            app = AppClient.connect(server.url, default_timeout=timeout)
            try:
                app.run()
                yield "run (first load)", _drain_until_quiet(sub)
                for action in actions:
                    if action.verb == "wait":
                        time.sleep(float(action.target))
                        continue
                    if action.verb == "stop":
                        app.stop_script()
                        yield str(action), _drain_until_quiet(sub)
                        continue
                    if action.verb == "click":
                        widget = _find_widget(app, action.target)
                        if hasattr(widget, "click"):
                            widget.click()
                        else:
                            widget.set_value(True)
                    elif action.verb == "set":
                        _find_widget(app, action.target).set_value(_parse_value(action.value))
                    app.run()
                    yield str(action), _drain_until_quiet(sub)
            finally:
                app.close()
    finally:
        BUS.unsubscribe(sub)


def main(
    script: Path,
    actions: Sequence[Action],
    *,
    as_json: bool = False,
    stable: bool = False,
    show_all: bool = False,
    timeout: float = 30.0,
    out: TextIO | None = None,
) -> int:
    """The ``minilit trace`` command. Returns the exit status."""
    stream = out or sys.stdout
    console = Console(file=stream, highlight=False, soft_wrap=True)
    transcript = Transcript(stable=stable, show_all=show_all)
    try:
        for label, batch in trace_run(script, actions, timeout):
            if as_json:
                for e in batch:
                    stream.write(dumps(event_to_dict(e)) + "\n")
                stream.flush()
                continue
            console.rule(f"[bold]{label}")
            for e in batch:
                line = transcript.line(e)
                if line is not None:
                    console.print(line)
    except ActionError as exc:
        print(f"minilit trace: {exc}", file=sys.stderr)
        return 2
    return 0


def attach(
    url: str,
    token: str,
    *,
    until_runs: int = 0,
    as_json: bool = False,
    stable: bool = False,
    show_all: bool = False,
    out: TextIO | None = None,
) -> int:
    """``minilit trace --attach URL --token T``: print a running server's events.

    Stops after ``until_runs`` finished runs (0: when the server goes away or
    on Ctrl-C). Returns the exit status. Like the inspector, it lowers its
    own CPU priority once attached: the observer yields to the observed
    (inspector.launch.yield_cpu).
    """
    from inspector.launch import yield_cpu

    stream = out or sys.stdout
    console = Console(file=stream, highlight=False, soft_wrap=True)
    transcript = Transcript(stable=stable, show_all=show_all)

    async def follow() -> int:
        try:
            # Binary batches: the cheapest for the server (Note [Binary batches]
            # in inspector/channel/protocol.py); --json prints the same objects
            # the JSON encoding would have carried.
            conn = await connect(url, token, encoding="marshal")
        except TraceConnectError as exc:
            print(f"minilit trace: {exc}", file=sys.stderr)
            return 1
        yield_cpu()
        finished = 0
        while True:
            message = await conn.read_message()
            if message is None:
                return 0
            if isinstance(message, str):
                continue  # hello, gate, source: not events
            for e in decode_batch(message)[0]:
                if as_json:
                    stream.write(dumps(e.to_dict()) + "\n")
                else:
                    line = transcript.line(e)
                    if line is not None:
                        console.print(line)
                if e.name == ev.RUN_FINISHED:
                    finished += 1
                    if until_runs and finished >= until_runs:
                        stream.flush()
                        conn.close()
                        return 0
            stream.flush()

    return asyncio.run(follow())
