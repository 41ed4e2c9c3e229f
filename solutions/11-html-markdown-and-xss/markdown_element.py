"""Reference solution of exercise markdown_element (lesson 11)."""

from __future__ import annotations

from minilit.elements.heading import clean_text, help_str
from minilit.elements.layout_utils import check_bool
from minilit.errors import MinilitAPIException
from minilit.proto.Elements_pb2 import Markdown


def _markdown(
    body: object, unsafe_allow_html: bool, help: object, wrap: bool, kind: Markdown.Type
) -> Markdown:
    """The Markdown proto for ``body``."""
    check_bool("unsafe_allow_html", unsafe_allow_html)
    check_bool("wrap", wrap)
    if unsafe_allow_html and not wrap:
        raise MinilitAPIException(
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together."
        )
    proto = Markdown(
        body=clean_text(body), allow_html=unsafe_allow_html, element_type=kind, wrap=wrap
    )
    if help:
        proto.help = help_str(help)
    return proto
