"""``minilit.components.v1``: html, iframe and declare_component, as in Streamlit.

Mirrors: streamlit/components/v1/__init__.py. See components.py for how a
component reaches the page and what the browser lets it do.
"""

from minilit.components.v1.components import (
    CustomComponent,
    declare_component,
    html,
    iframe,
)

__all__ = ["CustomComponent", "declare_component", "html", "iframe"]
