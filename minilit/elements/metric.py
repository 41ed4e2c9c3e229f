"""st.metric: a big number with an optional delta arrow.

Mirrors: streamlit/elements/metric.py (MetricMixin). Simplified: no
sparkline chart, no number formatting options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Metric

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class MetricMixin(DGMixin):
    def metric(
        self,
        label: str,
        value: object,
        delta: object = None,
        delta_color: Literal["normal", "inverse", "off"] = "normal",
        *,
        help: str | None = None,
        border: bool = False,
    ) -> DeltaGenerator:
        """Show ``value`` under ``label``; ``delta`` adds a coloured up/down arrow."""
        proto = Metric(
            label=label,
            body="—" if value is None else str(value),
            help=help or "",
            show_border=border,
        )
        if delta is None or delta == "":
            proto.direction = Metric.NONE
            proto.color = Metric.GRAY
            return self.dg._enqueue("metric", proto)
        text = str(delta)
        proto.delta = text
        is_down = text.strip().startswith("-")
        proto.direction = Metric.DOWN if is_down else Metric.UP
        good = not is_down if delta_color == "normal" else is_down
        if delta_color == "off":
            proto.color = Metric.GRAY
        else:
            proto.color = Metric.GREEN if good else Metric.RED
        return self.dg._enqueue("metric", proto)
