"""Snapshot tests of the inspector's main screens (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/inspector --snapshot-update``
and look at the SVGs in ``__snapshots__`` before committing them. The terminal
environment is pinned (conftest.py), so they pass whatever terminal runs them.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Tree

from inspector.widgets.virtual_table import VirtualTable
from tests.inspector.conftest import MINILIT_SESSION, TOUR, offline_app, settle

SIZE = (160, 45)


async def _settle(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    pilot.app.refresh_views()  # type: ignore[attr-defined]
    await pilot.pause()


def test_main_screen_on_a_streamlit_recording(snap_compare: Any) -> None:
    assert snap_compare(offline_app(TOUR), terminal_size=SIZE, run_before=_settle)


def test_frames_tab(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("2")
        await _settle(pilot)

    assert snap_compare(offline_app(MINILIT_SESSION), terminal_size=SIZE, run_before=before)


def test_frame_screen_tree_linked_to_hex(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("up")
        await _settle(pilot)
        pilot.app.screen_stack[0].query_one("#delta-table", VirtualTable).focus()
        await pilot.press("enter")
        await pilot.pause(0.2)
        tree = pilot.app.screen.query_one("#proto-tree", Tree)
        for _ in range(9):  # down to delta.new_element.heading.body
            tree.action_cursor_down()
        await pilot.pause(0.2)

    assert snap_compare(offline_app(TOUR), terminal_size=SIZE, run_before=before)


def test_tree_tab_with_diff(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("3")
        await _settle(pilot)

    assert snap_compare(offline_app(MINILIT_SESSION), terminal_size=SIZE, run_before=before)


def test_source_tab_highlights_the_line(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        table = pilot.app.screen_stack[0].query_one("#delta-table", VirtualTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("4")
        await _settle(pilot)

    assert snap_compare(offline_app(MINILIT_SESSION), terminal_size=SIZE, run_before=before)


def test_security_tab(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("6")
        await _settle(pilot)

    assert snap_compare(offline_app(MINILIT_SESSION), terminal_size=SIZE, run_before=before)


def test_help_screen(snap_compare: Any) -> None:
    async def before(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.2)

    assert snap_compare(offline_app(TOUR), terminal_size=SIZE, run_before=before)
