"""st.title, st.header, st.subheader: Heading elements (h1, h2, h3).

Mirrors: streamlit/elements/heading.py (HeadingMixin, _create_heading_proto,
_handle_divider_color). The body is cleaned as 1.67 cleans it (``str``, dedented,
stripped); ``anchor=False`` hides the anchor link (``hide_anchor``); ``divider``
is True ("auto") or a colour name; ``wrap`` is always sent, as 1.67 sends it.
The width ("stretch" by default) and text alignment ("left") are sent in the
Element, as 1.67 sends them.
"""

from __future__ import annotations

from textwrap import dedent
from typing import TYPE_CHECKING

from minilit.elements.layout_utils import (
    InvalidParameterTypeError,
    InvalidValueError,
    Width,
    check_bool,
    icon_text,
    text_alignment_config,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.proto.Elements_pb2 import Heading

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

Anchor = str | bool | None
Divider = bool | str

_DIVIDER_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "rainbow")


def clean_text(text: object) -> str:
    """Text as 1.67 sends a heading's (or a caption's) body: dedented and stripped."""
    return dedent(str(text)).strip()


def help_str(help: object) -> str:
    """A tooltip as 1.67 sends it: its ``str``, dedented (None is no tooltip)."""
    return "" if help is None else dedent(str(help))


class HeadingMixin(DGMixin):
    def title(
        self,
        body: object,
        anchor: Anchor = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        width: Width = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        """The page's main heading (h1)."""
        return self._heading("h1", body, anchor, help, False, icon, wrap, width, text_alignment)

    def header(
        self,
        body: object,
        anchor: Anchor = None,
        *,
        help: str | None = None,
        divider: Divider = False,
        icon: str | None = None,
        width: Width = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        """A section heading (h2); ``divider`` draws a coloured line under it."""
        return self._heading("h2", body, anchor, help, divider, icon, wrap, width, text_alignment)

    def subheader(
        self,
        body: object,
        anchor: Anchor = None,
        *,
        help: str | None = None,
        divider: Divider = False,
        icon: str | None = None,
        width: Width = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        """A subsection heading (h3)."""
        return self._heading("h3", body, anchor, help, divider, icon, wrap, width, text_alignment)

    def _heading(
        self,
        tag: str,
        body: object,
        anchor: Anchor,
        help: object,
        divider: Divider,
        icon: object,
        wrap: bool,
        width: Width,
        text_alignment: str,
    ) -> DeltaGenerator:
        check_bool("wrap", wrap)
        width_cfg = width_config(width, allow_content=True)
        alignment = text_alignment_config(text_alignment)
        proto = Heading(tag=tag, body=clean_text(body), icon=icon_text(icon), wrap=wrap)
        if divider:
            proto.divider = _divider_color(divider)
        if anchor is False:
            proto.hide_anchor = True
        elif anchor is True:
            raise InvalidValueError("anchor", ["None", "False", "any string"])
        elif isinstance(anchor, str):
            proto.anchor = anchor
        elif anchor is not None:
            raise InvalidParameterTypeError(
                "anchor", type(anchor).__name__, ["str", "None", "False"]
            )
        if help:
            proto.help = help_str(help)
        return self.dg._enqueue("heading", proto, width=width_cfg, text_alignment=alignment)


def _divider_color(divider: Divider) -> str:
    if divider is True:
        return "auto"
    if isinstance(divider, str) and divider in _DIVIDER_COLORS:
        return divider
    raise InvalidValueError("divider", ["True", *(f"'{c}'" for c in _DIVIDER_COLORS)])
