"""Reference solution of exercise fragment_id (lesson 16). Try it yourself first."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any


def fragment_id_for(
    func: Callable[..., Any], delta_path: list[int], additional_hash_info: str = ""
) -> str:
    """The fragment's id: BLAKE2b-128 of ``module.qualname``, the path, the extra info."""
    name = f"{func.__module__}.{getattr(func, '__qualname__', func.__name__)}"
    return hashlib.blake2b(
        f"{name}{delta_path}{additional_hash_info}".encode(), digest_size=16
    ).hexdigest()
