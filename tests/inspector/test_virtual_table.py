"""VirtualTable: rows drawn only when on screen, cells fitted to their columns."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import App, ComposeResult

from inspector.widgets.virtual_table import Cell, VirtualTable


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield VirtualTable([("#", 5), ("what", 8)], id="table")


async def test_a_row_given_as_a_function_is_made_only_when_drawn() -> None:
    made: list[int] = []

    def cells(i: int) -> tuple[Cell, ...]:
        made.append(i)
        return (str(i), f"row {i}")

    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(VirtualTable)
        table.add_rows([(str(i), partial(cells, i)) for i in range(10_000)])
        await pilot.pause()
        assert made and max(made) < 20  # the rows on screen, not 10 000
        assert table.get_row_at(5_000) == ("5000", "row 5000")
        table.move_cursor(row=9_999)
        await pilot.pause()
        assert "9999" in "".join(table.render_lines_for_test())
        assert len(made) < 60


async def test_cells_are_padded_or_cut_with_an_ellipsis() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 6)) as pilot:
        table = app.query_one(VirtualTable)
        table.add_row("123456789", Text("ok", style="green"), key="a")
        table.add_row("1", "a much longer text", key="b")
        await pilot.pause()
        lines = table.render_lines_for_test()
        assert lines[0].startswith("#     what     ")
        assert lines[1].startswith("1234… ok       ")
        assert lines[2].startswith("1     a much … ")
        assert all(len(line) == table.size.width for line in lines)
        ok = [seg for seg in table.render_line(1) if "ok" in seg.text]
        assert ok and ok[0].style is not None and ok[0].style.color is not None
        assert ok[0].style.color.name == "green"  # a Text cell keeps its own style
