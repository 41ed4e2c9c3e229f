"""Cursors: where the next element goes, as a delta_path.

Mirrors: streamlit/cursor.py (Cursor, RunningCursor, LockedCursor,
get_container_cursor). Simplified: no ``props`` bookkeeping. A cursor also keeps the
transient elements (st.spinner) shown at its path for now; see Note [Transient
elements] in elements/spinner.py.

Note [Delta paths]
    Every delta is addressed by ``delta_path = [root, *parent_indices, index]``:

        st.title("A")                     [0, 0]     root 0 = main
        st.sidebar.text("B")              [1, 0]     root 1 = sidebar
        left, right = st.columns(2)       [0, 1]     the row (a block)
                                          [0, 1, 0], [0, 1, 1]   the columns
        left.write("C")                   [0, 1, 0, 0]
        st.text("D")                      [0, 2]

    Identity is *positional*: put a new element before "D" and "D" moves to
    [0, 3]; the browser sees a different element at [0, 2]. A RunningCursor
    hands out the next index each time something is placed; a LockedCursor
    always returns the same slot, which is how ``st.empty()`` placeholders
    get replaced.

Receives: requests from delta_generator.py. Its per-run state lives in
ScriptRunContext.cursors (reset at the start of every run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.scriptrunner.script_run_context import get_script_run_ctx

if TYPE_CHECKING:
    from minilit.proto.Delta_pb2 import Element


class Cursor:
    """A position in the element tree."""

    def __init__(self, root_container: int, parent_path: tuple[int, ...], index: int) -> None:
        self.root_container = root_container
        self.parent_path = parent_path
        """Indices of the enclosing blocks below the root."""
        self.index = index
        self.transient_index: int | None = None
        """The index the last transient element opened here got (None: none yet)."""
        self.transient_elements: dict[int, Element] = {}
        """The transient elements shown at this path now, by index (a sparse list)."""

    def next_transient_index(self) -> int:
        """An index for one more transient element at this path."""
        self.transient_index = 0 if self.transient_index is None else self.transient_index + 1
        return self.transient_index

    @property
    def delta_path(self) -> list[int]:
        return [self.root_container, *self.parent_path, self.index]

    @property
    def is_locked(self) -> bool:
        return False

    def get_locked_cursor(self) -> LockedCursor:
        raise NotImplementedError


# [lesson:cursors]
class RunningCursor(Cursor):
    """Moves forward by one each time an element or block is placed."""

    def __init__(self, root_container: int, parent_path: tuple[int, ...] = ()) -> None:
        super().__init__(root_container, parent_path, 0)

    def get_locked_cursor(self) -> LockedCursor:
        locked = LockedCursor(self.root_container, self.parent_path, self.index)
        self.index += 1
        # The path moved on: the transients shown at the old one are not this path's.
        self.transient_index = None
        self.transient_elements = {}
        return locked


class LockedCursor(Cursor):
    """Always the same slot: writing through it replaces what is there."""

    @property
    def is_locked(self) -> bool:
        return True

    def get_locked_cursor(self) -> LockedCursor:
        return self


# [/lesson:cursors]


def get_container_cursor(root_container: int) -> RunningCursor | None:
    """The running cursor of a root container for the current run (None outside a run)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    cursor = ctx.cursors.get(root_container)
    if cursor is None:
        cursor = ctx.cursors[root_container] = RunningCursor(root_container)
    return cursor
