"""st.error, st.warning, st.info, st.success: coloured message boxes.

Mirrors: streamlit/elements/alert.py (AlertMixin).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Alert

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class AlertMixin(DGMixin):
    def error(self, body: object, *, icon: str | None = None) -> DeltaGenerator:
        """A red box with Markdown ``body``."""
        return self._alert(body, Alert.ERROR, icon)

    def warning(self, body: object, *, icon: str | None = None) -> DeltaGenerator:
        """A yellow box with Markdown ``body``."""
        return self._alert(body, Alert.WARNING, icon)

    def info(self, body: object, *, icon: str | None = None) -> DeltaGenerator:
        """A blue box with Markdown ``body``."""
        return self._alert(body, Alert.INFO, icon)

    def success(self, body: object, *, icon: str | None = None) -> DeltaGenerator:
        """A green box with Markdown ``body``."""
        return self._alert(body, Alert.SUCCESS, icon)

    def _alert(self, body: object, fmt: int, icon: str | None) -> DeltaGenerator:
        proto = Alert(body=str(body), format=fmt, icon=icon or "")  # type: ignore[arg-type]
        return self.dg._enqueue("alert", proto)
