"""One-line descriptions of ForwardMsg and BackMsg frames.

Not in Streamlit. Streamlit's nearest relative is the protobuf text format it
logs at debug level; this module boils a frame down to what a timeline row
needs: its kind (the ``oneof type`` member), the element or block type, the
delta_path, the run id and a short human summary.

Receives: exact frame bytes (from trace events or recordings), and trace
events whose message is still attached (``resolve``). Hands to: the
inspector's model and table rows, ``minilit trace`` transcripts, the trace
channel, and the filter expressions in inspector.channel.filters.

``resolve`` is the subscriber's half of Note [Lazy event fields] in
minilit/trace/bus.py: the core publishes a reference to the message, and
whoever drains the event derives its fields here, on its own thread.

Frames from a real Streamlit server decode too: fields minilit does not
declare are kept by protobuf as unknown fields and simply not summarized.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from google.protobuf.descriptor import Descriptor
from google.protobuf.message import DecodeError, Message

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace import events as ev
from minilit.trace.bus import TraceEvent

SUMMARY_WIDTH = 60
"""Summaries longer than this are cut with an ellipsis."""


@dataclass(frozen=True, slots=True)
class FrameInfo:
    """What one frame is, in a few words."""

    direction: str
    """``forward`` (server to browser) or ``back`` (browser to server)."""
    kind: str
    """The ``oneof type`` member, e.g. ``delta`` or ``rerun_script``; ``?`` if undecodable."""
    element: str = ""
    """For deltas: the element (``text``) or block (``block.column``) type."""
    delta_path: tuple[int, ...] = ()
    run_id: str = ""
    """``metadata.run.script_run_id`` of a ForwardMsg, if set."""
    summary: str = ""
    """A short human description, e.g. ``"placeholder 2"`` or ``FINISHED_SUCCESSFULLY``."""


def clip(text: str, width: int = SUMMARY_WIDTH) -> str:
    """One line of at most ``width`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _oneof(msg: Message, group: str = "type") -> str:
    return msg.WhichOneof(group) or ""


def element_text(element: Message) -> str:
    """The most telling text field of an element proto (body, label, ...); for a
    table or a chart, how many bytes of Arrow it carries."""
    arrow_fields, has_datasets, text_fields = _text_fields_of(element.DESCRIPTOR)
    # ArrowData messages: a table's arrow_data, a chart's data and named datasets.
    parts: list[Any] = [getattr(element, n) for n in arrow_fields]
    if has_datasets:
        parts += [d.data for d in element.datasets]  # type: ignore[attr-defined]
    size = sum(len(getattr(p, "data", b"")) for p in parts if isinstance(p, Message))
    if size:
        return f"Arrow IPC, {size} bytes"
    for name in text_fields:
        value = getattr(element, name)
        if isinstance(value, str) and value:
            return value
    return ""


_TEXT_FIELDS = ("body", "label", "code_text", "message", "text", "tag")
"""The fields ``element_text`` shows, in order of preference."""


@functools.cache
def _text_fields_of(descriptor: Descriptor) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    """(Arrow fields, has ``datasets``, text fields) of one element type, looked up
    once per type: the inspector describes every delta of every run."""
    names = descriptor.fields_by_name
    arrow = tuple(n for n in ("arrow_data", "data") if n in names)
    return arrow, "datasets" in names, tuple(n for n in _TEXT_FIELDS if n in names)


def widget_key(widget_id: str) -> str:
    """The user key in a widget id ``$$ID-<hash>-<key or None>`` ("" if none)."""
    if not widget_id.startswith("$$ID-"):
        return ""
    key = widget_id.split("-", 2)[2] if widget_id.count("-") >= 2 else ""
    return "" if key == "None" else key


def describe_forward(msg: ForwardMsg) -> FrameInfo:
    """Summarize a decoded ForwardMsg."""
    kind = _oneof(msg) or "(empty)"
    path = tuple(msg.metadata.delta_path)
    run_id = msg.metadata.run.script_run_id
    element = ""
    summary = ""
    if kind == "delta":
        delta_kind = _oneof(msg.delta)
        if delta_kind == "new_element":
            element = _oneof(msg.delta.new_element) or "?"
            if element != "?":
                summary = element_text(getattr(msg.delta.new_element, element))
        elif delta_kind == "add_block":
            element = "block." + (_oneof(msg.delta.add_block) or "?")
        else:
            element = delta_kind or "?"
    elif kind == "script_finished":
        summary = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
    elif kind == "session_status_changed":
        summary = "running" if msg.session_status_changed.script_is_running else "not running"
    elif kind == "new_session":
        summary = f"session {msg.new_session.initialize.session_id}"
    elif kind == "session_event":
        summary = _oneof(msg.session_event)
    elif kind == "ref_hash":
        summary = msg.ref_hash
    return FrameInfo("forward", kind, element, path, run_id, clip(summary))


def describe_back(msg: BackMsg) -> FrameInfo:
    """Summarize a decoded BackMsg."""
    kind = _oneof(msg) or "(empty)"
    summary = ""
    if kind == "rerun_script":
        widgets = msg.rerun_script.widget_states.widgets
        parts = []
        for w in widgets:
            which = w.WhichOneof("value") or "unset"
            value = getattr(w, which) if which != "unset" else None
            if isinstance(value, Message):
                value = list(getattr(value, "data", [])) or str(value).strip()
            name = widget_key(w.id) or w.id[5:13]
            parts.append(f"{name}={value!r}")
        summary = ", ".join(parts) if parts else "no widget values"
    return FrameInfo("back", kind, summary=clip(summary))


def describe_frame(direction: str, data: bytes) -> FrameInfo:
    """Decode ``data`` as a ForwardMsg (``forward``) or BackMsg (``back``) and summarize.

    Undecodable bytes give kind ``?`` rather than an exception: an inspector
    must show whatever it is given.
    """
    try:
        if direction == "forward":
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            return describe_forward(fwd)
        back = BackMsg()
        back.ParseFromString(data)
        return describe_back(back)
    except DecodeError as exc:
        return FrameInfo(direction, "?", summary=clip(f"undecodable: {exc}"))


def delta_element(msg: ForwardMsg) -> tuple[str, str]:
    """(``new_element`` or ``add_block``, the element or block type) of a delta message."""
    delta = msg.delta
    kind = _oneof(delta)
    if kind == "new_element":
        return kind, _oneof(delta.new_element)
    if kind == "add_block":
        return kind, _oneof(delta.add_block)
    return kind, ""


def derive(name: str, msg: Message, size: int = 0) -> tuple[dict[str, object], tuple[int, ...]]:
    """The fields (and delta_path) an event about ``msg`` leaves to its reader.

    ``name`` is the event's name, ``msg`` the ForwardMsg (BackMsg for
    ``websocket.backmsg.received``) it carries, ``size`` the length of its
    frame bytes. The delta_path is ``()`` for events that have none. Used on
    the server by ``resolve`` and, for the trace channel's binary batches, in
    the inspector's process (inspector.channel.protocol.decode_batch), which
    parses the message from the bytes the batch ships.
    """
    path: tuple[int, ...] = ()
    derived: dict[str, object]
    if name == ev.DELTA_ENQUEUED:
        assert isinstance(msg, ForwardMsg)
        kind, element = delta_element(msg)
        summary = ""
        if element and kind == "new_element":
            summary = clip(element_text(getattr(msg.delta.new_element, element)))
        derived = {"kind": kind, "element": element, "summary": summary}
        path = tuple(msg.metadata.delta_path)
    elif name == ev.FORWARDMSG_SENT:
        assert isinstance(msg, ForwardMsg)
        derived = {"kind": _oneof(msg), "size": size}
        path = tuple(msg.metadata.delta_path)
    elif name == ev.QUEUE_COALESCED:
        assert isinstance(msg, ForwardMsg)
        derived = {"replaced": _oneof(msg.delta.new_element)}
        path = tuple(msg.metadata.delta_path)
    else:  # websocket.backmsg.received, and any message-carrying event to come
        derived = {"kind": _oneof(msg)}
    return derived, path


def resolve(event: TraceEvent) -> TraceEvent:
    """Fill in the fields a published event left to its subscriber; returns ``event``.

    The fields are those the hops published themselves before Note [Lazy
    event fields]: for ``delta.enqueued`` kind, element and summary (and the
    delta_path); for ``websocket.forwardmsg.sent`` kind and size (and the
    delta_path); for ``websocket.backmsg.received`` kind; for
    ``queue.coalesced`` the replaced element (and the delta_path). The
    message may be the bytes of the frame that carried it (Note [Messages
    let go] in minilit/trace/bus.py). Any thread may call it, more than
    once: the result is the same each time.
    """
    msg = event.msg
    if msg is None:
        return event
    if type(msg) is bytes:  # a hot event whose frame went out (Note [Messages let go])
        try:
            msg = ForwardMsg.FromString(msg)
        except DecodeError:  # not from a minilit server: leave the event as it is
            event.msg = None
            return event
    derived, path = derive(event.name, msg, len(event.data))
    if path:
        event.delta_path = path
    event.fields = {**derived, **event.fields}
    event.msg = None  # described: let the message go
    return event
