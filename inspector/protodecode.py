"""Decode one protobuf frame into a tree of fields that know their bytes.

Not in Streamlit (its frontend decodes with protobufjs and keeps no offsets).
Mirrors what Wireshark's protobuf dissector shows (reference/
inspector-anchors.md B4): every field node carries the byte range of its tag,
its length prefix and its payload, so the hex pane can highlight exactly the
bytes of the selected field. That pairing is the whole protobuf wire-format
lesson in one screen.

The walk reads the wire format itself (varints, wire types, length prefixes)
and consults the message *descriptors* of minilit's generated classes only
for names and types. So:

* a field minilit declares shows its name, type and value;
* a field minilit does not declare (say, Streamlit 1.67's ``width_config``)
  shows as ``#234`` with its raw wire value, and a length-delimited unknown
  payload is guessed as text, a nested message, or bytes;
* ``raw=True`` ignores the schema entirely: what the bytes alone say.

Receives: frame bytes and a direction (``forward`` = ForwardMsg, ``back`` =
BackMsg). Hands to: inspector/widgets/frame_view.py (tree + hex dump).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from google.protobuf.descriptor import Descriptor, FieldDescriptor

from minilit.proto.BackMsg_pb2 import BackMsg
from minilit.proto.ForwardMsg_pb2 import ForwardMsg

VARINT, I64, LEN, SGROUP, EGROUP, I32 = 0, 1, 2, 3, 4, 5
WIRE_NAMES = {
    VARINT: "varint",
    I64: "i64",
    LEN: "len",
    SGROUP: "sgroup",
    EGROUP: "egroup",
    I32: "i32",
}

_FD = FieldDescriptor
_VARINT_TYPES = {
    _FD.TYPE_INT32,
    _FD.TYPE_INT64,
    _FD.TYPE_UINT32,
    _FD.TYPE_UINT64,
    _FD.TYPE_SINT32,
    _FD.TYPE_SINT64,
    _FD.TYPE_BOOL,
    _FD.TYPE_ENUM,
}
_I64_TYPES = {_FD.TYPE_DOUBLE, _FD.TYPE_FIXED64, _FD.TYPE_SFIXED64}
_I32_TYPES = {_FD.TYPE_FLOAT, _FD.TYPE_FIXED32, _FD.TYPE_SFIXED32}
_TYPE_NAMES = {getattr(_FD, n): n[5:].lower() for n in dir(_FD) if n.startswith("TYPE_")}

PREVIEW = 48
"""Characters of a string or bytes value shown in a node label."""


class WireError(ValueError):
    """The bytes are not valid protobuf wire format at ``offset``."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(f"{message} at byte {offset}")
        self.offset = offset


@dataclass(slots=True)
class FieldNode:
    """One field occurrence (or the whole message, for the root)."""

    label: str
    """The field name (``metadata``), or ``#234`` for a field not in the schema."""
    number: int
    wire_type: int
    type_name: str
    """``string``, ``message minilit.Delta``, ``enum``, ``unknown len``, ..."""
    value: str
    """A short rendering of the value ("" for messages)."""
    start: int
    """Offset of the field's tag (first byte of the field)."""
    tag_end: int
    """Offset just after the tag."""
    value_start: int
    """Offset of the payload (after the length prefix for ``len`` fields)."""
    end: int
    """Offset just after the payload."""
    known: bool = True
    """False when the schema does not declare the field (or raw mode)."""
    children: list[FieldNode] = field(default_factory=list)
    repeated: bool = False
    """The schema declares the field ``repeated`` (each occurrence is one item; a packed
    one holds its items as children labelled ``[0]``, ``[1]``...)."""

    def walk(self) -> list[FieldNode]:
        """This node and all below it, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Read a base-128 varint at ``pos``; return (value, position after it)."""
    result = 0
    shift = 0
    start = pos
    while True:
        if pos >= len(data):
            raise WireError("varint runs past the end", start)
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise WireError("varint longer than 10 bytes", start)


