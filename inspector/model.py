"""The inspector's picture of a minilit (or Streamlit) server, built from trace events.

Not in Streamlit. The model plays the role of Redux DevTools' store
(reference/inspector-anchors.md B2): every event is kept (bounded), and views
are computed from it: sessions, a timeline of reruns, each rerun's deltas,
the websocket frame log, the element tree as the browser builds it, and
session_state.

The frames are the ground truth, so a recording of a *real* Streamlit server
(frames only, no minilit events) still yields runs, deltas and trees:

* a ``new_session`` ForwardMsg opens a run (Streamlit sends one per run);
* ``delta`` frames place nodes in the session's element tree at their
  ``delta_path``;
* ``script_finished`` closes the run; when it is ``FINISHED_SUCCESSFULLY``
  nodes not written by this run are removed, and the tree is snapshotted
  for the diff view.

The tree is the headless client's (``minilit.testing.tree.ElementTree``,
the browser's rules in one place): the model feeds it the same ForwardMsgs
the browser got, and only flattens it into ``TreeNode`` rows for the views.

minilit's own events add what frames cannot say: the script line behind each
delta, deltas that were coalesced away in the queue, run durations and
causes, session_state changes, and security decisions.

Receives: ``WireEvent`` lists (inspector/sources.py). Hands to: the widgets
in inspector/app.py, which read it on a timer (batched refresh).
"""

from __future__ import annotations

import gc
import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import DecodeError, Message

from inspector.channel.filters import Subject
from inspector.channel.protocol import WireEvent
from inspector.channel.summary import (
    FrameInfo,
    clip,
    describe_back,
    describe_forward,
    element_text,
)
from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.Delta_pb2 import Delta
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing.tree import BlockNode, ElementTree, Node, TreeError
from minilit.trace import events as ev

LOG_BACKLOG = 5_000
"""Events kept for the event log while it is not on screen."""

GROUPS = ("FRAME", "RERUN", "DELTA", "SESSION", "SECURITY", "STEP")
"""Verbosity groups of the event log (inspector-anchors B8 #30)."""


def event_group(name: str) -> str:
    """The verbosity group an event name belongs to."""
    if name.startswith("security."):
        return "SECURITY"
    if name.startswith("websocket."):
        return "FRAME"
    if name.startswith(("delta.", "queue.")):
        return "DELTA"
    if name.startswith("script.step"):
        return "STEP"
    if name.startswith(("script.", "session.rerun", "session.stop")):
        return "RERUN"
    return "SESSION"


@dataclass(slots=True)
class Frame:
    """One websocket frame (or, as frame 0 of a session, its handshake)."""

    no: int
    """Frame number in this inspector, from 1; the log's row key."""
    seq: int
    t_ns: int
    direction: str
    """``forward`` (server to browser), ``back`` (browser to server) or ``open``
    (the websocket handshake: no bytes, a security decision)."""
    session_id: str
    data: bytes
    info: FrameInfo
    run_no: int = 0
    """The run this frame belongs to (0: none)."""
    digest: str = ""
    """For deltas: a hash of the Delta payload, to spot unchanged re-sends."""
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.info.kind

    def subject(self) -> Subject:
        """What a filter expression sees for this frame."""
        return {
            "dir": self.direction,
            "kind": self.info.kind,
            "backmsg": self.info.kind if self.direction == "back" else "",
            "element": self.info.element,
            "path": self.info.delta_path,
            "session": self.session_id,
            "summary": self.info.summary,
            "event": "websocket.frame",
        }


