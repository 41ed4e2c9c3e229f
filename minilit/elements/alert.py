"""st.error, st.warning, st.info, st.success: coloured message boxes.

Mirrors: streamlit/elements/alert.py (AlertMixin). As in 1.67 the body and title
are cleaned (``str``, dedented, stripped), the icon is checked, and the width
(stretch, or pixels) travels inside the Alert message. Simplified: an icon at the
start of the body is not moved into ``icon`` (1.67 does that with its emoji
catalogue, which minilit does not have).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.heading import clean_text
from minilit.elements.layout_utils import Width, icon_text, width_config
from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Alert

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class AlertMixin(DGMixin):
    def error(
        self,
        body: object,
        *,
        icon: str | None = None,
        title: object = None,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """A red box with Markdown ``body``."""
        return self._alert(body, Alert.ERROR, icon, title, width)

    def warning(
        self,
        body: object,
        *,
        icon: str | None = None,
        title: object = None,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """A yellow box with Markdown ``body``."""
        return self._alert(body, Alert.WARNING, icon, title, width)

    def info(
        self,
        body: object,
        *,
        icon: str | None = None,
        title: object = None,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """A blue box with Markdown ``body``."""
        return self._alert(body, Alert.INFO, icon, title, width)

    def success(
        self,
        body: object,
        *,
        icon: str | None = None,
        title: object = None,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """A green box with Markdown ``body``."""
        return self._alert(body, Alert.SUCCESS, icon, title, width)

    def _alert(
        self, body: object, fmt: Alert.Format, icon: object, title: object, width: Width
    ) -> DeltaGenerator:
        proto = Alert(body=clean_text(body), format=fmt, icon=icon_text(icon))
        if title is not None:
            proto.title = clean_text(title)
        proto.width_config.CopyFrom(width_config(width))
        return self.dg._enqueue("alert", proto)
