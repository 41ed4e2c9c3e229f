"""Read recorded wire sessions ("wire goldens": one JSON object per websocket frame).

Not in Streamlit. The format is the one of ``shared/reference/wire-goldens/tour.jsonl``,
recorded against a real Streamlit 1.67 server: each line is
``{"dir": "back" | "forward", "hex": <exact frame bytes>, "text": <protobuf text format>}``
where ``back`` is browser → server (a BackMsg) and ``forward`` server → browser (a
ForwardMsg). ``text`` was printed with Streamlit's own schema, so it names fields minilit
does not declare.

Receives: a ``.jsonl`` file. Hands to: tests and lessons, which decode the frames with
minilit's messages, feed them to ``minilit.testing.tree.ElementTree``, or compare them with
what minilit sends (``tests/golden/``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from minilit.proto import BackMsg_pb2, ForwardMsg_pb2


@dataclass(frozen=True)
class GoldenFrame:
    """One recorded websocket frame."""

    index: int
    """Line number in the file, from 0."""
    direction: str
    """``"back"`` (browser → server) or ``"forward"`` (server → browser)."""
    data: bytes
    """The exact frame bytes."""
    text: str
    """The recorder's protobuf text format of the frame (Streamlit's schema)."""

    def decode_back(self) -> BackMsg_pb2.BackMsg:
        """Decode a ``back`` frame with minilit's BackMsg."""
        if self.direction != "back":
            raise ValueError(f"frame {self.index} is a {self.direction} frame")
        return BackMsg_pb2.BackMsg.FromString(self.data)

    def decode_forward(self) -> ForwardMsg_pb2.ForwardMsg:
        """Decode a ``forward`` frame with minilit's ForwardMsg."""
        if self.direction != "forward":
            raise ValueError(f"frame {self.index} is a {self.direction} frame")
        return ForwardMsg_pb2.ForwardMsg.FromString(self.data)


@dataclass(frozen=True)
class GoldenRun:
    """One rerun request and every ForwardMsg that answered it, in order."""

    request: GoldenFrame
    """The ``back`` frame (a ``rerun_script`` BackMsg)."""
    responses: list[GoldenFrame] = field(default_factory=list)
    """The ``forward`` frames that followed, up to the next ``back`` frame."""

    def messages(self) -> list[ForwardMsg_pb2.ForwardMsg]:
        """The responses decoded with minilit's ForwardMsg."""
        return [frame.decode_forward() for frame in self.responses]


def load_frames(path: str | Path) -> list[GoldenFrame]:
    """Every frame of a wire golden file, in recorded order."""
    frames: list[GoldenFrame] = []
    with open(path, encoding="utf-8") as f:
        for index, line in enumerate(f):
            if not line.strip():
                continue
            record = json.loads(line)
            frames.append(
                GoldenFrame(index, record["dir"], bytes.fromhex(record["hex"]), record["text"])
            )
    return frames


def load_runs(path: str | Path) -> list[GoldenRun]:
    """The file split into runs: each ``back`` frame with the ``forward`` frames after it.

    Raises:
        ValueError: if the file starts with a forward frame (nothing asked for it).
    """
    runs: list[GoldenRun] = []
    for frame in load_frames(path):
        if frame.direction == "back":
            runs.append(GoldenRun(frame))
        elif not runs:
            raise ValueError(f"{path}: forward frame {frame.index} before any back frame")
        else:
            runs[-1].responses.append(frame)
    return runs
