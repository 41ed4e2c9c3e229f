"""st.cache_data: cache a function's return value, hand each caller its own copy.

Mirrors: streamlit/runtime/caching/cache_data_api.py (CacheDataAPI, DataCache,
DataCaches). As in 1.67 the value is stored pickled: a hit unpickles a fresh
copy, so a caller that mutates what it got does not change what the next caller
(of any session) gets. A miss returns the computed object itself.
Simplified: no ``persist="disk"``, no ``max_size``, no ``scope="session"``, no
``refresh_mode`` (see cache_utils.py for what else).

Receives: calls from the script thread of any session.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import TypeVar, overload

from minilit.errors import MinilitAPIException
from minilit.runtime.caching.cache_errors import UnserializableReturnValueError
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

_DATA_CACHES: CacheStore[bytes] = CacheStore(CacheType.DATA)
"""Every st.cache_data function's values, for the whole process."""


class CachedDataFunc(CachedFunc[R]):
    def store_value(self, value: R) -> bytes:
        try:
            return pickle.dumps(value)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise UnserializableReturnValueError(self._func, value) from exc

    def load_value(self, stored: bytes) -> R:
        value: R = pickle.loads(stored)
        return value


class CacheDataAPI:
    """``st.cache_data``: ``@st.cache_data``, ``@st.cache_data(ttl=...)``, ``.clear()``."""

    @overload
    def __call__(self, func: Callable[..., R]) -> CachedDataFunc[R]: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        hash_funcs: HashFuncsDict | None = None,
    ) -> Callable[[Callable[..., R]], CachedDataFunc[R]]: ...

    def __call__(
        self,
        func: Callable[..., R] | None = None,
        *,
        ttl: TTL = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        hash_funcs: HashFuncsDict | None = None,
    ) -> CachedDataFunc[R] | Callable[[Callable[..., R]], CachedDataFunc[R]]:
        validate_show_spinner(show_spinner)
        if persist not in (None, False):
            raise MinilitAPIException(
                f"persist={persist!r}: minilit keeps st.cache_data in memory only."
            )

        def decorate(f: Callable[..., R]) -> CachedDataFunc[R]:
            return CachedDataFunc(
                f,
                _DATA_CACHES,
                ttl=ttl,
                max_entries=max_entries,
                hash_funcs=hash_funcs,
                show_spinner=show_spinner,
                show_time=show_time,
            )

        return decorate if func is None else decorate(func)

    def clear(self, *, _session_id: str = "", _cause: str = "st.cache_data.clear") -> None:
        """Forget every st.cache_data value of every function, for everyone."""
        count = _DATA_CACHES.clear_all()
        publish_cache_event(
            events.CACHE_CLEARED,
            CacheType.DATA,
            "",
            entries=count,
            cause=_cause,
            session_id=_session_id,
        )


CACHE_DATA_API = CacheDataAPI()
