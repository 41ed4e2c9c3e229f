"""Reference solution of exercise widget_id (lesson 07). Try it yourself first."""

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
    key_is_identity = user_key is not None and (
        key_as_main_identity is True or isinstance(key_as_main_identity, Set)
    )
    if not key_is_identity:
        identity = dict(kwargs)
    elif isinstance(key_as_main_identity, Set):
        identity = {k: v for k, v in kwargs.items() if k in key_as_main_identity}
    else:
        identity = {}
    identity["active_script_hash"] = page_script_hash
    if not key_is_identity:
        identity["form_id"] = form_id
        identity["active_dg_root_container"] = root_container
    h = hashlib.blake2b(digest_size=16)
    h.update(element_type.encode("utf-8"))
    if user_key:
        h.update(user_key.encode("utf-8"))
    for name, value in identity.items():
        h.update(str(name).encode("utf-8"))
        h.update(str(value).encode("utf-8"))
    return f"$$ID-{h.hexdigest()}-{user_key}"
