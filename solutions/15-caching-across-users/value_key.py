"""Reference solution of exercise value_key (lesson 15)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from minilit.runtime.caching.cache_errors import UnhashableParamError, UnhashableTypeError
from minilit.runtime.caching.cache_type import CacheType
from minilit.runtime.caching.cache_utils import _positional_arg_name
from minilit.runtime.caching.hashing import (
    HashFuncsDict,
    create_hasher,
    update_hash,
)


def make_value_key(
    cache_type: CacheType,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    hash_funcs: HashFuncsDict | None,
) -> str:
    """The key of one call's value within the function's cache."""
    pairs: list[tuple[str | None, Any]] = [
        (_positional_arg_name(func, i), value) for i, value in enumerate(args)
    ]
    pairs.extend(kwargs.items())
    hasher = create_hasher()
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue  # not hashed: neither the name nor the value
        try:
            update_hash(hasher, name)
            update_hash(hasher, value, hash_funcs)
        except UnhashableTypeError:
            raise UnhashableParamError(cache_type, func, name, value) from None
    return str(hasher.hexdigest())