@dataclass(slots=True)
class DeltaRow:
    """One delta of a run: enqueued by the script, maybe coalesced, maybe sent."""

    path: tuple[int, ...]
    element: str
    summary: str = ""
    where: str = ""
    """``script.py:LINE`` that produced it (from minilit's ``delta.enqueued``)."""
    status: str = "sent"
    """``queued`` (enqueued, not yet sent), ``sent``, or ``coalesced`` (replaced
    in the ForwardMsgQueue by a later delta at the same path before a flush)."""
    frame_no: int = 0
    """The ForwardMsg frame that carried it (0 if not sent)."""
    digest: str = ""
    seq: int = 0

    def subject(self, session_id: str, run_id: str, first: bool) -> Subject:
        return {
            "element": self.element,
            "path": self.path,
            "where": self.where,
            "kind": "delta",
            "dir": "forward",
            "session": session_id,
            "run": run_id,
            "first": first,
            "summary": self.summary,
            "event": ev.DELTA_ENQUEUED,
        }


@dataclass(slots=True)
class TreeNode:
    """One node of the element tree, as the Tree pane and the diff show it."""

    element: str
    """The element type (``text``), or ``block.`` and the block type."""
    summary: str
    digest: str
    """A hash of the element (or block) proto: equal digests, same content."""

    @property
    def is_block(self) -> bool:
        return self.element.startswith("block.")

    @classmethod
    def of(cls, node: Node) -> TreeNode:
        """The row for one node of a ``minilit.testing.tree`` page (as ``describe_forward``)."""
        if isinstance(node, BlockNode):
            block = node.block
            kind = (block.WhichOneof("type") if block is not None else None) or "?"
            return cls("block." + kind, "", content_digest(block) if block is not None else "")
        kind = node.element.WhichOneof("type") or "?"
        summary = clip(element_text(getattr(node.element, kind))) if kind != "?" else ""
        return cls(kind, summary, content_digest(node.element))


def content_digest(proto: Message) -> str:
    """A short hash of a proto's bytes (a delta's element or block)."""
    return hashlib.blake2b(proto.SerializeToString(), digest_size=8).hexdigest()


def delta_digest(delta: Delta) -> str:
    """The digest of what a Delta puts in the tree (equal to its ``TreeNode.digest``)."""
    kind = delta.WhichOneof("type")
    if kind == "new_element":
        return content_digest(delta.new_element)
    if kind == "add_block":
        return content_digest(delta.add_block)
    return content_digest(delta)


def tree_nodes(page: ElementTree) -> dict[tuple[int, ...], TreeNode]:
    """A page flattened into ``{delta_path: TreeNode}`` (page order)."""
    return {item.delta_path: TreeNode.of(item.node) for item in page.walk()}


@dataclass(slots=True)
class Run:
    """One script run (a rerun): the timeline's row."""

    no: int
    """Run number in this inspector, from 1; the timeline's row key."""
    index: int
    """1-based position among its session's runs."""
    run_id: str
    session_id: str
    cause: str = ""
    status: str = "running"
    started_ns: int = 0
    finished_ns: int = 0
    duration_ms: float | None = None
    deltas: list[DeltaRow] = field(default_factory=list)
    frame_nos: list[int] = field(default_factory=list)
    bytes_sent: int = 0
    sent_deltas: int = 0
    """Rows of ``deltas`` whose status is ``sent``."""
    tree: ElementTree | None = None
    """Snapshot of the session's page when the run finished (``script_finished``)."""
    callbacks: list[str] = field(default_factory=list)
    _pending: dict[tuple[int, ...], list[int]] = field(default_factory=dict)
    _tree_nodes: dict[tuple[int, ...], TreeNode] | None = None

    @property
    def finished(self) -> bool:
        return self.status != "running"


