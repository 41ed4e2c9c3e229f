"""st.html: a piece of HTML inserted into the page (not in an iframe).

Mirrors: streamlit/elements/html.py (HtmlMixin.html). As in 1.67 the body is an object's
``_repr_html_()`` when it has one, a ``pathlib.Path``'s file (a ``.css`` file wrapped in
``<style>``), or else the cleaned ``str`` of it; an empty result is refused. HTML that is
only ``<style>`` blocks (and comments) goes to the event container, so it styles the
page without taking a place in it. st.write of an object with ``_repr_html_`` comes
here when ``unsafe_allow_html=True``.

Security: the browser sanitizes the body with DOMPurify before inserting it (as 1.67's
frontend does) and never runs its scripts, even with ``unsafe_allow_javascript=True``
(1.67 runs them then; minilit's frontend does not, see frontend/README.md).
Simplified: a string that names a file is taken as HTML (1.67 warns that this is no
longer supported and does the same).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from minilit.elements.heading import clean_text
from minilit.elements.layout_utils import Width, check_bool, width_config
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Html_pb2 import Html

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)


class HtmlMixin(DGMixin):
    def html(
        self,
        body: object,
        *,
        width: Width = "stretch",
        unsafe_allow_javascript: bool = False,
    ) -> DeltaGenerator:
        """Insert ``body`` as HTML (sanitized; scripts are not run)."""
        from minilit.delta_generator import EVENT_DG

        check_bool("unsafe_allow_javascript", unsafe_allow_javascript)
        repr_html = getattr(body, "_repr_html_", None)
        if callable(repr_html):
            content = str(repr_html())
        elif isinstance(body, Path):
            content = body.read_text(encoding="utf-8")
            if body.suffix.lower() == ".css":
                content = f"<style>{content}</style>"
        else:
            content = clean_text(body)
        if content == "":
            raise MinilitAPIException("The `body` parameter is required.")
        width_cfg = width_config(width, allow_content=True)
        if _only_style_tags(content):
            # Styles only: not a place in the page (1.67 sends them to the event container).
            return EVENT_DG._enqueue("html", Html(body=content))
        proto = Html(body=content, unsafe_allow_javascript=unsafe_allow_javascript)
        return self.dg._enqueue("html", proto, width=width_cfg)


def _only_style_tags(content: str) -> bool:
    return _STYLE.sub("", _COMMENT.sub("", content)).strip() == ""
