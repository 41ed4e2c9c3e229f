"""Reference solution of exercise varint (lesson 03). Try it yourself first."""

from __future__ import annotations

from inspector.protodecode import WireError


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Read a base-128 varint at ``pos``; return (value, position after it)."""
    start = pos
    value = 0
    shift = 0
    while True:
        if pos >= len(data):
            raise WireError("varint runs past the end", start)
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
        if shift >= 70:
            raise WireError("varint longer than 10 bytes", start)
