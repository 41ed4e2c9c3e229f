"""The Tree pane: the page after the selected run, diffed with the run before.

Not in Streamlit (the frontend's AppRoot holds this tree; Redux DevTools'
state tree and Diff tab show the same idea; reference/inspector-anchors.md
B8 #9, #10).

Receives: the ``View`` on each tick (while the tab is shown). Hands to: the screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, Tree

from inspector.panes.view import View
from inspector.rows import fill_element_tree


class TreePane(Vertical):
    """A title with the diff counts, and the element tree."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._key: tuple[int, int, int] = (0, 0, 0)

    def compose(self) -> ComposeResult:
        yield Static("", id="tree-title")
        yield Tree[tuple[int, ...]]("page", id="element-tree")

    def catch_up(self, view: View) -> None:
        run = view.selected_run()
        if run is None:
            return
        key = (run.no, run.sent_deltas, 1 if run.tree is not None else 0)
        if key == self._key:
            return
        self._key = key
        tree: Tree[tuple[int, ...]] = self.query_one("#element-tree", Tree)
        title = fill_element_tree(tree, view.model, run)
        self.query_one("#tree-title", Static).update(title)
