"""Exercise widget_id (lesson 07). Read widget_id.md first.

This function replaces minilit.elements.widgets.ids.compute_element_id when you run
`minilit lesson check 7`.

The starter is roughly Streamlit 1.39's rule: MD5 over everything. It works (ids are
stable), but a keyed widget whose label changes loses its value, the same unkeyed widget
cannot be in the main area and the sidebar, and no id matches Streamlit 1.67's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Set
from typing import Any


def compute_element_id(
    element_type: str,
    user_key: str | None,
    key_as_main_identity: bool | Set[str],
    *,
    page_script_hash: str,
    form_id: str,
    root_container: int,
    **kwargs: Any,
) -> str:
    # TODO: 1.67's rule (widget_id.md): BLAKE2b-128, the key, key_as_main_identity,
    # and the root container.
    h = hashlib.md5(usedforsecurity=False)
    h.update(element_type.encode("utf-8"))
    for name, value in kwargs.items():
        h.update(str(name).encode("utf-8"))
        h.update(str(value).encode("utf-8"))
    h.update(form_id.encode("utf-8"))
    h.update(page_script_hash.encode("utf-8"))
    return f"$$ID-{h.hexdigest()}-{user_key}"
