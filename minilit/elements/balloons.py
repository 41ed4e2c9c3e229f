"""st.balloons: balloons float up the page once.

Mirrors: streamlit/elements/balloons.py (BalloonsMixin). The element carries only
``show=True``; it is marked as a one-shot effect so the browser plays it once, when it
arrives, and not again each time the page is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Status_pb2 import Balloons

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class BalloonsMixin(DGMixin):
    def balloons(self) -> DeltaGenerator:
        """Celebrate: balloons rise over the page."""
        return self.dg._enqueue("balloons", Balloons(show=True), has_one_shot_effect=True)
