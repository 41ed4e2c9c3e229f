"""st.markdown, st.caption, st.latex, st.divider: Markdown elements.

Mirrors: streamlit/elements/markdown.py (MarkdownMixin). The body is cleaned as
1.67 cleans it (``str``, dedented, stripped) and ``wrap`` is always sent.
Width and text alignment are sent in the Element as 1.67 sends them (no width
for st.markdown's default "auto"). st.latex is Markdown of type LATEX whose body is
the cleaned TeX between ``$$`` lines, as 1.67 sends it (a SymPy expression is turned
into TeX first). Simplified: no colored-text directives; the frontend does not draw
one-line (``wrap=False``) markdown differently, and shows TeX as its source (no KaTeX).

Security: raw HTML in the body is shown escaped by the browser unless
``unsafe_allow_html=True`` sets ``Markdown.allow_html`` (DESIGN.md section 7).
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
from minilit.errors import MinilitAPIException
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
        width: Width = "auto",
        text_alignment: str = "left",
        anchors: bool = True,
        wrap: bool = True,
    ) -> DeltaGenerator:
        """Write ``body`` as GitHub-flavoured Markdown."""
        return self._native_markdown(
            body, unsafe_allow_html, help, width, text_alignment, anchors, wrap, False
        )

    def _native_markdown(
        self,
        body: object,
        unsafe_allow_html: bool,
        help: str | None,
        width: Width,
        text_alignment: str,
        anchors: bool,
        wrap: bool,
        unterminated_parsing: bool,
    ) -> DeltaGenerator:
        """st.markdown, and st.write_stream's growing text (``unterminated_parsing``: the
        text may stop inside a construct, e.g. an unclosed ``**``)."""
        check_bool("anchors", anchors)
        # "auto" (the default) sends no width: the frontend sizes markdown itself.
        width_cfg = None if width == "auto" else width_config(width, allow_content=True)
        alignment = text_alignment_config(text_alignment)
        proto = _markdown(body, unsafe_allow_html, help, wrap, Markdown.NATIVE)
        proto.hide_anchors = not anchors
        proto.unterminated_parsing = unterminated_parsing
        return self.dg._enqueue("markdown", proto, width=width_cfg, text_alignment=alignment)

    def caption(
        self,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: Width = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        """Write small, muted Markdown text."""
        width_cfg = width_config(width, allow_content=True)
        alignment = text_alignment_config(text_alignment)
        proto = _markdown(body, unsafe_allow_html, help, wrap, Markdown.CAPTION)
        return self.dg._enqueue("markdown", proto, width=width_cfg, text_alignment=alignment)

    def latex(
        self,
        body: object,
        *,
        help: str | None = None,
        width: Width = "stretch",
    ) -> DeltaGenerator:
        """Show ``body`` as a display-mode LaTeX formula."""
        if _is_sympy_expression(body):
            import sympy  # type: ignore[import-not-found, unused-ignore]

            body = sympy.latex(body)
        proto = Markdown(body=f"$$\n{clean_text(body)}\n$$", element_type=Markdown.LATEX)
        if help:
            proto.help = help_str(help)
        return self.dg._enqueue("markdown", proto, width=width_config(width, allow_content=True))

    def divider(self, *, width: Width = "stretch") -> DeltaGenerator:
        """A horizontal rule (a Markdown element of type DIVIDER, as in Streamlit)."""
        proto = Markdown(body="---", element_type=Markdown.DIVIDER)
        return self.dg._enqueue("markdown", proto, width=width_config(width))


def _is_sympy_expression(obj: object) -> bool:
    """A SymPy expression, recognised without importing SymPy (as 1.67's type_util)."""
    module = type(obj).__module__ or ""
    if not module.startswith("sympy"):
        return False
    try:
        import sympy  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return False
    return isinstance(obj, sympy.Expr)


def _markdown(
    body: object, unsafe_allow_html: bool, help: object, wrap: bool, kind: Markdown.Type
) -> Markdown:
    check_bool("unsafe_allow_html", unsafe_allow_html)
    check_bool("wrap", wrap)
    if not wrap and unsafe_allow_html:
        # 1.67's StreamlitIncompatibleParametersError: one line cannot cut raw HTML short.
        raise MinilitAPIException(
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together: one-line "
            "markdown cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit "
            "`unsafe_allow_html` to truncate."
        )
    proto = Markdown(
        body=clean_text(body), allow_html=unsafe_allow_html, element_type=kind, wrap=wrap
    )
    if help:
        proto.help = help_str(help)
    return proto
