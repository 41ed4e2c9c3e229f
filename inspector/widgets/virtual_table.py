"""A table that draws only the rows on screen: for logs of 10 000+ rows.

Not in Streamlit. Textual's DataTable measures and stores every cell of every
row as it is added (about 0.3 ms a row here), so a rerun of 10 000 deltas
kept the inspector busy for seconds. This widget keeps its rows as plain
tuples, gives every column a fixed width, and renders a line only when it is
on screen (Textual's line API, ``ScrollView.render_line``): adding a row costs
an ``append``; drawing costs the height of the terminal.

Receives: rows from inspector/app.py (``add_row``, ``update_row``). Hands to:
the screen; ``RowHighlighted`` and ``RowSelected`` messages back to the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = str | Text


@dataclass(slots=True)
class Row:
    key: str
    cells: tuple[Cell, ...]


class VirtualTable(ScrollView, can_focus=True):
    """Rows of fixed-width columns with a row cursor.

    Example::

        table = VirtualTable([("#", 5), ("kind", 20)], id="frames")
        table.add_row("1", "delta", key="1")
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    DEFAULT_CSS = """
    VirtualTable { height: 1fr; }
    VirtualTable > .virtual-table--header { text-style: bold; background: $panel; }
    VirtualTable > .virtual-table--cursor { background: $block-cursor-blurred-background; }
    VirtualTable:focus > .virtual-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    """
    COMPONENT_CLASSES = {"virtual-table--header", "virtual-table--cursor"}

    cursor_row: reactive[int] = reactive(0)

    class RowHighlighted(Message):
        """The cursor moved to a row."""

        def __init__(self, table: VirtualTable, row: int, key: str) -> None:
            super().__init__()
            self.table = table
            self.row = row
            self.key = key

        @property
        def control(self) -> VirtualTable:
            return self.table

    class RowSelected(RowHighlighted):
        """Enter (or a click on the cursor row) on a row."""

    def __init__(self, columns: Sequence[tuple[str, int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self._index: dict[str, int] = {}

    # ----- rows -------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def add_row(self, *cells: Cell, key: str) -> None:
        self._index[key] = len(self.rows)
        self.rows.append(Row(key, cells))
        self._resize()
        if self._on_screen(len(self.rows) - 1):
            self.refresh()

    def add_rows(self, rows: Sequence[tuple[str, Sequence[Cell]]]) -> None:
        """Append many rows at once (one resize, one refresh)."""
        if not rows:
            return
        first = len(self.rows)
        for key, cells in rows:
            self._index[key] = len(self.rows)
            self.rows.append(Row(key, tuple(cells)))
        self._resize()
        if self._on_screen(first) or self._on_screen(len(self.rows) - 1):
            self.refresh()

    def update_row(self, key: str, *cells: Cell) -> None:
        index = self._index[key]
        self.rows[index] = Row(key, cells)
        if self._on_screen(index):
            self.refresh()

    def remove_row(self, key: str) -> None:
        index = self._index.pop(key)
        del self.rows[index]
        self._index = {row.key: i for i, row in enumerate(self.rows)}
        self.cursor_row = min(self.cursor_row, max(0, len(self.rows) - 1))
        self._resize()
        self.refresh()

    def clear(self) -> None:
        self.rows = []
        self._index = {}
        self.cursor_row = 0
        self._resize()
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def get_row_at(self, index: int) -> tuple[Cell, ...]:
        return self.rows[index].cells

    def row_index(self, key: str) -> int | None:
        return self._index.get(key)

    def _resize(self) -> None:
        width = sum(w + 1 for _, w in self.columns)
        self.virtual_size = Size(width, len(self.rows) + 1)

    def _on_screen(self, index: int) -> bool:
        top = int(self.scroll_offset.y)
        return top <= index < top + max(1, self.size.height - 1)

    # ----- cursor -------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        if self.rows:
            self.cursor_row = max(0, min(row, len(self.rows) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        if 0 <= new < len(self.rows):
            self.post_message(self.RowHighlighted(self, new, self.rows[new].key))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False)

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * max(1, self.size.height - 2))

    def action_jump(self, row: int) -> None:
        self.move_cursor(len(self.rows) - 1 if row < 0 else row)

    def action_select(self) -> None:
        if 0 <= self.cursor_row < len(self.rows):
            row = self.rows[self.cursor_row]
            self.post_message(self.RowSelected(self, self.cursor_row, row.key))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor_row:
                self.action_select()
            self.move_cursor(index)

    # ----- drawing ---------------------------------------------------------------------

    def _line(self, cells: Sequence[Cell]) -> Text:
        line = Text(no_wrap=True, end="")
        for (_, width), cell in zip(self.columns, cells, strict=False):
            text = cell.copy() if isinstance(cell, Text) else Text(cell)
            text.truncate(width, overflow="ellipsis")
            text.pad_right(width - text.cell_len)
            line.append_text(text)
            line.append(" ")
        return line

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            text = self._line([Text(name) for name, _ in self.columns])
            style = self.get_component_rich_style("virtual-table--header")
        else:
            index = int(scroll_y) + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, self.rich_style)
            text = self._line(self.rows[index].cells)
            style = (
                self.get_component_rich_style("virtual-table--cursor")
                if index == self.cursor_row
                else Style()
            )
        segments = list(text.render(self.app.console))
        strip = Strip(segments).crop(int(scroll_x), int(scroll_x) + width)
        strip = strip.extend_cell_length(width).apply_style(self.rich_style + style)
        return strip.simplify()

    def render_lines_for_test(self) -> list[str]:
        """The visible lines as plain text (for tests and debugging)."""
        return [
            "".join(seg.text for seg in self.render_line(y) if isinstance(seg, Segment))
            for y in range(self.size.height)
        ]
