"""st.metric: a big number with an optional delta arrow.

Mirrors: streamlit/elements/metric.py (MetricMixin). Simplified: no
sparkline chart, no number formatting options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from minilit.elements.heading import help_str
from minilit.elements.layout_utils import (
    Height,
    LabelVisibilityName,
    Width,
    check_bool,
    height_config,
    label_text,
    label_visibility_proto,
    width_config,
)
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
        label_visibility: LabelVisibilityName = "visible",
        width: Width = "stretch",
        height: Height = "content",
    ) -> DeltaGenerator:
        """Show ``value`` under ``label``; ``delta`` adds a coloured up/down arrow."""
        check_bool("border", border)
        width_cfg = width_config(width, allow_content=True)
        height_cfg = height_config(height, allow_content=True)
        proto = Metric(
            label=label_text(label),
            body="—" if value is None else str(value),
            help=help_str(help),
            show_border=border,
            label_visibility=label_visibility_proto(label_visibility),
        )
        if delta is None or delta == "":
            proto.direction = Metric.NONE
            proto.color = Metric.GRAY
            return self.dg._enqueue("metric", proto, width=width_cfg, height=height_cfg)
        text = str(delta)
        proto.delta = text
        is_down = text.strip().startswith("-")
        proto.direction = Metric.DOWN if is_down else Metric.UP
        good = not is_down if delta_color == "normal" else is_down
        if delta_color == "off":
            proto.color = Metric.GRAY
        else:
            proto.color = Metric.GREEN if good else Metric.RED
        return self.dg._enqueue("metric", proto, width=width_cfg, height=height_cfg)
