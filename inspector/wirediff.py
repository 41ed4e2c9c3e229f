"""Two recordings of one app compared frame by frame and field by field: ``minilit diff``.

Not in Streamlit. The question it answers is the one a reader has after watching their
own app through ``minilit proxy``: is this what minilit sends too, and where not, what
differs? ``diff(1)`` for text and Wireshark's "compare two captures" are the models;
here the unit is a protobuf field, so the answer reads
``new_session.initialize.environment_info.streamlit_version: 'minilit 0.1.0' ≠ '1.67.0'``.

How frames are paired: each recording's websocket frames (the BackMsgs the browser sent
and the ForwardMsgs the server wrote, ``websocket.frame.received`` and
``websocket.forwardmsg.sent``) are taken session by session in the order the sessions
appeared, and the n-th frame of one is paired with the n-th of the other in the same
direction. Two frames with the same bytes are identical; otherwise both are decoded
with minilit's messages (``inspector.protodecode``; a field minilit does not declare
keeps its ``#number``) and flattened into leaves (``leaf_fields``), and the leaves
that differ are listed. When one recording has more frames, the rest are listed as
unpaired. Pairing by position is enough when the same interaction was replayed on
both servers (a lesson scenario, ``minilit trace --do``); it is not an alignment of
two unrelated sessions. One allowance is made for timing: a delta that the next frame
replaces at the same delta_path is left out on both sides (``_collapse_same_path``),
since whether the server's queue merged the two first is a matter of milliseconds.

Receives: recordings (``inspector.channel.recording``). Hands to: ``minilit diff``
(inspector/cli.py), lesson 17.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from google.protobuf.message import DecodeError

from inspector.channel.protocol import WireEvent
from inspector.protodecode import FieldNode, WireError, decode_tree
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.trace import events as ev

ABSENT = "(absent)"
"""How a leaf that only one frame has is shown on the other side."""

FieldValue = tuple[str, bytes]
"""A leaf: its value as the frame decoder shows it, and its payload bytes."""


def leaf_fields(direction: str, data: bytes) -> dict[str, FieldValue]:
    """Every leaf field of a frame, by dotted path (``delta.new_element.text.body``).

    A leaf is a field with no fields inside it (a scalar, a string, an empty message,
    one item of a packed list). Items of a list carry their index, counting from 0:

    * each occurrence of a repeated field (``options[1]``): a field the schema declares
      ``repeated``, or one it does not know that occurs more than once among its
      siblings;
    * each item of a packed list, which the decoder shows as children labelled
      ``[0]``, ``[1]``... of the one field that holds them (``delta_path[1]``).

    The value is ``(shown value, payload bytes)``; the payload is what is compared, as
    the shown value is cut short for long strings.
    """
    leaves: dict[str, FieldValue] = {}

    def visit(node: FieldNode, prefix: str) -> None:
        counts = Counter(child.label for child in node.children)
        seen: Counter[str] = Counter()
        for child in node.children:
            if child.label.startswith("["):  # an item of a packed list
                path = f"{prefix}{child.label}"
            else:
                label = child.label
                packed = bool(child.children) and child.children[0].label.startswith("[")
                listed = child.repeated or (not child.known and counts[label] > 1)
                if listed and not packed:
                    label = f"{label}[{seen[child.label]}]"
                    seen[child.label] += 1
                path = f"{prefix}.{label}" if prefix else label
            if child.children:
                visit(child, path)
            else:
                leaves[path] = (child.value, data[child.value_start : child.end])

    visit(decode_tree(direction, data), "")
    return leaves


@dataclass(frozen=True)
class FieldDifference:
    path: str
    ours: str
    """The value in the first recording's frame (``ABSENT`` when it has no such field)."""
    theirs: str


def field_differences(direction: str, ours: bytes, theirs: bytes) -> list[FieldDifference]:
    """The leaves of two frames that differ, in the first frame's field order.

    Raises:
        WireError: a frame is not protobuf at all.
    """
    a, b = leaf_fields(direction, ours), leaf_fields(direction, theirs)
    paths = list(a) + [p for p in b if p not in a]
    out = []
    for path in paths:
        mine, other = a.get(path), b.get(path)
        if mine is not None and other is not None and mine[1] == other[1]:
            continue
        out.append(
            FieldDifference(
                path,
                mine[0] if mine is not None else ABSENT,
                other[0] if other is not None else ABSENT,
            )
        )
    return out


# ----- pairing the frames of two recordings -------------------------------------------------


@dataclass(frozen=True)
class Frame:
    direction: str
    """``back`` (browser to server) or ``forward``."""
    data: bytes

    @property
    def kind(self) -> str:
        """The message's type (``delta``, ``rerun_script``...), or ``?`` when undecodable."""
        try:
            root = decode_tree(self.direction, self.data)
        except WireError:
            return "?"
        for child in root.children:
            if child.label not in ("hash", "metadata"):
                return child.label
        return "(empty)"


