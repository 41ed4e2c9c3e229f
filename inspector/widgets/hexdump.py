"""A hex dump that highlights the bytes of one protobuf field.

Not in Streamlit. Mirrors Wireshark's bytes pane (reference/
inspector-anchors.md B4): offsets, sixteen bytes a row in hex, then the same
bytes as ASCII. The selected field's *tag* bytes, *length prefix* and
*payload* get three different styles, so a student sees that
``0a 02 08 01`` is "field 1, wire type 2, length 2, then the payload".

Receives: frame bytes and a ``FieldNode`` span from inspector/protodecode.py.
Hands to: the screen, as a Rich ``Text``.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from inspector.protodecode import FieldNode

ROW = 16
TAG_STYLE = "bold black on #d7875f"
LEN_STYLE = "bold black on #afaf5f"
VALUE_STYLE = "black on #5fafd7"


def render_hex(data: bytes, span: FieldNode | None = None, max_rows: int = 4096) -> Text:
    """Render ``data`` as a hex dump, highlighting ``span``'s tag, length and payload."""
    out = Text(no_wrap=True)
    if not data:
        out.append("(no bytes)", style="dim")
        return out
    rows = min((len(data) + ROW - 1) // ROW, max_rows)
    for row in range(rows):
        base = row * ROW
        chunk = data[base : base + ROW]
        out.append(f"{base:06x}  ", style="dim")
        for i, byte in enumerate(chunk):
            out.append(f"{byte:02x}", style=_style(base + i, span))
            out.append("  " if i == 7 else " ")
        out.append("   " * (ROW - len(chunk)) + (" " if len(chunk) <= 7 else ""))
        out.append(" ")
        for i, byte in enumerate(chunk):
            ch = chr(byte) if 32 <= byte < 127 else "."
            out.append(ch, style=_style(base + i, span))
        out.append("\n")
    if rows * ROW < len(data):
        out.append(f"… {len(data) - rows * ROW} more bytes\n", style="dim")
    return out


def _style(offset: int, span: FieldNode | None) -> str:
    if span is None or not span.start <= offset < span.end:
        return ""
    if offset < span.tag_end:
        return TAG_STYLE
    if offset < span.value_start:
        return LEN_STYLE
    return VALUE_STYLE


def legend() -> Text:
    """One line explaining the three highlight styles."""
    text = Text()
    text.append(" tag ", style=TAG_STYLE)
    text.append(" field number << 3 | wire type   ")
    text.append(" len ", style=LEN_STYLE)
    text.append(" length prefix   ")
    text.append(" value ", style=VALUE_STYLE)
    text.append(" payload")
    return text


class HexDump(Static):
    """The bytes pane. Call ``show(data, span)`` to redraw."""

    DEFAULT_CSS = """
    HexDump { width: auto; height: auto; }
    """

    def __init__(self, data: bytes = b"", *, id: str | None = None) -> None:
        super().__init__(render_hex(data), id=id)
        self.data = data
        self.span: FieldNode | None = None

    def show(self, data: bytes, span: FieldNode | None) -> None:
        self.data = data
        self.span = span
        self.update(render_hex(data, span))

    def span_row(self) -> int:
        """The dump row where the highlighted span starts (for scrolling)."""
        return (self.span.start // ROW) if self.span else 0
