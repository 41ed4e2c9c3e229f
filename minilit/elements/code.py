"""st.code: a code block with an optional language for highlighting.

Mirrors: streamlit/elements/code.py (CodeMixin). As in 1.67: one leading and one
trailing newline of the body are dropped, no language is sent as "plaintext",
``wrap_lines`` is sent, and the height (content by default, or pixels, or
"stretch") and the width travel in ``Element.height_config`` and ``width_config``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from minilit.elements.layout_utils import (
    Height,
    Width,
    check_bool,
    check_optional_str,
    height_config,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Code

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator


class CodeMixin(DGMixin):
    def code(
        self,
        body: object,
        language: str | None = "python",
        *,
        line_numbers: bool = False,
        wrap_lines: bool = False,
        height: Height | None = "content",
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """Show ``body`` as code."""
        check_bool("line_numbers", line_numbers)
        check_bool("wrap_lines", wrap_lines)
        text = re.sub(r"\n\Z", "", re.sub(r"\A\n", "", str(body)))
        proto = Code(
            code_text=text,
            language=check_optional_str("language", language) or "plaintext",
            show_line_numbers=line_numbers,
            wrap_lines=wrap_lines,
        )
        height_cfg = height_config("content" if height is None else height, allow_content=True)
        width_cfg = width_config(width, allow_content=True)
        return self.dg._enqueue("code", proto, width=width_cfg, height=height_cfg)
