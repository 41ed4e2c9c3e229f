"""st.text: fixed-width text, never interpreted as Markdown or HTML.

Mirrors: streamlit/elements/text.py (TextMixin.text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Text

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class TextMixin(DGMixin):
    def text(self, body: object, *, help: str | None = None) -> DeltaGenerator:
        """Write ``body`` as plain, preformatted text.

        Example:
            >>> st.text("Hello")        # doctest: +SKIP
        """
        proto = Text(body=str(body), help=help or "")
        return self.dg._enqueue("text", proto)
