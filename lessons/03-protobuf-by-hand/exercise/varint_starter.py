"""Exercise varint (lesson 03). Read varint.md first.

This function replaces inspector.protodecode.read_varint when you run
`minilit lesson check 3`; the inspector's decoder then reads every tag, length and
integer with it.
"""

from __future__ import annotations

from inspector.protodecode import WireError  # noqa: F401 (raise it for bad input)


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Read a base-128 varint at ``pos``; return (value, position after it)."""
    # TODO: this only works for numbers below 128 (one byte). Loop over the bytes while
    # the high bit is set, adding each byte's low 7 bits at the right shift.
    return data[pos], pos + 1
