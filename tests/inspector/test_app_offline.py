"""Pilot tests of the main interactions, on recordings (offline mode)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, Tree

from inspector.app import InspectorApp
from inspector.channel.recording import read_recording
from inspector.model import Frame
from inspector.panes.source import SourcePane
from inspector.sources import RecordingSource
from inspector.widgets.frame_view import FrameScreen
from inspector.widgets.help import HelpScreen
from inspector.widgets.hexdump import HexDump
from inspector.widgets.virtual_table import VirtualTable
from tests.inspector.conftest import MINILIT_SESSION, TOUR, offline_app, settle

SIZE = (160, 45)


def rows(app: InspectorApp, table_id: str) -> list[list[str]]:
    table = app.screen_stack[0].query_one(f"#{table_id}", VirtualTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_select_a_run_shows_its_deltas() -> None:
    app = offline_app(TOUR)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(rows(app, "timeline")) == 2
        assert app.selected_run_no == 2  # follow: the newest rerun
        assert len(rows(app, "delta-table")) == 14
        await pilot.press("up")
        await settle(pilot)
        assert app.selected_run_no == 1
        assert not app.follow  # moving by hand locks the scroll
        deltas = rows(app, "delta-table")
        assert len(deltas) == 13
        assert deltas[0][1:3] == ["[0,0]", "heading"]
        assert deltas[0][-1] == "Hello"


async def test_open_a_frame_links_tree_and_hex_dump() -> None:
    app = offline_app(TOUR)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("up")  # run 1
        await pilot.pause(0.2)
        app.query_one("#delta-table", VirtualTable).focus()
        await pilot.press("enter")  # the heading delta's frame
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, FrameScreen)
        frame: Frame = screen.frame
        assert frame.kind == "delta" and frame.info.element == "heading"
        tree = screen.query_one("#proto-tree", Tree)
        body = next(n for n in _nodes(tree.root) if n.data is not None and n.data.label == "body")
        tree.move_cursor(body)
        await pilot.pause(0.1)
        dump = screen.query_one("#hexdump", HexDump)
        assert dump.span is body.data
        assert frame.data[body.data.value_start : body.data.end] == b"Hello"
        info = str(screen.query_one("#field-info", Static).render())
        assert "field 3 << 3 | wire type 2" in info
        # (minilit's protos now declare every field of this heading; fields they do
        # not declare are shown raw: test_protodecode.py, on the new_session frame.)
        assert all(n.data.known for n in _nodes(tree.root) if n.data is not None)
        await pilot.press("d")  # raw decode: no names at all
        await pilot.pause(0.1)
        assert all(
            not n.data.known for n in _nodes(tree.root) if n.data is not None and n.data.number
        )
        await pilot.press("escape")
        assert not isinstance(app.screen, FrameScreen)


def _nodes(node):  # type: ignore[no-untyped-def]
    yield node
    for child in node.children:
        yield from _nodes(child)


async def test_frames_tab_filter_and_heartbeats() -> None:
    app = offline_app(TOUR)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert len(rows(app, "frame-table")) == 37
        await pilot.press("slash")
        await pilot.press(*"type:markdown")
        await pilot.press("enter")
        await pilot.pause(0.2)
        kinds = rows(app, "frame-table")
        assert len(kinds) == 9 and all(r[-1].startswith("markdown") for r in kinds)
        await pilot.press("slash")
        await pilot.press(*"colour:red", "enter")
        await pilot.pause(0.1)
        assert app.filter is not None and app.filter.text == "type:markdown"  # bad one refused


async def test_tree_tab_shows_the_diff_against_the_previous_run() -> None:
    app = offline_app(MINILIT_SESSION)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        title = str(app.query_one("#tree-title", Static).render())
        assert "+5 added" in title and "-4 removed" in title and "~4 changed" in title


async def test_source_tab_highlights_the_selected_deltas_line() -> None:
    app = offline_app(MINILIT_SESSION)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one("#delta-table", VirtualTable)
        table.focus()
        table.move_cursor(row=1)  # [0,1] markdown "rerun number 2", line 8
        await pilot.press("4")
        await pilot.pause(0.2)
        path, line = app.screen_stack[0].query_one("#source-pane", SourcePane).location
        assert path.endswith("app.py") and line == 8


async def test_help_screen() -> None:
    app = offline_app(TOUR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_export_and_record(tmp_path: Path) -> None:
    app = offline_app(MINILIT_SESSION, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m", "enter")  # accept the proposed file name
        await pilot.pause(0.1)
        exported = list(tmp_path.glob("rerun-*.md"))
        assert len(exported) == 1
        text = exported[0].read_text()
        assert "| 3 | → | delta | [0,0] | heading | Hello | app.py:6 | 92 |" in text
        assert "Coalesced in the queue" in text and "- [0,3] empty (app.py:10)" in text
        await pilot.press("w")
        await pilot.press("enter")  # accept the proposed file name
        await pilot.pause(0.1)
        assert app.recorder is not None
        await pilot.press("w")  # stop
    recorded = list(tmp_path.glob("minilit-*.jsonl"))
    assert len(recorded) == 1
    again = read_recording(recorded[0])
    assert len(again.events) == len(read_recording(MINILIT_SESSION).events)
    assert again.sources


async def test_stepping_keys_offline_are_refused_politely() -> None:
    app = InspectorApp(RecordingSource(TOUR))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await pilot.press("p", "n", "h")
        await pilot.pause(0.1)
        assert app.is_running  # nothing crashed; offline mode says why in a toast
