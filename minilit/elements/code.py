"""st.code: a code block with an optional language for highlighting.

Mirrors: streamlit/elements/code.py (CodeMixin).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Code

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class CodeMixin(DGMixin):
    def code(
        self, body: str, language: str | None = "python", *, line_numbers: bool = False
    ) -> DeltaGenerator:
        """Show ``body`` as code."""
        proto = Code(code_text=body, language=language or "", show_line_numbers=line_numbers)
        return self.dg._enqueue("code", proto)
