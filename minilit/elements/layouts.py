"""Containers: st.container, st.columns, st.expander.

Mirrors: streamlit/elements/layouts.py (LayoutsMixin). Columns are sent the
way 1.67 sends them: a horizontal FlexContainer block, then one Column block
per column with its share of the width as ``weight`` (1.39 sent a Horizontal
block instead). Simplified: no gap sizes, no vertical alignment, no tabs or
popovers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Delta_pb2 import Block

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class LayoutsMixin(DGMixin):
    def container(self, *, border: bool = False) -> DeltaGenerator:
        """A block to put elements in, also out of order (``with c:`` or ``c.text()``)."""
        block = Block(allow_empty=False)
        block.vertical.border = border
        return self.dg._block(block)

    def columns(self, spec: int | Sequence[float], *, border: bool = False) -> list[DeltaGenerator]:
        """Side-by-side columns: ``st.columns(2)`` or weights like ``st.columns([2, 1])``."""
        weights = _column_weights(spec)
        row = Block()
        row.flex_container.direction = Block.FlexContainer.HORIZONTAL
        row.flex_container.wrap = True
        row.flex_container.scale = 1.0
        row.flex_container.align = Block.FlexContainer.STRETCH
        row_dg = self.dg._block(row)
        total = sum(weights)
        columns = []
        for weight in weights:
            col = Block(allow_empty=True)
            col.column.weight = weight / total
            col.column.show_border = border
            columns.append(row_dg._block(col))
        return columns

    def expander(self, label: str, expanded: bool = False) -> DeltaGenerator:
        """A collapsible block with a clickable ``label``."""
        block = Block(allow_empty=True)
        block.expandable.label = label
        block.expandable.expanded = expanded
        return self.dg._block(block)


def _column_weights(spec: int | Sequence[float]) -> list[float]:
    if isinstance(spec, int):
        if spec < 1:
            raise MinilitAPIException("st.columns needs a positive number of columns")
        return [1.0] * spec
    weights = [float(w) for w in spec]
    if not weights or any(w <= 0 for w in weights):
        raise MinilitAPIException("st.columns weights must be positive numbers")
    return weights
