"""st.title, st.header, st.subheader: Heading elements (h1, h2, h3).

Mirrors: streamlit/elements/heading.py (HeadingMixin). Simplified: no
colored dividers, no icons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Heading

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class HeadingMixin(DGMixin):
    def title(
        self, body: object, anchor: str | None = None, *, help: str | None = None
    ) -> DeltaGenerator:
        """The page's main heading (h1)."""
        return self._heading("h1", body, anchor, help)

    def header(
        self, body: object, anchor: str | None = None, *, help: str | None = None
    ) -> DeltaGenerator:
        """A section heading (h2)."""
        return self._heading("h2", body, anchor, help)

    def subheader(
        self, body: object, anchor: str | None = None, *, help: str | None = None
    ) -> DeltaGenerator:
        """A subsection heading (h3)."""
        return self._heading("h3", body, anchor, help)

    def _heading(
        self, tag: str, body: object, anchor: str | None, help_text: str | None
    ) -> DeltaGenerator:
        proto = Heading(tag=tag, body=str(body), help=help_text or "")
        if anchor is not None:
            proto.anchor = anchor
        return self.dg._enqueue("heading", proto)
