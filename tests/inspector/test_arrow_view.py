"""The frame screen shows the DataFrame inside a frame: the Arrow bytes of st.dataframe
(and of a chart's dataset) decoded into a small table view under their field (Pilot).

The frame is a real one: a minilit server runs the app, the headless client receives
the delta, and its bytes go to the frame screen as the inspector would show them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual.app import App
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from inspector.arrowview import summarize_arrow
from inspector.channel.summary import describe_forward
from inspector.model import Frame
from inspector.widgets.frame_view import FrameScreen
from inspector.widgets.hexdump import HexDump
from minilit.proto.ForwardMsg_pb2 import ForwardMsg
from minilit.testing import AppClient

APP = """
import pandas as pd
import streamlit as st
st.dataframe(pd.DataFrame({"name": ["Ada", "Grace"], "score": [36, 85]}, index=[7, 8]))
st.line_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}))
"""


def _frames() -> list[Frame]:
    with AppClient.from_string(APP, default_timeout=20) as app:
        result = app.run().last_run
        deltas = [m for m in result.messages if m.WhichOneof("type") == "delta"]
    frames = []
    for no, msg in enumerate(deltas, start=1):
        data = msg.SerializeToString()
        again = ForwardMsg()
        again.ParseFromString(data)
        frames.append(Frame(no, no, 0, "forward", "session", data, describe_forward(again)))
    return frames


class Host(App[None]):
    def __init__(self, frame: Frame) -> None:
        super().__init__()
        self.frame = frame

    def on_mount(self) -> None:
        self.push_screen(FrameScreen(self.frame))


def _nodes(node: TreeNode[Any]) -> Iterator[TreeNode[Any]]:
    yield node
    for child in node.children:
        yield from _nodes(child)


def _labels(tree: Tree[Any]) -> list[str]:
    return [n.label.plain if isinstance(n.label, Text) else str(n.label) for n in _nodes(tree.root)]


async def test_the_dataframe_inside_the_protobuf_inside_the_frame_is_shown_as_a_table() -> None:
    dataframe, _chart = _frames()
    assert dataframe.info.element == "dataframe"
    # The frame's one-line summary (the log and delta panes) says how big the payload is.
    assert dataframe.info.summary.startswith("Arrow IPC, ")
    app = Host(dataframe)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, FrameScreen)
        tree = screen.query_one("#proto-tree", Tree)
        labels = _labels(tree)
        assert "Arrow IPC stream: 2 rows, 3 columns, index column __index_level_0__" in labels, (
            labels
        )
        assert "name: large_string" in labels and "score: int64" in labels
        rows = [label.split() for label in labels if label.startswith(("name ", "Ada", "Grace"))]
        assert rows == [
            ["name", "score", "__index_level_0__"],
            ["Ada", "36", "7"],
            ["Grace", "85", "8"],
        ]
        # The table view belongs to the bytes field: selecting it highlights those bytes.
        headline = next(n for n in _nodes(tree.root) if str(n.label).startswith("Arrow IPC"))
        tree.move_cursor(headline)
        await pilot.pause(0.1)
        span = screen.query_one("#hexdump", HexDump).span
        assert span is not None and span.label == "data"
        assert dataframe.data[span.value_start : span.value_start + 4] == b"\xff\xff\xff\xff"


async def test_a_charts_melted_dataset_and_a_range_index_in_the_metadata() -> None:
    _dataframe, chart = _frames()
    app = Host(chart)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.2)
        labels = _labels(app.screen.query_one("#proto-tree", Tree))
        assert (
            "Arrow IPC stream: 4 rows, 3 columns, index RangeIndex(0, 4, 1) in the metadata only"
            in labels
        ), labels
        assert "color -- streamlit-generated: large_string" in labels


def test_bytes_that_are_not_an_arrow_stream_are_left_alone() -> None:
    assert summarize_arrow(b"hello") is None
    assert summarize_arrow(b"\xff\xff\xff\xff" + b"\x00" * 12) is None
