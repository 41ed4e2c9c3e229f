"""st.snow: snowflakes fall over the page once.

Mirrors: streamlit/elements/snow.py (SnowMixin). Like st.balloons: ``show=True``, marked
as a one-shot effect so it plays once when it arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Status_pb2 import Snow

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class SnowMixin(DGMixin):
    def snow(self) -> DeltaGenerator:
        """Celebrate: snow falls over the page."""
        return self.dg._enqueue("snow", Snow(show=True), has_one_shot_effect=True)
