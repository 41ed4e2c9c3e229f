"""Exercise value_key (lesson 15). Read value_key.md first.

This function replaces minilit.runtime.caching.cache_utils.make_value_key when you run
`minilit lesson check 15`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from minilit.runtime.caching.cache_errors import UnhashableParamError, UnhashableTypeError  # noqa: F401
from minilit.runtime.caching.cache_type import CacheType
from minilit.runtime.caching.cache_utils import _positional_arg_name  # noqa: F401
from minilit.runtime.caching.hashing import (  # noqa: F401
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
    # A first attempt: what the call looks like, printed, is what tells calls apart.
    # Every argument is printed; names do not matter since the values are in order.
    hasher = create_hasher()
    hasher.update(repr(args).encode())
    hasher.update(repr(sorted(kwargs.items())).encode())
    return str(hasher.hexdigest())
