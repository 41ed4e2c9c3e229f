"""st.error, st.warning, st.info, st.success: coloured message boxes.

Mirrors: streamlit/elements/alert.py (AlertMixin). As in 1.67 the body and title
are cleaned (``str``, dedented, stripped), the icon is checked, and the width
(stretch, or pixels) travels inside the Alert message. Without ``icon=``, a
Material icon or an emoji at the start of the body becomes the icon, as in 1.67.
Simplified: 1.67 recognises emoji with its catalogue of them; minilit by their
Unicode blocks (layout_utils.extract_leading_icon), so a keycap like "1️⃣" or a
rare symbol may be told apart differently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.heading import clean_text
from minilit.elements.layout_utils import Width, extract_leading_icon, icon_text, width_config
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
        text = clean_text(body)
        if icon is None:
            # Without icon=, an icon at the start of the body becomes the alert's icon.
            shown_icon, text = extract_leading_icon(text)
        else:
            shown_icon = icon_text(icon)
        proto = Alert(body=text, format=fmt, icon=shown_icon)
        if title is not None:
            proto.title = clean_text(title)
        proto.width_config.CopyFrom(width_config(width))
        return self.dg._enqueue("alert", proto)
