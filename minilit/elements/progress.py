"""st.progress: a progress bar, 0 to 100.

Mirrors: streamlit/elements/progress.py (ProgressMixin). Accepts an int in
0..100 or a float in 0.0..1.0, as Streamlit does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.layout_utils import Width, width_config
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Elements_pb2 import Progress

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class ProgressMixin(DGMixin):
    def progress(
        self, value: int | float, text: str | None = None, *, width: Width = "stretch"
    ) -> DeltaGenerator:
        """Show a progress bar; call it again on the result to move it."""
        if isinstance(value, bool):
            raise MinilitAPIException("st.progress expects an int or a float, not a bool")
        if isinstance(value, float):
            if not 0.0 <= value <= 1.0:
                raise MinilitAPIException(f"Progress value {value} must be between 0.0 and 1.0")
            percent = int(value * 100)
        elif isinstance(value, int):
            if not 0 <= value <= 100:
                raise MinilitAPIException(f"Progress value {value} must be between 0 and 100")
            percent = value
        else:
            raise MinilitAPIException(f"st.progress expects an int or a float, got {value!r}")
        proto = Progress(value=percent, text=text or "")
        return self.dg._enqueue("progress", proto, width=width_config(width))
