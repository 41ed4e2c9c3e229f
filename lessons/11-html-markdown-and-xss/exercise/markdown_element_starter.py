"""Exercise markdown_element: the Markdown element st.markdown and st.caption send.

Replaces minilit.elements.markdown._markdown. Read markdown_element.md.
"""

from __future__ import annotations

from minilit.elements.heading import clean_text
from minilit.proto.Elements_pb2 import Markdown


def _markdown(
    body: object, unsafe_allow_html: bool, help: object, wrap: bool, kind: Markdown.Type
) -> Markdown:
    """The Markdown proto for ``body``."""
    # "Helpful": HTML always works, so nobody has to remember unsafe_allow_html.
    return Markdown(body=clean_text(body), allow_html=True, element_type=kind, wrap=wrap)
