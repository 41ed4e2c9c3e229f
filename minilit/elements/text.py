"""st.text: fixed-width text, never interpreted as Markdown or HTML.

Mirrors: streamlit/elements/text.py (TextMixin.text). The body is cleaned as 1.67
cleans it (``str``, dedented, stripped); ``wrap``, the width ("content" by default)
and the text alignment ("left") are always sent, as 1.67 sends them. Simplified: the
frontend does not draw ``wrap=False`` as one cut line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.heading import clean_text, help_str
from minilit.elements.layout_utils import (
    Width,
    check_bool,
    text_alignment_config,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Text

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class TextMixin(DGMixin):
    def text(
        self,
        body: object,
        *,
        help: str | None = None,
        width: Width = "content",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        """Write ``body`` as plain, preformatted text.

        Example:
            >>> st.text("Hello")        # doctest: +SKIP
        """
        check_bool("wrap", wrap)
        width_cfg = width_config(width, allow_content=True)
        alignment = text_alignment_config(text_alignment)
        proto = Text(body=clean_text(body), wrap=wrap)
        if help:
            proto.help = help_str(help)
        return self.dg._enqueue("text", proto, width=width_cfg, text_alignment=alignment)