@dataclass(slots=True)
class Session:
    """One browser tab's AppSession, as seen through its frames and events."""

    session_id: str
    status: str = "connected"
    runs: list[Run] = field(default_factory=list)
    page: ElementTree = field(default_factory=ElementTree)
    """The page as this session's browser holds it, built from the frames sent."""
    state: dict[str, str] = field(default_factory=dict)
    state_history: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(seq, run index, key, value) for every session_state change."""
    script_run: Run | None = None
    """The run the script thread is in (set by ``script.run.started``)."""
    sending_run: Run | None = None
    """The run whose frames are going out (set by the ``new_session`` frame)."""
    last_rerun_request: str = ""
    frames: int = 0
    bytes_in: int = 0
    bytes_out: int = 0


@dataclass(slots=True)
class Diff:
    """How a run's element tree differs from the previous run's.

    ``marks`` maps every path of either tree to ``+`` (added), ``-``
    (removed), ``~`` (changed) or ``=`` (re-sent unchanged).
    """

    marks: dict[tuple[int, ...], str] = field(default_factory=dict)

    def count(self, mark: str) -> int:
        return sum(1 for m in self.marks.values() if m == mark)

    def mark(self, path: tuple[int, ...]) -> str:
        return self.marks.get(path, "=")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the ``with`` block.

    Note [No collection while ingesting]
    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    A 10,000-delta rerun is 20,000 events, and ingesting them allocates a few
    objects each (a frame, a delta row, a decoded ForwardMsg...). The cyclic
    collector runs every 700 allocations and, now and then, walks every object
    the inspector holds (Textual's widgets and the whole model): about half a
    second of such walks while one such rerun was ingested. Nothing the model
    builds refers back to itself, so there is no cycle for it to find; pausing it
    for one batch only moves its next run to after the batch.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def path_text(path: tuple[int, ...] | list[int]) -> str:
    return "[" + ",".join(str(i) for i in path) + "]"


class Model:
    """Everything the inspector knows. Feed it with ``ingest``.

    Example::

        model = Model()
        model.ingest(read_recording(Path("tour.jsonl")).events)
        [run.status for run in model.runs]   # ['FINISHED_SUCCESSFULLY', ...]
    """

    def __init__(self, max_frames: int = 200_000, max_events: int = 200_000) -> None:
        self.sessions: dict[str, Session] = {}
        self.runs: list[Run] = []
        self.runs_by_id: dict[str, Run] = {}
        self.frames: deque[Frame] = deque()
        self.frames_by_no: dict[int, Frame] = {}
        self.events: deque[WireEvent] = deque(maxlen=max_events)
        self.security: list[WireEvent] = []
        self.caches: list[WireEvent] = []
        """cache.hit, cache.miss and cache.cleared of every session (the caches are
        the process's, not a session's: runtime/caching/)."""
        self.sources: dict[str, str] = {}
        self.max_frames = max_frames
        self.trimmed_frames = 0
        """Frames forgotten because of ``max_frames`` (bounded history)."""
        self.dropped = 0
        """Events the server dropped for us (its bounded buffer overflowed)."""
        self.gate: dict[str, Any] = {
            "mode": "run",
            "breakpoints": [],
            "hold": False,
            "held": [],
            "paused": [],
        }
        self.last_seq = 0
        self.gaps = 0
        """Sequence-number gaps seen (events lost before they reached us)."""
        self.t0 = 0
        self.dirty_runs: set[int] = set()
        self.dirty_sessions = False
        self.dirty_state = False
        self.dirty_security = False
        self.dirty_caches = False
        self.tree_errors = 0
        """Frames the element tree refused (a path through an element, a ref_hash)."""
        self.pending_events: deque[WireEvent] = deque(maxlen=LOG_BACKLOG)
        """Events not yet shown in the event log (the UI drains it; only the
        newest LOG_BACKLOG wait, the rest stays in ``events``)."""
        self._frame_no = 0

    # ----- ingest: the spine -------------------------------------------------

    def ingest(self, events: Iterable[WireEvent]) -> None:
        """Apply events in order: the one entry point. See Note [No collection while ingesting]."""
        with collector_paused():
            for event in events:
                self._ingest_one(event)

    def _ingest_one(self, e: WireEvent) -> None:
        if self.last_seq and e.seq > self.last_seq + 1:
            self.gaps += 1
        self.last_seq = max(self.last_seq, e.seq)
        if not self.t0 and e.t_ns:
            self.t0 = e.t_ns
        self.events.append(e)
        self.pending_events.append(e)
        handler = _HANDLERS.get(e.name)
        if handler is not None:
            handler(self, e)
        elif e.name.startswith("security."):
            self._on_security(e)

    # ----- sessions and runs -------------------------------------------------

    def session(self, session_id: str) -> Session:
        s = self.sessions.get(session_id)
        if s is None:
            s = self.sessions[session_id] = Session(session_id)
            self.dirty_sessions = True
        return s

    def _new_run(self, s: Session, run_id: str, t_ns: int) -> Run:
        run = Run(
            no=len(self.runs) + 1,
            index=len(s.runs) + 1,
            run_id=run_id or f"run-{len(self.runs) + 1}",
            session_id=s.session_id,
            cause=s.last_rerun_request,
            started_ns=t_ns,
        )
        s.last_rerun_request = ""  # used up: a later run needs a cause of its own
        self.runs.append(run)
        s.runs.append(run)
        if run_id:
            self.runs_by_id[run_id] = run
        self.dirty_runs.add(run.no)
        self.dirty_sessions = True
        return run

    def run_for(self, s: Session, run_id: str, t_ns: int) -> Run:
        """The run with ``run_id`` (created if new)."""
        run = self.runs_by_id.get(run_id) if run_id else None
        return run if run is not None else self._new_run(s, run_id, t_ns)

    def previous_run(self, run: Run) -> Run | None:
        """The run before ``run`` in the same session."""
        s = self.sessions.get(run.session_id)
        if s is None or run.index < 2:
            return None
        return s.runs[run.index - 2]

    def _on_session(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        s.status = e.name.rpartition(".")[2]
        self.dirty_sessions = True

    def _on_rerun_requested(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        cause = str(e.fields.get("cause", ""))
        # A rerun_script BackMsg was already described, with its widget values,
        # by _on_frame_received; other causes (st.rerun, a file change) are new.
        if cause and not s.last_rerun_request.startswith(cause):
            s.last_rerun_request = cause

    def _on_run_started(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        run = self.run_for(s, e.run_id, e.t_ns)
        run.started_ns = e.t_ns
        cause = str(e.fields.get("cause", ""))
        # The BackMsg that asked for the run says most; else the runner's cause.
        run.cause = run.cause or cause
        s.script_run = run
        self.dirty_runs.add(run.no)

    def _on_run_finished(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        run = self.run_for(s, e.run_id, e.t_ns)
        status = str(e.fields.get("status", ""))
        if status:
            run.status = status
        duration = e.fields.get("duration_ms")
        if isinstance(duration, int | float):
            run.duration_ms = float(duration)
        run.finished_ns = e.t_ns
        self.dirty_runs.add(run.no)

    def _on_callback(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        run = s.script_run
        if run is not None:
            run.callbacks.append(str(e.fields.get("widget_id", "")))

    def _on_state(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        key = str(e.fields.get("key", ""))
        value = str(e.fields.get("value", ""))
        if e.fields.get("op") == "del" or e.fields.get("deleted"):
            s.state.pop(key, None)
            value = "(deleted)"
        else:
            s.state[key] = value
        run = self.runs_by_id.get(e.run_id) or s.script_run
        s.state_history.append((e.seq, run.index if run else 0, key, value))
        self.dirty_state = True

    def _on_cache(self, e: WireEvent) -> None:
        self.caches.append(e)
        self.dirty_caches = True

    def _on_security(self, e: WireEvent) -> None:
        self.security.append(e)
        self.dirty_security = True
        if e.name in (ev.HANDSHAKE_ACCEPTED, ev.HANDSHAKE_REJECTED):
            decision = "accepted" if e.name == ev.HANDSHAKE_ACCEPTED else "REJECTED"
            summary = f"{decision} {e.fields.get('reason', '')}".strip()
            info = FrameInfo("open", "handshake", summary=summary)
            self._add_frame(e, "open", info, dict(e.fields))

    # ----- deltas ------------------------------------------------------------

    def _on_delta_enqueued(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        run = self.runs_by_id.get(e.run_id) if e.run_id else s.script_run
        if run is None:
            run = self.run_for(s, e.run_id, e.t_ns)
        path = e.delta_path
        row = DeltaRow(
            path,
            str(e.fields.get("element", "")),
            summary=str(e.fields.get("summary", "")),
            where=e.where,
            status="queued",
            seq=e.seq,
        )
        run._pending.setdefault(path, []).append(len(run.deltas))
        run.deltas.append(row)
        self.dirty_runs.add(run.no)

    def _on_queue_coalesced(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        run = self.runs_by_id.get(e.run_id) if e.run_id else s.script_run
        if run is None:
            return
        waiting = run._pending.get(e.delta_path)
        if waiting and len(waiting) > 1:
            run.deltas[waiting.pop(0)].status = "coalesced"
            self.dirty_runs.add(run.no)

    def _link_delta(self, run: Run, frame: Frame) -> None:
        """Attach a sent delta frame to the row the script enqueued for it."""
        path = frame.info.delta_path
        waiting = run._pending.get(path)
        if waiting:
            # Earlier queued rows at the same path never left: coalesced away.
            for i in waiting[:-1]:
                run.deltas[i].status = "coalesced"
            row = run.deltas[waiting[-1]]
            waiting.clear()
        else:
            row = DeltaRow(path, frame.info.element)
            run.deltas.append(row)
        row.status = "sent"
        run.sent_deltas += 1
        row.frame_no = frame.no
        row.digest = frame.digest
        row.element = frame.info.element or row.element
        row.summary = frame.info.summary or row.summary

    # ----- frames ------------------------------------------------------------

    def _add_frame(
        self,
        e: WireEvent,
        direction: str,
        info: FrameInfo,
        fields: dict[str, Any] | None = None,
        digest: str = "",
    ) -> Frame:
        self._frame_no += 1
        frame = Frame(
            self._frame_no,
            e.seq,
            e.t_ns,
            direction,
            e.session_id,
            e.data,
            info,
            digest=digest,
            fields=fields or {},
        )
        self.frames.append(frame)
        self.frames_by_no[frame.no] = frame
        if len(self.frames) > self.max_frames:
            old = self.frames.popleft()
            del self.frames_by_no[old.no]
            self.trimmed_frames += 1
        return frame

    def _on_frame_received(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        back = BackMsg()
        try:
            back.ParseFromString(e.data)
            info = describe_back(back)
        except DecodeError as exc:
            info = FrameInfo("back", "?", summary=f"undecodable: {exc}")
        self._add_frame(e, "back", info)
        s.frames += 1
        s.bytes_in += len(e.data)
        if info.kind == "rerun_script":
            s.last_rerun_request = f"rerun_script ({info.summary})"
        self.dirty_sessions = True

    def _on_forward_sent(self, e: WireEvent) -> None:
        s = self.session(e.session_id)
        digest = ""
        try:
            parsed = e.parsed  # the decoder's, if it made one (Note [Parsed once])
            if isinstance(parsed, ForwardMsg):
                msg = parsed
                e.parsed = None  # the events kept here do not keep their messages
            else:
                msg = ForwardMsg.FromString(e.data)
            info = describe_forward(msg)
            if info.kind == "delta":
                digest = delta_digest(msg.delta)
        except DecodeError as exc:
            info = FrameInfo("forward", "?", summary=f"undecodable: {exc}")
        frame = self._add_frame(e, "forward", info, digest=digest)
        s.frames += 1
        s.bytes_out += len(e.data)
        run_id = e.run_id or info.run_id
        if info.kind == "new_session":
            run = self.run_for(s, run_id, e.t_ns)
            if not run.started_ns:
                run.started_ns = e.t_ns
            s.sending_run = run
        else:
            run_found = self.runs_by_id.get(run_id) if run_id else None
            run_or_none = run_found or s.sending_run
            if run_or_none is None:
                run_or_none = self._new_run(s, run_id, e.t_ns)
                s.sending_run = run_or_none
            run = run_or_none
        frame.run_no = run.no
        run.frame_nos.append(frame.no)
        run.bytes_sent += len(e.data)
        if info.kind in ("new_session", "delta", "script_finished"):
            try:
                s.page.apply(msg)
            except TreeError:
                self.tree_errors += 1
        if info.kind == "delta":
            self._link_delta(run, frame)
        elif info.kind == "script_finished":
            run.status = info.summary or run.status
            if not run.finished_ns:
                run.finished_ns = e.t_ns
            if run.duration_ms is None and run.started_ns and e.t_ns:
                run.duration_ms = (e.t_ns - run.started_ns) / 1e6
            run.tree = s.page.snapshot()
        self.dirty_runs.add(run.no)
        self.dirty_sessions = True

    # ----- views -------------------------------------------------------------

    def tree_at(self, run: Run) -> dict[tuple[int, ...], TreeNode]:
        """The element tree after ``run`` (live tree while it is running)."""
        if run.tree is not None:
            if run._tree_nodes is None:
                run._tree_nodes = tree_nodes(run.tree)
            return run._tree_nodes
        s = self.sessions.get(run.session_id)
        return tree_nodes(s.page) if s else {}

    def diff(self, run: Run) -> Diff:
        """The element-tree diff between ``run`` and the run before it."""
        new = self.tree_at(run)
        prev = self.previous_run(run)
        old = self.tree_at(prev) if prev is not None else {}
        d = Diff()
        for path in sorted(set(new) | set(old)):
            a, b = old.get(path), new.get(path)
            if a is None:
                d.marks[path] = "+"
            elif b is None:
                d.marks[path] = "-"
            elif (a.element, a.digest or a.summary) != (b.element, b.digest or b.summary):
                d.marks[path] = "~"
            else:
                d.marks[path] = "="
        return d

    def unchanged_since_previous(self, run: Run, row: DeltaRow) -> bool:
        """True when ``row`` re-sent exactly what the previous run had at its path."""
        prev = self.previous_run(run)
        if prev is None or prev.tree is None or not row.digest:
            return False  # no finished previous run to compare with
        node = self.tree_at(prev).get(row.path)
        return node is not None and node.digest == row.digest

    def rel_time(self, t_ns: int) -> str:
        """Seconds since the first event, or ``-`` for recordings without times."""
        if not t_ns or not self.t0:
            return "-"
        return f"{(t_ns - self.t0) / 1e9:.3f}"


_HANDLERS = {
    ev.SESSION_CONNECTED: Model._on_session,
    ev.SESSION_RESUMED: Model._on_session,
    ev.SESSION_DISCONNECTED: Model._on_session,
    ev.SESSION_EXPIRED: Model._on_session,
    ev.RERUN_REQUESTED: Model._on_rerun_requested,
    ev.RUN_STARTED: Model._on_run_started,
    ev.RUN_FINISHED: Model._on_run_finished,
    ev.CALLBACK_RUN: Model._on_callback,
    ev.SESSION_STATE_CHANGED: Model._on_state,
    ev.CACHE_HIT: Model._on_cache,
    ev.CACHE_MISS: Model._on_cache,
    ev.CACHE_CLEARED: Model._on_cache,
    ev.DELTA_ENQUEUED: Model._on_delta_enqueued,
    ev.QUEUE_COALESCED: Model._on_queue_coalesced,
    ev.FRAME_RECEIVED: Model._on_frame_received,
    ev.FORWARDMSG_SENT: Model._on_forward_sent,
}
