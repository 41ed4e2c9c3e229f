"""st.cache_resource: one shared object per arguments, for every session of the process.

Mirrors: streamlit/runtime/caching/cache_resource_api.py (CacheResourceAPI,
ResourceCache). The object itself is stored and handed out, never copied: a
database connection or a model is created once and every browser uses the same
one. ``validate(value)`` is called on each hit; False drops the entry and the
value is computed again.
Simplified: no ``on_release``, no ``scope="session"``, no ``refresh_mode``.

Receives: calls from the script thread of any session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

from minilit.errors import MinilitAPIException
from minilit.runtime.caching.cache_type import CacheType
from minilit.runtime.caching.cache_utils import (
    TTL,
    CachedFunc,
    CacheStore,
    publish_cache_event,
    validate_show_spinner,
)
from minilit.runtime.caching.hashing import HashFuncsDict
from minilit.trace import events

R = TypeVar("R")

_RESOURCE_CACHES: CacheStore[Any] = CacheStore(CacheType.RESOURCE)
"""Every st.cache_resource function's objects, for the whole process."""


class CachedResourceFunc(CachedFunc[R]):
    def __init__(
        self, func: Callable[..., R], validate: Callable[[R], bool] | None, **kwargs: Any
    ) -> None:
        super().__init__(func, _RESOURCE_CACHES, **kwargs)
        self._validate = validate

    def store_value(self, value: R) -> R:
        return value

    def load_value(self, stored: R) -> R:
        return stored

    def is_valid(self, value: R) -> bool:
        return self._validate is None or bool(self._validate(value))


class CacheResourceAPI:
    """``st.cache_resource``: the decorator, with ``validate``, and ``.clear()``."""

    @overload
    def __call__(self, func: Callable[..., R]) -> CachedResourceFunc[R]: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncsDict | None = None,
    ) -> Callable[[Callable[..., R]], CachedResourceFunc[R]]: ...

    def __call__(
        self,
        func: Callable[..., R] | None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncsDict | None = None,
    ) -> CachedResourceFunc[R] | Callable[[Callable[..., R]], CachedResourceFunc[R]]:
        validate_show_spinner(show_spinner)
        if validate is not None and not callable(validate):
            raise MinilitAPIException(f"validate must be a function, not {validate!r}")

        def decorate(f: Callable[..., R]) -> CachedResourceFunc[R]:
            return CachedResourceFunc(
                f,
                validate,
                ttl=ttl,
                max_entries=max_entries,
                hash_funcs=hash_funcs,
                show_spinner=show_spinner,
                show_time=show_time,
            )

        return decorate if func is None else decorate(func)

    def clear(self, *, _session_id: str = "", _cause: str = "st.cache_resource.clear") -> None:
        """Forget every st.cache_resource object of every function, for everyone."""
        count = _RESOURCE_CACHES.clear_all()
        publish_cache_event(
            events.CACHE_CLEARED,
            CacheType.RESOURCE,
            "",
            entries=count,
            cause=_cause,
            session_id=_session_id,
        )


CACHE_RESOURCE_API = CacheResourceAPI()