def frames_of(events: Iterable[WireEvent]) -> list[list[Frame]]:
    """Each session's frames in order, sessions in the order they first appear."""
    sessions: dict[str, list[Frame]] = {}
    for event in events:
        if event.name == ev.FRAME_RECEIVED:
            direction = "back"
        elif event.name == ev.FORWARDMSG_SENT:
            direction = "forward"
        else:
            continue
        sessions.setdefault(event.session_id, []).append(Frame(direction, event.data))
    return list(sessions.values())


@dataclass
class FramePair:
    number: int
    """The pair's position among the session's frames of its direction, from 1."""
    direction: str
    ours: Frame | None
    theirs: Frame | None
    differences: list[FieldDifference] = field(default_factory=list)
    error: str = ""

    @property
    def identical(self) -> bool:
        return (
            self.ours is not None and self.theirs is not None and self.ours.data == self.theirs.data
        )


@dataclass
class Comparison:
    sessions: list[list[FramePair]]

    def pairs(self) -> list[FramePair]:
        return [pair for session in self.sessions for pair in session]

    @property
    def same(self) -> bool:
        return all(pair.identical for pair in self.pairs())


def compare(ours: Sequence[WireEvent], theirs: Sequence[WireEvent]) -> Comparison:
    """Pair the two recordings' frames (see the module docstring) and diff each pair."""
    a_sessions, b_sessions = frames_of(ours), frames_of(theirs)
    out: list[list[FramePair]] = []
    for index in range(max(len(a_sessions), len(b_sessions))):
        a = a_sessions[index] if index < len(a_sessions) else []
        b = b_sessions[index] if index < len(b_sessions) else []
        out.append(_pair_session(a, b))
    return Comparison(out)


def _delta_path(frame: Frame) -> tuple[int, ...] | None:
    """The delta_path of a forward delta frame; None for anything else."""
    if frame.direction != "forward":
        return None
    try:
        msg = ForwardMsg.FromString(frame.data)
    except DecodeError:
        return None
    return tuple(msg.metadata.delta_path) if msg.HasField("delta") else None


def _collapse_same_path(frames: list[Frame]) -> list[Frame]:
    """Leave out a delta that the next frame replaces (same delta_path).

    Whether the queue merged the two before sending is timing (lesson 06's coalescing:
    st.write's placeholder and its text, an st.empty() filled at once): one server may
    send both where the other sent only the second. What the page ends up showing is
    the second either way, so only the second is compared, as transcripts do.
    """
    out: list[Frame] = []
    for frame in frames:
        path = _delta_path(frame)
        if out and path is not None and _delta_path(out[-1]) == path:
            out[-1] = frame
        else:
            out.append(frame)
    return out


def _pair_session(ours: list[Frame], theirs: list[Frame]) -> list[FramePair]:
    pairs: list[FramePair] = []
    for direction in ("back", "forward"):
        a = _collapse_same_path([f for f in ours if f.direction == direction])
        b = _collapse_same_path([f for f in theirs if f.direction == direction])
        for number in range(max(len(a), len(b))):
            pair = FramePair(
                number + 1,
                direction,
                a[number] if number < len(a) else None,
                b[number] if number < len(b) else None,
            )
            if pair.ours is not None and pair.theirs is not None and not pair.identical:
                try:
                    pair.differences = field_differences(
                        direction, pair.ours.data, pair.theirs.data
                    )
                except WireError as exc:
                    pair.error = f"not protobuf: {exc}"
            pairs.append(pair)
    return pairs


# ----- the report ------------------------------------------------------------------------------


def render(comparison: Comparison, ours_name: str, theirs_name: str) -> str:
    """The text ``minilit diff`` prints: a summary line, then each pair that differs."""
    pairs = comparison.pairs()
    same = sum(pair.identical for pair in pairs)
    lines = [
        f"--- {ours_name}",
        f"+++ {theirs_name}",
        f"{len(comparison.sessions)} session(s), {len(pairs)} frame pair(s): "
        f"{same} identical byte for byte, {len(pairs) - same} not",
    ]
    arrow = {"back": "⇢", "forward": "⇠"}
    for number, session in enumerate(comparison.sessions, start=1):
        for pair in session:
            if pair.identical:
                continue
            head = f"session {number} {arrow[pair.direction]} frame {pair.number}"
            if pair.ours is None or pair.theirs is None:
                present = pair.ours or pair.theirs
                which = ours_name if pair.ours is not None else theirs_name
                kind = present.kind if present is not None else "?"
                lines.append(f"{head}: {kind} only in {which}")
                continue
            kinds = (pair.ours.kind, pair.theirs.kind)
            kind = kinds[0] if kinds[0] == kinds[1] else f"{kinds[0]} ≠ {kinds[1]}"
            lines.append(f"{head} ({kind}):")
            if pair.error:
                lines.append(f"    {pair.error}")
            for diff in pair.differences:
                lines.append(f"    {diff.path}: {diff.ours} ≠ {diff.theirs}")
    tally = Counter(diff.path for pair in pairs for diff in pair.differences)
    if tally:
        lines.append("fields that differ, and in how many frames:")
        lines.extend(f"    {path}: {count}" for path, count in tally.items())
    return "\n".join(lines) + "\n"
