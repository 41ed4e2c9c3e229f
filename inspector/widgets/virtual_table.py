"""A table that draws only the rows on screen: for logs of 10 000+ rows.

Not in Streamlit. Textual's DataTable measures and stores every cell of every
row as it is added (about 0.3 ms a row here), so a rerun of 10 000 deltas
kept the inspector busy for seconds. This widget keeps its rows as plain
tuples, gives every column a fixed width, and renders a line only when it is
on screen (Textual's line API, ``ScrollView.render_line``): adding a row costs
an ``append``; drawing costs the height of the terminal. See Note [Cheap lines].

Receives: rows from inspector/app.py (``add_row``, ``update_row``). Hands to:
the screen; ``RowHighlighted`` and ``RowSelected`` messages back to the app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = str | Text
Cells = Sequence[Cell] | Callable[[], Sequence[Cell]]
"""A row's cells, or a function that makes them when the row is first drawn."""


@dataclass(slots=True)
class Row:
    key: str
    cells: Cells

    def resolve(self) -> tuple[Cell, ...]:
        """The cells, made now if they were given as a function (then kept)."""
        cells = self.cells
        if callable(cells):
            cells = self.cells = tuple(cells())
        elif not isinstance(cells, tuple):
            cells = self.cells = tuple(cells)
        return cells


@dataclass(frozen=True, slots=True)
class _Paint:
    """What every line of one repaint shares (worked out once per repaint)."""

    width: int
    scroll_x: int
    scroll_y: int
    base: Style
    header: Style
    cursor: Style


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis (as Rich does)."""
    length = cell_len(text)
    if length <= width:
        return text + " " * (width - length)
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


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
        self._paint: _Paint | None = None

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

    def add_rows(self, rows: Sequence[tuple[str, Cells]]) -> None:
        """Append many rows at once (one resize, one refresh).

        A row's cells may be a function: it is called when the row is first drawn, so
        a pane can add 10 000 rows for the price of 10 000 appends.
        """
        if not rows:
            return
        first = len(self.rows)
        for key, cells in rows:
            self._index[key] = len(self.rows)
            self.rows.append(Row(key, cells))
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
        return self.rows[index].resolve()

    def row_index(self, key: str) -> int | None:
        return self._index.get(key)

    def _resize(self) -> None:
        """Make the scrollable area fit the rows: new scrollbars, not a new layout.

        Setting ``virtual_size`` asks for a layout of the whole screen (about as
        costly as drawing it), and a table that grows at every refresh tick (12 a
        second) would ask at every tick. The table's own box is set by CSS, not by
        its rows, so only its scrollbars change: this is what Textual itself does
        when a layout gives a widget a new virtual size (``Widget._size_updated``).
        """
        size = Size(sum(w + 1 for _, w in self.columns), len(self.rows) + 1)
        if size == self.virtual_size:
            return
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)  # the callers repaint the rows if they are on screen

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
    #
    # Note [Cheap lines]
    # ~~~~~~~~~~~~~~~~~~
    # While a 10 000-delta rerun streams in with follow on, every tick scrolls both
    # tables, so every line on screen is drawn anew, 12 times a second. A line is
    # therefore built as plainly as possible: plain-string cells are padded or cut
    # with string operations and joined into one segment; only ``Text`` cells (a
    # coloured status, an arrow) go through Rich. The styles every line needs (the
    # widget's, the header's, the cursor's) cost a walk up the DOM each, so they are
    # worked out once per repaint (``render_lines``), not once per line.

    def _make_paint(self) -> _Paint:
        base = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        return _Paint(
            width=self.size.width,
            scroll_x=int(scroll_x),
            scroll_y=int(scroll_y),
            base=base,
            header=base + self.get_component_rich_style("virtual-table--header"),
            cursor=base + self.get_component_rich_style("virtual-table--cursor"),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint = self._make_paint()
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def _segments(self, cells: Sequence[Cell]) -> list[Segment]:
        """One line's segments: each cell in its column's width, a space after each."""
        segments: list[Segment] = []
        plain: list[str] = []
        for (_, width), cell in zip(self.columns, cells, strict=False):
            if isinstance(cell, str):
                plain.append(fit(cell, width))
                plain.append(" ")
                continue
            if plain:
                segments.append(Segment("".join(plain)))
                plain = []
            text = cell.copy()
            text.truncate(width, overflow="ellipsis")
            text.pad_right(width - text.cell_len)
            # Text.render leaves a Text's own style (Text("→", style="cyan")) to the
            # caller when it has no spans.
            console = self.app.console
            style = console.get_style(text.style) if text.style else None
            segments.extend(Segment.apply_style(text.render(console), style))
            plain.append(" ")
        if plain:
            segments.append(Segment("".join(plain)))
        return segments

    def render_line(self, y: int) -> Strip:
        paint = self._paint or self._make_paint()
        if y == 0:
            segments = self._segments([name for name, _ in self.columns])
            style = paint.header
        else:
            index = paint.scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(paint.width, paint.base)
            segments = self._segments(self.rows[index].resolve())
            style = paint.cursor if index == self.cursor_row else paint.base
        if paint.scroll_x:  # scrolled sideways: Textual's general (slower) cropping
            strip = Strip(segments).crop(paint.scroll_x, paint.scroll_x + paint.width)
            return strip.extend_cell_length(paint.width).apply_style(style).simplify()
        line = Segment.adjust_line_length(segments, paint.width)
        return Strip(Segment.apply_style(line, style), paint.width)

    def render_lines_for_test(self) -> list[str]:
        """The visible lines as plain text (for tests and debugging)."""
        return [
            "".join(seg.text for seg in self.render_line(y) if isinstance(seg, Segment))
            for y in range(self.size.height)
        ]