def _signed64(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def _zigzag(value: int) -> int:
    return (value >> 1) ^ -(value & 1)


def _preview_text(text: str) -> str:
    shown = text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
    return repr(shown)


def _preview_bytes(data: bytes) -> str:
    shown = data[: PREVIEW // 2].hex(" ")
    return f"{len(data)} bytes: {shown}{' …' if len(data) > PREVIEW // 2 else ''}"


def _looks_like_text(payload: bytes, strict: bool) -> str | None:
    """The payload as text if it reads as text (``strict``: no control characters)."""
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        return None
    allowed = "" if strict else "\n\t"
    if text and all(ch.isprintable() or ch in allowed for ch in text):
        return text
    return None


def _scalar(fd: FieldDescriptor, wire_type: int, raw: int | bytes) -> str:
    """Render one scalar of a declared field type."""
    t = fd.type
    if isinstance(raw, bytes):
        if wire_type == I64:
            if t == _FD.TYPE_DOUBLE:
                return repr(struct.unpack("<d", raw)[0])
            (u,) = struct.unpack("<Q", raw)
            return str(_signed64(u) if t == _FD.TYPE_SFIXED64 else u)
        if t == _FD.TYPE_FLOAT:
            return repr(struct.unpack("<f", raw)[0])
        return str(struct.unpack("<i" if t == _FD.TYPE_SFIXED32 else "<I", raw)[0])
    if t == _FD.TYPE_BOOL:
        return "true" if raw else "false"
    if t in (_FD.TYPE_SINT32, _FD.TYPE_SINT64):
        return str(_zigzag(raw))
    if t in (_FD.TYPE_INT32, _FD.TYPE_INT64):
        return str(_signed64(raw))
    if t == _FD.TYPE_ENUM:
        value = fd.enum_type.values_by_number.get(_signed64(raw)) if fd.enum_type else None
        return f"{value.name} ({raw})" if value else f"{raw} (not in enum)"
    return str(raw)


def _expected_wire(fd: FieldDescriptor) -> int:
    if fd.type in _VARINT_TYPES:
        return VARINT
    if fd.type in _I64_TYPES:
        return I64
    if fd.type in _I32_TYPES:
        return I32
    return LEN


class _Walker:
    def __init__(self, data: bytes, raw: bool) -> None:
        self.data = data
        self.raw = raw

    def message(self, desc: Descriptor | None, start: int, end: int, depth: int) -> list[FieldNode]:
        """Walk the fields of one message occupying data[start:end]."""
        nodes: list[FieldNode] = []
        pos = start
        while pos < end:
            node, pos = self.field(desc, pos, end, depth)
            nodes.append(node)
        if pos != end:
            raise WireError("field runs past the end of its message", end)
        return nodes

    def field(
        self, desc: Descriptor | None, pos: int, end: int, depth: int
    ) -> tuple[FieldNode, int]:
        start = pos
        key, pos = read_varint(self.data, pos)
        number, wire_type = key >> 3, key & 7
        if number == 0:
            raise WireError("field number 0", start)
        tag_end = pos
        fd = None if self.raw or desc is None else desc.fields_by_number.get(number)
        if wire_type == VARINT:
            value, pos = read_varint(self.data, pos)
            payload: int | bytes = value
            value_start = tag_end
        elif wire_type == I64:
            value_start, pos = pos, pos + 8
            payload = self.data[value_start:pos]
        elif wire_type == I32:
            value_start, pos = pos, pos + 4
            payload = self.data[value_start:pos]
        elif wire_type == LEN:
            length, value_start = read_varint(self.data, pos)
            pos = value_start + length
            payload = self.data[value_start:pos]
        else:
            raise WireError(f"unsupported wire type {wire_type} (groups are not used)", start)
        if pos > end:
            raise WireError(f"field #{number} runs past the end of its message", start)
        if fd is not None:
            node = self._known(fd, wire_type, payload, start, tag_end, value_start, pos, depth)
        else:
            node = self._unknown(
                number, wire_type, payload, start, tag_end, value_start, pos, depth
            )
        return node, pos

    def _known(
        self,
        fd: FieldDescriptor,
        wire_type: int,
        payload: int | bytes,
        start: int,
        tag_end: int,
        value_start: int,
        end: int,
        depth: int,
    ) -> FieldNode:
        type_name = _TYPE_NAMES.get(fd.type, "?")
        node = FieldNode(
            fd.name, fd.number, wire_type, type_name, "", start, tag_end, value_start, end
        )
        node.repeated = fd.is_repeated
        if fd.type == _FD.TYPE_MESSAGE and wire_type == LEN and fd.message_type is not None:
            node.type_name = f"message {fd.message_type.full_name}"
            node.children = self.message(fd.message_type, value_start, end, depth + 1)
        elif fd.type == _FD.TYPE_STRING and wire_type == LEN:
            assert isinstance(payload, bytes)
            node.value = _preview_text(payload.decode("utf-8", errors="replace"))
        elif fd.type == _FD.TYPE_BYTES and wire_type == LEN:
            assert isinstance(payload, bytes)
            node.value = _preview_bytes(payload)
        elif wire_type == LEN and _expected_wire(fd) != LEN:
            # A packed repeated scalar: one payload, many values (delta_path is one).
            node.type_name = f"packed {type_name}"
            assert isinstance(payload, bytes)
            node.children = self._packed(fd, value_start, end)
            node.value = "[" + ", ".join(c.value for c in node.children) + "]"
        elif wire_type == _expected_wire(fd):
            node.value = _scalar(fd, wire_type, payload)
        else:
            node = self._unknown(
                fd.number, wire_type, payload, start, tag_end, value_start, end, depth
            )
            node.label = f"{fd.name}?"
            node.type_name += f" (schema says {type_name})"
        return node

    def _packed(self, fd: FieldDescriptor, start: int, end: int) -> list[FieldNode]:
        out: list[FieldNode] = []
        pos = start
        wire = _expected_wire(fd)
        index = 0
        while pos < end:
            item_start = pos
            payload: int | bytes
            if wire == VARINT:
                payload, pos = read_varint(self.data, pos)
            else:
                size = 8 if wire == I64 else 4
                payload, pos = self.data[pos : pos + size], pos + size
            out.append(
                FieldNode(
                    f"[{index}]",
                    fd.number,
                    wire,
                    _TYPE_NAMES.get(fd.type, "?"),
                    _scalar(fd, wire, payload),
                    item_start,
                    item_start,
                    item_start,
                    pos,
                )
            )
            index += 1
        if pos != end:
            raise WireError("packed values run past their field", start)
        return out

    def _unknown(
        self,
        number: int,
        wire_type: int,
        payload: int | bytes,
        start: int,
        tag_end: int,
        value_start: int,
        end: int,
        depth: int,
    ) -> FieldNode:
        wire_name = WIRE_NAMES.get(wire_type, "?")
        node = FieldNode(
            f"#{number}",
            number,
            wire_type,
            f"unknown {wire_name}",
            "",
            start,
            tag_end,
            value_start,
            end,
            known=False,
        )
        if isinstance(payload, int):
            signed = _zigzag(payload)
            node.value = str(payload) + (f" (zigzag {signed})" if payload > 1 else "")
        elif wire_type in (I64, I32):
            node.value = payload.hex(" ")
        else:
            # Guess, in this order: clean text ("h1" also parses as a message,
            # so text wins), a nested message, text with newlines, bytes.
            text = _looks_like_text(payload, strict=True)
            nested = None
            if text is None and depth <= 40:
                nested = self._try_message(value_start, end, depth)
                if nested is None:
                    text = _looks_like_text(payload, strict=False)
            if nested:
                node.type_name = "unknown len (message?)"
                node.children = nested
            elif text is not None:
                node.type_name = "unknown len (text?)"
                node.value = _preview_text(text)
            else:
                node.value = _preview_bytes(payload)
        return node

    def _try_message(self, start: int, end: int, depth: int) -> list[FieldNode] | None:
        try:
            nodes = self.message(None, start, end, depth + 1)
        except WireError:
            return None
        return nodes or None


ROOT_TYPES: dict[str, Descriptor] = {
    "forward": ForwardMsg.DESCRIPTOR,  # type: ignore[dict-item]  # upb's Descriptor type
    "back": BackMsg.DESCRIPTOR,  # type: ignore[dict-item]
}


def decode_tree(direction: str, data: bytes, raw: bool = False) -> FieldNode:
    """Decode a whole frame. ``direction`` picks the root type (``forward``/``back``).

    Returns a root node spanning all bytes. If the bytes are not valid wire
    format, the root's ``value`` says where decoding stopped and its children
    are the fields decoded before that point.
    """
    desc = ROOT_TYPES.get(direction)
    name = "raw message" if raw or desc is None else desc.full_name
    root = FieldNode(name, 0, LEN, "message", "", 0, 0, 0, len(data))
    walker = _Walker(data, raw)
    pos = 0
    try:
        while pos < len(data):
            node, pos = walker.field(None if raw else desc, pos, len(data), 0)
            root.children.append(node)
    except WireError as exc:
        root.value = f"invalid protobuf: {exc}"
    return root
