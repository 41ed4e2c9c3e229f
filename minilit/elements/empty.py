"""st.empty: a placeholder slot that later calls replace.

Mirrors: streamlit/elements/empty.py (EmptyMixin). It is not magic: it sends
an Empty element and returns the DeltaGenerator *locked* to its slot (see
delta_generator.py), so ``ph.text("x")`` replaces whatever is there and
``ph.container()`` turns the slot into a block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Empty

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class EmptyMixin(DGMixin):
    def empty(self) -> DeltaGenerator:
        """Reserve a slot; call element methods on the result to fill or replace it.

        On a placeholder itself, ``ph.empty()`` clears the slot again.
        """
        return self.dg._enqueue("empty", Empty())
