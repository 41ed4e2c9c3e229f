"""The base of every element mixin: a typed view of ``self`` as a DeltaGenerator.

Mirrors the ``dg`` property each mixin in streamlit/elements/ defines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class DGMixin:
    @property
    def dg(self) -> DeltaGenerator:
        """Self, typed as the DeltaGenerator this mixin is part of."""
        return cast("DeltaGenerator", self)
