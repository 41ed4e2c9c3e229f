"""What an Arrow payload inside a frame holds: its schema and its first rows.

Not in Streamlit (its browser decodes the bytes with the Arrow JavaScript library and
draws them; nobody shows them as data). st.dataframe, st.table and the charts carry a
table as Arrow IPC stream bytes in ``ArrowData.data`` (minilit/proto/Arrow.proto), so
a frame holds a DataFrame inside a protobuf message inside a websocket message. The
frame screen (inspector/widgets/frame_view.py) shows such a bytes field as a small
table under its node, decoded here with pyarrow: the columns and their Arrow types,
which of them is the DataFrame's index (from the schema's "pandas" metadata, which
also describes a default RangeIndex without sending it), and the first rows.

Receives: the payload bytes of one field. Hands to: the frame screen's tree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

ARROW_STREAM_MARK = b"\xff\xff\xff\xff"
"""An Arrow IPC stream starts with this continuation marker (then the schema message)."""

PREVIEW_ROWS = 5


@dataclass
class ArrowSummary:
    """One decoded Arrow stream, ready to print."""

    num_rows: int
    schema: list[tuple[str, str]]
    """(column name, Arrow type) in stream order."""
    index: str
    """Where the DataFrame's index is: a column name, a RangeIndex, or "none"."""
    rows: list[list[str]] = field(default_factory=list)
    """The first rows, each cell as text."""

    @property
    def headline(self) -> str:
        return (
            f"Arrow IPC stream: {self.num_rows} rows, {len(self.schema)} columns, "
            f"index {self.index}"
        )

    def row_lines(self) -> list[str]:
        """The header and the first rows as aligned text columns."""
        header = [name for name, _ in self.schema]
        table = [header, *self.rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        return [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in table
        ]


def looks_like_arrow(payload: bytes) -> bool:
    return payload.startswith(ARROW_STREAM_MARK) and len(payload) > 8


def _index_text(metadata: dict[bytes, bytes] | None) -> str:
    if not metadata or b"pandas" not in metadata:
        return "none (no pandas metadata)"
    try:
        pandas = json.loads(metadata[b"pandas"])
    except ValueError:
        return "unreadable pandas metadata"
    parts = []
    for entry in pandas.get("index_columns", []):
        if isinstance(entry, dict) and entry.get("kind") == "range":
            parts.append(
                f"RangeIndex({entry.get('start')}, {entry.get('stop')}, {entry.get('step')}) "
                "in the metadata only"
            )
        else:
            parts.append(f"column {entry}")
    return ", ".join(parts) or "none"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 24 else text[:23] + "…"


def summarize_arrow(payload: bytes, max_rows: int = PREVIEW_ROWS) -> ArrowSummary | None:
    """Decode ``payload`` as an Arrow IPC stream; None if it is not one."""
    if not looks_like_arrow(payload):
        return None
    import pyarrow as pa

    try:
        table = pa.ipc.open_stream(payload).read_all()
    except (pa.ArrowInvalid, OSError):
        return None
    head = table.slice(0, max_rows).to_pylist()
    return ArrowSummary(
        num_rows=table.num_rows,
        schema=[(f.name, str(f.type)) for f in table.schema],
        index=_index_text(table.schema.metadata),
        rows=[[_cell(row[name]) for name in table.column_names] for row in head],
    )
