"""Lesson 14's claim about minilit's inspector: the Arrow view under a frame's bytes field.

Apart from test_l14_claims.py because Textual's Pilot runs an asyncio loop, and the
module-scoped Chromium there (Playwright's sync API) keeps one running on this thread.
The frames come from a real minilit server through the headless client.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from inspector.channel.summary import describe_forward
from inspector.model import Frame
from inspector.widgets.frame_view import FrameScreen
from lessons.framework.claims import claim
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.server.background import ServerThread
from minilit.testing import AppClient

CITIES, NUMBERS = (0, 1), (0, 5)


def _delta_frames(server: ServerThread) -> dict[tuple[int, ...], bytes]:
    with AppClient.connect(server.url) as app:
        app.run()
        return {
            tuple(m.metadata.delta_path): f
            for f, m in zip(app.last_run.frames, app.last_run.messages, strict=True)
            if m.HasField("delta")
        }


class _Host(App[None]):
    def __init__(self, frame: Frame) -> None:
        super().__init__()
        self.frame = frame

    def on_mount(self) -> None:
        self.push_screen(FrameScreen(self.frame))


def _labels(node: TreeNode[Any]) -> list[str]:
    label = node.label.plain if isinstance(node.label, Text) else str(node.label)
    return [label, *(text for child in node.children for text in _labels(child))]


async def _arrow_view(data: bytes) -> list[str]:
    frame = Frame(
        1, 1, 0, "forward", "session", data, describe_forward(ForwardMsg.FromString(data))
    )
    host = _Host(frame)
    async with host.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.2)
        return _labels(host.screen.query_one("#proto-tree", Tree).root)


@claim("L14.C8")
async def test_the_inspector_shows_the_arrow_view(server: ServerThread) -> None:
    frames = _delta_frames(server)
    labels = await _arrow_view(frames[CITIES])
    assert "Arrow IPC stream: 3 rows, 3 columns, index column city" in labels, labels
    assert "population: int64" in labels
    assert any(label.split() == ["Portugal", "545796", "Lisbon"] for label in labels), labels
    labels = await _arrow_view(frames[NUMBERS])
    assert (
        "Arrow IPC stream: 1000 rows, 3 columns, index RangeIndex(0, 1000, 1) in the metadata only"
        in labels
    ), labels
