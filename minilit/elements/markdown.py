"""st.markdown, st.caption, st.divider: Markdown elements.

Mirrors: streamlit/elements/markdown.py (MarkdownMixin). Simplified: no
``st.latex``, no colored-text directives, no badge/help rendering.

Security: raw HTML in the body is shown escaped by the browser unless
``unsafe_allow_html=True`` sets ``Markdown.allow_html`` (DESIGN.md section 7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Markdown

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class MarkdownMixin(DGMixin):
    def markdown(
        self,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
    ) -> DeltaGenerator:
        """Write ``body`` as GitHub-flavoured Markdown."""
        proto = Markdown(
            body=str(body),
            allow_html=unsafe_allow_html,
            element_type=Markdown.NATIVE,
            help=help or "",
        )
        return self.dg._enqueue("markdown", proto)

    def caption(
        self, body: object, unsafe_allow_html: bool = False, *, help: str | None = None
    ) -> DeltaGenerator:
        """Write small, muted Markdown text."""
        proto = Markdown(
            body=str(body),
            allow_html=unsafe_allow_html,
            element_type=Markdown.CAPTION,
            help=help or "",
        )
        return self.dg._enqueue("markdown", proto)

    def divider(self) -> DeltaGenerator:
        """A horizontal rule (a Markdown element of type DIVIDER, as in Streamlit)."""
        proto = Markdown(body="---", element_type=Markdown.DIVIDER)
        return self.dg._enqueue("markdown", proto)
