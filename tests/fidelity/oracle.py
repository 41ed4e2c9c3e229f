"""The fidelity oracle's comparison: the page a browser would show, as comparable text.

Both servers are driven by the same headless client (``minilit.testing.AppClient``), which
rebuilds the page with the browser's rules (``minilit.testing.tree``). After every step
this module turns each page into lines of text, one per node, in page order::

    main/0 element heading { tag: "h1" body: "Title" }
    main/1 block expandable { label: "More" }
    main/1/0 element text { body: "inside" }

Each node is its proto in protobuf text format, unknown fields included (a field that
real Streamlit 1.67 sends and minilit's ``.proto`` files do not declare shows up by its
number, so nothing the browser receives is hidden). Left out, because they name rather
than show: widget ids (``id``), a block's ``id`` (and its block type's, a dialog's),
and, in an exception's traceback, the frame of the oracle's own dispatcher
(tests/fidelity/dispatcher.py), which only the real server runs.

Arrow payloads (``ArrowData.data`` of st.dataframe, st.table and the charts) are compared
decoded, not as bytes: each becomes the text of its table (``arrow_text``: the schema,
the schema's pandas metadata and every row), so a difference reads as a column or a
value, not as a run of octal escapes. The pandas metadata's ``creator`` (pyarrow's
version) and ``pandas_version`` are set aside: they name the libraries of each
environment, not anything the app shows. (With the same pyarrow and pandas on both
sides, as in the project's environments, the bytes are identical too.)

Fields that differ everywhere for one reason are listed once in
docs/known-differences.md ("Everywhere") as `` `text` field 3 (`wrap`) when `1` ``: the
field of that message (``Element``, ``Block``, or an element or block type), set aside
from both pages only when it carries one of the listed values (1.67's value when the
app does not pass the parameter), so a non-default value still shows as a difference.
``page_lines`` counts each removal.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from google.protobuf import text_format
from google.protobuf.message import Message

from minilit.proto import Delta_pb2
from minilit.testing.tree import ROOT_CONTAINERS, BlockNode, ElementNode, ElementTree

REPO = Path(__file__).resolve().parents[2]
KNOWN_DIFFERENCES = REPO / "docs" / "known-differences.md"

ID_FIELDS = ("id",)
"""Fields that name a widget or block instead of showing anything."""

DISPATCHER_FRAME = re.compile(r'File ".*dispatcher\.py", line \d+')


# --- the protobuf wire format, just enough to drop fields by number -----------------------


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def encode_value(text: str) -> tuple[int, bytes]:
    """A field value written as in docs/known-differences.md, as (wire type, payload).

    ``1`` is a varint; ``{}`` an empty message; ``{1: 1, 2: {}}`` a message with those
    fields (varints or messages, in that order).
    """
    text = text.strip()
    if not text.startswith("{"):
        return 0, _encode_varint(int(text))
    body = text[1:-1].strip()
    out = bytearray()
    depth, start, parts = 0, 0, []
    for i, ch in enumerate(body):
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    if body:
        parts.append(body[start:])
    for part in parts:
        number, _, value = part.partition(":")
        wire_type, payload = encode_value(value)
        out += _encode_varint(int(number) << 3 | wire_type)
        if wire_type == 2:
            out += _encode_varint(len(payload))
        out += payload
    return 2, bytes(out)


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def drop_fields(data: bytes, values: dict[int, set[tuple[int, bytes]]]) -> tuple[bytes, set[int]]:
    """``data`` (a serialized message) without its top-level fields that carry set-aside values.

    ``values`` maps a field number to the (wire type, payload) pairs to drop; the field is
    kept when it carries anything else. Returns the new bytes and the numbers dropped.
    """
    out = bytearray()
    dropped: set[int] = set()
    pos = 0
    while pos < len(data):
        start = pos
        tag, pos = _varint(data, pos)
        number, wire_type = tag >> 3, tag & 7
        if wire_type == 0:
            value_start = pos
            _, pos = _varint(data, pos)
            payload = data[value_start:pos]
        elif wire_type == 1:
            payload, pos = data[pos : pos + 8], pos + 8
        elif wire_type == 2:
            length, pos = _varint(data, pos)
            payload, pos = data[pos : pos + length], pos + length
        elif wire_type == 5:
            payload, pos = data[pos : pos + 4], pos + 4
        else:  # groups are not used by Streamlit's protos
            raise ValueError(f"unsupported wire type {wire_type}")
        if (wire_type, bytes(payload)) in values.get(number, set()):
            dropped.add(number)
        else:
            out += data[start:pos]
    return bytes(out), dropped


# --- the known differences file ------------------------------------------------------------

_EVERYWHERE = re.compile(r"^- `(\w+)` field (\d+) \(`(\w+)`\) when ((?:`[^`]+`(?: or )?)+): (.+)$")
_PER_APP = re.compile(r"^- `([a-z0-9_]+)`: (.+)$")


@dataclass
class KnownDifferences:
    """docs/known-differences.md, read: what the oracle strips, and which apps may differ."""

    everywhere: dict[tuple[str, int], str] = field(default_factory=dict)
    """(where, field number) -> reason: set aside on every page before comparing, when the
    field carries one of ``values[(where, number)]``.

    ``where`` is ``Element`` or ``Block`` (a field of the node itself) or the name of an
    element or block type (``text``, ``column``: a field of that type's message)."""
    values: dict[tuple[str, int], set[tuple[int, bytes]]] = field(default_factory=dict)
    """(where, field number) -> the encoded values set aside (any other value is kept)."""
    per_app: dict[str, str] = field(default_factory=dict)
    """app name -> reason its pages differ."""

    @classmethod
    def load(cls, path: Path = KNOWN_DIFFERENCES) -> KnownDifferences:
        known = cls()
        for line in path.read_text(encoding="utf-8").splitlines():
            if m := _EVERYWHERE.match(line):
                key = (m[1], int(m[2]))
                known.everywhere[key] = m[5]
                known.values[key] = {encode_value(v) for v in re.findall(r"`([^`]+)`", m[4])}
            elif m := _PER_APP.match(line):
                known.per_app[m[1]] = m[2]
        return known

    def numbers(self, where: str) -> dict[int, set[tuple[int, bytes]]]:
        """Field number -> values set aside, for the fields of ``where``."""
        return {
            number: self.values[(kind, number)] for (kind, number) in self.values if kind == where
        }


# --- the page as text ----------------------------------------------------------------------


def _text(message: Message) -> str:
    return " ".join(
        text_format.MessageToString(message, as_one_line=True, print_unknown_fields=True).split()
    )


def _strip_inner(
    message: Message, numbers: dict[int, set[tuple[int, bytes]]], where: str, counts: Counter[str]
) -> None:
    """Drop fields ``numbers`` of ``message`` (in place), counting each under ``where``."""
    if not numbers:
        return
    data, dropped = drop_fields(message.SerializeToString(), numbers)
    if dropped:
        message.Clear()
        message.MergeFromString(data)
        for number in dropped:
            counts[f"{where} field {number}"] += 1


_ENVIRONMENT_KEYS = ("creator", "pandas_version")
"""Keys of the pandas schema metadata that name library versions, not data."""


def arrow_text(data: bytes) -> str:
    """An Arrow IPC stream as comparable text: schema, pandas metadata, rows."""
    import pyarrow as pa

    if not data:
        return ""
    try:
        table = pa.ipc.open_stream(data).read_all()
    except (pa.ArrowInvalid, OSError) as exc:
        return f"not an Arrow stream ({exc}): {data!r}"
    schema = ", ".join(f"{f.name}: {f.type}" for f in table.schema)
    metadata = dict(table.schema.metadata or {})
    pandas = ""
    if b"pandas" in metadata:
        info = json.loads(metadata.pop(b"pandas"))
        for key in _ENVIRONMENT_KEYS:
            info.pop(key, None)
        pandas = json.dumps(info, sort_keys=True)
    other = {k.decode(): v.decode(errors="replace") for k, v in sorted(metadata.items())}
    rows = json.dumps(table.to_pylist(), default=repr)
    return f"arrow [{schema}] pandas {pandas} metadata {other} rows {rows}"


def _decode_arrow(kind: str, inner: Message) -> None:
    """Replace the Arrow bytes of a table or chart element (in place) with arrow_text."""
    payloads = []
    if kind in ("dataframe", "table"):
        payloads.append(inner.arrow_data)  # type: ignore[attr-defined]
    elif kind == "vega_lite_chart":
        payloads.append(inner.data)  # type: ignore[attr-defined]
        payloads.extend(d.data for d in inner.datasets)  # type: ignore[attr-defined]
    for payload in payloads:
        if payload.data:
            payload.data = arrow_text(payload.data).encode()


def _clean_element(
    element: Delta_pb2.Element, strip: KnownDifferences, counts: Counter[str]
) -> Delta_pb2.Element:
    copy = Delta_pb2.Element()
    copy.CopyFrom(element)
    kind = copy.WhichOneof("type")
    if kind:
        inner = getattr(copy, kind)
        _decode_arrow(kind, inner)
        for name in ID_FIELDS:
            if name in inner.DESCRIPTOR.fields_by_name:
                inner.ClearField(name)
        if kind == "exception":
            kept = _drop_dispatcher_frames(list(inner.stack_trace))
            del inner.stack_trace[:]
            inner.stack_trace.extend(kept)
        _strip_inner(inner, strip.numbers(kind), kind, counts)
    _strip_inner(copy, strip.numbers("Element"), "Element", counts)
    return copy


def _clean_block(
    block: Delta_pb2.Block | None, strip: KnownDifferences, counts: Counter[str]
) -> Delta_pb2.Block:
    copy = Delta_pb2.Block()
    if block is not None:
        copy.CopyFrom(block)
    copy.ClearField("id")
    kind = copy.WhichOneof("type")
    if kind:
        inner = getattr(copy, kind)
        # A dialog with on_dismiss (and 1.67's stateful tabs, popovers, expanders) is a
        # widget: its block type carries the widget id too.
        for name in ID_FIELDS:
            if name in inner.DESCRIPTOR.fields_by_name:
                inner.ClearField(name)
        _strip_inner(inner, strip.numbers(kind), kind, counts)
    _strip_inner(copy, strip.numbers("Block"), "Block", counts)
    return copy


def _drop_dispatcher_frames(lines: list[str]) -> list[str]:
    """A traceback's lines without the dispatcher's frames (the location and its source)."""
    out: list[str] = []
    skipping = False
    for line in lines:
        if DISPATCHER_FRAME.search(line):
            skipping = True
            continue
        if skipping and not line.lstrip().startswith("File "):
            continue
        skipping = False
        out.append(line)
    return out


def page_lines(tree: ElementTree, strip: KnownDifferences, counts: Counter[str]) -> list[str]:
    """The page of ``tree`` as one line per node (see the module docstring).

    Fields listed "everywhere" in ``strip`` are removed; ``counts`` counts each removal.
    """
    lines: list[str] = []
    for index, container in enumerate(tree.root.children):
        if not isinstance(container, BlockNode):
            continue
        for item in tree.walk(container, (index,)):
            where = "/".join([ROOT_CONTAINERS[item.delta_path[0]], *map(str, item.delta_path[1:])])
            node = item.node
            if isinstance(node, ElementNode):
                lines.append(
                    f"{where} element {_text(_clean_element(node.element, strip, counts))}"
                )
            else:
                lines.append(f"{where} block {_text(_clean_block(node.block, strip, counts))}")
    return lines
